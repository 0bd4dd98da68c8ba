export * from './eventually';
export * from './test-config';
export * from './event-probe';
export * from './temporal-test-env';
export * from './workflow-histories';
export * from './tokens';
export * from './temporal-namespace';
export * from './case-worker';
