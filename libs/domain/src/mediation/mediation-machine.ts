// The mediation state machine (调解状态机): which command is allowed in which stage, and what it produces.
// Pure and deterministic like the case machine: the time of every command is an argument; refusals are
// values { code, zh, en } (HTTP 409). The mediation workflow runs `decideMediation` in its Update validators and
// handlers and `evolveMediation` to apply the events; the timers (30-day limit, reminders, due terms) are its own.
import { DAY_MS } from '../calendar/china-time';
import type { Actor } from '../case/actor';
import type { Rejection } from '../case/rejection';
import { type MediationCommandType, mediationRejections as rejections } from './mediation-rejections';
import { checkSessionTimes, findOverlap, validateAgreement } from './mediation-rules';
import { type DisputeType, MEDIATION_RULES, type MediationGuidance, type MediationLevel, type MediationNext, type MediationStage } from './mediation-types';

export interface MediationSession {
  readonly sessionId: string;
  readonly startsAt: number;
  readonly endsAt: number;
  readonly place: string;
  readonly attendeeIds: readonly string[];
  /** A "3+X" consultation (社区党组织、居委会、物业、业委会 + X) rather than an ordinary session. */
  readonly consultation: boolean;
  readonly mediatorId: string;
  readonly level: MediationLevel;
  readonly held: boolean;
  readonly heldAt: number | null;
  readonly minutesSummary: string | null;
  /** Not held and no longer wanted: the dispute moved on (agreement, escalation, end). */
  readonly cancelled: boolean;
}

export interface MediationTerm {
  readonly party: string;
  readonly obligation: string;
  readonly dueAt: number;
  readonly followedUp: boolean;
  readonly kept: boolean | null;
  readonly followedUpAt: number | null;
  readonly note?: string;
}

export interface MediationAgreement {
  readonly agreementId: string;
  readonly reachedAt: number;
  readonly level: MediationLevel;
  readonly terms: readonly MediationTerm[];
}

export interface MediationFailure {
  readonly level: MediationLevel;
  readonly next: MediationNext;
  readonly reason: string;
  readonly at: number;
  /** The mediator recorded 调解不成, or the 30-day limit ran out (超期). */
  readonly trigger: 'mediator' | 'time-limit';
}

export interface MediationState {
  readonly disputeId: string;
  readonly disputeType: DisputeType;
  readonly stage: MediationStage;
  readonly level: MediationLevel;
  readonly openedAt: number;
  readonly limitDays: number;
  /** When the running (or last) limit started: the dispute's opening, an escalation to the street, a reopening. */
  readonly limitStartedAt: number;
  /** The limit runs while a mediator is awaited or mediating; it stops under an agreement and at the end. */
  readonly limitRunning: boolean;
  readonly mediatorId: string | null;
  readonly committeeId: string | null;
  readonly sessions: readonly MediationSession[];
  readonly agreement: MediationAgreement | null;
  /** Agreements a broken term reopened (协议未履行，重新调解). */
  readonly brokenAgreements: readonly MediationAgreement[];
  readonly reopenCount: number;
  readonly guidance: MediationGuidance | null;
  readonly failures: readonly MediationFailure[];
  /** The level the dispute was resolved at (for 小事不出社区 figures). */
  readonly settledLevel: MediationLevel | null;
  readonly endedAt: number | null;
  readonly lastEventAt: number;
}

export function openMediation(init: { disputeId: string; disputeType: DisputeType; openedAt: number; limitDays?: number }): MediationState {
  return {
    disputeId: init.disputeId,
    disputeType: init.disputeType,
    stage: 'awaiting-mediator',
    level: 'community',
    openedAt: init.openedAt,
    limitDays: init.limitDays && init.limitDays > 0 ? init.limitDays : MEDIATION_RULES.limitDays,
    limitStartedAt: init.openedAt,
    limitRunning: true,
    mediatorId: null,
    committeeId: null,
    sessions: [],
    agreement: null,
    brokenAgreements: [],
    reopenCount: 0,
    guidance: null,
    failures: [],
    settledLevel: null,
    endedAt: null,
    lastEventAt: init.openedAt,
  };
}

/** The instant the running limit at the current level falls due (natural days). */
export function mediationDeadline(state: MediationState): number {
  return state.limitStartedAt + state.limitDays * DAY_MS;
}

export const isMediationEnded = (state: MediationState): boolean => state.stage === 'resolved' || state.stage === 'failed';

