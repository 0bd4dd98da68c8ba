import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FilterQuery } from 'mongoose';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { AuthUser, CurrentUser, Roles } from '@civicflow/platform';
import { MediationWorkflows } from '../../workflow/mediation-workflows';
import { DisputeDoc } from '../dispute';
import { DisputeAccess, READ_ROLES } from '../dispute-access';
import { DisputeStore } from '../dispute.store';
import { DisputeViews } from '../dispute.view';

class ListDisputesQuery extends createZodDto(z.object({
  stage: z.enum(['awaiting-mediator', 'mediating', 'agreed', 'resolved', 'failed']).optional(),
  level: z.enum(['community', 'street']).optional(),
  communityId: z.string().min(1).optional(),
  streetId: z.string().min(1).optional(),
  mediatorId: z.string().min(1).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})) {}

@ApiTags('disputes 纠纷')
@ApiBearerAuth()
@Controller('api/v1/mediation/disputes')
export class ListDisputesHttpController {
  constructor(private readonly disputes: DisputeStore, private readonly access: DisputeAccess, private readonly workflows: MediationWorkflows, private readonly views: DisputeViews) {}

  @Get()
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: '纠纷列表 disputes in my jurisdiction, newest first (filters: stage, level, community, street, mediator)' })
  async list(@Query() q: ListDisputesQuery, @CurrentUser() user: AuthUser) {
    const filter: FilterQuery<DisputeDoc> = {
      ...(user.unitId === this.access.cityUnitId ? {} : { orgPath: user.unitId }),
      ...(q.stage ? { stage: q.stage } : {}),
      ...(q.level ? { level: q.level } : {}),
      ...(q.communityId ? { communityId: q.communityId } : {}),
      ...(q.streetId ? { streetId: q.streetId } : {}),
      ...(q.mediatorId ? { mediatorId: q.mediatorId } : {}),
    };
    const [items, total] = await Promise.all([
      this.disputes.model.find(filter).sort({ openedAt: -1, _id: 1 }).skip((q.page - 1) * q.pageSize).limit(q.pageSize).lean<DisputeDoc[]>(),
      this.disputes.model.countDocuments(filter),
    ]);
    return { page: q.page, pageSize: q.pageSize, total, items: await Promise.all(items.map((doc) => this.views.of(doc))) };
  }

  @Get(':disputeId')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: '纠纷详情 one dispute: parties (contacts masked), agreement, failures, dates' })
  async get(@Param('disputeId') disputeId: string, @CurrentUser() user: AuthUser) {
    return this.views.of(await this.access.toRead(user, disputeId));
  }

  @Get(':disputeId/status')
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: '调解流程状态 the dispute as its workflow sees it now (deadline, sessions, terms)' })
  async status(@Param('disputeId') disputeId: string, @CurrentUser() user: AuthUser) {
    await this.access.toRead(user, disputeId);
    return this.workflows.status(disputeId);
  }
}
