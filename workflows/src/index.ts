// What clients import: names, inputs, Updates, Queries, views and search attribute keys. The worker lives in
// ./worker and is not exported; workflow functions are never imported by clients.
export * from './case/case.contract';
export * from './case/case-search-attributes';
export * from './summons/department-summons.contract';
export * from './mediation/mediation.contract';
export * from './calendar/calendar-recompute.contract';
export * from './reports/monthly-report.contract';
