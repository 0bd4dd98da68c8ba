// Issue 13: the monthly 考核 report on the first working day of the next month, on the real servers (Temporal dev
// server, Kafka, FerretDB). casework creates the daily schedule at start (a second casework finds it), the case
// worker runs monthlyReportWorkflow, which asks the business calendar for the month's first working day and from
// then on has casework's activity generate last month's report; casework announces it once
// (statistics.monthly-report-generated) and notification puts it in the city supervisors' inbox with the month and
// a link to the report page.
import { type Client, ScheduleOverlapPolicy, type WorkflowHandle } from '@temporalio/client';
import { join } from 'node:path';
import { monthlyReportGeneratedV1 } from '@civicflow/contracts';
import { chinaDayOf, createBusinessCalendar, dateKeyOfChinaDay } from '@civicflow/domain';
import { bearerFor, EventProbe, eventually, httpAs, recordHistoryIfAsked, startCaseWorker, startSystem, type TestSystem, uniqueId } from '@civicflow/testing';
import {
  MONTHLY_REPORT_WORKFLOW_TYPE, type MonthlyReportRunInput, type MonthlyReportRunResult, monthlyReportScheduleId, monthlyReportTaskQueue,
} from '@civicflow/workflows';

const HISTORIES = join(__dirname, '../../workflows/test/histories');
const SUPERVISOR = { role: 'supervisor', unitId: 'bf', userId: 'supervisor' } as const;
/** The calendar the worker computes with (package data, no administrator's overrides). */
const calendar = createBusinessCalendar();

function firstWorkingDayOf(month: string): string {
  for (let date = 1; ; date++) {
    const day = `${month}-${String(date).padStart(2, '0')}`;
    if (calendar.isWorkingDay(day)) return day;
  }
}
const zhMonth = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;

