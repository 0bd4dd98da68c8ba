// The business calendar on the real servers (Kafka, Temporal dev server, FerretDB): the grid service administers
// the official holiday arrangements and units' office hours; the case worker computes deadlines with them, read
// from grid; casework hears of an entered year and has every running case whose clocks touch it recompute.
//
// The scenario is "a case opened on 2026-12-24 with a 7-working-day window": the dev server runs on the
// real clock, so here the case opens now with a window just long enough to run two working days into the coming
// year (the same scenario at 2026-12-24 exactly runs on the time-skipping server: workflows/test/case-calendar).
// The next year's arrangement entered below is a FICTIONAL test fixture, not any State Council notice.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { INestApplication } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { Kafka } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { calendarCoverageWarningV1, calendarYearPublishedV1 } from '@civicflow/contracts';
import {
  type BusinessCalendar,
  calendarCoverage,
  chinaDayOf,
  chinaTime,
  createBusinessCalendar,
  createHolidaySchedule,
  dateKeyOfChinaDay,
  DEFAULT_SLA_PROFILES,
  type OfficeHoursConfig,
  statutoryHolidays,
  workingDays,
  yearOfChinaDay,
} from '@civicflow/domain';
import { createKafka, ensureTopics } from '@civicflow/platform';
import { DEMO_ROUTE, demoCaseInput, EventProbe, eventually, httpAs, integrationConfig, ownTemporalNamespace, startCaseWorker, type TestCaseWorker, uniqueId } from '@civicflow/testing';
import { type CaseView, caseStatusQuery } from '@civicflow/workflows';
import { calendarFromGrid, serveWorkerHealth, withProfiles, workerConfigSchema } from '@civicflow/workflows/worker';
import { caseworkConfigSchema, createCaseworkApp } from '@civicflow/casework';
import { createGridApp, gridConfigSchema } from '@civicflow/grid';

const runId = uniqueId();
/**
 * The cliff grid sees at its start (a fresh database: the package's years). The warning window reaches exactly to
 * today, so grid warns at its start on any date, and no longer once the years up to the coming one are entered.
 */
const atStart = calendarCoverage(createHolidaySchedule(), Date.now());
const env = integrationConfig({
  MONGO_DB_PREFIX: runId,
  GRID_CONSUMER_GROUP: `grid-${runId}`,
  CASEWORK_CONSUMER_GROUP: `casework-${runId}`,
  KAFKA_FROM_BEGINNING: 'false',
  GRID_SEED_DEMO: 'true',
  CALENDAR_OUTBOX_INTERVAL_MS: '500',
  // the coverage notice whatever the hour, weekday and date the suite runs at (by default: working days from 08:00,
  // from 60 days before the cliff)
  CALENDAR_COVERAGE_NOTICE: 'any-time',
  CALENDAR_WARNING_DAYS: String(Math.max(atStart.daysLeft, 0)),
});

const STREET = DEMO_ROUTE.streetId;
const COMMUNITY = DEMO_ROUTE.communityId;
const ADMIN = { role: 'admin', unitId: 'bf', userId: 'calendar-admin' } as const;
const SUPERVISOR = { role: 'supervisor', unitId: 'bf' } as const;
const HANDLER = { role: 'community-handler', unitId: COMMUNITY } as const;
/** The street's own office hours (the community inherits them): 08:00–12:00 and 14:30–18:00, a 7½-hour working day. */
const STREET_HOURS: OfficeHoursConfig = { segments: [{ start: '08:00', end: '12:00' }, { start: '14:30', end: '18:00' }] };

