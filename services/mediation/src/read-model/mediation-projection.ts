import type { EventEnvelope } from '@civicflow/contracts';
import type { DisputeDoc, DisputeStage } from '../disputes/dispute';
import type { MediationLevel } from '../committees/committee';

/** The fields of a dispute that the workflow's state decides (stage, level, mediator, dates). */
export type DisputeState = Pick<DisputeDoc,
  'stage' | 'level' | 'committeeId' | 'mediatorId' | 'pastMediatorIds' | 'guidance' | 'reopenCount' | 'agreement' | 'assignedAt' | 'escalatedAt' |
  'agreedAt' | 'resolvedAt' | 'failedAt' | 'stageAt' | 'assignmentPending'>;

type Data = Record<string, unknown>;

/**
 * 读模型: the dispute after one mediation.* event, or `undefined` when the event changes nothing (older than
 * what the document shows, or already applied). Pure; the handler writes the result with the revision guard.
 * Mediation events carry no sequence, so the time they happened orders them: a transition older than the one
 * the document shows (`stageAt`) never moves the stage back. Dates are set once.
 */
export function applyMediationEvent(current: DisputeState, event: EventEnvelope): DisputeState | undefined {
  const data = (event.data ?? {}) as Data;
  const at = new Date(typeof data.occurredAt === 'string' ? data.occurredAt : event.time);
  const newer = at.getTime() >= current.stageAt.getTime();
  const next: DisputeState = { ...current, pastMediatorIds: [...current.pastMediatorIds] };
  const move = (stage: DisputeStage) => {
    if (!newer) return;
    next.stage = stage;
    next.stageAt = at;
  };

  switch (event.type) {
    case 'mediation.mediator-assigned': {
      const mediatorId = String(data.mediatorId);
      const level = data.level as MediationLevel;
      if (!next.pastMediatorIds.includes(mediatorId)) next.pastMediatorIds.push(mediatorId);
      if (newer) {
        next.mediatorId = mediatorId;
        next.committeeId = String(data.committeeId);
        next.level = level;
        next.assignmentPending = false;
      }
      next.assignedAt ??= at;
      move('mediating');
      break;
    }
    case 'mediation.agreement-reached':
      next.agreedAt ??= at;
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
          move('awaiting-mediator');
        }
      } else {
        next.failedAt ??= at;
        if (newer) next.guidance = String(data.next);
        move('failed');
      }
      break;
    case 'mediation.agreement-followed-up': {
      const index = Number(data.termIndex);
      const terms = current.agreement?.terms;
      if (!current.agreement || !terms?.[index]) return undefined;
      const term = terms[index];
      if (term.kept !== null && term.kept === data.kept) return undefined;
      next.agreement = {
        ...current.agreement,
        terms: terms.map((t, i) => (i === index ? { ...t, kept: Boolean(data.kept), followedUpAt: t.followedUpAt ?? at.toISOString() } : t)),
      };
      if (data.kept === false) {
        // a broken term reopens the dispute (协议未履行, 重新调解)
        if (newer && current.stage === 'agreed') next.reopenCount += 1;
        move('mediating');
      } else if (next.agreement.terms.every((t) => t.kept === true)) {
        next.resolvedAt ??= at;
        move('resolved');
      }
      break;
    }
    default:
      return undefined;
  }
  return sameState(current, next) ? undefined : next;
}

function sameState(a: DisputeState, b: DisputeState): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
