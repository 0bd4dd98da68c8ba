export * from './business-calendar';
export * from './business-duration';
export * from './calendar-errors';
export * from './calendar-overrides';
export * from './china-time';
export * from './holiday-schedule';
export * from './office-hours';
export { PACKAGE_YEAR_SCHEDULES, type YearSchedule } from './package-holiday-data';
export * from './jurisdiction-office-hours';
