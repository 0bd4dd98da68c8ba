export * from './dist/worker/create-worker';
