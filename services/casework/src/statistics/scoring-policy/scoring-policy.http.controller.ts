import { BadRequestException, Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { says } from '@civicflow/contracts';
import {
  chinaDayOf, dateKeyOfChinaDay, effectiveFromProblems, figureFormulas, policyInForceOn, RESOLVED_RULES, RESPONDED_RULES, scoringRulesProblems, VALID_CALLBACK_RULES,
  type PolicyProblem, type ScoringPolicyVersion,
} from '@civicflow/domain';
import { AuthUser, CurrentUser, Roles } from '@civicflow/platform';
import { FIGURES_READERS, POLICY_EDITORS } from '../statistics-roles';
import { ScoringPolicyStore } from './scoring-policy.store';

const share = z.number().min(0).max(1);

export class NewPolicyVersionBody extends createZodDto(
  z.object({
    effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, says('须为 YYYY-MM-DD 格式的日期', 'must be a YYYY-MM-DD date')).describe('first China day in force (today or later)'),
    weights: z.object({ response: share, resolution: share, satisfaction: share }).describe('shares of the composite (add up to 1)'),
    basicallySatisfiedWeight: share.describe('how much of a 基本满意 counts as satisfied'),
    responded: z.enum(RESPONDED_RULES),
    resolved: z.enum(RESOLVED_RULES),
    validCallbacks: z.enum(VALID_CALLBACK_RULES),
    lists: z.object({ size: z.number().int().min(1).max(50), minCases: z.number().int().min(1) }).describe('红黑榜: units per list, fewest cases to be listed'),
    note: z.string().trim().min(1).max(500).describe('why it changes (kept with the version)'),
  }),
) {}

/** A version with its formulas, as the API shows it. */
export function policyView(policy: ScoringPolicyVersion) {
  return { ...policy, formulas: figureFormulas(policy) };
}

function rejectProblems(problems: PolicyProblem[]): void {
  if (problems.length === 0) return;
  throw new BadRequestException({
    message: `考核口径无效 invalid scoring policy: ${problems.map((p) => `${p.field} ${p.reason.en}`).join('; ')}`,
    // said in the caller's language by the error filter
    errors: problems.map((p) => ({ field: p.field, code: p.code, reason: says(p.reason.zh, p.reason.en) })),
  });
}

/**
 * 考核口径: the city's scoring policy — everyone who sees figures may read every version and its formulas; an
 * administrator appends a version that takes effect from a day (today or later), with a note; versions are never
 * changed, so the list is the audit trail.
 */
@ApiTags('statistics 统计分析')
@ApiBearerAuth()
@Controller('api/v1/statistics/policy')
export class ScoringPolicyHttpController {
  constructor(private readonly store: ScoringPolicyStore) {}

  @Get()
  @Roles(...FIGURES_READERS)
  @ApiOperation({ summary: '考核口径: the version in force today and every version (oldest first) with its formulas' })
  async policy() {
    const versions = await this.store.versions();
    const today = dateKeyOfChinaDay(chinaDayOf(new Date()));
    return { inForce: policyView(policyInForceOn(today, versions)), versions: versions.map(policyView) };
  }

  @Post('versions')
  @HttpCode(201)
  @Roles(...POLICY_EDITORS)
  @ApiOperation({ summary: '新增考核口径版本: weights, what counts, 基本满意 weight, valid callbacks, 红黑榜 size — effective from a day (today or later)' })
  async append(@Body() body: NewPolicyVersionBody, @CurrentUser() user: AuthUser) {
    const { note, effectiveFrom, ...rules } = body;
    rejectProblems(scoringRulesProblems(rules));
    const version = await this.store.append(
      { ...rules, note, effectiveFrom, createdBy: user.userId, createdAt: new Date().toISOString() },
      (versions) => rejectProblems(effectiveFromProblems(effectiveFrom, versions, new Date())),
    );
    return policyView(version);
  }
}
