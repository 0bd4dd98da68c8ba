export * from './eventually';
export * from './test-config';
export * from './event-probe';
