import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FilterQuery } from 'mongoose';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { says } from '@civicflow/contracts';
import { computeMediationFigures } from '@civicflow/domain';
import { AuthUser, CurrentUser, Roles } from '@civicflow/platform';
import { DisputeDoc } from '../disputes/dispute';
import { DisputeAccess, READ_ROLES } from '../disputes/dispute-access';
import { DisputeStore } from '../disputes/dispute.store';
import { invalidField } from '../shared/http-errors';
import { toFiguresRecord } from './figures';

const FIELDS = { _id: 1, communityId: 1, streetId: 1, openedAt: 1, stage: 1, level: 1, resolvedAt: 1, failedAt: 1, deadline: 1, agreement: 1, pastAgreements: 1 } as const;

class FiguresQuery extends createZodDto(z.object({
  from: z.iso.datetime({ offset: true, error: says('须为带时区的 ISO 时间', 'must be an ISO date-time') }),
  to: z.iso.datetime({ offset: true, error: says('须为带时区的 ISO 时间', 'must be an ISO date-time') }).optional().describe('exclusive; now by default'),
  groupBy: z.enum(['community', 'street', 'month', 'none']).default('community'),
  streetId: z.string().min(1).optional(),
  communityId: z.string().min(1).optional(),
})) {}

/**
 * 调解统计: 化解率, share settled in the community vs the street, average days to agreement, agreements kept — per
 * community, street or month, for a period, with the disputes behind every figure (the domain computes them).
 */
@ApiTags('figures 调解统计')
@ApiBearerAuth()
@Controller('api/v1/mediation/figures')
export class FiguresHttpController {
  constructor(private readonly disputes: DisputeStore, private readonly access: DisputeAccess) {}

  @Get()
  @Roles(...READ_ROLES)
  @ApiOperation({ summary: '调解统计 figures for a period: ?from&to&groupBy=community|street|month|none' })
  async figures(@Query() q: FiguresQuery, @CurrentUser() user: AuthUser) {
    const to = q.to ? new Date(q.to) : new Date();
    const from = new Date(q.from);
    if (!(from < to)) throw invalidField('from', '统计起点须早于终点', 'from must be before to');
    const filter: FilterQuery<DisputeDoc> = {
      openedAt: { $lt: to },
      ...(user.unitId === this.access.cityUnitId ? {} : { orgPath: user.unitId }),
      ...(q.streetId ? { streetId: q.streetId } : {}),
      ...(q.communityId ? { communityId: q.communityId } : {}),
    };
    const rows = await this.disputes.model.find(filter, FIELDS).lean<Parameters<typeof toFiguresRecord>[0][]>();
    return computeMediationFigures(rows.map(toFiguresRecord), { from, to }, q.groupBy);
  }
}
