import { DisputeDoc, PartyDoc } from './dispute';

/** A party as users see them: contacts masked (the full value only through the audited read). */
export function partyView(p: PartyDoc) {
  return { partyId: p.partyId, role: p.role, name: p.name, phoneMasked: p.phone?.masked ?? null, idNumberMasked: p.idNumber?.masked ?? null, address: p.address, userId: p.userId, contactRegistered: p.contactRegistered ?? null };
}

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

export function disputeView(doc: DisputeDoc) {
  return {
    disputeId: doc._id,
    caseNumber: doc.caseNumber,
    origin: doc.origin,
    categoryCode: doc.categoryCode,
    disputeType: doc.disputeType,
    summary: doc.summary,
    amountAtStakeCny: doc.amountAtStakeCny,
    communityId: doc.communityId,
    streetId: doc.streetId,
    stage: doc.stage,
    level: doc.level,
    committeeId: doc.committeeId,
    mediatorId: doc.mediatorId,
    assignmentPending: doc.assignmentPending,
    parties: doc.parties.map(partyView),
    agreement: doc.agreement,
    failures: doc.failures,
    deadline: iso(doc.deadline),
    guidance: doc.guidance,
    reopenCount: doc.reopenCount,
    openedAt: iso(doc.openedAt),
    assignedAt: iso(doc.assignedAt),
    escalatedAt: iso(doc.escalatedAt),
    agreedAt: iso(doc.agreedAt),
    resolvedAt: iso(doc.resolvedAt),
    failedAt: iso(doc.failedAt),
  };
}

export type DisputeView = ReturnType<typeof disputeView>;
