import { ApplicationFailure, allHandlersFinished, condition, currentUpdateInfo, proxyActivities, setHandler } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import {
  type Actor,
  DAY_MS,
  decideMediation,
  defaultGuidance,
  evolveMediation,
  GUIDANCE_LABELS,
  isMediationEnded,
  MEDIATION_LEVEL_LABELS,
  type MediationCommand,
  mediationDeadline,
  type MediationState,
  openMediation,
  type Rejection,
} from '@civicflow/domain';
import { Serial } from '../shared/serial';
import type { CommandActor } from '../case/case.contract';
import type { MediationActivities } from './mediation.activities';
import {
  INVALID_MEDIATION_COMMAND,
  MEDIATION_COMMAND_REJECTED,
  type MediationCommandName,
  mediationStatusQuery,
  mediationUpdates,
  type MediationView,
  type MediationWorkflowInput,
  type OriginalCaseStep,
} from './mediation.contract';
import {
  InvalidMediationArgument,
  iso,
  type MediationEventDraft,
  mediationView,
  openingData,
  type PartyRefs,
  partyRefsOf,
  toMediationCommand,
  toWire,
  wireActor,
  withPartyRefs,
} from './mediation-helpers';

const { publishMediationEvents } = proxyActivities<MediationActivities>({
  startToCloseTimeout: '30 seconds',
  // No attempt limit: an event must reach Kafka eventually, in order; the ids make retries harmless.
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

const { acceptOriginalCase, resolveOriginalCase } = proxyActivities<MediationActivities>({
  startToCloseTimeout: '30 seconds',
  // The case's refusals come back as values; what throws is transport trouble, worth retrying until it passes
  // (update ids make a repeated Update harmless).
  retry: { initialInterval: '1 second', maximumInterval: '5 minutes', backoffCoefficient: 2 },
});

const SYSTEM: Actor = { userId: 'mediation-workflow', role: 'system', unitId: 'civicflow' };
const DEFAULT_REMINDER_LEAD_MS = DAY_MS;

/** Work on the original case, done in order by `linkLoop`; a resolve names who ended the dispute (null: nobody, the time limit). */
type CaseTask = { kind: 'accept'; mediatorId: string } | { kind: 'resolve'; mediatorId: string; summary: string; requestedBy: CommandActor | null };

function rejected(reason: Rejection): ApplicationFailure {
  return ApplicationFailure.create({ type: MEDIATION_COMMAND_REJECTED, message: `${reason.code}: ${reason.en}`, details: [{ code: reason.code, zh: reason.zh, en: reason.en }], nonRetryable: true });
}

function invalidArgument(error: InvalidMediationArgument): ApplicationFailure {
  return ApplicationFailure.create({ type: INVALID_MEDIATION_COMMAND, message: error.message, details: [{ field: error.field, reason: error.message }], nonRetryable: true });
}

/**
 * One workflow per dispute (`mediation-<disputeId>`), started by the mediation service once it stored the
 * dispute: 待指派 → 调解 (sessions with reminders) → 调解协议 (a follow-up per term) → 化解; or 调解不成 at
 * the community → the street's 矛盾调解中心 → 调解不成 at the street → the parties guided to arbitration,
 * litigation or judicial confirmation. Each level has 30 natural days (`limitDays`); when they run out the
 * community's dispute goes up by itself and the street's ends. The original case (if any) is accepted when a
 * community mediator takes the dispute and resolved when the dispute ends. Decisions are the domain's
 * (`decideMediation` / `evolveMediation`, libs/domain/src/mediation); see workflows/README.md.
 */
export async function mediationWorkflow(input: MediationWorkflowInput): Promise<MediationView> {
  const started = Date.now();
  const openedAt = Date.parse(input.openedAt);
  let state: MediationState = openMediation({
    disputeId: input.disputeId,
    disputeType: input.disputeType,
    openedAt: Number.isFinite(openedAt) && openedAt <= started ? openedAt : started,
    limitDays: input.limitDays,
  });
  const lead = input.reminderLeadMs !== undefined && input.reminderLeadMs >= 0 ? input.reminderLeadMs : DEFAULT_REMINDER_LEAD_MS;
  const serial = new Serial();
  const outbox: MediationEventDraft[] = [];
  const reminded: string[] = []; // session ids
  // party refs of each session, from its scheduleSession Update (rebuilt on replay from the same Updates)
  const sessionPartyRefs: Record<string, string[]> = {};
  const announced: string[] = []; // `<agreementId>@<reachedAt>:<termIndex>` whose due date was announced
  const caseTasks: CaseTask[] = [];
  const originalCase: { accepted: OriginalCaseStep; resolved: OriginalCaseStep } | null = input.caseNumber
    ? { accepted: { status: 'not-due' }, resolved: { status: 'not-due' } }
    : null;
  let sequence = 0;
  let publishedSequence = 0;
  let lastMediatorId: string | null = null;
  let work = 0;
  const wake = () => void work++;
  const view = () => mediationView(input, state, { sequence, publishedSequence, reminded, originalCase });

  setHandler(mediationStatusQuery, view);
  for (const name of Object.keys(mediationUpdates) as MediationCommandName[]) {
    const update = mediationUpdates[name] as UpdateDefinition<MediationView, [unknown]>;
    setHandler(update, (args) => serial.run(async () => handleCommand(name, args)), { validator: (args) => void decideOrThrow(name, args) });
  }

  // 纠纷立案: the service stored the dispute and started this workflow
  enqueue('mediation.dispute-opened', { disputeType: input.disputeType, communityId: input.communityId, ...openingData(input) }, SYSTEM, state.openedAt);

  const linking = linkLoop();
  await mainLoop();
  await linking;
  return view();

  // ----- commands ------------------------------------------------------------------------------------------

  /** The domain's decision on an Update at the workflow's current time, or the ApplicationFailure to reject it with. */
  function decideOrThrow(name: MediationCommandName, args: unknown): MediationCommand {
    let translation;
    try {
      translation = toMediationCommand(name, args, Date.now());
      partyRefsOf(name, args);
    } catch (error) {
      if (error instanceof InvalidMediationArgument) throw invalidArgument(error);
      throw error;
    }
    if (!translation.ok) throw rejected(translation.rejection);
    const decision = decideMediation(state, translation.command);
    if (!decision.ok) throw rejected(decision.reason);
    return translation.command;
  }

  /** Runs inside `serial`: decided again (an earlier Update may have changed the state), applied, recorded. */
  function handleCommand(name: MediationCommandName, args: unknown): MediationView {
    const command = decideOrThrow(name, args);
    apply(command, currentUpdateInfo()?.id, partyRefsOf(name, args));
    return view();
  }

  function apply(command: MediationCommand, causationId?: string, refs: PartyRefs = {}): void {
    const decision = decideMediation(state, command);
    if (!decision.ok) throw rejected(decision.reason);
    for (const event of decision.events) {
      const before = state;
      state = evolveMediation(state, event);
      const wire = toWire(event, state);
      if (event.type === 'SessionScheduled' && refs.partyRefs) sessionPartyRefs[event.session.sessionId] = [...refs.partyRefs];
      enqueue(wire.type, withPartyRefs(wire.type, wire.data, refs), event.actor, event.at, causationId);
      if (event.type === 'MediatorAssigned') {
        lastMediatorId = event.mediatorId;
        // 签收: the community's mediator takes the original case (once; a reassignment does not accept again)
        if (event.level === 'community' && originalCase && originalCase.accepted.status === 'not-due') {
          originalCase.accepted = { status: 'pending' };
          caseTasks.push({ kind: 'accept', mediatorId: event.mediatorId });
        }
      }
      if (!isMediationEnded(before) && isMediationEnded(state)) onEnded(event.actor);
    }
  }

  /** 办结 the original case, naming the outcome (化解 at a level, or the guidance given), as the person who ended the dispute. */
  function onEnded(endedBy: Actor): void {
    if (!originalCase) return;
    const mediatorId = state.mediatorId ?? lastMediatorId ?? SYSTEM.userId;
    const level = MEDIATION_LEVEL_LABELS[state.settledLevel ?? state.level];
    let summary: string;
    if (state.stage === 'resolved') {
      summary = `经${level.zh}调解达成协议（${state.agreement?.agreementId ?? ''}）并全部履行，纠纷已化解。 Mediated by ${level.en}: agreement ${state.agreement?.agreementId ?? ''} was kept in full; the dispute is resolved.`;
    } else {
      const guidance = GUIDANCE_LABELS[state.guidance ?? 'litigation'];
      const last = state.failures[state.failures.length - 1];
      summary = `经社区、街道两级调解未能达成协议（${last?.reason ?? ''}），已告知当事人依法${guidance.zh}。 Mediation failed at the community and the street; the parties were advised to ${guidance.en}.`;
    }
    originalCase.resolved = { status: 'pending' };
    const requestedBy = endedBy.role === 'system' ? null : (wireActor(endedBy) as CommandActor);
    caseTasks.push({ kind: 'resolve', mediatorId, summary, requestedBy });
    wake();
  }

  function enqueue(type: string, data: Record<string, unknown>, actor: Actor, at: number, causationId?: string): void {
    sequence++;
    outbox.push({
      id: `${input.disputeId}:${sequence}:${type}`,
      type,
      key: input.disputeId,
      correlationId: input.correlationId,
      ...(causationId ? { causationId } : {}),
      actor: wireActor(actor),
      time: iso(at),
      data: { disputeId: input.disputeId, ...(input.caseNumber ? { caseNumber: input.caseNumber } : {}), occurredAt: iso(at), sequence, ...data },
    });
    wake();
  }

  // ----- timers: the 30-day limit, session reminders, terms falling due -----------------------------------------

  function reminderAt(session: MediationState['sessions'][number]): number | undefined {
    if (session.held || session.cancelled || reminded.includes(session.sessionId)) return undefined;
    return session.startsAt - lead; // closer than the lead already: at once
  }

  function termsDue(): { key: string; index: number; dueAt: number }[] {
    const agreement = state.agreement;
    if (!agreement || state.stage !== 'agreed') return [];
    return agreement.terms
      .map((term, index) => ({ key: `${agreement.agreementId}@${agreement.reachedAt}:${index}`, index, dueAt: term.dueAt, followedUp: term.followedUp }))
      .filter((term) => !term.followedUp && !announced.includes(term.key));
  }

  /** The next instant the workflow must act by itself. */
  function nextDue(): number | undefined {
    if (isMediationEnded(state)) return undefined;
    const candidates: number[] = [];
    if (state.limitRunning) candidates.push(mediationDeadline(state));
    for (const session of state.sessions) {
      const at = reminderAt(session);
      if (at !== undefined) candidates.push(at);
    }
    for (const term of termsDue()) candidates.push(term.dueAt);
    return candidates.length > 0 ? Math.min(...candidates) : undefined;
  }

  /** Acts on everything due at the workflow's current time. Runs inside `serial`. */
  function fireDue(): void {
    const now = Date.now();
    for (const session of state.sessions) {
      const at = reminderAt(session);
      if (at === undefined || at > now) continue;
      reminded.push(session.sessionId);
      if (now >= session.endsAt) continue; // nothing left to remind of
      enqueue(
        'mediation.session-reminder',
        withPartyRefs(
          'mediation.session-reminder',
          { sessionId: session.sessionId, startsAt: iso(session.startsAt), place: session.place, attendeeIds: [...session.attendeeIds], mediatorId: session.mediatorId },
          { partyRefs: sessionPartyRefs[session.sessionId] },
        ),
        SYSTEM,
        now,
      );
    }
    for (const term of termsDue()) {
      if (term.dueAt > now) continue;
      announced.push(term.key);
      const detail = state.agreement!.terms[term.index];
      enqueue(
        'mediation.follow-up-due',
        { agreementId: state.agreement!.agreementId, termIndex: term.index, party: detail.party, obligation: detail.obligation, dueAt: iso(detail.dueAt), mediatorId: state.mediatorId ?? lastMediatorId ?? SYSTEM.userId },
        SYSTEM,
        now,
      );
    }
    if (state.limitRunning && now >= mediationDeadline(state)) {
      // 超过调解期限: the community's dispute goes to the street centre; the street's ends (guidance by type)
      const deadline = mediationDeadline(state);
      apply({ type: 'breachLimit', actor: SYSTEM, at: now, guidance: defaultGuidance(input.disputeType) }, `${input.disputeId}:limit:${iso(deadline)}`);
    }
  }

  // ----- the main loop ----------------------------------------------------------------------------------------

  async function mainLoop(): Promise<void> {
    for (;;) {
      await flush();
      if (isMediationEnded(state)) {
        await condition(() => caseTasks.length === 0 && outbox.length === 0 && allHandlersFinished());
        if (serial.idle && outbox.length === 0) return;
        continue;
      }
      const due = nextDue();
      const now = Date.now();
      if (due !== undefined && due <= now) {
        await serial.run(async () => fireDue());
        continue;
      }
      const seen = work;
      const woke = due === undefined ? (await condition(() => work !== seen), true) : await condition(() => work !== seen, due - now);
      if (!woke) await serial.run(async () => fireDue());
    }
  }

  /** Hands the outbox to the publishing activity (one batch per call, in order). */
  async function flush(): Promise<void> {
    while (outbox.length > 0) {
      const batch = outbox.slice(0, 200);
      await publishMediationEvents(batch);
      outbox.splice(0, batch.length);
      publishedSequence = batch[batch.length - 1].data.sequence;
    }
  }

  /** Works the original case's tasks in order, beside the main loop (a slow case never holds up the events). */
  async function linkLoop(): Promise<void> {
    if (!originalCase || !input.caseNumber) return;
    const caseNumber = input.caseNumber;
    for (;;) {
      await condition(() => caseTasks.length > 0 || (isMediationEnded(state) && originalCase.resolved.status !== 'pending'));
      const task = caseTasks[0];
      if (!task) return;
      const request = { caseNumber, mediatorId: task.mediatorId, communityId: input.communityId };
      if (task.kind === 'accept') {
        originalCase.accepted = await acceptOriginalCase({ ...request, updateId: `${input.disputeId}:accept-case` });
      } else {
        originalCase.resolved = await resolveOriginalCase({ ...request, streetId: input.streetId, summary: task.summary, requestedBy: task.requestedBy, updateId: `${input.disputeId}:resolve-case` });
      }
      caseTasks.shift();
      wake();
    }
  }
}
