export * from './config';
export * from './create-app';
export { HotlineModule } from './app.module';
