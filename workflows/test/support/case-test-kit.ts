// One time-skipping Temporal server and one Worker per test file, with the case activities wired to a
// recording publisher (envelopes built and validated exactly as in production) and a calendar that knows 2099.
//
// Why 2099: the time-skipping server's clock starts at the machine's real time and only moves forward, and the
// holiday package covers years up to 2026 only. So every scenario first skips to a fixed date in 2099 and the
// calendar gets a 2099 schedule the way production learns a new year: through the administrator's override
// table. 2099 falls on the same weekdays as 2026, so the table is the State Council's 2026 schedule moved to
// 2099 (中秋 Fri 25 Sep, 国庆 1–7 Oct …); the scenarios stay the same whenever they run.
import { join } from 'node:path';
import { WorkflowClient, type WorkflowHandle } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { EventEnvelope } from '@civicflow/contracts';
import { type CalendarOverrideTable, chinaTime, PACKAGE_YEAR_SCHEDULES, type SlaProfileTable } from '@civicflow/domain';
import { buildEvent, type EventPublisher } from '@civicflow/platform';
import { createTimeSkippingEnv, eventually, uniqueId } from '@civicflow/testing';
import { createCaseActivities } from '../../src/case/case.activities';
import { caseStatusQuery, type CaseView, type CaseWorkflowInput, type CommandActor } from '../../src/case/case.contract';

export const HISTORIES = join(__dirname, '..', 'histories');

/** The official 2026 schedule, moved to 2099 (same weekdays), as an administrator would enter it. */
export function schedule2099(): CalendarOverrideTable {
  const y2026 = PACKAGE_YEAR_SCHEDULES.get(2026)!;
  const to2099 = (date: string) => `2099${date.slice(4)}`;
  return {
    years: [{ year: 2099, holidays: [...y2026.holidays.keys()].map(to2099), makeUpWorkdays: [...y2026.makeUpWorkdays.keys()].map(to2099), note: 'test: the 2026 schedule on 2099 dates' }],
  };
}

/** Records what the activities publish, as Kafka would receive it (validated against the contracts). */
export function recordingPublisher() {
  const published: EventEnvelope[] = [];
  const build: EventPublisher['build'] = (contract, draft) => buildEvent(contract, 'case-worker', draft);
  const publishAll: EventPublisher['publishAll'] = async (events) => {
    published.push(...events);
  };
  const publish: EventPublisher['publish'] = async (contract, draft) => {
    const event = build(contract, draft);
    published.push(event);
    return event;
  };
  return { published, publisher: { build, publish, publishAll } };
}

export const ACTORS = {
  operator: { userId: 'op-1', role: 'operator', unitId: 'hotline-centre' },
  dispatcher: { userId: 'dsp-1', role: 'dispatcher', unitId: 'hotline-centre' },
  community: { userId: 'ch-1', role: 'community-handler', unitId: 'binhe' },
  otherCommunity: { userId: 'ch-9', role: 'community-handler', unitId: 'haixin' },
  street: { userId: 'st-1', role: 'street-coordinator', unitId: 'xinhua' },
  urbanManagement: { userId: 'um-1', role: 'department-liaison', unitId: 'urban-management' },
  housing: { userId: 'hs-1', role: 'department-liaison', unitId: 'city-housing' },
  water: { userId: 'wa-1', role: 'department-liaison', unitId: 'water-affairs' },
  supervisor: { userId: 'sup-1', role: 'supervisor', unitId: 'city-supervision' },
} satisfies Record<string, CommandActor>;

export const ROUTING = { gridId: 'binhe-g03', communityId: 'binhe', streetId: 'xinhua', districtId: 'qingshan', orgPath: ['beifeng', 'qingshan', 'xinhua', 'binhe', 'binhe-g03'] };