// ----- commands ------------------------------------------------------------------------------------------------

interface CommandBase {
  readonly actor: Actor;
  readonly at: number;
}
export interface AssignMediatorCommand extends CommandBase {
  readonly type: 'assignMediator';
  readonly mediatorId: string;
  readonly committeeId: string;
  readonly level: MediationLevel;
}
export interface ScheduleSessionCommand extends CommandBase {
  readonly type: 'scheduleSession';
  readonly sessionId: string;
  readonly startsAt: number;
  readonly endsAt: number;
  readonly place: string;
  readonly attendeeIds: readonly string[];
  readonly consultation: boolean;
}
export interface RecordSessionCommand extends CommandBase {
  readonly type: 'recordSession';
  readonly sessionId: string;
  readonly minutesSummary: string;
}
export interface ReachAgreementCommand extends CommandBase {
  readonly type: 'reachAgreement';
  readonly agreementId: string;
  readonly terms: readonly { party: string; obligation: string; dueAt: number }[];
}
export interface RecordFailureCommand extends CommandBase {
  readonly type: 'recordFailure';
  readonly reason: string;
  readonly guidance?: MediationGuidance;
}
export interface FollowUpTermCommand extends CommandBase {
  readonly type: 'followUpTerm';
  readonly termIndex: number;
  readonly kept: boolean;
  readonly note?: string;
}
/** The workflow's own command when the 30-day limit runs out (role system). */
export interface BreachLimitCommand extends CommandBase {
  readonly type: 'breachLimit';
  /** Where the parties go when the limit runs out at the street. */
  readonly guidance: MediationGuidance;
}

export type MediationCommand =
  | AssignMediatorCommand
  | ScheduleSessionCommand
  | RecordSessionCommand
  | ReachAgreementCommand
  | RecordFailureCommand
  | FollowUpTermCommand
  | BreachLimitCommand;

// ----- events --------------------------------------------------------------------------------------------------

interface EventBase {
  readonly at: number;
  readonly actor: Actor;
}
export type MediationEvent =
  | (EventBase & { readonly type: 'MediatorAssigned'; readonly mediatorId: string; readonly committeeId: string; readonly level: MediationLevel; readonly previousMediatorId: string | null })
  | (EventBase & { readonly type: 'SessionScheduled'; readonly session: MediationSession })
  | (EventBase & { readonly type: 'SessionHeld'; readonly sessionId: string; readonly minutesSummary: string })
  | (EventBase & { readonly type: 'AgreementReached'; readonly agreement: MediationAgreement })
  | (EventBase & { readonly type: 'TermFollowedUp'; readonly agreementId: string; readonly termIndex: number; readonly kept: boolean; readonly note?: string })
  | (EventBase & { readonly type: 'DisputeResolved'; readonly agreementId: string; readonly level: MediationLevel })
  | (EventBase & { readonly type: 'DisputeReopened'; readonly agreementId: string; readonly termIndex: number; readonly reopenCount: number })
  | (EventBase & { readonly type: 'MediationFailed'; readonly level: MediationLevel; readonly next: MediationNext; readonly reason: string; readonly trigger: 'mediator' | 'time-limit' });

export type MediationDecision = { readonly ok: true; readonly events: readonly MediationEvent[] } | { readonly ok: false; readonly reason: Rejection };

const refused = (reason: Rejection): MediationDecision => ({ ok: false, reason });
const accepted = (...events: MediationEvent[]): MediationDecision => ({ ok: true, events });
type Check = Rejection | undefined;
function firstFailure(...checks: ReadonlyArray<() => Check>): Check {
  for (const check of checks) {
    const failure = check();
    if (failure) return failure;
  }
  return undefined;
}

const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';

function requireStage(state: MediationState, command: MediationCommandType, ...allowed: MediationStage[]): Check {
  if (allowed.includes(state.stage)) return undefined;
  if (isMediationEnded(state)) return rejections.disputeEnded(command, state.stage);
  if (state.stage === 'awaiting-mediator') return rejections.noMediator(command);
  if (state.stage === 'mediating' && command === 'followUpTerm') return rejections.noAgreement();
  return rejections.invalidStage(command, state.stage);
}

