import { Body, Controller, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { AuthUser, CurrentUser, Roles } from '@civicflow/platform';
import { DisputeAccess, MEDIATE_ROLES } from '../../disputes/dispute-access';
import { DisputeViews } from '../../disputes/dispute.view';
import { refused } from '../../shared/http-errors';
import { followUpTermUpdate } from '../../workflow/mediation-contract';
import { actorOf, MediationWorkflows } from '../../workflow/mediation-workflows';

class FollowUpDto extends createZodDto(z.object({
  kept: z.boolean(),
  note: z.string().trim().min(1).max(2000).optional(),
})) {}

/**
 * 协议回访: a term was found kept, or broken (which reopens the dispute). All kept → 已化解, the case resolved.
 * The workflow decides; its mediation.agreement-followed-up (and what follows) updates the stored dispute.
 */
@ApiTags('agreements 调解协议')
@ApiBearerAuth()
@Controller('api/v1/mediation/disputes')
export class FollowUpTermHttpController {
  constructor(private readonly access: DisputeAccess, private readonly workflows: MediationWorkflows, private readonly views: DisputeViews) {}

  @Post(':disputeId/agreement/terms/:termIndex/follow-up')
  @Roles(...MEDIATE_ROLES)
  @ApiOperation({ summary: '协议回访 follow a term up: kept or broken (a broken term reopens the dispute)' })
  async followUp(@Param('disputeId') disputeId: string, @Param('termIndex', ParseIntPipe) termIndex: number, @Body() body: FollowUpDto, @CurrentUser() user: AuthUser) {
    const dispute = await this.access.toMediate(user, disputeId);
    const agreement = dispute.agreement;
    if (!agreement) throw refused({ code: 'NO_AGREEMENT', zh: '尚未达成调解协议', en: 'no agreement is in force' });
    const view = await this.workflows.update(disputeId, followUpTermUpdate, { actor: actorOf(user), termIndex, kept: body.kept, ...(body.note ? { note: body.note } : {}) },
      `follow-up:${agreement.agreementId}:${termIndex}`);
    return this.views.afterUpdate(disputeId, view);
  }
}
