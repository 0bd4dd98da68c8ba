export * from './config';
export * from './create-app';
export { IntakeModule } from './app.module';
