// Pure helpers of the mediation workflow: Update arguments → domain commands, domain events → wire events,
// the view. Plain TypeScript (bundled into the workflow sandbox): no I/O.
import {
  type Actor,
  type MediationCommand,
  type MediationEvent,
  type MediationState,
  mediationDeadline,
  readActorRole,
  type Rejection,
} from '@civicflow/domain';
import type { MediationCommandName, MediationView, MediationWorkflowInput, OriginalCaseStep } from './mediation.contract';

export const iso = (ms: number): string => new Date(ms).toISOString();

/** A malformed Update argument (HTTP 400), as opposed to a command the dispute's state refuses (409). */
export class InvalidMediationArgument extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function text(args: Record<string, unknown>, field: string, optional = false): string {
  const value = args[field];
  if (value === undefined && optional) return '';
  if (typeof value !== 'string') throw new InvalidMediationArgument(field, `${field} 须为字符串 ${field} must be a string`);
  return value;
}

/** An ISO instant as epoch ms; NaN when unparseable (the domain refuses it with its own reason). */
function instant(args: Record<string, unknown>, field: string): number {
  const value = text(args, field);
  return Date.parse(value);
}

export type Translation = { ok: true; command: MediationCommand } | { ok: false; rejection: Rejection };

/** Update argument → domain command at `at` (the workflow's clock). Throws InvalidMediationArgument on a bad shape. */
export function toMediationCommand(name: MediationCommandName, raw: unknown, at: number): Translation {
  if (!isObject(raw)) throw new InvalidMediationArgument('(argument)', '命令参数须为对象 the argument must be an object');
  const rawActor = raw.actor;
  if (!isObject(rawActor) || typeof rawActor.userId !== 'string' || typeof rawActor.role !== 'string' || typeof rawActor.unitId !== 'string' || rawActor.userId === '') {
    throw new InvalidMediationArgument('actor', 'actor 须含 userId、role、unitId actor must carry userId, role and unitId');
  }
  // 'system': the mediation service's own moves (automatic workload assignment); the domain decides what it may do
  const role = readActorRole(rawActor.role);
  if (!role) return { ok: false, rejection: { code: 'ROLE_NOT_ALLOWED', zh: `角色 ${rawActor.role} 无权办理调解。`, en: `Role ${rawActor.role} may not act on a dispute.` } };
  const actor: Actor = { userId: rawActor.userId, role, unitId: rawActor.unitId };
  const base = { actor, at };
  switch (name) {
    case 'assignMediator': {
      const level = raw.level;
      if (level !== 'community' && level !== 'street') throw new InvalidMediationArgument('level', "level 须为 'community' 或 'street' level must be 'community' or 'street'");
      return { ok: true, command: { type: 'assignMediator', ...base, mediatorId: text(raw, 'mediatorId'), committeeId: text(raw, 'committeeId'), level } };
    }
    case 'scheduleSession': {
      const attendeeIds = raw.attendeeIds;
      if (!Array.isArray(attendeeIds) || attendeeIds.some((id) => typeof id !== 'string')) throw new InvalidMediationArgument('attendeeIds', 'attendeeIds 须为字符串数组 attendeeIds must be an array of strings');
      if (raw.consultation !== undefined && typeof raw.consultation !== 'boolean') throw new InvalidMediationArgument('consultation', 'consultation 须为布尔值 consultation must be a boolean');
      return {
        ok: true,
        command: {
          type: 'scheduleSession',
          ...base,
          sessionId: text(raw, 'sessionId'),
          startsAt: instant(raw, 'startsAt'),
          endsAt: instant(raw, 'endsAt'),
          place: text(raw, 'place'),
          attendeeIds: attendeeIds as string[],
          consultation: raw.consultation === true,
        },
      };
    }
    case 'recordSession':
      return { ok: true, command: { type: 'recordSession', ...base, sessionId: text(raw, 'sessionId'), minutesSummary: text(raw, 'minutesSummary') } };
    case 'reachAgreement': {
      const terms = raw.terms;
      if (!Array.isArray(terms)) throw new InvalidMediationArgument('terms', 'terms 须为数组 terms must be an array');
      return {
        ok: true,
        command: {
          type: 'reachAgreement',
          ...base,
          agreementId: text(raw, 'agreementId'),
          terms: terms.map((term: unknown, index) => {
            if (!isObject(term)) throw new InvalidMediationArgument(`terms[${index}]`, `terms[${index}] 须为对象 must be an object`);
            return { party: text(term, 'party'), obligation: text(term, 'obligation'), dueAt: instant(term, 'dueAt') };
          }),
        },
      };
    }
    case 'recordFailure': {
      const guidance = raw.guidance;
      if (guidance !== undefined && guidance !== 'arbitration' && guidance !== 'litigation' && guidance !== 'judicial-confirmation') {
        throw new InvalidMediationArgument('guidance', "guidance 须为 'arbitration'、'litigation' 或 'judicial-confirmation'");
      }
      return { ok: true, command: { type: 'recordFailure', ...base, reason: text(raw, 'reason'), ...(guidance ? { guidance } : {}) } };
    }
    case 'followUpTerm': {
      if (typeof raw.termIndex !== 'number') throw new InvalidMediationArgument('termIndex', 'termIndex 须为数字 termIndex must be a number');
      if (typeof raw.kept !== 'boolean') throw new InvalidMediationArgument('kept', 'kept 须为布尔值 kept must be a boolean');
      const note = text(raw, 'note', true).trim();
      return { ok: true, command: { type: 'followUpTerm', ...base, termIndex: raw.termIndex, kept: raw.kept, ...(note ? { note } : {}) } };
    }
  }
}