/** Dispute work (sessions, agreement, failure, follow-up): the assigned mediator or a supervisor. */
function requireMediator(state: MediationState, command: MediationCommand & { type: MediationCommandType }): Check {
  const { role, userId } = command.actor;
  if (role === 'supervisor') return undefined;
  if (role !== 'mediator') return rejections.roleNotAllowed(command.type, role);
  return state.mediatorId === null || userId === state.mediatorId ? undefined : rejections.notAssignedMediator(command.type, state.mediatorId);
}

/** Refusals that apply to every command. */
function common(state: MediationState, command: MediationCommand): Check {
  if (!Number.isFinite(command.at)) return rejections.invalidTime();
  if (isMediationEnded(state)) return rejections.disputeEnded(command.type, state.stage);
  return undefined;
}

export function decideMediation(state: MediationState, command: MediationCommand): MediationDecision {
  const failure = common(state, command);
  if (failure) return refused(failure);
  switch (command.type) {
    case 'assignMediator':
      return decideAssign(state, command);
    case 'scheduleSession':
      return decideSchedule(state, command);
    case 'recordSession':
      return decideRecordSession(state, command);
    case 'reachAgreement':
      return decideAgreement(state, command);
    case 'recordFailure':
      return decideFailure(state, command);
    case 'followUpTerm':
      return decideFollowUp(state, command);
    case 'breachLimit':
      return decideBreach(state, command);
  }
}

/** 指派调解员: by the committee (a mediator), the community or the street for its own level, or a supervisor; 更换 while mediating. */
function decideAssign(state: MediationState, command: AssignMediatorCommand): MediationDecision {
  const allowedRoles = ['mediator', 'supervisor', 'system', state.level === 'community' ? 'community-handler' : 'street-coordinator'];
  const failure = firstFailure(
    () => requireStage(state, command.type, 'awaiting-mediator', 'mediating'),
    () => (allowedRoles.includes(command.actor.role) ? undefined : rejections.roleNotAllowed(command.type, command.actor.role)),
    () => (blank(command.mediatorId) ? rejections.textRequired(command.type, '调解员 mediatorId') : undefined),
    () => (blank(command.committeeId) ? rejections.textRequired(command.type, '调解组织 committeeId') : undefined),
    () => (command.level !== state.level ? rejections.levelMismatch(state.level) : undefined),
    () => (state.mediatorId === command.mediatorId ? rejections.alreadyAssigned(command.mediatorId) : undefined),
  );
  if (failure) return refused(failure);
  return accepted({
    type: 'MediatorAssigned',
    at: command.at,
    actor: command.actor,
    mediatorId: command.mediatorId,
    committeeId: command.committeeId,
    level: command.level,
    previousMediatorId: state.mediatorId,
  });
}

/** 安排调解: in the future, ending after it starts, not overlapping this dispute's own open sessions. */
function decideSchedule(state: MediationState, command: ScheduleSessionCommand): MediationDecision {
  const failure = firstFailure(
    () => requireStage(state, command.type, 'mediating'),
    () => requireMediator(state, command),
    () => (blank(command.sessionId) ? rejections.textRequired(command.type, '编号 sessionId') : undefined),
    () => (state.sessions.some((session) => session.sessionId === command.sessionId) ? rejections.sessionExists(command.sessionId) : undefined),
    () => (blank(command.place) ? rejections.textRequired(command.type, '地点 place') : undefined),
    () => (!Array.isArray(command.attendeeIds) || command.attendeeIds.length === 0 || command.attendeeIds.some(blank) ? rejections.noAttendees() : undefined),
    () => checkSessionTimes(command.startsAt, command.endsAt, command.at),
    () => {
      const clash = findOverlap(state.sessions, { sessionId: command.sessionId, startsAt: command.startsAt, endsAt: command.endsAt });
      return clash ? rejections.sessionOverlaps(clash.sessionId) : undefined;
    },
  );
  if (failure) return refused(failure);
  return accepted({
    type: 'SessionScheduled',
    at: command.at,
    actor: command.actor,
    session: {
      sessionId: command.sessionId,
      startsAt: command.startsAt,
      endsAt: command.endsAt,
      place: command.place,
      attendeeIds: [...command.attendeeIds],
      consultation: command.consultation === true,
      mediatorId: state.mediatorId!,
      level: state.level,
      held: false,
      heldAt: null,
      minutesSummary: null,
      cancelled: false,
    },
  });
}

