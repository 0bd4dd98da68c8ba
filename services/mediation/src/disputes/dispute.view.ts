import { Injectable } from '@nestjs/common';
import { PartyRegister } from '../parties/party-register';
import { notFound } from '../shared/http-errors';
import type { MediationView } from '../workflow/mediation-contract';
import { DisputeStore } from './dispute.store';
import { DisputeDoc, PartyDoc } from './dispute';

/** A party as users see them: contacts masked (the full value only through the audited read). */
export function partyView(p: PartyDoc) {
  return { partyId: p.partyId, role: p.role, name: p.name, phoneMasked: p.phone?.masked ?? null, idNumberMasked: p.idNumber?.masked ?? null, address: p.address, userId: p.userId, contactRegistered: p.contactRegistered ?? null };
}

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

/** The dispute as users see it: its projection beside the parties of the service's register. */
export function disputeView(doc: DisputeDoc, parties: readonly PartyDoc[]) {
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
    parties: parties.map(partyView),
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

/** Dispute views with their parties; after a command, once the projection shows what the workflow did. */
@Injectable()
export class DisputeViews {
  constructor(private readonly disputes: DisputeStore, private readonly parties: PartyRegister) {}

  async of(doc: DisputeDoc): Promise<DisputeView> {
    return disputeView(doc, await this.parties.partiesOf(doc._id));
  }

  /** The dispute once its projection has the events up to the Update's answer (bounded wait), with its parties. */
  async afterUpdate(disputeId: string, view: Pick<MediationView, 'lastSequence'>): Promise<DisputeView> {
    const doc = await this.disputes.whenProjected(disputeId, view.lastSequence);
    if (!doc) throw notFound(`纠纷 ${disputeId} 不存在`, `dispute ${disputeId} not found`);
    return this.of(doc);
  }
}