export function caseInput(caseNumber: string, overrides: Partial<CaseWorkflowInput> = {}): CaseWorkflowInput {
  return {
    caseNumber,
    channel: 'hotline',
    sourceRef: `call-${caseNumber}`,
    requestType: 'complaint',
    urgency: 'normal',
    priority: 'normal',
    categoryCode: '0509',
    slaProfile: 'standard',
    intakeStatus: 'routed',
    routing: ROUTING,
    registeredAt: '2099-01-01T00:00:00.000Z',
    correlationId: `call-${caseNumber}`,
    summary: '滨河小区门口窨井盖缺失',
    ...overrides,
  };
}

export interface CaseTestKit {
  env: TestWorkflowEnvironment;
  taskQueue: string;
  published: EventEnvelope[];
  /** Replaces the administrator's calendar override table the activities read (a new version, as grid would publish). */
  setCalendar(table: CalendarOverrideTable): void;
  /** The version of the table `setCalendar` last set (0 before). */
  calendarVersion(): number;
  /** While on, reading the calendar fails (its source is down). */
  failCalendar(on: boolean): void;
  /** Skips the server's clock forward to a China wall-clock time (must be later than now). */
  skipTo(date: string, time: string): Promise<void>;
  now(): Promise<number>;
  start(input: CaseWorkflowInput): Promise<WorkflowHandle>;
  /**
   * The result of a workflow that ends by itself now. Unlike the test client's `result()`, it does not unlock
   * time skipping: the server would skip to its next timer — years ahead, for a finished workflow's run
   * timeout — and the following scenarios could not go back to their dates.
   */
  result<T = CaseView>(handle: WorkflowHandle): Promise<T>;
  /** Waits until the case has handed every event it recorded to the publisher, then returns its view. */
  settled(handle: WorkflowHandle): Promise<CaseView>;
  /**
   * Settled, and its current run waits for nothing but a command or a timer (no workflow task or activity in
   * flight), so nothing can continue it as new before the next command is handled. The time-skipping server's
   * continue-as-new is not atomic (temporalio/sdk-java#1538): an Update that arrives while a run hands over to the
   * next is lost and its caller waits forever, where the real server retries it on the new run. Send commands to a
   * case that may continue as new only once it is quiet, and read it only through `quiet` (not `settled`).
   */
  quiet(handle: WorkflowHandle): Promise<CaseView>;
  events(caseNumber: string): EventEnvelope[];
  types(caseNumber: string): string[];
  teardown(): Promise<void>;
}

export async function createCaseTestKit(options: { calendar?: CalendarOverrideTable; slaProfiles?: SlaProfileTable } = {}): Promise<CaseTestKit> {
  const env = await createTimeSkippingEnv();
  const taskQueue = uniqueId('cases');
  const { published, publisher } = recordingPublisher();
  let calendar = options.calendar ?? schedule2099();
  let calendarDown = false;
  let version = 0;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath: require.resolve('../../src/workflows'),
    activities: createCaseActivities({
      publisher,
      ...(options.slaProfiles ? { slaProfiles: options.slaProfiles } : {}),
      calendar: {
        read: () => {
          if (calendarDown) throw new Error('the calendar source is down');
          return { version, table: calendar };
        },
      },
    }),
  });
  const running = worker.run();

  const now = () => env.currentTimeMs();
  const plainClient = new WorkflowClient({ connection: env.connection });
  const kit: CaseTestKit = {
    env,
    taskQueue,
    published,
    setCalendar(table) {
      calendar = table;
      version++;
    },
    calendarVersion: () => version,
    failCalendar(on) {
      calendarDown = on;
    },
    now,
    async skipTo(date, time) {
      const target = chinaTime(date, time);
      const current = await now();
      if (target < current) throw new Error(`cannot skip back to ${date} ${time}: the server is at ${new Date(current).toISOString()}`);
      if (target > current) await env.sleep(target - current);
    },
    async start(input) {
      const handle = await env.client.workflow.start('caseWorkflow', { workflowId: input.caseNumber, taskQueue, args: [input] });
      await kit.settled(handle);
      return handle;
    },
    async result<T>(handle: WorkflowHandle): Promise<T> {
      return plainClient.getHandle(handle.workflowId).result() as Promise<T>;
    },
    async settled(handle) {
      return eventually(
        async () => {
          const view = await handle.query(caseStatusQuery);
          return view.publishedSequence === view.lastSequence ? view : undefined;
        },
        { timeoutMs: 15_000, intervalMs: 25, what: `case ${handle.workflowId} to publish its events` },
      );
    },
    async quiet(handle) {
      return eventually(
        async () => {
          // the history first: a query sent while a run hands over to the next can stall on this server for over
          // a minute and leave time skipping stuck; once the run is quiet nothing continues it before a command
          const { events } = await env.client.workflow.getHandle(handle.workflowId).fetchHistory();
          if (!runIsQuiet(events ?? [])) return undefined;
          const view = await handle.query(caseStatusQuery);
          return view.publishedSequence === view.lastSequence ? view : undefined;
        },
        { timeoutMs: 15_000, intervalMs: 25, what: `case ${handle.workflowId} to wait for its next command` },
      );
    },
    events: (caseNumber) => published.filter((event) => event.key === caseNumber),
    types: (caseNumber) => kit.events(caseNumber).map((event) => event.type),
    async teardown() {
      worker.shutdown();
      await running;
      await env.teardown();
    },
  };
  return kit;
}

