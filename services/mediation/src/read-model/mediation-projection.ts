import type { EventEnvelope } from '@civicflow/contracts';
import type { AgreementDoc, DisputeDoc, DisputeStage } from '../disputes/dispute';
import type { MediationLevel } from '../committees/committee';
import type { MediationView } from '../workflow/mediation-contract';

/** The fields of a dispute that the workflow's state decides (stage, level, mediator, dates). */
export type DisputeState = Pick<DisputeDoc,
  'stage' | 'level' | 'committeeId' | 'mediatorId' | 'pastMediatorIds' | 'guidance' | 'reopenCount' | 'agreement' | 'pastAgreements' | 'deadline' |
  'assignedAt' | 'escalatedAt' | 'agreedAt' | 'resolvedAt' | 'failedAt' | 'stageAt' | 'assignmentPending' | 'lastSequence'>;

type Data = Record<string, unknown>;

/** An agreement's follow-up outcome: every term kept, or the first broken one. */
export function followUpOf(agreement: Pick<AgreementDoc, 'terms'>): { kept: boolean; at: string } | null {
  const broken = agreement.terms.find((t) => t.kept === false);
  if (broken) return { kept: false, at: broken.followedUpAt ?? '' };
  if (agreement.terms.length > 0 && agreement.terms.every((t) => t.kept === true)) {
    return { kept: true, at: agreement.terms.map((t) => t.followedUpAt ?? '').sort().at(-1) ?? '' };
  }
  return null;
}

/**
 * 读模型: the dispute after one mediation.* event, or `undefined` when the event changes nothing (already applied,
 * or older than what the document shows). Pure; the handler writes the result with the revision guard.
 * The workflow numbers a dispute's events (`sequence`); an event at or below the document's last sequence is
 * ignored. Where an event has no sequence, its time orders it against the stage shown (`stageAt`). Dates are set once.
 */
export function applyMediationEvent(current: DisputeState, event: EventEnvelope): DisputeState | undefined {
  const data = (event.data ?? {}) as Data;
  const sequence = typeof data.sequence === 'number' ? data.sequence : undefined;
  if (sequence !== undefined && sequence <= current.lastSequence) return undefined;
  const at = new Date(typeof data.occurredAt === 'string' ? data.occurredAt : event.time);
  const newer = sequence !== undefined || at.getTime() >= current.stageAt.getTime();
  const next: DisputeState = { ...current, pastMediatorIds: [...current.pastMediatorIds], lastSequence: sequence ?? current.lastSequence };
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
    case 'mediation.agreement-reached':
      next.agreedAt ??= at;
      if (newer) next.deadline = null;
      move('agreed');
      break;
    case 'mediation.mediation-failed':
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

/** 协议未履行，重新调解: the broken agreement is kept for the figures, mediation resumes at the same level. */
function reopen(next: DisputeState, at: Date, deadline: Date | undefined, newer: boolean, move: (s: DisputeStage) => void, reopenCount?: number): void {
  if (!newer || next.stage !== 'agreed' || !next.agreement) return;
  next.pastAgreements = [...next.pastAgreements, { agreementId: next.agreement.agreementId, reachedAt: next.agreement.reachedAt, followedUp: followUpOf(next.agreement) }];
  next.agreement = null;
  next.reopenCount = reopenCount ?? next.reopenCount + 1;
  if (deadline) next.deadline = deadline;
  move('mediating');
}

/**
 * The dispute as an Update's answer (the workflow's view) shows it: applied when the view is at least as recent
 * as what the document shows. Terms' follow-ups stay the service's (they carry notes and times).
 */
export function applyMediationView(current: DisputeState, view: MediationView, at: Date): Partial<DisputeState> | undefined {
  if (view.lastSequence < current.lastSequence) return undefined;
  const changes: Partial<DisputeState> = {
    lastSequence: view.lastSequence,
    level: view.level,
    mediatorId: view.mediatorId,
    committeeId: view.committeeId,
    guidance: view.guidance,
    reopenCount: view.reopenCount,
    deadline: view.stage === 'awaiting-mediator' || view.stage === 'mediating' ? new Date(view.deadline) : null,
  };
  if (view.stage !== current.stage) {
    changes.stage = view.stage;
    changes.stageAt = at;
    if (view.stage === 'agreed') changes.agreedAt = current.agreedAt ?? at;
    if (view.stage === 'resolved') changes.resolvedAt = current.resolvedAt ?? at;
    if (view.stage === 'failed') changes.failedAt = current.failedAt ?? at;
    if (view.stage === 'awaiting-mediator' && view.level === 'street' && current.level === 'community') {
      changes.escalatedAt = current.escalatedAt ?? at;
      changes.assignmentPending = true;
    }
    if (view.stage === 'mediating' && current.stage === 'agreed' && current.agreement) {
      changes.pastAgreements = [...current.pastAgreements, { agreementId: current.agreement.agreementId, reachedAt: current.agreement.reachedAt, followedUp: followUpOf(current.agreement) }];
      changes.agreement = null;
    }
  }
  if (view.mediatorId && !current.pastMediatorIds.includes(view.mediatorId)) changes.pastMediatorIds = [...current.pastMediatorIds, view.mediatorId];
  if (view.mediatorId) changes.assignmentPending = false;
  return changes;
}