describe('the monthly 考核 report on the first working day of the next month, and the supervisors told', () => {
  let system: TestSystem<'identity' | 'notification' | 'casework'>;
  let env: TestSystem['env'];
  let temporal: Client;
  const urls: Record<'casework' | 'notification', string> = { casework: '', notification: '' };
  let probe: EventProbe;

  beforeAll(async () => {
    // no grid in this test: unit names fall back to ids, and nothing here names a unit
    system = await startSystem({ services: ['identity', 'notification', 'casework'], env: { GRID_URL: 'http://127.0.0.1:9' }, worker: {} });
    ({ env, temporal } = system);
    Object.assign(urls, system.urls);
    probe = await new EventProbe(system.kafka, [monthlyReportGeneratedV1.topic], `probe-${system.runId}`).start();
  });

  afterAll(async () => {
    await probe?.stop();
    await system?.stop();
  });

  const http = httpAs(urls);
  const reportTaskQueue = () => monthlyReportTaskQueue(env.CASE_TASK_QUEUE);
  const run = async (day: string, caseTaskQueue = env.CASE_TASK_QUEUE): Promise<{ handle: WorkflowHandle; result: MonthlyReportRunResult }> => {
    const input: MonthlyReportRunInput = { reportTaskQueue: monthlyReportTaskQueue(caseTaskQueue), day };
    const handle = await temporal.workflow.start(MONTHLY_REPORT_WORKFLOW_TYPE, { workflowId: `monthly-report-${day}-${uniqueId()}`, taskQueue: caseTaskQueue, args: [input] });
    return { handle, result: (await handle.result()) as MonthlyReportRunResult };
  };
  const inboxFor = async (month: string) => {
    const inbox = await http('notification', 'GET', '/api/v1/inbox', SUPERVISOR);
    expect(inbox.status).toBe(200);
    return (inbox.body.items as { title: string; body: string; link?: string }[]).filter((item) => item.title.startsWith(zhMonth(month)));
  };

  it('casework creates the daily schedule once: every morning 08:30 China time, the workflow on the case queue', async () => {
    const schedule = await temporal.schedule.getHandle(monthlyReportScheduleId(env.CASE_TASK_QUEUE)).describe();
    expect(schedule.spec.timezone).toBe('Asia/Shanghai');
    expect(schedule.spec.calendars).toEqual([expect.objectContaining({ hour: [{ start: 8, end: 8, step: 1 }], minute: [{ start: 30, end: 30, step: 1 }] })]);
    expect(schedule.action).toMatchObject({ type: 'startWorkflow', workflowType: MONTHLY_REPORT_WORKFLOW_TYPE, taskQueue: env.CASE_TASK_QUEUE, args: [{ reportTaskQueue: reportTaskQueue() }] });
    // a second casework (a replica, a restart) finds it and serves the report activity beside the first
    await system.startAnother('casework');
    const schedules: string[] = [];
    for await (const listed of temporal.schedule.list()) schedules.push(listed.scheduleId);
    expect(schedules).toEqual([monthlyReportScheduleId(env.CASE_TASK_QUEUE)]);
  });

  it('before the first working day nothing is generated; from it, last month’s report is generated once and the supervisors told once', async () => {
    // 2027-01-01 is 元旦: the month's first working day comes after the holiday and the weekend
    const newYear = await run('2027-01-01');
    expect(newYear.result).toEqual({ day: '2027-01-01', firstWorkingDay: firstWorkingDayOf('2027-01'), generated: false });
    expect(firstWorkingDayOf('2027-01') > '2027-01-01').toBe(true);
    await recordHistoryIfAsked(newYear.handle, HISTORIES, 'monthly-report-not-yet');

    const day = firstWorkingDayOf('2026-11');
    const first = await run(day);
    expect(first.result).toEqual({ day, firstWorkingDay: day, generated: true, month: '2026-10', created: true, announced: true });
    await recordHistoryIfAsked(first.handle, HISTORIES, 'monthly-report-generated');
    const list = await http('casework', 'GET', '/api/v1/statistics/reports/monthly', SUPERVISOR);
    expect(list.body.reports).toEqual([expect.objectContaining({ month: '2026-10', policyVersion: 1 })]);
    const announced = await probe.waitForEvent(monthlyReportGeneratedV1.type, (e) => e.id === 'monthly-report:2026-10');
    expect(announced.data).toMatchObject({ month: '2026-10', generatedBy: 'schedule', cityUnitId: 'bf', files: { pdf: '/api/v1/statistics/reports/monthly/2026-10?format=pdf' } });

    const told = await eventually(async () => ((await inboxFor('2026-10')).length > 0 ? inboxFor('2026-10') : undefined), { what: 'the supervisor’s inbox item', timeoutMs: 30_000 });
    expect(told).toEqual([expect.objectContaining({ title: '2026年10月考核报告已生成', link: '/reports/monthly?month=2026-10', body: expect.stringContaining('PDF 与 Excel') })]);
    const pdf = await fetch(`${urls.casework}${(announced.data as { files: { pdf: string } }).files.pdf}`, { headers: { authorization: await bearerFor(SUPERVISOR.role, SUPERVISOR.unitId, SUPERVISOR.userId) } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');

    // the next morning's run (or a retried activity) finds the report and tells nobody again
    const again = await run(day);
    expect(again.result).toMatchObject({ generated: true, month: '2026-10', created: false, announced: false });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(probe.messages.filter((m) => m.event?.type === monthlyReportGeneratedV1.type && (m.event.data as { month: string }).month === '2026-10')).toHaveLength(1);
    expect(await inboxFor('2026-10')).toHaveLength(1);
  });

  it('two casework replicas starting together create one schedule that never overlaps its runs, and two runs of one day at once generate and announce the month once', async () => {
    // a deployment of its own (its case task queue names the schedule and the report queue), two replicas started at the same moment
    const deployment = { ...env, CASE_TASK_QUEUE: uniqueId('cases-') };
    await Promise.all([0, 1].map(() => system.startAnother('casework', { CASE_TASK_QUEUE: deployment.CASE_TASK_QUEUE })));
    const schedules: string[] = [];
    for await (const listed of temporal.schedule.list()) schedules.push(listed.scheduleId);
    expect(schedules.sort()).toEqual([monthlyReportScheduleId(env.CASE_TASK_QUEUE), monthlyReportScheduleId(deployment.CASE_TASK_QUEUE)].sort());
    // a day's run still going when the next is due (casework away): the next is skipped, never a second run beside it
    expect((await temporal.schedule.getHandle(monthlyReportScheduleId(deployment.CASE_TASK_QUEUE)).describe()).policies.overlap).toBe(ScheduleOverlapPolicy.SKIP);

    // two runs of the same day at once (a manual trigger beside the morning's run), both replicas serving the activity
    const deploymentWorker = await startCaseWorker(deployment, system.kafka);
    try {
      const day = firstWorkingDayOf('2026-09');
      const runs = await Promise.all([run(day, deployment.CASE_TASK_QUEUE), run(day, deployment.CASE_TASK_QUEUE)]);
      const results = runs.map((r) => r.result as Extract<MonthlyReportRunResult, { generated: true }>);
      expect(results.map((r) => [r.generated, r.month])).toEqual([[true, '2026-08'], [true, '2026-08']]);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(results.filter((r) => r.announced)).toHaveLength(1);
    } finally {
      await deploymentWorker.stop();
    }
    const list = await http('casework', 'GET', '/api/v1/statistics/reports/monthly', SUPERVISOR);
    expect((list.body.reports as { month: string }[]).filter((r) => r.month === '2026-08')).toHaveLength(1);
    await eventually(async () => ((await inboxFor('2026-08')).length === 1 ? true : undefined), { what: 'the inbox item of 2026-08' });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(probe.messages.filter((m) => m.event?.id === 'monthly-report:2026-08')).toHaveLength(1);
    expect(await inboxFor('2026-08')).toHaveLength(1);
  });

  it('the schedule triggered now runs the workflow on today, China time (either side of the first working day: above, with the day passed in)', async () => {
    const schedule = temporal.schedule.getHandle(monthlyReportScheduleId(env.CASE_TASK_QUEUE));
    const before = dateKeyOfChinaDay(chinaDayOf(Date.now()));
    await schedule.trigger();
    const workflowId = await eventually(async () => (await schedule.describe()).info.recentActions.at(-1)?.action.workflow.workflowId, { what: 'the triggered run' });
    const result = (await temporal.workflow.getHandle(workflowId).result()) as MonthlyReportRunResult;
    // the schedule passes no day: the workflow takes today's China date (a run across midnight may take either)
    expect([before, dateKeyOfChinaDay(chinaDayOf(Date.now()))]).toContain(result.day);
    const first = firstWorkingDayOf(result.day.slice(0, 7));
    expect(result).toMatchObject({ firstWorkingDay: first, generated: result.day >= first });
  });
});