type HistoryEvent = NonNullable<Awaited<ReturnType<WorkflowHandle['fetchHistory']>>['events']>[number];

/** A run's history with no workflow task and no activity outstanding, and the run still open. */
function runIsQuiet(events: HistoryEvent[]): boolean {
  let taskOpen = false;
  let activities = 0;
  for (const e of events) {
    if (e.workflowExecutionContinuedAsNewEventAttributes) return false;
    if (e.workflowTaskScheduledEventAttributes) taskOpen = true;
    if (e.workflowTaskCompletedEventAttributes || e.workflowTaskFailedEventAttributes || e.workflowTaskTimedOutEventAttributes) taskOpen = false;
    if (e.activityTaskScheduledEventAttributes) activities += 1;
    if (e.activityTaskCompletedEventAttributes || e.activityTaskFailedEventAttributes || e.activityTaskTimedOutEventAttributes || e.activityTaskCanceledEventAttributes) activities -= 1;
  }
  return !taskOpen && activities === 0;
}

/** The data of the case's latest event of a type. */
export function lastOf<T = Record<string, unknown>>(kit: CaseTestKit, caseNumber: string, type: string): EventEnvelope<T> {
  const found = kit.events(caseNumber).filter((event) => event.type === type);
  if (found.length === 0) throw new Error(`no ${type} for ${caseNumber}; got ${kit.types(caseNumber).join(', ')}`);
  return found[found.length - 1] as EventEnvelope<T>;
}

/** The ApplicationFailure an Update was rejected with: its type and the domain's reason. */
export async function rejectionOf(promise: Promise<unknown>): Promise<{ type?: string; reason?: { code: string; zh: string; en: string } }> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: { type?: string; details?: unknown[] } }).cause;
    return { type: cause?.type, reason: cause?.details?.[0] as { code: string; zh: string; en: string } };
  }
  throw new Error('the update was accepted');
}

/**
 * Real time passes while a test runs (the server skips time only when told), so instants carry a few hundred
 * milliseconds of drift; scenarios compare them to the minute. `at` is a China wall-clock time in that form.
 */
export const at = (date: string, time: string): string => new Date(chinaTime(date, time)).toISOString().slice(0, 16);

/**
 * Deep copy with every ISO instant rounded to the NEAREST minute (comparable with `at`): drift goes both ways — a
 * deadline computed from two drifted moments (suspended at 10:00:00.6, resumed at 10:00:00.2) falls just before the
 * full minute, and cutting it turned 10:00 into 09:59 in CI.
 */
export function minutes<T>(value: T): T {
  if (typeof value === 'string') return (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) ? toMinute(value) : value) as T;
  if (Array.isArray(value)) return value.map(minutes) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, minutes(v)])) as T;
  return value;
}

function toMinute(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso.slice(0, 16) : new Date(Math.round(ms / 60_000) * 60_000).toISOString().slice(0, 16);
}