// ----- party refs -------------------------------------------------------------------------------------------

/**
 * Who an event names among the parties, from the Update argument (the mediation service knows the parties;
 * the domain does not): refs are opaque (`party:<partyId>`), carried into the event data as they came.
 */
export interface PartyRefs {
  partyRefs?: string[];
  /** by term index (reachAgreement) */
  termPartyRefs?: (string | undefined)[];
  /** by term index (reachAgreement): the dispute's party who owes the term */
  termPartyIds?: (string | undefined)[];
}

function refList(raw: Record<string, unknown>, field: string): string[] | undefined {
  const value = raw[field];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((ref) => typeof ref !== 'string' || ref === '')) {
    throw new InvalidMediationArgument(field, `${field} 须为非空字符串数组 ${field} must be an array of non-empty strings`);
  }
  return [...new Set(value as string[])];
}

/** The party refs an Update argument carries (optional, added); throws InvalidMediationArgument on a bad shape. */
export function partyRefsOf(name: MediationCommandName, raw: unknown): PartyRefs {
  if (!isObject(raw)) return {};
  if (name === 'scheduleSession') {
    const partyRefs = refList(raw, 'partyRefs');
    return partyRefs ? { partyRefs } : {};
  }
  if (name === 'reachAgreement') {
    const partyRefs = refList(raw, 'partyRefs');
    const terms = Array.isArray(raw.terms) ? raw.terms : [];
    const termText = (field: 'partyRef' | 'partyId') =>
      terms.map((term: unknown, index) => {
        const value = isObject(term) ? term[field] : undefined;
        if (value !== undefined && (typeof value !== 'string' || value === '')) throw new InvalidMediationArgument(`terms[${index}].${field}`, `${field} 须为非空字符串 ${field} must be a non-empty string`);
        return value;
      });
    const termPartyRefs = termText('partyRef');
    const termPartyIds = termText('partyId');
    return {
      ...(partyRefs ? { partyRefs } : {}),
      ...(termPartyRefs.some((ref) => ref !== undefined) ? { termPartyRefs } : {}),
      ...(termPartyIds.some((id) => id !== undefined) ? { termPartyIds } : {}),
    };
  }
  return {};
}

/** Wire data with the party refs added (only when there are any: an event without them stays as it was). */
export function withPartyRefs(type: string, data: Record<string, unknown>, refs: PartyRefs): Record<string, unknown> {
  if (type !== 'mediation.session-scheduled' && type !== 'mediation.session-reminder' && type !== 'mediation.agreement-reached') return data;
  const out: Record<string, unknown> = { ...data };
  if (refs.partyRefs) out.partyRefs = [...refs.partyRefs];
  if (type === 'mediation.agreement-reached' && (refs.termPartyRefs || refs.termPartyIds) && Array.isArray(data.terms)) {
    out.terms = (data.terms as Record<string, unknown>[]).map((term, index) => {
      const ref = refs.termPartyRefs?.[index];
      const partyId = refs.termPartyIds?.[index];
      return { ...term, ...(ref ? { partyRef: ref } : {}), ...(partyId ? { partyId } : {}) };
    });
  }
  return out;
}

/** The opening record (added input) as mediation.dispute-opened carries it; nothing for inputs from before it existed. */
export function openingData(input: MediationWorkflowInput): Record<string, unknown> {
  const opening = input.opening;
  if (!opening) return {};
  return {
    origin: opening.origin,
    ...(opening.categoryCode ? { categoryCode: opening.categoryCode } : {}),
    summary: opening.summary,
    ...(opening.amountAtStakeCny !== undefined ? { amountAtStakeCny: opening.amountAtStakeCny } : {}),
    streetId: input.streetId,
    ...(opening.districtId ? { districtId: opening.districtId } : {}),
    orgPath: [...opening.orgPath],
    openedBy: { userId: opening.openedBy.userId, role: opening.openedBy.role },
  };
}

