import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import { chinaDayOf, dateKeyOfChinaDay } from '@civicflow/domain';
import type { CaseActivities } from '../case/case.activities';
import { type MonthlyReportActivities, type MonthlyReportRunInput, type MonthlyReportRunResult, SCHEDULED_REPORT_AUTHOR } from './monthly-report.contract';

/** The month before `YYYY-MM`. */
export function monthBefore(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

const { firstWorkingDayOfMonth } = proxyLocalActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes', backoffCoefficient: 2 },
});

/**
 * 月度考核报告 on the first working day of the next month: the schedule runs this every morning (China time); the
 * workflow asks the business calendar (local activity: the administered arrangement, 调休 included) which day of
 * this month is its first working day, and from that day on has casework generate last month's report (an
 * activity on casework's queue). Generating is idempotent — the first report of a month stands and supervisors
 * are told once — so the daily runs after the first working day only make up for a day the system was down.
 */
export async function monthlyReportWorkflow(input: MonthlyReportRunInput): Promise<MonthlyReportRunResult> {
  const day = input.day ?? dateKeyOfChinaDay(chinaDayOf(Date.now()));
  const firstWorkingDay = await firstWorkingDayOfMonth({ month: day.slice(0, 7) });
  if (day < firstWorkingDay) return { day, firstWorkingDay, generated: false };
  const { generateMonthlyReport } = proxyActivities<MonthlyReportActivities>({
    taskQueue: input.reportTaskQueue,
    // the whole city's figures of a month: seconds at 100k cases, more on a busy machine
    startToCloseTimeout: '10 minutes',
    // casework may be restarting: keep trying through the day
    scheduleToCloseTimeout: '20 hours',
    retry: { initialInterval: '10 seconds', maximumInterval: '10 minutes', backoffCoefficient: 2 },
  });
  const month = monthBefore(day.slice(0, 7));
  const generated = await generateMonthlyReport({ month, generatedBy: SCHEDULED_REPORT_AUTHOR });
  return { day, firstWorkingDay, generated: true, month, created: generated.created, announced: generated.announced };
}
