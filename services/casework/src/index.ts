export * from './config';
export * from './create-app';
export { CaseworkModule } from './app.module';
export * from './commands/command-policy';
export * from './commands/command-errors';
export * from './read-model/case-projection';
export { caseworkUnitNames } from './statistics/statistics.module';