// ----- wire events --------------------------------------------------------------------------------------------

/** An event the workflow hands to the publishing activity: envelope fields and `data` (validated there). */
export interface MediationEventDraft {
  id: string;
  type: string;
  key: string;
  correlationId: string;
  causationId?: string;
  actor: { userId: string; role: string; unitId?: string };
  time: string;
  data: Record<string, unknown> & { sequence: number };
}

export const wireActor = (actor: Actor): MediationEventDraft['actor'] => ({ userId: actor.userId, role: actor.role, unitId: actor.unitId });

/** The wire type and data (without the dispute reference) of a domain event; `after` is the state it led to. */
export function toWire(event: MediationEvent, after: MediationState): { type: string; data: Record<string, unknown> } {
  switch (event.type) {
    case 'MediatorAssigned':
      return { type: 'mediation.mediator-assigned', data: { mediatorId: event.mediatorId, committeeId: event.committeeId, level: event.level } };
    case 'SessionScheduled': {
      const s = event.session;
      return {
        type: 'mediation.session-scheduled',
        data: { sessionId: s.sessionId, startsAt: iso(s.startsAt), endsAt: iso(s.endsAt), place: s.place, attendeeIds: [...s.attendeeIds], consultation: s.consultation, mediatorId: s.mediatorId },
      };
    }
    case 'SessionHeld':
      return { type: 'mediation.session-held', data: { sessionId: event.sessionId, minutesSummary: event.minutesSummary } };
    case 'AgreementReached':
      return {
        type: 'mediation.agreement-reached',
        data: { agreementId: event.agreement.agreementId, terms: event.agreement.terms.map((term) => ({ party: term.party, obligation: term.obligation, dueAt: iso(term.dueAt) })) },
      };
    case 'TermFollowedUp':
      return { type: 'mediation.agreement-followed-up', data: { agreementId: event.agreementId, termIndex: event.termIndex, kept: event.kept, ...(event.note ? { note: event.note } : {}) } };
    case 'DisputeResolved':
      return { type: 'mediation.dispute-resolved', data: { agreementId: event.agreementId, level: event.level, mediatorId: after.mediatorId ?? event.actor.userId, reopenCount: after.reopenCount } };
    case 'DisputeReopened':
      return {
        type: 'mediation.dispute-reopened',
        data: { agreementId: event.agreementId, termIndex: event.termIndex, reopenCount: event.reopenCount, level: after.level, deadline: iso(mediationDeadline(after)) },
      };
    case 'MediationFailed':
      return {
        type: 'mediation.mediation-failed',
        data: { level: event.level, next: event.next, reason: event.reason, trigger: event.trigger, ...(event.next === 'street-centre' ? { deadline: iso(mediationDeadline(after)) } : {}) },
      };
  }
}

// ----- the view -----------------------------------------------------------------------------------------------

export interface MediationViewExtras {
  sequence: number;
  publishedSequence: number;
  reminded: readonly string[];
  originalCase: { accepted: OriginalCaseStep; resolved: OriginalCaseStep } | null;
}

export function mediationView(input: MediationWorkflowInput, state: MediationState, extras: MediationViewExtras): MediationView {
  return {
    disputeId: input.disputeId,
    caseNumber: input.caseNumber ?? null,
    stage: state.stage,
    level: state.level,
    mediatorId: state.mediatorId,
    committeeId: state.committeeId,
    deadline: iso(mediationDeadline(state)),
    sessions: state.sessions.map((session) => ({
      sessionId: session.sessionId,
      startsAt: iso(session.startsAt),
      endsAt: iso(session.endsAt),
      place: session.place,
      consultation: session.consultation,
      held: session.held,
      reminded: extras.reminded.includes(session.sessionId),
      cancelled: session.cancelled,
      attendeeIds: [...session.attendeeIds],
    })),
    agreement: state.agreement
      ? {
          agreementId: state.agreement.agreementId,
          terms: state.agreement.terms.map((term) => ({ party: term.party, obligation: term.obligation, dueAt: iso(term.dueAt), followedUp: term.followedUp, kept: term.kept })),
        }
      : null,
    reopenCount: state.reopenCount,
    guidance: state.guidance,
    lastSequence: extras.sequence,
    publishedSequence: extras.publishedSequence,
    limitRunning: state.limitRunning,
    openedAt: iso(state.openedAt),
    endedAt: state.endedAt === null ? null : iso(state.endedAt),
    originalCase: extras.originalCase,
  };
}
