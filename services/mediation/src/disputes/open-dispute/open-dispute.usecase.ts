import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MediationWorkflows } from '../../workflow/mediation-workflows';
import { DisputeDoc, DisputeType, PartyDoc } from '../dispute';
import { DisputeStore } from '../dispute.store';
import { AssignMediatorUseCase, AssignOutcome } from '../assign-mediator/assign-mediator.usecase';

export interface OpenDisputeCommand {
  disputeId: string;
  caseNumber: string | null;
  origin: DisputeDoc['origin'];
  categoryCode: string | null;
  disputeType: DisputeType;
  summary: string;
  amountAtStakeCny: number | null;
  communityId: string;
  streetId: string;
  districtId: string | null;
  orgPath: string[];
  parties: PartyDoc[];
  openedBy: { userId: string; role: string };
  correlationId: string;
  preferredMediatorId?: string;
  at: Date;
}

/**
 * 纠纷立案: the dispute is written first (Mongo is the record), then its workflow started (idempotent by id), then a
 * mediator assigned. Each step may be repeated: a redelivered case.registered, or the retry loop after a restart,
 * finds the earlier steps done and finishes the rest.
 */
@Injectable()
export class OpenDisputeUseCase {
  constructor(private readonly disputes: DisputeStore, private readonly workflows: MediationWorkflows, private readonly assign: AssignMediatorUseCase) {}

  async execute(command: OpenDisputeCommand): Promise<{ dispute: DisputeDoc; created: boolean; assignment: AssignOutcome }> {
    const doc: DisputeDoc = {
      _id: command.disputeId, caseNumber: command.caseNumber, origin: command.origin, categoryCode: command.categoryCode, disputeType: command.disputeType,
      summary: command.summary, amountAtStakeCny: command.amountAtStakeCny, communityId: command.communityId, streetId: command.streetId,
      districtId: command.districtId, orgPath: command.orgPath, stage: 'awaiting-mediator', level: 'community', committeeId: null, mediatorId: null,
      pastMediatorIds: [], parties: command.parties, contactsPending: command.parties.some((p) => p.contactRegistered === false), agreement: null, failures: [], pastAgreements: [], deadline: null, lastSequence: 0, guidance: null, reopenCount: 0, openedAt: command.at,
      assignedAt: null, escalatedAt: null, agreedAt: null, resolvedAt: null, failedAt: null, stageAt: command.at, assignmentPending: true,
      assignmentError: null, assignmentClaimedUntil: null, openedBy: command.openedBy, correlationId: command.correlationId || randomUUID(), revision: 1,
    };
    const created = await this.disputes.insert(doc);
    const stored = created ? doc : (await this.disputes.findById(doc._id))!;
    await this.workflows.start({
      disputeId: stored._id, ...(stored.caseNumber ? { caseNumber: stored.caseNumber } : {}), disputeType: stored.disputeType,
      communityId: stored.communityId, streetId: stored.streetId, openedAt: new Date(stored.openedAt).toISOString(), correlationId: stored.correlationId,
    });
    const assignment = await this.assign.execute(stored._id, { preferredMediatorId: created ? command.preferredMediatorId : undefined });
    return { dispute: (await this.disputes.findById(stored._id)) ?? stored, created, assignment };
  }
}
