import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { PartyRegister } from '../../parties/party-register';
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
 * 纠纷立案: the parties go to the service's register, the dispute's workflow is started with the record it was
 * opened with (idempotent by id) — its mediation.dispute-opened creates the stored dispute — then a community
 * mediator is assigned. Each step may be repeated: a redelivered case.registered, or the retry loop after a
 * restart, finds the earlier steps done and finishes the rest. Nothing here writes the dispute.
 */
@Injectable()
export class OpenDisputeUseCase {
  constructor(
    private readonly disputes: DisputeStore,
    private readonly parties: PartyRegister,
    private readonly workflows: MediationWorkflows,
    private readonly assign: AssignMediatorUseCase,
  ) {}

  async execute(command: OpenDisputeCommand): Promise<{ created: boolean; assignment: AssignOutcome }> {
    const created = !(await this.disputes.findById(command.disputeId));
    await this.parties.open(command.disputeId, command.parties);
    await this.workflows.start({
      disputeId: command.disputeId,
      ...(command.caseNumber ? { caseNumber: command.caseNumber } : {}),
      disputeType: command.disputeType,
      communityId: command.communityId,
      streetId: command.streetId,
      openedAt: command.at.toISOString(),
      correlationId: command.correlationId || randomUUID(),
      opening: {
        origin: command.origin,
        ...(command.categoryCode ? { categoryCode: command.categoryCode } : {}),
        summary: command.summary,
        ...(command.amountAtStakeCny !== null ? { amountAtStakeCny: command.amountAtStakeCny } : {}),
        ...(command.districtId ? { districtId: command.districtId } : {}),
        orgPath: command.orgPath,
        openedBy: command.openedBy,
      },
    });
    const assignment = await this.assign.execute(command.disputeId, {
      preferredMediatorId: created ? command.preferredMediatorId : undefined,
      // not projected yet: a dispute opens at the community, held by nobody before
      facts: { level: 'community', communityId: command.communityId, streetId: command.streetId, pastMediatorIds: [] },
    });
    return { created, assignment };
  }
}
