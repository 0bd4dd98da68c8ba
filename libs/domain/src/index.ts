export * from './shared';
export * from './vocabulary';
export * from './calendar';
export * from './sla';
export * from './org';
export * from './taxonomy';
export * from './case';
export * from './mediation';