/** 调解记录: a scheduled session that has started; also after the agreement it produced was signed. */
function decideRecordSession(state: MediationState, command: RecordSessionCommand): MediationDecision {
  const session = state.sessions.find((candidate) => candidate.sessionId === command.sessionId);
  const failure = firstFailure(
    () => requireStage(state, command.type, 'mediating', 'agreed'),
    () => requireMediator(state, command),
    () => (!session || session.cancelled ? rejections.sessionUnknown(command.sessionId) : undefined),
    () => (session!.held ? rejections.sessionAlreadyHeld(command.sessionId) : undefined),
    () => (command.at < session!.startsAt ? rejections.sessionNotStarted(command.sessionId, session!.startsAt) : undefined),
    () => (blank(command.minutesSummary) ? rejections.textRequired(command.type, '调解记录 minutesSummary') : undefined),
    () => (command.minutesSummary.length > MEDIATION_RULES.maxMinutesLength ? rejections.textTooLong(command.type, '调解记录 minutesSummary', MEDIATION_RULES.maxMinutesLength) : undefined),
  );
  if (failure) return refused(failure);
  return accepted({ type: 'SessionHeld', at: command.at, actor: command.actor, sessionId: command.sessionId, minutesSummary: command.minutesSummary });
}

/** 达成调解协议: at least one term, each with party, obligation and a due date in the future. */
function decideAgreement(state: MediationState, command: ReachAgreementCommand): MediationDecision {
  const failure = firstFailure(
    () => requireStage(state, command.type, 'mediating'),
    () => requireMediator(state, command),
    () => validateAgreement(command, command.at),
  );
  if (failure) return refused(failure);
  return accepted({
    type: 'AgreementReached',
    at: command.at,
    actor: command.actor,
    agreement: {
      agreementId: command.agreementId,
      reachedAt: command.at,
      level: state.level,
      terms: command.terms.map((term) => ({ party: term.party, obligation: term.obligation, dueAt: term.dueAt, followedUp: false, kept: null, followedUpAt: null })),
    },
  });
}

/** 调解不成: at the community the street centre takes over; at the street the parties are told where to go. */
function decideFailure(state: MediationState, command: RecordFailureCommand): MediationDecision {
  const failure = firstFailure(
    () => requireStage(state, command.type, 'mediating'),
    () => requireMediator(state, command),
    () => (blank(command.reason) ? rejections.textRequired(command.type, '原因 reason') : undefined),
    () => (state.level === 'community' && command.guidance ? rejections.guidanceOnlyAtStreet() : undefined),
    () => (state.level === 'street' && !command.guidance ? rejections.guidanceRequired() : undefined),
  );
  if (failure) return refused(failure);
  const next: MediationNext = state.level === 'community' ? 'street-centre' : command.guidance!;
  return accepted({ type: 'MediationFailed', at: command.at, actor: command.actor, level: state.level, next, reason: command.reason, trigger: 'mediator' });
}

/**
 * 协议回访: a term found kept (any time: a party may fulfil early) or broken (only once due). Every term kept →
 * 化解 (resolved); a broken term reopens the dispute for mediation with a new limit.
 */
function decideFollowUp(state: MediationState, command: FollowUpTermCommand): MediationDecision {
  const agreement = state.agreement;
  const term = agreement?.terms[command.termIndex];
  const failure = firstFailure(
    () => requireStage(state, command.type, 'agreed'),
    () => requireMediator(state, command),
    () => (!Number.isInteger(command.termIndex) || !term ? rejections.termUnknown(command.termIndex) : undefined),
    () => (term!.followedUp ? rejections.termAlreadyFollowedUp(command.termIndex) : undefined),
    () => (!command.kept && command.at < term!.dueAt ? rejections.termNotYetDue(command.termIndex, term!.dueAt) : undefined),
  );
  if (failure) return refused(failure);
  const followed: MediationEvent = {
    type: 'TermFollowedUp',
    at: command.at,
    actor: command.actor,
    agreementId: agreement!.agreementId,
    termIndex: command.termIndex,
    kept: command.kept,
    ...(command.note ? { note: command.note } : {}),
  };
  if (!command.kept) {
    return accepted(followed, { type: 'DisputeReopened', at: command.at, actor: command.actor, agreementId: agreement!.agreementId, termIndex: command.termIndex, reopenCount: state.reopenCount + 1 });
  }
  const allKept = agreement!.terms.every((other, index) => index === command.termIndex || other.kept === true);
  return allKept ? accepted(followed, { type: 'DisputeResolved', at: command.at, actor: command.actor, agreementId: agreement!.agreementId, level: state.level }) : accepted(followed);
}

