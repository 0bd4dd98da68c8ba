export * from './config';
export * from './create-app';
export * from './users/demo-users';
export { IdentityModule } from './app.module';
