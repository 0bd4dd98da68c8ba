import { BadRequestException } from '@nestjs/common';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { says } from '@civicflow/contracts';
import { parsePeriod, Period } from './period';
import { DRILL_DOWN_METRICS, GROUP_BYS, RATE_KEYS } from './rates';

const periodFields = {
  from: z.string().min(1).optional().describe('ISO date-time (with offset) or YYYY-MM-DD (China day, inclusive); default: 30 days before `to`'),
  to: z.string().min(1).optional().describe('ISO date-time (exclusive) or YYYY-MM-DD (China day, inclusive); default: now'),
};

export class SummaryQuery extends createZodDto(z.object({ ...periodFields, groupBy: z.enum(GROUP_BYS).default('street') })) {}

export class RankingQuery extends createZodDto(
  z.object({ ...periodFields, groupBy: z.enum(['district', 'street', 'community', 'department']).default('street'), metric: z.enum(RATE_KEYS).default('resolutionRate') }),
) {}

export class TrendQuery extends createZodDto(z.object({ ...periodFields, interval: z.enum(['day', 'week']).default('day') })) {}

export class HeatmapQuery extends createZodDto(z.object({ ...periodFields })) {}

export class DrillDownQuery extends createZodDto(
  z
    .object({
      ...periodFields,
      groupBy: z.enum(GROUP_BYS).optional(),
      key: z.string().min(1).max(100).optional(),
      metric: z.enum(DRILL_DOWN_METRICS).default('cases'),
      page: z.coerce.number().int().min(1).default(1),
      pageSize: z.coerce.number().int().min(1).max(200).default(20),
    })
    .refine((q) => (q.groupBy === undefined) === (q.key === undefined), { path: ['key'], message: says('groupBy 与 key 须同时提供', 'groupBy and key go together') }),
) {}

/** The period of a query, or 400 naming the field. */
export function periodOf(query: { from?: string; to?: string }): Period {
  const parsed = parsePeriod(query.from, query.to);
  if (!parsed.ok) {
    throw new BadRequestException({ message: `统计时段无效 invalid period: ${parsed.field}`, errors: [{ field: parsed.field, code: 'invalid_period', reason: parsed.reason }] });
  }
  return parsed.period;
}
