export * from './shared';
export * from './calendar';
