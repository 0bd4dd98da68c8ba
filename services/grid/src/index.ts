export * from './config';
export * from './create-app';
export { GridModule } from './app.module';
