export * from './dist/telemetry/telemetry';