/**
 * 超过调解期限: at the community the dispute goes to the street centre by itself, exactly as if the mediator
 * had recorded a failure; at the street the mediation ends and the parties are guided (command.guidance).
 */
function decideBreach(state: MediationState, command: BreachLimitCommand): MediationDecision {
  const deadline = mediationDeadline(state);
  const failure = firstFailure(
    () => (command.actor.role === 'system' ? undefined : rejections.roleNotAllowed(command.type, command.actor.role)),
    () => (state.limitRunning ? undefined : rejections.limitNotRunning()),
    () => (command.at < deadline ? rejections.limitNotReached(deadline) : undefined),
  );
  if (failure) return refused(failure);
  const days = state.limitDays;
  const community = state.level === 'community';
  const reason = community
    ? `超过${days}日调解期限未达成协议，自动转街道矛盾调解中心 the ${days}-day limit at the community ran out; the street centre takes over`
    : `超过${days}日调解期限未达成协议，终止调解 the ${days}-day limit at the street ran out; mediation ends`;
  return accepted({ type: 'MediationFailed', at: command.at, actor: command.actor, level: state.level, next: community ? 'street-centre' : command.guidance, reason, trigger: 'time-limit' });
}

// ----- evolve --------------------------------------------------------------------------------------------------

const cancelOpenSessions = (sessions: readonly MediationSession[], after = Number.NEGATIVE_INFINITY): MediationSession[] =>
  sessions.map((session) => (!session.held && !session.cancelled && session.startsAt > after ? { ...session, cancelled: true } : session));

export function evolveMediation(state: MediationState, event: MediationEvent): MediationState {
  const base = { ...state, lastEventAt: Math.max(state.lastEventAt, event.at) };
  switch (event.type) {
    case 'MediatorAssigned':
      return { ...base, stage: 'mediating', mediatorId: event.mediatorId, committeeId: event.committeeId };
    case 'SessionScheduled':
      return { ...base, sessions: [...state.sessions, event.session] };
    case 'SessionHeld':
      return {
        ...base,
        sessions: state.sessions.map((session) => (session.sessionId === event.sessionId ? { ...session, held: true, heldAt: event.at, minutesSummary: event.minutesSummary } : session)),
      };
    case 'AgreementReached':
      // sessions planned after the signing are no longer needed; one under way may still be recorded
      return { ...base, stage: 'agreed', agreement: event.agreement, limitRunning: false, sessions: cancelOpenSessions(state.sessions, event.at) };
    case 'TermFollowedUp':
      if (!state.agreement) return base;
      return {
        ...base,
        agreement: {
          ...state.agreement,
          terms: state.agreement.terms.map((term, index) =>
            index === event.termIndex ? { ...term, followedUp: true, kept: event.kept, followedUpAt: event.at, ...(event.note ? { note: event.note } : {}) } : term,
          ),
        },
      };
    case 'DisputeResolved':
      return { ...base, stage: 'resolved', settledLevel: event.level, endedAt: event.at, limitRunning: false, sessions: cancelOpenSessions(state.sessions) };
    case 'DisputeReopened':
      return {
        ...base,
        stage: 'mediating',
        agreement: null,
        brokenAgreements: state.agreement ? [...state.brokenAgreements, state.agreement] : state.brokenAgreements,
        reopenCount: event.reopenCount,
        limitStartedAt: event.at,
        limitRunning: true,
      };
    case 'MediationFailed': {
      const failures = [...state.failures, { level: event.level, next: event.next, reason: event.reason, at: event.at, trigger: event.trigger }];
      const sessions = cancelOpenSessions(state.sessions);
      if (event.next === 'street-centre') {
        return { ...base, failures, sessions, stage: 'awaiting-mediator', level: 'street', mediatorId: null, committeeId: null, limitStartedAt: event.at, limitRunning: true };
      }
      return { ...base, failures, sessions, stage: 'failed', guidance: event.next, endedAt: event.at, limitRunning: false };
    }
  }
}

/** decide, then evolve: the new state and the events, or the refusal. */
export function executeMediation(state: MediationState, command: MediationCommand): { ok: true; state: MediationState; events: readonly MediationEvent[] } | { ok: false; reason: Rejection } {
  const decision = decideMediation(state, command);
  if (!decision.ok) return decision;
  return { ok: true, state: decision.events.reduce(evolveMediation, state), events: decision.events };
}
