import { chinaDayOf, dateKeyOfChinaDay, tryParseDateKey } from '../calendar/china-time';
import type { Bilingual } from '../shared/bilingual';

/**
 * 考核口径 — how a city scores its units, as data: one versioned policy per city, each version in force from a
 * China day until the next version's day. A period is scored under the version in force on its first day (a
 * version that takes effect inside a period applies from the next period on), so an edit never changes figures
 * already reported, and every figure names the version it was computed under.
 *
 * Default (Beijing's published district dashboards, design brief): composite = 10 % 响应率 + 50 % 解决率 +
 * 40 % 满意率, with 满意率 = (满意 + 0.9 × 基本满意) / valid callbacks.
 */
export interface ScoringWeights {
  /** 响应率 */
  response: number;
  /** 解决率 */
  resolution: number;
  /** 满意率 */
  satisfaction: number;
}

/** What counts as responded (响应): any 签收 / 报到, or only one made before the unit's window ran out. */
export const RESPONDED_RULES = ['accepted', 'accepted-in-window'] as const;
export type RespondedRule = (typeof RESPONDED_RULES)[number];
/** What counts as resolved (解决): resolved (办结) at all, or only on time (no handling window breached before). */
export const RESOLVED_RULES = ['resolved', 'resolved-on-time'] as const;
export type ResolvedRule = (typeof RESOLVED_RULES)[number];
/** Which callbacks (回访) the satisfaction rate divides by: those that reached the citizen, or every callback made (unreached ones count as not satisfied). */
export const VALID_CALLBACK_RULES = ['reached', 'all'] as const;
export type ValidCallbackRule = (typeof VALID_CALLBACK_RULES)[number];

export interface ScoringRules {
  weights: ScoringWeights;
  /** the share of a 基本满意 that counts as satisfied (0..1) */
  basicallySatisfiedWeight: number;
  responded: RespondedRule;
  resolved: ResolvedRule;
  validCallbacks: ValidCallbackRule;
  /** 红黑榜: how many units on each list, and the fewest cases a unit needs to be listed */
  lists: { size: number; minCases: number };
}

export interface ScoringPolicyVersion extends ScoringRules {
  version: number;
  /** first China day in force, YYYY-MM-DD */
  effectiveFrom: string;
  /** why it changed (audit) */
  note: string;
  createdBy: string;
  createdAt: string;
}

export const DEFAULT_SCORING_RULES: ScoringRules = {
  weights: { response: 0.1, resolution: 0.5, satisfaction: 0.4 },
  basicallySatisfiedWeight: 0.9,
  responded: 'accepted',
  resolved: 'resolved',
  validCallbacks: 'reached',
  lists: { size: 3, minCases: 3 },
};

/** Version 1 of every city: the default, in force since the beginning. */
export const DEFAULT_SCORING_POLICY: ScoringPolicyVersion = {
  version: 1, effectiveFrom: '2000-01-01', note: '默认口径 default (Beijing district dashboards: 10/50/40, 基本满意 0.9)', createdBy: 'system', createdAt: '2000-01-01T00:00:00.000Z',
  ...DEFAULT_SCORING_RULES,
};

/** Weights are shares: they must add up to 1 (within rounding). */
const WEIGHT_SUM_TOLERANCE = 1e-6;

/** Why a proposed version may not be saved: the field, a code for programs, the reason in Chinese and English. */
export interface PolicyProblem {
  field: string;
  code: 'not_a_share' | 'weights_not_whole' | 'not_a_count' | 'invalid_date' | 'effective_in_past' | 'not_after_latest';
  reason: Bilingual;
}

/** The problems of a set of rules an administrator proposes (empty when it may be saved). */
export function scoringRulesProblems(rules: ScoringRules): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const share = (field: string, value: number) => {
    if (!(Number.isFinite(value) && value >= 0 && value <= 1)) problems.push({ field, code: 'not_a_share', reason: { zh: '须为 0 到 1 之间的数', en: 'must be a number from 0 to 1' } });
  };
  share('weights.response', rules.weights.response);
  share('weights.resolution', rules.weights.resolution);
  share('weights.satisfaction', rules.weights.satisfaction);
  const sum = rules.weights.response + rules.weights.resolution + rules.weights.satisfaction;
  const total = Number(sum.toFixed(6));
  if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) problems.push({ field: 'weights', code: 'weights_not_whole', reason: { zh: `三项权重之和须为 1（现为 ${total}）`, en: `must add up to 1 (they add up to ${total})` } });
  share('basicallySatisfiedWeight', rules.basicallySatisfiedWeight);
  const count = (field: string, value: number) => {
    if (!Number.isInteger(value) || value < 1) problems.push({ field, code: 'not_a_count', reason: { zh: '须为不小于 1 的整数', en: 'must be a whole number of at least 1' } });
  };
  count('lists.size', rules.lists.size);
  count('lists.minCases', rules.lists.minCases);
  return problems;
}

/**
 * The problems of a new version's first day: a version may not take effect before today (China time) — the figures
 * of past periods stay as they were reported — nor on or before the day of the latest version (versions only append).
 */
