import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { AuthUser, CurrentUser, Roles } from '@civicflow/platform';
import { AssignMediatorUseCase } from '../../disputes/assign-mediator/assign-mediator.usecase';
import { DisputeAccess, MEDIATE_ROLES } from '../../disputes/dispute-access';
import { DisputeStore } from '../../disputes/dispute.store';
import { disputeView } from '../../disputes/dispute.view';
import { recordFailureUpdate } from '../../workflow/mediation-contract';
import { actorOf, MediationWorkflows } from '../../workflow/mediation-workflows';
import { recordView } from '../apply-view';

class RecordFailureDto extends createZodDto(z.object({
  reason: z.string().trim().min(1, '须写明调解不成的原因 say why the mediation failed').max(2000),
  guidance: z.enum(['arbitration', 'litigation', 'judicial-confirmation']).optional()
    .describe('only at the street centre: where the parties are guided (仲裁, 诉讼, 司法确认)'),
})) {}

/**
 * 调解不成: at the community the dispute goes to the street's 矛盾调解中心 (a centre mediator is assigned by
 * workload at once); at the street the parties are guided to arbitration, litigation or judicial confirmation.
 */
@ApiTags('agreements 调解协议')
@ApiBearerAuth()
@Controller('api/v1/mediation/disputes')
export class RecordFailureHttpController {
  constructor(private readonly access: DisputeAccess, private readonly disputes: DisputeStore, private readonly workflows: MediationWorkflows, private readonly assign: AssignMediatorUseCase) {}

  @Post(':disputeId/failure')
  @Roles(...MEDIATE_ROLES)
  @ApiOperation({ summary: '调解不成 record a failed mediation: community → street centre; street → guidance' })
  async fail(@Param('disputeId') disputeId: string, @Body() body: RecordFailureDto, @CurrentUser() user: AuthUser) {
    const dispute = await this.access.toMediate(user, disputeId);
    const view = await this.workflows.update(disputeId, recordFailureUpdate, { actor: actorOf(user), reason: body.reason, ...(body.guidance ? { guidance: body.guidance } : {}) });
    const at = new Date().toISOString();
    await recordView(this.disputes, disputeId, view, (d) => ({
      failures: [...d.failures, { level: dispute.level, reason: body.reason, next: dispute.level === 'community' ? 'street-centre' : body.guidance ?? 'litigation', at, mediatorId: dispute.mediatorId }],
    }));
    if (view.level === 'street' && view.stage === 'awaiting-mediator') await this.assign.execute(disputeId);
    return disputeView((await this.disputes.findById(disputeId))!);
  }
}
