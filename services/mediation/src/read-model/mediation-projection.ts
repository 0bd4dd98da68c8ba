import type { EventEnvelope } from '@civicflow/contracts';
import type { AgreementDoc, AgreementTermDoc, DisputeDoc, DisputeStage, DisputeType, FailureDoc } from '../disputes/dispute';
import type { MediationLevel } from '../committees/committee';

type Data = Record<string, unknown>;

/** What the projection looks up beside the event: the name of the mediator who signed an agreement. */
export interface ProjectionLookups {
  nameOf?: (userId: string) => string | undefined;
}

/** An agreement's follow-up outcome: every term kept, or the first broken one. */
export function followUpOf(agreement: Pick<AgreementDoc, 'terms'>): { kept: boolean; at: string } | null {
  const broken = agreement.terms.find((t) => t.kept === false);
  if (broken) return { kept: false, at: broken.followedUpAt ?? '' };
  if (agreement.terms.length > 0 && agreement.terms.every((t) => t.kept === true)) {
    return { kept: true, at: agreement.terms.map((t) => t.followedUpAt ?? '').sort().at(-1) ?? '' };
  }
  return null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** `party:<disputeId>:<partyId>` → partyId */
const partyIdOfRef = (ref: unknown): string | null => (typeof ref === 'string' ? (ref.split(':').at(-1) ?? null) : null);

/** The stored dispute as mediation.dispute-opened says it was opened. */
export function openedDispute(event: EventEnvelope): DisputeDoc {
  const data = (event.data ?? {}) as Data;
  const at = new Date(str(data.occurredAt) ?? event.time);
  const communityId = String(data.communityId);
  const orgPath = Array.isArray(data.orgPath) ? (data.orgPath as unknown[]).filter((u): u is string => typeof u === 'string') : [];
  const openedBy = data.openedBy as { userId?: string; role?: string } | undefined;
  return {
    _id: str(data.disputeId) ?? event.key,
    caseNumber: str(data.caseNumber),
    origin: data.origin === 'walk-in' ? 'walk-in' : data.origin === 'case' || data.caseNumber ? 'case' : 'walk-in',
    categoryCode: str(data.categoryCode),
    disputeType: String(data.disputeType) as DisputeType,
    summary: str(data.summary) ?? '',
    amountAtStakeCny: typeof data.amountAtStakeCny === 'number' ? data.amountAtStakeCny : null,
    communityId,
    streetId: str(data.streetId) ?? orgPath[orgPath.indexOf(communityId) - 1] ?? '',
    districtId: str(data.districtId),
    orgPath: orgPath.length > 0 ? orgPath : [communityId],
    stage: 'awaiting-mediator',
    level: 'community',
    committeeId: null,
    mediatorId: null,
    pastMediatorIds: [],
    agreement: null,
    failures: [],
    pastAgreements: [],
    deadline: null,
    lastSequence: typeof data.sequence === 'number' ? data.sequence : 0,
    guidance: null,
    reopenCount: 0,
    openedAt: at,
    assignedAt: null,
    escalatedAt: null,
    agreedAt: null,
    resolvedAt: null,
    failedAt: null,
    stageAt: at,
    assignmentPending: true,
    openedBy: { userId: openedBy?.userId ?? event.actor?.userId ?? 'system', role: openedBy?.role ?? event.actor?.role ?? 'system' },
    correlationId: event.correlationId,
    revision: 0,
  };
}

/**
 * 读模型: the stored dispute after one mediation.* event, or `undefined` when the event changes nothing (already
 * applied, or older than what the document shows). The only way a dispute's document changes: it is a
 * projection of the workflow's events. Pure; the handler writes the result with the revision guard.
 * The workflow numbers a dispute's events (`sequence`); an event at or below the document's last sequence is
 * ignored. Where an event has no sequence, its time orders it against the stage shown (`stageAt`). Dates are set once.
 */
export function applyMediationEvent(current: DisputeDoc | null, event: EventEnvelope, lookups: ProjectionLookups = {}): DisputeDoc | undefined {
  if (!current) return event.type === 'mediation.dispute-opened' ? openedDispute(event) : undefined;
  const data = (event.data ?? {}) as Data;
  const sequence = typeof data.sequence === 'number' ? data.sequence : undefined;
  if (sequence !== undefined && sequence <= current.lastSequence) return undefined;
  const at = new Date(typeof data.occurredAt === 'string' ? data.occurredAt : event.time);
  const newer = sequence !== undefined || at.getTime() >= new Date(current.stageAt).getTime();
  const next: DisputeDoc = { ...current, pastMediatorIds: [...current.pastMediatorIds], failures: [...current.failures], lastSequence: sequence ?? current.lastSequence };
  const move = (stage: DisputeStage) => {
    if (!newer) return;
    next.stage = stage;
    next.stageAt = at;
  };
  const deadline = typeof data.deadline === 'string' ? new Date(data.deadline) : undefined;

  switch (event.type) {
    case 'mediation.mediator-assigned': {
      const mediatorId = String(data.mediatorId);
      if (!next.pastMediatorIds.includes(mediatorId)) next.pastMediatorIds.push(mediatorId);
      if (newer) {
        next.mediatorId = mediatorId;
        next.committeeId = String(data.committeeId);
        next.level = data.level as MediationLevel;
        next.assignmentPending = false;
      }
      next.assignedAt ??= at;
      move('mediating');
      break;
    }
    case 'mediation.agreement-reached': {
      next.agreedAt ??= at;
      if (newer) {
        next.deadline = null;
        next.agreement = agreementOf(current, data, event, at, lookups);
      }
      move('agreed');
      break;
    }
    case 'mediation.mediation-failed': {
      const failure: FailureDoc = { level: (data.level as MediationLevel) ?? current.level, reason: str(data.reason) ?? '', next: data.next as FailureDoc['next'], at: at.toISOString(), mediatorId: current.mediatorId };
      if (!current.failures.some((f) => f.at === failure.at && f.level === failure.level)) next.failures.push(failure);
      if (data.next === 'street-centre') {
        next.escalatedAt ??= at;
        if (newer && current.level === 'community') {
          next.level = 'street';
          next.mediatorId = null;
          next.committeeId = null;
          next.assignmentPending = true;
          if (deadline) next.deadline = deadline;
          move('awaiting-mediator');
        }
      } else {
        next.failedAt ??= at;
        if (newer) {
          next.guidance = String(data.next);
          next.deadline = null;
        }
        move('failed');
      }
      break;
    }
    case 'mediation.agreement-followed-up': {
      const index = Number(data.termIndex);
      const terms = current.agreement?.terms;
      if (!current.agreement || current.agreement.agreementId !== data.agreementId || !terms?.[index]) break;
      next.agreement = {
        ...current.agreement,
        terms: terms.map((t, i) => (i === index ? { ...t, kept: Boolean(data.kept), followedUpAt: t.followedUpAt ?? at.toISOString(), note: typeof data.note === 'string' ? data.note : t.note } : t)),
      };
      if (sequence === undefined && data.kept === false) reopen(next, at, deadline, newer, move);
      else if (sequence === undefined && next.agreement.terms.every((t) => t.kept === true)) {
        next.resolvedAt ??= at;
        move('resolved');
      }
      break;
    }
    case 'mediation.dispute-reopened':
      reopen(next, at, deadline, newer, move, Number(data.reopenCount));
      break;
    case 'mediation.dispute-resolved':
      next.resolvedAt ??= at;
      if (newer) next.deadline = null;
      move('resolved');
      break;
    default:
      break;
  }
  return JSON.stringify(current) === JSON.stringify(next) ? undefined : next;
}

/** 调解协议 as mediation.agreement-reached carries it, signed by the event's actor at the level and committee holding the dispute. */
function agreementOf(current: DisputeDoc, data: Data, event: EventEnvelope, at: Date, lookups: ProjectionLookups): AgreementDoc {
  const terms = Array.isArray(data.terms) ? (data.terms as Data[]) : [];
  const userId = event.actor?.userId ?? current.mediatorId ?? 'system';
  return {
    agreementId: String(data.agreementId),
    terms: terms.map((t): AgreementTermDoc => ({
      party: String(t.party),
      partyId: str(t.partyId) ?? partyIdOfRef(t.partyRef),
      obligation: String(t.obligation),
      dueAt: String(t.dueAt),
      kept: null,
      followedUpAt: null,
      note: null,
    })),
    reachedAt: at.toISOString(),
    reachedBy: { userId, name: lookups.nameOf?.(userId) ?? userId },
    committeeId: current.committeeId ?? '',
    level: current.level,
  };
}

/** 协议未履行，重新调解: the broken agreement is kept for the figures, mediation resumes at the same level. */
function reopen(next: DisputeDoc, at: Date, deadline: Date | undefined, newer: boolean, move: (s: DisputeStage) => void, reopenCount?: number): void {
  if (!newer || next.stage !== 'agreed' || !next.agreement) return;
  next.pastAgreements = [...next.pastAgreements, { agreementId: next.agreement.agreementId, reachedAt: next.agreement.reachedAt, followedUp: followUpOf(next.agreement) }];
  next.agreement = null;
  next.reopenCount = reopenCount ?? next.reopenCount + 1;
  if (deadline) next.deadline = deadline;
  move('mediating');
}
