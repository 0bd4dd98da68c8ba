import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  currentUpdateInfo,
  getExternalWorkflowHandle,
  ParentClosePolicy,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import {
  type Actor,
  type Bilingual,
  type CaseCommand,
  type CaseEvent,
  type CaseState,
  decide,
  departmentTypeOf,
  evolve,
  isSummonsOpen,
  type Rejection,
  readActorRole,
  settleAfterCallback,
  SLA_WINDOW_LABELS,
  type SlaWindowName,
  suspensionTimeLeftMs,
} from '@civicflow/domain';
import type { ClockReadingResult } from '../sla/clock-readings';
import type { SummonsClock, SummonsSlaReport } from '../summons/department-summons.contract';
import { summonsChangedSignal, summonsSlaReachedSignal } from '../summons/department-summons.contract';
import { departmentSummonsWorkflow } from '../summons/department-summons.workflow';
import type { CaseActivities } from './case.activities';
import {
  attachDuplicateSignal,
  type CalendarChange,
  calendarChangedSignal,
  CASE_COMMAND_REJECTED,
  type CaseCommandName,
  type CaseCommandResult,
  caseCommandUpdates,
  caseStatusQuery,
  caseTimelineQuery,
  type CaseView,
  type CaseWorkflowInput,
  type CommandActor,
  type CommandRejection,
  INVALID_CASE_COMMAND,
} from './case.contract';
import {
  CALENDAR_RETRY_MS,
  calendarYearsOf,
  clocksSignature,
  clocksToRead,
  earliestDeadline,
  hasCalendarProblem,
  identityOf,
  nextCaseClockInstant,
  readingsStaleFor,
  snapshotOf,
  takeReadings,
  thresholdsOf,
} from './case-clocks';
import { InvalidCommandArgument, toDomainCommand } from './case-commands';
import { type CaseEventDraft, type CaseWireEvent, iso, summonsNumber, toWireEvents, type TransitionStep, transitionFields, wireActor } from './case-events';
import { caseView, type CaseRunState, initialRunState, isFinished, TIMELINE_LIMIT } from './case-run-state';
import { changedSearchAttributes, type CaseSearchValues } from './case-search-attributes';
import { summonsWorkflowId } from './case-stage';
import { readCarriedRunState, readRecordedIdentity, readRecordedReadings, readRecordedSla } from './recorded-spellings';
import { Serial } from '../shared/serial';

/** A window's breach in words: 签收超时，自动升级 / 城市管理综合执法局部门报到超时，自动督办 (both languages). */
function breachNote(window: SlaWindowName, actZh: string, actEn: string, department?: Bilingual): string {
  const label = SLA_WINDOW_LABELS[window];
  return `${department?.zh ?? ''}${label.zh}超时，${actZh} ${department ? `${department.en}: ` : ''}the ${label.en} window ran out; ${actEn}`;
}

/** Histories started before the ladder existed took the walking skeleton's path (publish case.registered, end). */
export const CASE_LADDER_PATCH = 'case-ladder';

/**
 * Cases from before the business calendar could change under them: no CalendarYears search attribute, no
 * recompute on a calendarChanged signal.
 */
export const CALENDAR_RECOMPUTE_PATCH = 'calendar-recompute';

/**
 * Cases from before a summons could end without an answer: their automatic 督办 of a department's breach did not
 * record the breach on the summons (so a supervisor cannot release it; the street may still withdraw it).
 */
export const SUMMONS_ENDINGS_PATCH = 'summons-endings';

/**
 * The workflow's own notes and notices (automatic 升级 and 督办) name windows and departments by name, not by
 * code or unit id (people read them in timelines and messages); histories recorded before keep their wording.
 */
export const NAMED_NOTICES_PATCH = 'named-notices';

/** Continue-as-new when the history reaches this many events (or earlier, when the server suggests it). */
const DEFAULT_HISTORY_EVENT_LIMIT = 4_000;

const { publishCaseRegistered, publishCaseEvents } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  // No attempt limit: an event must reach Kafka eventually, in order; the ids make retries harmless.
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

