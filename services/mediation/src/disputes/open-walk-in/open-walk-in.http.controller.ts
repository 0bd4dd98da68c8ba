import { Body, Controller, ForbiddenException, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { says } from '@civicflow/contracts';
import { AuthUser, CurrentUser, PiiProtector, Roles } from '@civicflow/platform';
import { MediatorStore } from '../../committees/mediator.store';
import { OrgUnits } from '../../committees/org-units';
import { assertMediatorNotParty } from '../../parties/parties';
import { partySchema } from '../../parties/party.dto';
import { toPartyDoc } from '../../parties/parties';
import { PartyContactRegistrar } from '../../parties/register-contact/party-contact-registrar';
import { invalidField } from '../../shared/http-errors';
import { DISPUTE_TYPES } from '../dispute';
import { walkInDisputeId } from '../dispute-id';
import { DisputeViews } from '../dispute.view';
import { OpenDisputeUseCase } from '../open-dispute/open-dispute.usecase';
import { MediationWorkflows } from '../../workflow/mediation-workflows';

class OpenWalkInDto extends createZodDto(z.object({
  communityId: z.string().trim().min(1).optional().describe('defaults to the mediator’s community'),
  disputeType: z.enum(DISPUTE_TYPES),
  summary: z.string().trim().min(1, says('须简述纠纷情况', 'describe the dispute')).max(2000),
  amountAtStakeCny: z.number().nonnegative().max(1e10).optional(),
  parties: z.array(partySchema).max(50).default([]),
  mediatorId: z.string().trim().min(1).optional().describe('a member of the community committee; by workload when absent'),
  caseNumber: z.string().regex(/^\d{8}-\d{6}$/, says('案件编号形如 20261128-000042', 'a case number like 20261128-000042')).optional().describe('the case it relates to, if any'),
})) {}

/** 来访登记: a mediator opens a dispute for someone who walked in; it starts in the community's committee. */
@ApiTags('disputes 纠纷')
@ApiBearerAuth()
@Controller('api/v1/mediation/disputes')
export class OpenWalkInHttpController {
  constructor(private readonly open: OpenDisputeUseCase, private readonly org: OrgUnits, private readonly protector: PiiProtector, private readonly mediators: MediatorStore, private readonly registrar: PartyContactRegistrar, private readonly views: DisputeViews, private readonly workflows: MediationWorkflows) {}

  @Post()
  @Roles('mediator', 'supervisor')
  @ApiOperation({ summary: '来访登记 open a walk-in dispute in a community (assigned by workload, or to the named member)' })
  async openWalkIn(@Body() body: OpenWalkInDto, @CurrentUser() user: AuthUser) {
    const communityId = body.communityId ?? user.unitId;
    const path = this.org.pathOfCommunity(communityId);
    if (!path) throw invalidField('communityId', `${communityId} 不是社区`, `${communityId} is not a community`);
    if (user.role === 'mediator' ? ![communityId, path.streetId].includes(user.unitId) : !path.orgPath.includes(user.unitId)) {
      throw new ForbiddenException({ message: `不在您的管辖范围内 outside your jurisdiction (${user.unitId})` });
    }
    // a related case must lie in this community (its committee will act on it): one answer for "no such case" and
    // "someone else's case", so case numbers cannot be probed
    if (body.caseNumber && !(await this.workflows.caseLiesIn(body.caseNumber, communityId))) {
      throw invalidField('caseNumber', `案件 ${body.caseNumber} 不存在或不属于 ${communityId}`, `no case ${body.caseNumber} in ${communityId}`);
    }
    const parties = body.parties.map((p) => toPartyDoc(p, this.protector));
    // 回避 before anything is written: the named mediator must not be a party
    if (body.mediatorId) assertMediatorNotParty(await this.mediators.mediator(body.mediatorId), parties);
    const now = new Date();
    const disputeId = walkInDisputeId(now);
    const { assignment } = await this.open.execute({
      disputeId, caseNumber: body.caseNumber ?? null, origin: 'walk-in', categoryCode: null, disputeType: body.disputeType,
      summary: body.summary, amountAtStakeCny: body.amountAtStakeCny ?? null, communityId, streetId: path.streetId, districtId: path.districtId,
      orgPath: path.orgPath, parties, openedBy: { userId: user.userId, role: user.role },
      correlationId: randomUUID(), preferredMediatorId: body.mediatorId, at: now,
    });
    // parties with a phone go to the notification directory; a failure stays pending for the retry loop
    if (parties.some((p) => p.contactRegistered === false)) await this.registrar.registerDispute(disputeId);
    // the dispute as its workflow's events put it (opened, and the mediator assigned when that went through)
    return { ...(await this.views.afterUpdate(disputeId, { lastSequence: assignment.assigned ? assignment.lastSequence : 1 })), assignment };
  }
}
