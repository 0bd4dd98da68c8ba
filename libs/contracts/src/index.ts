export * from './envelope/event-envelope';
export * from './catalog/define-event';
export * from './catalog/event-catalog';
export * from './catalog/validate-event';
export * from './shared/value-schemas';
export * from './hotline/call-logged.event';
export * from './case/case-registered.event';
export * from './catalog/render-catalog';
