export * from './priority';
export * from './sla-clock';
export * from './sla-errors';
export * from './sla-policy';
export * from './sla-profiles';
export * from './sla-reading';
export * from './sla-windows';