describe('business calendar: administered in grid, followed by running cases', () => {
  let grid: INestApplication;
  let casework: INestApplication;
  let worker: TestCaseWorker;
  let health: Server;
  let temporal: Client;
  let kafka: Kafka;
  let mongo: MongoClient;
  let probe: EventProbe;
  let http: ReturnType<typeof httpAs<'grid' | 'casework' | 'health'>>;
  let windowDays: number;
  /** the years the administrator entered (the FICTIONAL arrangements) */
  const enteredYears: number[] = [];

  const now = Date.now();
  const thisYear = yearOfChinaDay(chinaDayOf(now));
  const nextYear = thisYear + 1;

  beforeAll(async () => {
    env.TEMPORAL_NAMESPACE = await ownTemporalNamespace(env.TEMPORAL_ADDRESS);
    kafka = createKafka(`test-${runId}`, env);
    await ensureTopics(kafka);
    probe = await new EventProbe(kafka, [calendarYearPublishedV1.topic], `probe-${runId}`).start();
    grid = await createGridApp(gridConfigSchema.parse(env));
    await grid.startAllMicroservices();
    await grid.listen(0, '127.0.0.1');
    casework = await createCaseworkApp(caseworkConfigSchema.parse(env));
    await casework.startAllMicroservices();
    await casework.listen(0, '127.0.0.1');
    const gridUrl = await grid.getUrl();
    // the window of the scenario, stretched to reach from now two working days into the coming year
    windowDays = daysToNextYear(createBusinessCalendar({ officeHours: STREET_HOURS }), now) + 2;
    const ordinary = { ...DEFAULT_SLA_PROFILES.standard, zh: '跨年测试', en: 'across the new year', windows: { ...DEFAULT_SLA_PROFILES.standard.windows, 'community-handling': workingDays(windowDays) } };
    const calendar = calendarFromGrid({ gridUrl, refreshMs: 300 });
    worker = await startCaseWorker(env, kafka, { slaProfiles: withProfiles({ 'across-new-year': ordinary }), calendar });
    // the worker's health warns by the same variable as grid, read as its own start reads it
    const { CALENDAR_WARNING_DAYS } = workerConfigSchema.parse(env);
    health = await serveWorkerHealth(0, '127.0.0.1', { workerState: () => worker.running.worker.getState(), calendar, warningDays: CALENDAR_WARNING_DAYS });
    http = httpAs({ grid: gridUrl, casework: await casework.getUrl(), health: `http://127.0.0.1:${(health.address() as AddressInfo).port}` });
    temporal = new Client({ connection: await Connection.connect({ address: env.TEMPORAL_ADDRESS }), namespace: env.TEMPORAL_NAMESPACE });
    mongo = await new MongoClient(env.MONGO_URL).connect();
  });

  afterAll(async () => {
    health?.close();
    await worker?.stop();
    await casework?.close();
    await grid?.close();
    await probe?.stop();
    await temporal?.connection.close();
    for (const db of ['grid', 'casework']) await mongo?.db(`${runId}_${db}`).dropDatabase();
    await mongo?.close();
  });

  /** FICTIONAL arrangement of `year`: the statutory days, and the first working day after 1 January off as well. */
  function fictionalArrangement(year: number) {
    // one entry per date: in some years two festivals fall on one day (中秋 on 国庆's 2028-10-03, 2031-10-01)
    const statutory = [...new Map(statutoryHolidays(year).map((day) => [day.date, day])).values()];
    const provisional = createHolidaySchedule();
    let bridge = chinaTime(`${year}-01-02`);
    while (!provisional.isWorkingDay(chinaDayOf(bridge))) bridge += 24 * 3_600_000;
    const bridgeDate = dateKeyOfChinaDay(chinaDayOf(bridge));
    return {
      holidays: [...statutory.map((day) => ({ date: day.date, name: day.name })), { date: bridgeDate, name: 'FICTIONAL 测试放假' }].sort((a, b) => a.date.localeCompare(b.date)),
      makeUpWorkdays: [],
      note: `FICTIONAL ${year} arrangement, a test fixture 虚构的测试安排`,
    };
  }

  async function startCase(): Promise<string> {
    const input = demoCaseInput({ slaProfile: 'across-new-year' });
    await temporal.workflow.start('caseWorkflow', { workflowId: input.caseNumber, taskQueue: env.CASE_TASK_QUEUE, args: [input] });
    return input.caseNumber;
  }

  it('gives a unit its own office hours, which its communities inherit; only administrators set them, and only valid ones', async () => {
    const refused = await http('grid', 'PUT', `/api/v1/org/units/${STREET}/office-hours`, SUPERVISOR, { hours: STREET_HOURS, expectedVersion: 0 });
    expect(refused.status).toBe(403);
    const invalid = await http('grid', 'PUT', `/api/v1/org/units/${STREET}/office-hours`, ADMIN, { hours: { segments: [{ start: '14:00', end: '12:00' }] }, expectedVersion: 0 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors[0]).toMatchObject({ field: 'hours', code: 'INVALID_OFFICE_HOURS', reason: expect.stringContaining('结束早于开始') });
    const set = await http('grid', 'PUT', `/api/v1/org/units/${STREET}/office-hours`, ADMIN, { hours: STREET_HOURS, expectedVersion: 0 });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ unitId: STREET, own: STREET_HOURS, version: 1, from: STREET, history: [{ version: 1, by: { userId: ADMIN.userId } }] });
    expect((await http('grid', 'PUT', `/api/v1/org/units/${STREET}/office-hours`, ADMIN, { hours: STREET_HOURS, expectedVersion: 0 })).status).toBe(409);
    const community = await http('grid', 'GET', `/api/v1/org/units/${COMMUNITY}`, HANDLER);
    expect(community.body.officeHours).toEqual({ own: null, effective: STREET_HOURS, from: STREET, version: 0 });
  });

  it('runs a deadline into the coming year on the provisional calendar, then follows the arrangement an administrator enters — without a restart', async () => {
    // years between now and the coming one without an arrangement would keep the deadline provisional: enter them first
    for (let year = thisYear; year < nextYear; year++) {
      if (createHolidaySchedule().yearStatus(year) !== 'provisional') continue;
      expect((await http('grid', 'PUT', `/api/v1/calendar/years/${year}`, ADMIN, { format: 'arrangement', content: fictionalArrangement(year), expectedYearVersion: 0 })).status).toBe(200);
      enteredYears.push(year);
    }
    const caseNumber = await startCase();
    const handle = temporal.workflow.getHandle(caseNumber);
    await eventually(async () => ((await handle.query(caseStatusQuery)).stage === 'dispatched' ? true : undefined), { what: 'the case to be dispatched' });
    const accepted = await http('casework', 'POST', `/api/v1/cases/${caseNumber}/commands/accept`, HANDLER, {});
    expect(accepted.status).toBe(200);
    const clock = (accepted.body.view as CaseView).clocks[0];
    const acceptedAt = Date.parse(clock.startedAt);

    // provisional: 1 January off by the law, the street's office hours, flagged 暂定 in the view, the event and the worklist
    const provisionalCalendar = createBusinessCalendar({ officeHours: STREET_HOURS });
    const provisionalDeadline = provisionalCalendar.addDuration(acceptedAt, workingDays(windowDays));
    // the warning at 80 % of the street's 7½-hour days lands at a time of day the default hours would not give
    const warningAt = provisionalCalendar.addWorkingDuration(acceptedAt, Math.ceil(provisionalCalendar.durationMs(workingDays(windowDays)) * 0.8));
    expect(clock).toMatchObject({ window: 'community-handling', deadline: new Date(provisionalDeadline).toISOString(), warningAt: new Date(warningAt).toISOString(), provisional: true });
    expect(provisionalDeadline).toBeGreaterThan(chinaTime(`${nextYear}-01-02`));
    expect((await handle.describe()).searchAttributes.CalendarYears).toEqual(expect.arrayContaining([String(nextYear)]));
    const worklisted = await eventually(async () => {
      const res = await http('casework', 'GET', '/api/v1/worklist?view=open', HANDLER);
      const item = res.body.items?.find((i: { caseNumber: string }) => i.caseNumber === caseNumber);
      return item?.sla?.window === 'community-handling' ? item : undefined; // projected from case.accepted, not case.dispatched
    }, { what: 'the accepted case in the community worklist' });
    expect(worklisted.sla).toMatchObject({ provisional: true, deadline: clock.deadline });

    // the administrator previews the FICTIONAL arrangement: what changes against the provisional calendar
    const arrangement = fictionalArrangement(nextYear);
    const preview = await http('grid', 'POST', `/api/v1/calendar/years/${nextYear}/preview`, ADMIN, { format: 'arrangement', content: arrangement });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ year: nextYear, baseYearVersion: 0, problems: [], diff: { before: 'provisional' } });
    const bridge = arrangement.holidays.find((day) => day.name.startsWith('FICTIONAL'))!;
    expect(preview.body.diff.changes).toEqual(expect.arrayContaining([{ date: bridge.date, before: expect.objectContaining({ working: true, provisional: true }), after: { working: false, reason: 'publicHoliday', name: bridge.name } }]));

    // the law's checks: a statutory day left out is refused with the field; so is a stale version, and anyone but an administrator
    const withoutNewYear = { ...arrangement, holidays: arrangement.holidays.filter((day) => day.date !== `${nextYear}-01-01`) };
    const unlawful = await http('grid', 'PUT', `/api/v1/calendar/years/${nextYear}`, ADMIN, { format: 'arrangement', content: withoutNewYear, expectedYearVersion: 0 });
    expect(unlawful.status).toBe(400);
    expect(unlawful.body.errors[0]).toMatchObject({ field: 'holidays', reason: expect.stringContaining(`${nextYear}-01-01`) });
    expect((await http('grid', 'PUT', `/api/v1/calendar/years/${nextYear}`, SUPERVISOR, { format: 'arrangement', content: arrangement, expectedYearVersion: 0 })).status).toBe(403);
    expect((await http('grid', 'PUT', '/api/v1/calendar/years/27', ADMIN, { format: 'arrangement', content: arrangement, expectedYearVersion: 0 })).body.errors[0].field).toBe('year');

    // entered: saved as the year's first version, announced on Kafka
    const entered = await http('grid', 'PUT', `/api/v1/calendar/years/${nextYear}`, ADMIN, { format: 'arrangement', content: arrangement, expectedYearVersion: 0, comment: 'FICTIONAL test entry' });
    expect(entered.status).toBe(200);
    expect(entered.body).toMatchObject({ year: nextYear, yearVersion: 1, change: 'entered' });
    enteredYears.push(nextYear);
    expect((await http('grid', 'PUT', `/api/v1/calendar/years/${nextYear}`, ADMIN, { format: 'arrangement', content: arrangement, expectedYearVersion: 0 })).status).toBe(409);
    const published = await probe.waitForEvent(calendarYearPublishedV1.type, (event) => (event.data as { year: number }).year === nextYear);
    expect(published.data).toMatchObject({ year: nextYear, yearVersion: 1, change: 'entered', enteredBy: ADMIN.userId, calendarVersion: entered.body.calendarVersion });

    // the running workflow recomputes (fan-out by the CalendarYears visibility query): official now, one working day later
    const official: BusinessCalendar = createBusinessCalendar({ officeHours: STREET_HOURS, overrides: { years: [{ year: nextYear, holidays: arrangement.holidays.map((day) => day.date), makeUpWorkdays: [] }] } });
    const officialDeadline = official.addDuration(acceptedAt, workingDays(windowDays));
    expect(officialDeadline).toBeGreaterThan(provisionalDeadline);
    const recomputed = await eventually(async () => {
      const view = await handle.query(caseStatusQuery);
      return view.clocks[0]?.deadline === new Date(officialDeadline).toISOString() ? view : undefined;
    }, { what: 'the case to recompute its deadline with the entered arrangement', timeoutMs: 30_000 });
    expect(recomputed.clocks[0].provisional).toBeUndefined();
    expect(recomputed.run).toBe(1); // the same run: no restart, no reset

    // the timeline (casework's read model, from the event) says why, and the worklist shows the official deadline
    const entry = await eventually(async () => {
      const res = await http('casework', 'GET', `/api/v1/cases/${caseNumber}/timeline`, SUPERVISOR);
      return (res.body.entries as Array<{ type: string; detail: Record<string, unknown> }> | undefined)?.find((e) => e.type === 'case.deadlines-recomputed');
    }, { what: 'the recompute in the timeline' });
    expect(entry.detail).toMatchObject({ year: nextYear, reason: expect.stringContaining(`时限已按${nextYear}年放假安排重算`), clocks: [{ window: 'community-handling', previousDeadline: clock.deadline, deadline: new Date(officialDeadline).toISOString(), provisional: false }] });
    const relisted = await eventually(async () => {
      const res = await http('casework', 'GET', '/api/v1/worklist?view=open', HANDLER);
      const item = res.body.items?.find((i: { caseNumber: string }) => i.caseNumber === caseNumber);
      return item?.sla?.deadline === new Date(officialDeadline).toISOString() ? item : undefined;
    }, { what: 'the worklist to show the recomputed deadline' });
    expect(relisted.sla.provisional).toBeUndefined();

    // versioned and audited: who, when, from what, and what it changed
    const year = await http('grid', 'GET', `/api/v1/calendar/years/${nextYear}`, SUPERVISOR);
    expect(year.body).toMatchObject({ year: nextYear, status: 'official', source: 'entered', yearVersion: 1 });
    expect(year.body.history[0]).toMatchObject({ yearVersion: 1, change: 'entered', by: { userId: ADMIN.userId, role: 'admin' }, source: 'form', comment: 'FICTIONAL test entry' });
    expect(year.body.history[0].diff.changes.length).toBeGreaterThan(0);

    // the worker reports what it computes with
    const calendarHealth = await http('health', 'GET', '/health/calendar', SUPERVISOR);
    expect(calendarHealth.body).toMatchObject({ source: 'grid', version: entered.body.calendarVersion, coverage: { officialThrough: `${nextYear}-12-31`, missingYear: nextYear + 1 } });
    await handle.terminate('scenario over');
  });

  it('warns ahead of the cliff: coverage for the console banner, a notice on Kafka each day until the year is entered', async () => {
    // at grid's start the years from the missing one on were not entered: the first check warned, whatever the hour
    const warning = await probe.waitForEvent(calendarCoverageWarningV1.type, (event) => (event.data as { missingYear: number }).missingYear === atStart.missingYear);
    const date = (warning.data as { date: string }).date;
    const then = calendarCoverage(createHolidaySchedule(), chinaTime(date, '12:00'));
    expect(warning).toMatchObject({ id: `calendar-coverage:${date}`, data: { date, officialThrough: atStart.officialThrough, daysLeft: then.daysLeft, missingYear: atStart.missingYear } });
    expect(then.daysLeft).toBeLessThanOrEqual(Number(env.CALENDAR_WARNING_DAYS));

    // the years up to the coming one are entered now (the test before): the cliff is a year further, past the window
    const entered = createHolidaySchedule({ years: enteredYears.map((year) => ({ year, holidays: fictionalArrangement(year).holidays.map((day) => day.date), makeUpWorkdays: [] })) });
    const expected = calendarCoverage(entered, Date.now(), Number(env.CALENDAR_WARNING_DAYS));
    expect(expected).toMatchObject({ officialThrough: `${nextYear}-12-31`, warning: false });
    const coverage = await http('grid', 'GET', '/api/v1/calendar/coverage', HANDLER);
    expect(coverage.status).toBe(200);
    expect(coverage.body).toMatchObject({ officialThrough: expected.officialThrough, missingYear: nextYear + 1, daysLeft: expected.daysLeft, warning: false, warningDays: Number(env.CALENDAR_WARNING_DAYS) });
    // the worker's health says what grid says: one setting, not its own 60 days
    const workerCoverage = (await http('health', 'GET', '/health/calendar', SUPERVISOR)).body.coverage;
    expect(workerCoverage).toMatchObject({ officialThrough: coverage.body.officialThrough, daysLeft: coverage.body.daysLeft, warning: coverage.body.warning, warningDays: Number(env.CALENDAR_WARNING_DAYS) });
  });

  function daysToNextYear(calendar: BusinessCalendar, from: number): number {
    return Math.ceil(calendar.workingTimeBetween(from, chinaTime(`${nextYear}-01-01`)) / calendar.workingDayMs);
  }
});
