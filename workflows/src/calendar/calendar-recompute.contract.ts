// What casework (which starts it) and the worker share about the recompute fan-out.

export const CALENDAR_RECOMPUTE_WORKFLOW_TYPE = 'calendarRecomputeWorkflow';

export interface CalendarRecomputeInput {
  /** The year whose arrangement was entered or corrected. */
  year: number;
  /** The calendar's version after that change (grid's counter). */
  version: number;
  /** Pause before the second pass, catching cases that read the calendar while their worker still cached the old version. */
  secondPassAfterMs?: number;
}

export interface CalendarRecomputeResult {
  year: number;
  version: number;
  /** Case workflows told, per pass (the second finds only those the first missed or that ignore it). */
  signalled: number[];
}

/** One fan-out per calendar version: a redelivered event finds it started and starts nothing. */
export const calendarRecomputeWorkflowId = (version: number): string => `calendar-recompute-v${version}`;

/** The running case workflows whose clocks use the year (CalendarYears search attribute). */
export const casesUsingYearQuery = (year: number): string => `WorkflowType = 'caseWorkflow' AND ExecutionStatus = 'Running' AND CalendarYears = '${Math.trunc(year)}'`;