export function effectiveFromProblems(effectiveFrom: string, versions: readonly ScoringPolicyVersion[], now: Date): PolicyProblem[] {
  const field = 'effectiveFrom';
  if (tryParseDateKey(effectiveFrom) === undefined) return [{ field, code: 'invalid_date', reason: { zh: '须为真实的 YYYY-MM-DD 日期', en: 'must be a real YYYY-MM-DD date' } }];
  const today = dateKeyOfChinaDay(chinaDayOf(now));
  if (effectiveFrom < today) {
    return [{ field, code: 'effective_in_past', reason: { zh: `须为今天（${today}）或以后：已出的考核数据不重算`, en: `must be today (${today}) or later: past figures are not rescored` } }];
  }
  const latest = latestVersion(versions);
  if (effectiveFrom <= latest.effectiveFrom) {
    return [{ field, code: 'not_after_latest', reason: { zh: `须晚于第 ${latest.version} 版的生效日 ${latest.effectiveFrom}`, en: `must be after ${latest.effectiveFrom}, when version ${latest.version} takes effect` } }];
  }
  return [];
}

export function latestVersion(versions: readonly ScoringPolicyVersion[]): ScoringPolicyVersion {
  return versions.reduce((a, b) => (b.version > a.version ? b : a), DEFAULT_SCORING_POLICY);
}

/** The version in force on a China day (YYYY-MM-DD): the latest one whose first day is not after it. */
export function policyInForceOn(day: string, versions: readonly ScoringPolicyVersion[]): ScoringPolicyVersion {
  let inForce = DEFAULT_SCORING_POLICY;
  for (const v of versions) if (v.effectiveFrom <= day && (v.effectiveFrom > inForce.effectiveFrom || (v.effectiveFrom === inForce.effectiveFrom && v.version > inForce.version))) inForce = v;
  return inForce;
}

/** The version a period starting at `from` is scored under, and the versions that take effect inside it (they apply from the next period). */
export function policyForPeriod(period: { from: Date; to: Date }, versions: readonly ScoringPolicyVersion[]): { policy: ScoringPolicyVersion; takingEffectWithin: ScoringPolicyVersion[] } {
  const first = dateKeyOfChinaDay(chinaDayOf(period.from));
  const last = dateKeyOfChinaDay(chinaDayOf(period.to.getTime() - 1));
  return { policy: policyInForceOn(first, versions), takingEffectWithin: versions.filter((v) => v.effectiveFrom > first && v.effectiveFrom <= last) };
}

/** 综合得分 0..1: the weighted sum of the three rates, or null while any of them has no denominator. */
export function compositeScore(rates: { responseRate: number | null; resolutionRate: number | null; satisfactionRate: number | null }, weights: ScoringWeights): number | null {
  const { responseRate, resolutionRate, satisfactionRate } = rates;
  if (responseRate === null || resolutionRate === null || satisfactionRate === null) return null;
  return weights.response * responseRate + weights.resolution * resolutionRate + weights.satisfaction * satisfactionRate;
}

const percent = (share: number) => `${Number((share * 100).toFixed(2))}%`;

/** Each figure's formula under a policy, in Chinese and English: what the console shows when a figure is asked to explain itself. */
export function figureFormulas(rules: ScoringRules): Record<'responseRate' | 'resolutionRate' | 'satisfactionRate' | 'composite' | 'respondedOnTimeRate' | 'onTimeRate', { zh: string; en: string }> {
  const responded = rules.responded === 'accepted'
    ? { zh: '签收（部门：报到）的案件', en: 'cases accepted (departments: reported in)' }
    : { zh: '时限内签收（部门：按时报到）的案件', en: 'cases accepted within the window (departments: reported in on time)' };
  const resolved = rules.resolved === 'resolved'
    ? { zh: '办结（部门：答复）的案件', en: 'cases resolved (departments: answered)' }
    : { zh: '按时办结（部门：按时答复）的案件', en: 'cases resolved on time (departments: answered on time)' };
  const callbacks = rules.validCallbacks === 'reached' ? { zh: '联系上市民的回访', en: 'callbacks that reached the citizen' } : { zh: '全部回访（含未联系上）', en: 'all callbacks (unreached included)' };
  const basic = Number(rules.basicallySatisfiedWeight.toFixed(4));
  const w = rules.weights;
  return {
    responseRate: { zh: `响应率 = ${responded.zh} ÷ 到达本单位的案件`, en: `response rate = ${responded.en} ÷ cases that reached the unit` },
    resolutionRate: { zh: `解决率 = ${resolved.zh} ÷ 到达本单位的案件`, en: `resolution rate = ${resolved.en} ÷ cases that reached the unit` },
    satisfactionRate: { zh: `满意率 = (满意 + ${basic} × 基本满意) ÷ ${callbacks.zh}`, en: `satisfaction rate = (satisfied + ${basic} × basically satisfied) ÷ ${callbacks.en}` },
    composite: {
      zh: `综合得分 = ${percent(w.response)} × 响应率 + ${percent(w.resolution)} × 解决率 + ${percent(w.satisfaction)} × 满意率`,
      en: `composite = ${percent(w.response)} × response + ${percent(w.resolution)} × resolution + ${percent(w.satisfaction)} × satisfaction`,
    },
    respondedOnTimeRate: { zh: '按时响应率（部门：报到率）= 时限内签收或报到的案件 ÷ 到达本单位的案件', en: 'on-time response (departments: 报到率) = accepted / reported in within the window ÷ cases that reached the unit' },
    onTimeRate: { zh: '按时办结率（部门：答复及时率）= 未超时办结（答复）的案件 ÷ 办结（答复）的案件', en: 'on-time rate (departments: answers on time) = resolved (answered) with no handling window run out ÷ resolved (answered)' },
  };
}
