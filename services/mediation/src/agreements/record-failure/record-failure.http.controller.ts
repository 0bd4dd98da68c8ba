import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { says } from '@civicflow/contracts';
import { AuthUser, CurrentUser, Roles } from '@civicflow/platform';
import { DisputeAccess, MEDIATE_ROLES } from '../../disputes/dispute-access';
import { DisputeViews } from '../../disputes/dispute.view';
import { recordFailureUpdate } from '../../workflow/mediation-contract';
import { actorOf, MediationWorkflows } from '../../workflow/mediation-workflows';

class RecordFailureDto extends createZodDto(z.object({
  reason: z.string().trim().min(1, says('须写明调解不成的原因', 'say why the mediation failed')).max(2000),
  guidance: z.enum(['arbitration', 'litigation', 'judicial-confirmation']).optional()
    .describe('only at the street centre: where the parties are guided (仲裁, 诉讼, 司法确认)'),
})) {}

/**
 * 调解不成: at the community the dispute goes to the street's 矛盾调解中心 (the projector assigns a centre mediator
 * by workload when mediation.mediation-failed arrives); at the street the parties are guided to arbitration,
 * litigation or judicial confirmation. The failure is on the stored dispute from the workflow's event.
 */
@ApiTags('agreements 调解协议')
@ApiBearerAuth()
@Controller('api/v1/mediation/disputes')
export class RecordFailureHttpController {
  constructor(private readonly access: DisputeAccess, private readonly workflows: MediationWorkflows, private readonly views: DisputeViews) {}

  @Post(':disputeId/failure')
  @Roles(...MEDIATE_ROLES)
  @ApiOperation({ summary: '调解不成 record a failed mediation: community → street centre; street → guidance' })
  async fail(@Param('disputeId') disputeId: string, @Body() body: RecordFailureDto, @CurrentUser() user: AuthUser) {
    await this.access.toMediate(user, disputeId);
    const view = await this.workflows.update(disputeId, recordFailureUpdate, { actor: actorOf(user), reason: body.reason, ...(body.guidance ? { guidance: body.guidance } : {}) });
    return this.views.afterUpdate(disputeId, view);
  }
}