const { readCaseClocks } = proxyLocalActivities<CaseActivities>({
  startToCloseTimeout: '10 seconds',
  // Bounded: a calendar that cannot be read shows on the case as a problem and is asked again within the hour.
  retry: { initialInterval: '200 milliseconds', maximumInterval: '5 seconds', maximumAttempts: 3 },
});

const { resolveCaseSla } = proxyLocalActivities<CaseActivities>({
  startToCloseTimeout: '10 seconds',
  // A case cannot start without its windows: retry until the profiles can be read.
  retry: { initialInterval: '200 milliseconds', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

const SYSTEM: Actor = { userId: 'case-workflow', role: 'system', unitId: 'civicflow' };

/** Who answered at intake when intake does not say (一次办结 is an operator's act). */
const INTAKE_OPERATOR: Actor = { userId: 'intake', role: 'operator', unitId: 'hotline' };

interface TransitionMeta {
  causationId?: string;
  callbackId?: string;
  supervisionDepartmentId?: string;
}

function rejected(reason: CommandRejection | Rejection): ApplicationFailure {
  return ApplicationFailure.create({ type: CASE_COMMAND_REJECTED, message: `${reason.code}: ${reason.en}`, details: [{ code: reason.code, zh: reason.zh, en: reason.en }], nonRetryable: true });
}

function invalidArgument(error: InvalidCommandArgument): ApplicationFailure {
  return ApplicationFailure.create({ type: INVALID_CASE_COMMAND, message: error.message, details: [{ field: error.field, reason: error.message }], nonRetryable: true });
}

/**
 * One workflow per case (workflow id = case number): registers and routes the case, then carries it up the
 * escalation ladder — community (签收, 办理) → street (升级) → departments (吹哨: child workflows) → 督办 —
 * until it is closed (归档) or merged (合并). Decisions come from the domain's state machine (`decide` /
 * `evolve`); the workflow adds durable timers for every SLA window, events on Kafka for every transition,
 * search attributes, and continue-as-new for long-lived cases. See workflows/README.md.
 */
export async function caseWorkflow(input: CaseWorkflowInput, carried?: CaseRunState): Promise<CaseView> {
  if (!carried && !patched(CASE_LADDER_PATCH)) return registeredOnly(input);

  const caseNumber = input.caseNumber;
  const run: CaseRunState = carried ? { ...readCarriedRunState(carried), run: carried.run + 1, searchAttributes: {} } : initialRunState(caseNumber);
  const serial = new Serial();
  let work = 0; // bumped whenever the main loop has something to do
  const wake = () => void work++;

  // ----- queries, updates, signals -------------------------------------------------------------------------
  setHandler(caseStatusQuery, () => caseView(run, input, Date.now()));
  setHandler(caseTimelineQuery, () => run.timeline);

  for (const name of Object.keys(caseCommandUpdates) as CaseCommandName[]) {
    // Every command takes one argument object; the handler checks its shape (toDomainCommand) itself.
    const update = caseCommandUpdates[name] as UpdateDefinition<CaseCommandResult, [unknown]>;
    setHandler(update, (args) => serial.run(() => handleCommand(name, args)), { validator: (args) => validateCommand(name, args) });
  }
  setHandler(attachDuplicateSignal, ({ duplicateCaseNumber, actor }) =>
    serial.run(async () => {
      // on behalf of whoever merged the duplicate (an operator, dispatcher or supervisor)
      const command: CaseCommand = { type: 'attachDuplicate', actor: { userId: actor.userId, role: readActorRole(actor.role) ?? 'system', unitId: actor.unitId }, at: Date.now(), duplicateCaseId: duplicateCaseNumber };
      if (decide(run.state, command).ok) await transition(command, { causationId: `${duplicateCaseNumber}:merged` });
    }),
  );
  setHandler(summonsSlaReachedSignal, (report) => serial.run(() => onSummonsSla({ ...report, identity: readRecordedIdentity(report.identity) })));
  setHandler(calendarChangedSignal, (change) => serial.run(() => onCalendarChanged(change)));

  if (!run.started) await serial.run(start);
  await mainLoop();
  return caseView(run, input, Date.now());

  // ----- commands ------------------------------------------------------------------------------------------

  /** Update validator: a command the case's state refuses never enters the history. */
  function validateCommand(name: CaseCommandName, args: unknown): void {
    let translation;
    try {
      translation = toDomainCommand(name, args, Date.now());
    } catch (error) {
      if (error instanceof InvalidCommandArgument) throw invalidArgument(error);
      throw error;
    }
    if (!translation.ok) throw rejected(translation.rejection);
    // Until the case is registered and routed the handler decides (after the start, in order).
    if (!run.started) return;
    const decision = decide(run.state, translation.command);
    if (!decision.ok) throw rejected(decision.reason);
  }

  async function handleCommand(name: CaseCommandName, args: unknown): Promise<CaseCommandResult> {
    let translation;
    try {
      translation = toDomainCommand(name, args, Date.now());
    } catch (error) {
      if (error instanceof InvalidCommandArgument) throw invalidArgument(error);
      throw error;
    }
    if (!translation.ok) throw rejected(translation.rejection);
    const callbackId = name === 'recordCallback' ? (args as { callbackId?: unknown }).callbackId : undefined;
    const events = await transition(translation.command, {
      causationId: currentUpdateInfo()?.id,
      ...(typeof callbackId === 'string' && callbackId ? { callbackId } : {}),
    });
    return { events, view: caseView(run, input, Date.now()) };
  }

  // ----- transitions ---------------------------------------------------------------------------------------

  /**
   * decide → evolve → the workflow's own follow-ups (as 'system') → fresh clock readings → events in the
   * outbox. Always called inside `serial`, so transitions never interleave. Returns the wire event types.
   */
  async function transition(command: CaseCommand, meta: TransitionMeta = {}): Promise<string[]> {
    const before = run.state;
    const decision = decide(before, command);
    if (!decision.ok) throw rejected(decision.reason);
    const steps: TransitionStep[] = [];
    let state = before;
    const apply = (events: readonly CaseEvent[]) => {
      for (const event of events) {
        state = evolve(state, event);
        steps.push({ event, after: state });
      }
    };
    apply(decision.events);
    for (let follow = followUp(state, command); follow; follow = followUp(state, follow)) {
      const next = decide(state, follow);
      if (!next.ok) break;
      apply(next.events);
    }
    run.state = state;
    if (state.status === 'merged' && before.status !== 'merged') {
      run.masterNotices.push({ masterCaseNumber: state.masterCaseId!, actor: { userId: command.actor.userId, role: command.actor.role, unitId: command.actor.unitId } });
    }
    await refreshReadings(command.at);
    return record(before, steps, meta);
  }

  /** What the workflow does by itself right after a command: the domain settles a callback (归档, 重办, or 归档 as unreachable). */
  function followUp(state: CaseState, previous: CaseCommand): CaseCommand | undefined {
    return previous.type === 'recordCallback' ? settleAfterCallback(state, SYSTEM, previous.at) : undefined;
  }

  /** Turns a transition's domain events into wire events with sequence numbers and deterministic ids. */
  function record(before: CaseState, steps: readonly TransitionStep[], meta: TransitionMeta): string[] {
    const after = run.state;
    const caseReading = run.book.readings.case;
    const wire = toWireEvents(steps, {
      before,
      caseSla: (state, at) => (caseReading && state.clock && identityOf({ window: state.clock.window, startedAt: state.clock.clock.startedAt }) === identityOf(caseReading) ? snapshotOf(caseReading, at) : null),
      departmentSla: (departmentId) => snapshotOf(run.book.readings[`department:${departmentId}`], after.lastEventAt ?? 0),
      resumeBy: after.status === 'suspended' ? suspensionEnd(after) : null,
      callbackDueAt: caseReading && !caseReading.error && caseReading.window === 'callback' ? caseReading.breachAt : null,
      ...(meta.callbackId ? { callbackId: meta.callbackId } : {}),
      ...(meta.supervisionDepartmentId ? { supervisionDepartmentId: meta.supervisionDepartmentId } : {}),
    });
    return wire.map(({ event, actor, at }) => enqueue(event, actor, at, meta.causationId));
  }

  function enqueue(event: CaseWireEvent, actor: Actor, at: number, causationId?: string, id?: string): string {
    const sequence = id ? run.sequence : ++run.sequence;
    const data = 'sequence' in event.data ? { ...event.data, sequence } : event.data;
    const draft: CaseEventDraft = {
      id: id ?? `${caseNumber}:${sequence}:${event.type}`,
      type: event.type,
      key: caseNumber,
      correlationId: input.correlationId,
      ...(causationId ? { causationId } : {}),
      actor: wireActor(actor),
      time: iso(at),
      ...(input.traceparent ? { traceparent: input.traceparent } : {}),
      data,
    };
    run.outbox.push(draft);
    const fields = data as { level?: CaseView['level']; unitId?: string | null; reason?: string; notice?: string; summary?: string; comment?: string };
    run.timeline.push({
      sequence,
      type: event.type,
      at: draft.time,
      actor: draft.actor,
      level: fields.level ?? null,
      unitId: fields.unitId ?? null,
      ...(fields.reason || fields.notice || fields.summary || fields.comment ? { detail: fields.reason ?? fields.notice ?? fields.summary ?? fields.comment } : {}),
    });
    if (run.timeline.length > TIMELINE_LIMIT) run.timeline.splice(0, run.timeline.length - TIMELINE_LIMIT);
    wake();
    return event.type;
  }

  // ----- start: 受理 → 分类定级 → 派单 (or the manual queue, or 一次办结) ------------------------------------

  async function start(): Promise<void> {
    const now = Date.now();
    const priority = input.priority ?? input.urgency;
    const sla = readRecordedSla(await resolveCaseSla({ profileId: input.slaProfile ?? 'standard', priority }));
    const summary = input.summary?.trim() || `${input.channel}:${input.sourceRef}`;
    let state = run.state;
    for (const command of [
      { type: 'register', actor: SYSTEM, at: now, channel: input.channel, summary, requestType: input.requestType },
      {
        type: 'classify',
        actor: SYSTEM,
        at: now,
        categoryCode: input.categoryCode ?? 'unclassified',
        requestType: input.requestType,
        priority,
        isDispute: input.isDispute ?? false,
        slaWindows: sla.windows,
      },
    ] satisfies CaseCommand[]) {
      const decision = decide(state, command);
      if (!decision.ok) throw ApplicationFailure.nonRetryable(`cannot ${command.type} case ${caseNumber}: ${decision.reason.en}`, 'CaseStartFailed');
      state = decision.events.reduce(evolve, state);
    }
    run.state = state;
    enqueue(
      {
        type: 'case.registered',
        data: {
          caseNumber,
          channel: input.channel,
          sourceRef: input.sourceRef,
          requestType: input.requestType,
          urgency: input.urgency,
          categoryCode: input.categoryCode,
          priority: input.priority,
          intakeStatus: input.intakeStatus,
          orgPath: input.routing?.orgPath,
          registeredAt: input.registeredAt,
          // data only (what the input said): the commands and their order stay as recorded histories have them
          ...(input.summary?.trim() ? { summary: input.summary.trim().slice(0, 200) } : {}),
          ...(input.place?.address ? { address: input.place.address } : {}),
          ...(input.place?.location ? { location: input.place.location } : {}),
        },
      },
      SYSTEM,
      now,
      undefined,
      `${caseNumber}:registered`, // the id the walking skeleton gave it; consumers already know it
    );
    if (sla.unknownProfile) note(`未知的时限方案 ${sla.unknownProfile}，按标准时限办理 unknown SLA profile ${sla.unknownProfile}; the standard windows apply`);
    run.started = true;

    const first = firstCommand(now);
    if (first) {
      if (decide(run.state, first).ok) await transition(first, { causationId: `${caseNumber}:registered` });
      else note('案件无法按受理状态处理，转人工派单 the intake status could not be applied; the case waits for a dispatcher');
    }
  }

  function firstCommand(now: number): CaseCommand | undefined {
    if (input.intakeStatus === 'closed') return { type: 'answerDirectly', actor: INTAKE_OPERATOR, at: now, answer: input.directAnswer?.trim() || '一次办结 answered at intake' };
    if (input.intakeStatus !== 'manual-queue' && input.routing) {
      const { streetId, communityId, gridId } = input.routing;
      return { type: 'dispatch', actor: SYSTEM, at: now, route: { streetId, communityId, gridId } };
    }
    return undefined; // 人工派单: a dispatcher sends `dispatch` with the route they chose
  }

  /** A line in the timeline that is not an event (nothing is published for it). */
  function note(detail: string): void {
    run.timeline.push({ sequence: run.sequence, type: 'note', at: iso(Date.now()), actor: wireActor(SYSTEM), level: null, unitId: null, detail });
  }

  // ----- clocks ---------------------------------------------------------------------------------------------

  /**
   * Reads the clocks again when they changed (or when asked to), through the readCaseClocks local activity.
   * A calendar recompute asks for at least its calendar version, keeps fired warnings and breaches (`rearm`
   * false) and, when the calendar cannot be read, keeps the readings it has (returns false) to try again later.
   */
  async function refreshReadings(now: number, force = false, options: { minCalendarVersion?: number; rearm?: boolean; keepOnFailure?: boolean } = {}): Promise<boolean> {
    const signature = clocksSignature(run.state);
    if (!force && signature === run.book.signature) return true;
    const clocks = clocksToRead(run.state);
    let readings: ClockReadingResult[] = [];
    if (clocks.length > 0) {
      try {
        readings = readRecordedReadings(await readCaseClocks({ clocks, now, thresholds: thresholdsOf(run.state), ...(options.minCalendarVersion !== undefined ? { minCalendarVersion: options.minCalendarVersion } : {}) }));
      } catch {
        if (options.keepOnFailure) return false;
        const error = { code: 'CALENDAR_UNAVAILABLE', zh: '工作日历暂时无法读取', en: 'The business calendar could not be read' };
        readings = clocks.map((clock) => ({ key: clock.key, window: clock.window, startedAt: clock.clock.startedAt, paused: false, error, ...(clock.departmentId ? { departmentId: clock.departmentId } : {}) }));
      }
    }
    run.book = takeReadings(run.book, signature, readings, now, { rearm: options.rearm });
    wake();
    return true;
  }

  /**
   * 时限重算: a year's holiday arrangement was entered or corrected. The clocks that used that year are read again
   * with at least the calendar version that changed it, and the case says so in an event and its timeline. A
   * breach that fired stands; a deadline now earlier than now makes the main loop breach at once, once.
   */
  async function onCalendarChanged(change: CalendarChange): Promise<void> {
    if (!patched(CALENDAR_RECOMPUTE_PATCH)) return;
    if (readingsStaleFor(run.book, change.year, change.version).length === 0) {
      if (run.calendarPending && run.calendarPending.version <= change.version) run.calendarPending = undefined;
      return;
    }
    const now = Date.now();
    const before = run.book.readings;
    if (!(await refreshReadings(now, true, { minCalendarVersion: change.version, rearm: false, keepOnFailure: true }))) {
      const pending = run.calendarPending && run.calendarPending.version > change.version ? run.calendarPending : change;
      run.calendarPending = { year: pending.year, version: pending.version, retryAt: now + CALENDAR_RETRY_MS };
      note(`工作日历暂时无法读取，${pending.year}年放假安排稍后重算 the calendar could not be read; the ${pending.year} arrangement is applied later`);
      wake();
      return;
    }
    run.calendarPending = undefined;
    const clocks = Object.values(run.book.readings).map((after) => ({
      window: after.window,
      ...(after.departmentId ? { departmentId: after.departmentId } : {}),
      previousDeadline: before[after.key] ? deadlineOf(before[after.key]) : null,
      deadline: deadlineOf(after),
      provisional: !after.error && after.provisional === true,
    }));
    const calendarVersion = Math.max(change.version, ...Object.values(run.book.readings).map((reading) => reading.calendarVersion ?? 0));
    enqueue(
      {
        type: 'case.deadlines-recomputed',
        data: {
          ...transitionFields(run.state, now, snapshotOf(run.book.readings.case, now)),
          sequence: 0,
          year: change.year,
          calendarVersion,
          reason: `时限已按${change.year}年放假安排重算 deadlines recomputed with the ${change.year} holiday arrangement`,
          clocks,
        },
      },
      SYSTEM,
      now,
    );
  }

  function suspensionEnd(state: CaseState): number | null {
    const left = suspensionTimeLeftMs(state, state.suspension.current?.since ?? 0);
    return state.suspension.current && left !== undefined ? state.suspension.current.since + left : null;
  }

  /** The next instant the workflow must act by itself: the case clock's warning or breach, a suspension
   * running out, or asking the calendar again. */
  function nextDue(): number | undefined {
    const candidates: number[] = [];
    const clock = nextCaseClockInstant(run.book);
    if (clock) candidates.push(clock.at);
    if (run.state.status === 'suspended') {
      const end = suspensionEnd(run.state);
      if (end !== null) candidates.push(end);
    }
    if (hasCalendarProblem(run.book)) candidates.push(run.book.readAt + CALENDAR_RETRY_MS);
    if (run.calendarPending) candidates.push(run.calendarPending.retryAt);
    return candidates.length > 0 ? Math.min(...candidates) : undefined;
  }

  /** Acts on everything due at the current workflow time. Called inside `serial`. */
  async function fireDue(): Promise<void> {
    const now = Date.now();
    if (hasCalendarProblem(run.book) && now >= run.book.readAt + CALENDAR_RETRY_MS) await refreshReadings(now, true);
    if (run.calendarPending && now >= run.calendarPending.retryAt) await onCalendarChanged(run.calendarPending);
    if (run.state.status === 'suspended') {
      const end = suspensionEnd(run.state);
      if (end !== null && now >= end) await transition({ type: 'resume', actor: SYSTEM, at: now }, { causationId: `${caseNumber}:suspension-limit` });
    }
    // Ask the calendar again before acting: an administrator may have changed the override table since the
    // deadline was computed (a local day off moves it later); the readings then re-arm the timer instead.
    const first = nextCaseClockInstant(run.book);
    if (first && first.at <= now) await refreshReadings(now, true);
    for (let due = nextCaseClockInstant(run.book); due && due.at <= now; due = nextCaseClockInstant(run.book)) {
      const reading = run.book.readings.case;
      const mark = run.book.marks.case;
      if (due.kind === 'warning') {
        mark.warned = true;
        enqueue({ type: 'case.sla-warning', data: { ...slaFields(reading, now), window: reading.window, deadline: deadlineOf(reading) } }, SYSTEM, now);
        continue;
      }
      mark.breached = true;
      run.everBreached = true;
      const reaction = breachReaction(run.state, reading, now);
      const action = reaction && decide(run.state, reaction.command).ok ? reaction.action : 'none';
      const breach = enqueue({ type: 'case.sla-breached', data: { ...slaFields(reading, now), window: reading.window, deadline: deadlineOf(reading), action } }, SYSTEM, now);
      if (reaction && action !== 'none') await transition(reaction.command, { causationId: `${caseNumber}:${run.sequence}:${breach}` });
    }
  }

  function slaFields(reading: ClockReadingResult, at: number) {
    return { ...transitionFields(run.state, at, snapshotOf(reading, at)), sequence: 0 };
  }

  function deadlineOf(reading: ClockReadingResult): string | null {
    return !reading.error && reading.breachAt !== null ? iso(reading.breachAt) : null;
  }

  /**
   * A breach of the case's own window: the community's go up to the street (升级); the street's go to
   * supervision (督办, the street is the top of the handling ladder); the callback window's are only announced.
   */
  function breachReaction(state: CaseState, reading: ClockReadingResult, at: number): { command: CaseCommand; action: 'escalated' | 'supervision' } | undefined {
    if (reading.window === 'callback') return undefined;
    const named = patched(NAMED_NOTICES_PATCH);
    if (state.level === 'community') {
      const note = named ? breachNote(reading.window, '自动升级', 'escalated automatically') : `${reading.window} 超时自动升级 breached`;
      return { command: { type: 'escalate', actor: SYSTEM, at, trigger: 'breach', note }, action: 'escalated' };
    }
    const notice = named ? breachNote(reading.window, '自动督办', 'supervision notice issued automatically') : `街道${reading.window === 'acceptance' ? '签收' : '办理'}超时，自动督办 the street's ${reading.window} window breached`;
    return { command: { type: 'issueSupervisionNotice', actor: SYSTEM, at, notice }, action: 'supervision' };
  }

  /** A department's summons workflow reached the warning or breach instant of the department's window. */
  async function onSummonsSla(report: SummonsSlaReport): Promise<void> {
    const key = `department:${report.departmentId}`;
    const now = Date.now();
    const current = () => ({ reading: run.book.readings[key], mark: run.book.marks[key] });
    const isCurrent = () => {
      const { reading, mark } = current();
      return reading && !reading.error && mark?.identity === report.identity && summonsNumber(run.state, report.departmentId) === report.n;
    };
    if (!isCurrent()) return; // a report about a window that has ended
    // as for the case's own clock: today's calendar decides; a later instant goes back to the summons workflow
    await refreshReadings(now, true);
    const { reading, mark } = current();
    if (!isCurrent() || !reading || reading.error || !mark) return;
    const summonsId = summonsWorkflowId(caseNumber, report.departmentId, report.n);
    const fields = {
      ...transitionFields(run.state, now, snapshotOf(run.book.readings.case, now)),
      sequence: 0,
      window: reading.window,
      departmentId: report.departmentId,
      summonsId,
      deadline: deadlineOf(reading),
    };
    if (report.kind === 'warning') {
      if (mark.warned || reading.warningAt === null || reading.warningAt > now) return;
      mark.warned = true;
      enqueue({ type: 'case.sla-warning', data: fields }, SYSTEM, now);
      return;
    }
    if (mark.breached || reading.breachAt === null || reading.breachAt > now) return;
    mark.breached = true;
    run.everBreached = true;
    const window = reading.window === 'department-report-in' ? 'department-report-in' : 'department-answer';
    const command: CaseCommand = {
      type: 'issueSupervisionNotice',
      actor: SYSTEM,
      at: now,
      notice: patched(NAMED_NOTICES_PATCH)
        ? breachNote(reading.window, '自动督办', 'supervision notice issued automatically', departmentTypeOf(report.departmentId))
        : `部门 ${report.departmentId} ${reading.window === 'department-report-in' ? '报到' : '答复'}超时，自动督办 the department's ${reading.window} window breached`,
      // recorded on the summons, so a supervisor may release (解除) the silent department
      ...(patched(SUMMONS_ENDINGS_PATCH) ? { breach: { departmentId: report.departmentId, window } } : {}),
    };
    const action = decide(run.state, command).ok ? 'supervision' : 'none';
    const breach = enqueue({ type: 'case.sla-breached', data: { ...fields, action } }, SYSTEM, now);
    if (action === 'supervision') await transition(command, { causationId: `${caseNumber}:${run.sequence}:${breach}`, supervisionDepartmentId: report.departmentId });
  }

  // ----- the main loop: side effects and timers -------------------------------------------------------------

  async function mainLoop(): Promise<void> {
    for (;;) {
      await flush();
      if (isFinished(run)) {
        await condition(allHandlersFinished);
        if (isFinished(run) && serial.idle) return;
        continue;
      }
      if (serial.idle && run.outbox.length === 0 && historyTooLong()) {
        await condition(allHandlersFinished);
        if (serial.idle && run.outbox.length === 0) await continueAsNew<typeof caseWorkflow>(input, run);
      }
      const due = nextDue();
      const now = Date.now();
      if (due !== undefined && due <= now) {
        await serial.run(fireDue);
        continue;
      }
      const seen = work;
      const woke = due === undefined ? (await condition(() => work !== seen), true) : await condition(() => work !== seen, due - now);
      if (!woke) await serial.run(fireDue);
    }
  }

  function historyTooLong(): boolean {
    const info = workflowInfo();
    return info.continueAsNewSuggested || info.historyLength >= (input.historyEventLimit ?? DEFAULT_HISTORY_EVENT_LIMIT);
  }

  /** Everything a transition left to do outside the workflow: children, the master case, search attributes, Kafka. */
  async function flush(): Promise<void> {
    for (;;) {
      const started = work;
      await syncChildren();
      await notifyMasters();
      showSearchAttributes();
      if (run.outbox.length > 0) {
        const batch = run.outbox.slice(0, 200);
        await publishCaseEvents(batch);
        run.outbox.splice(0, batch.length);
        const last = batch[batch.length - 1].data as { sequence?: number };
        run.publishedSequence = last.sequence ?? run.publishedSequence;
      }
      if (work === started && run.outbox.length === 0) return;
    }
  }

  /** Starts a child workflow for each new summons and tells each open one what changed. */
  async function syncChildren(): Promise<void> {
    const state = run.state;
    const ended = state.status === 'closed' || state.status === 'merged';
    const pending: Array<Promise<void>> = [];
    state.summonses.forEach((summons, index) => {
      const n = state.summonses.slice(0, index + 1).filter((s) => s.departmentId === summons.departmentId).length;
      const summonsId = summonsWorkflowId(caseNumber, summons.departmentId, n);
      const open = isSummonsOpen(summons.status);
      const desired = {
        status: ended && open ? ('withdrawn' as const) : summons.status,
        clock: open && !ended ? summonsClock(`department:${summons.departmentId}`) : null,
      };
      const known = run.children[summonsId];
      if (!known) {
        run.children[summonsId] = { departmentId: summons.departmentId, n, sent: desired, done: desired.status === 'withdrawn' || !open };
        pending.push(
          startChild(departmentSummonsWorkflow, {
            workflowId: summonsId,
            args: [{ caseNumber, departmentId: summons.departmentId, n, summonsId, streetId: state.route?.streetId, status: summons.status, clock: desired.clock }],
            parentClosePolicy: ParentClosePolicy.ABANDON,
          }).then(
            () => undefined,
            () => undefined, // already started by an earlier run: it is told below from now on
          ),
        );
        return;
      }
      if (known.done || JSON.stringify(known.sent) === JSON.stringify(desired)) return;
      known.sent = desired;
      known.done = desired.status === 'withdrawn' || desired.status === 'answered' || desired.status === 'released';
      pending.push(getExternalWorkflowHandle(summonsId).signal(summonsChangedSignal, desired).catch(() => undefined));
    });
    await Promise.all(pending);
  }

  function summonsClock(key: string): SummonsClock | null {
    const reading = run.book.readings[key];
    if (!reading) return null;
    return {
      identity: identityOf(reading),
      window: reading.window,
      paused: reading.paused,
      warningAt: reading.error ? null : reading.warningAt,
      breachAt: reading.error ? null : reading.breachAt,
    };
  }

  /** 合并: tells the master case's workflow about this duplicate, so its callback reaches this caller too. */
  async function notifyMasters(): Promise<void> {
    while (run.masterNotices.length > 0) {
      const { masterCaseNumber, actor } = run.masterNotices[0];
      try {
        await getExternalWorkflowHandle(masterCaseNumber).signal(attachDuplicateSignal, { duplicateCaseNumber: caseNumber, actor: actor as CommandActor });
      } catch {
        note(`主案件 ${masterCaseNumber} 的流程未在运行，未能关联 the master case's workflow is not running; it was not told`);
      }
      run.masterNotices.shift();
    }
  }

  function showSearchAttributes(): void {
    const state = run.state;
    const view = caseView(run, input, Date.now());
    const next: CaseSearchValues = {
      CaseStage: view.stage,
      CaseLevel: view.level,
      CurrentUnit: view.currentUnit,
      StreetId: state.route?.streetId ?? input.routing?.streetId ?? null,
      CommunityId: state.route?.communityId ?? input.routing?.communityId ?? null,
      CategoryCode: view.categoryCode,
      Priority: view.priority,
      SlaDeadline: earliestDeadline(run.book),
      SlaBreached: run.everBreached,
      ...(patched(CALENDAR_RECOMPUTE_PATCH) ? { CalendarYears: calendarYearsOf(run.book) } : {}),
    };
    const pairs = changedSearchAttributes(run.searchAttributes, next);
    if (pairs.length === 0) return;
    upsertSearchAttributes(pairs);
    run.searchAttributes = next;
  }
}

/** The walking skeleton's workflow, for histories recorded before CASE_LADDER_PATCH: publish, then end. */
async function registeredOnly(input: CaseWorkflowInput): Promise<CaseView> {
  await publishCaseRegistered(input);
  return caseView(initialRunState(input.caseNumber), input, Date.now());
}
