export * from './config';
export * from './create-app';
export { IntakeModule } from './app.module';
export { storedCasesMigration } from './reports/migrate-stored-cases/migrate-stored-cases';
export type { StoredCaseV0 } from './reports/migrate-stored-cases/migrate-stored-cases';
