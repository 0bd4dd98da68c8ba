// Entry point of the workflow bundle: every workflow the worker runs.
export { caseWorkflow } from './case/case.workflow';
export { departmentSummonsWorkflow } from './summons/department-summons.workflow';
export { mediationWorkflow } from './mediation/mediation.workflow';
export { calendarRecomputeWorkflow } from './calendar/calendar-recompute.workflow';
export { monthlyReportWorkflow } from './reports/monthly-report.workflow';
