import type { MediationDisputeRecord } from '@civicflow/domain';
import type { DisputeDoc } from '../disputes/dispute';
import { followUpOf } from '../read-model/mediation-projection';

/** A dispute of the read model as the domain's figures function counts it. */
export function toFiguresRecord(doc: Pick<DisputeDoc, '_id' | 'communityId' | 'streetId' | 'openedAt' | 'stage' | 'level' | 'resolvedAt' | 'failedAt' | 'deadline' | 'agreement' | 'pastAgreements'>): MediationDisputeRecord {
  const outcome = doc.stage === 'resolved' && doc.resolvedAt ? { kind: 'resolved' as const, at: doc.resolvedAt, level: doc.level }
    : doc.stage === 'failed' && doc.failedAt ? { kind: 'failed' as const, at: doc.failedAt, level: doc.level } : null;
  const agreements = [
    ...doc.pastAgreements.map((a) => ({ reachedAt: a.reachedAt, followedUp: a.followedUp })),
    ...(doc.agreement ? [{ reachedAt: doc.agreement.reachedAt, followedUp: followUpOf(doc.agreement) }] : []),
  ];
  return {
    disputeId: doc._id, communityId: doc.communityId, streetId: doc.streetId, openedAt: doc.openedAt, outcome,
    deadline: doc.stage === 'awaiting-mediator' || doc.stage === 'mediating' ? doc.deadline : null, agreements,
  };
}
