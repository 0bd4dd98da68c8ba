// What casework (which creates the schedule and generates the report) and the worker (which runs the workflow)
// share about the monthly 考核 report.

export const MONTHLY_REPORT_WORKFLOW_TYPE = 'monthlyReportWorkflow';

export interface MonthlyReportRunInput {
  /** The task queue of casework's report activities (it holds the figures and the report store). */
  reportTaskQueue: string;
  /** The China day (YYYY-MM-DD) to decide for; today by the workflow's clock when absent (the schedule's runs). */
  day?: string;
}

export type MonthlyReportRunResult =
  | { day: string; firstWorkingDay: string; generated: false }
  | { day: string; firstWorkingDay: string; generated: true; month: string; created: boolean; announced: boolean };

/** What casework's activity answers for a month it was asked to generate. */
export interface GeneratedMonthlyReport {
  month: string;
  /** false: the month's report was there already (the first one generated stands) */
  created: boolean;
  /** true: this call told supervisors (statistics.monthly-report-generated); false: they had been told before */
  announced: boolean;
  policyVersion: number;
}

/** casework's activities, on `reportTaskQueue`. */
export interface MonthlyReportActivities {
  generateMonthlyReport(request: { month: string; generatedBy: string }): Promise<GeneratedMonthlyReport>;
}

/** Who the scheduled run names as the report's author. */
export const SCHEDULED_REPORT_AUTHOR = 'schedule';

/** casework's report activities listen beside the case worker's queue (one per deployment, as the queue is). */
export const monthlyReportTaskQueue = (caseTaskQueue: string): string => `${caseTaskQueue}.statistics`;

/** One schedule per deployment (its case task queue): created idempotently by casework at start. */
export const monthlyReportScheduleId = (caseTaskQueue: string): string => `monthly-report:${caseTaskQueue}`;

/** The schedule's daily run, China time: the workflow decides whether today is the day. */
export const MONTHLY_REPORT_RUN_AT = { hour: 8, minute: 30, timeZone: 'Asia/Shanghai' } as const;
