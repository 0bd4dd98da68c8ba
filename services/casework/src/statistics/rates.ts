import { compositeScore, DEFAULT_SCORING_RULES, type ScoringRules } from '@civicflow/domain';
import { FactRow, has, OUTCOME, UnitRow } from './case-fact-days';
import type { Rates } from '@civicflow/contracts';

/**
 * The supervisor's figures as pure arithmetic over the cases' rows in the day buckets (case-fact-days.ts; see
 * case-fact.ts for what each fact means), under a scoring policy (考核口径, libs/domain scoring-policy.ts) that says
 * what counts as responded, resolved and satisfied and how the composite weighs them.
 *
 * | figure | numerator | denominator |
 * | --- | --- | --- |
 * | responseRate 响应率 | responded (any, or within the window: policy) | cases |
 * | respondedOnTimeRate 按时响应率 (departments: 报到率) | responded before the unit's window ran out | cases |
 * | resolutionRate 解决率 | resolved (any, or on time: policy) | cases |
 * | satisfactionRate 满意率 | satisfied + w × basically satisfied (w: policy) | valid callbacks (reached, or all: policy) |
 * | composite 综合得分 | weights × (response, resolution, satisfaction) (policy; null while any is null) | |
 * | onTimeRate 按时办结率 (departments: 答复及时率) | resolved on time | resolved |
 * | escalationRate 升级率 | escalated (left the community) | cases |
 * | returnRate 退单率 | returned at least once | cases |
 * | reopenRate 重办率 | reopened at least once | cases |
 *
 * Rates are 0..1, and null when the denominator is 0. Merged duplicates are left out (they live on in
 * their master case).
 */
export type { Rates };

export const RATE_KEYS = [
  'cases', 'responded', 'responseRate', 'respondedOnTime', 'respondedOnTimeRate', 'resolved', 'resolutionRate', 'callbacks', 'satisfied',
  'basicallySatisfied', 'satisfactionRate', 'composite', 'onTime', 'onTimeRate', 'escalated', 'escalationRate', 'returned', 'returnRate', 'reopened', 'reopenRate',
] as const satisfies readonly (keyof Rates)[];
export type RateKey = (typeof RATE_KEYS)[number];

/** Figures where fewer is better (ranking puts the lowest first). */
export const LOWER_IS_BETTER: ReadonlySet<RateKey> = new Set(['escalated', 'escalationRate', 'returned', 'returnRate', 'reopened', 'reopenRate']);

type CountKey = 'cases' | 'responded' | 'respondedOnTime' | 'resolved' | 'callbacks' | 'satisfied' | 'basicallySatisfied' | 'onTime' | 'escalated' | 'returned' | 'reopened';
type RowPredicate = (row: FactRow) => boolean;

/** Which cases a count holds under a policy: the drill-down lists exactly these. */
function counted(rules: ScoringRules): Record<CountKey, RowPredicate> {
  return {
    cases: () => true,
    responded: rules.responded === 'accepted' ? (r) => has(r, 'responded') : (r) => has(r, 'respondedOnTime'),
    respondedOnTime: (r) => has(r, 'respondedOnTime'),
    resolved: rules.resolved === 'resolved' ? (r) => has(r, 'resolved') : (r) => has(r, 'onTime'),
    callbacks: rules.validCallbacks === 'reached' ? (r) => has(r, 'callback') : (r) => has(r, 'callback') || has(r, 'unreached'),
    satisfied: (r) => has(r, 'satisfied'),
    basicallySatisfied: (r) => has(r, 'basicallySatisfied'),
    onTime: (r) => has(r, 'onTime'),
    escalated: (r) => has(r, 'escalated'),
    returned: (r) => has(r, 'returned'),
    reopened: (r) => has(r, 'reopened'),
  };
}

/** A rate's drill-down lists its numerator's cases (the composite's: the cases behind it). */
const RATE_NUMERATOR: Record<Exclude<RateKey, CountKey>, CountKey> = {
  responseRate: 'responded',
  respondedOnTimeRate: 'respondedOnTime',
  resolutionRate: 'resolved',
  satisfactionRate: 'satisfied',
  composite: 'cases',
  onTimeRate: 'onTime',
  escalationRate: 'escalated',
  returnRate: 'returned',
  reopenRate: 'reopened',
};

/** Drill-down lists beyond the figures' own: the complements a supervisor chases. */
const EXTRA_LISTS = {
  notResponded: (r: FactRow) => !has(r, 'responded'),
  respondedLate: (r: FactRow) => has(r, 'responded') && !has(r, 'respondedOnTime'),
  unresolved: (r: FactRow) => !has(r, 'resolved'),
  unsatisfied: (r: FactRow) => has(r, 'unsatisfied'),
  unreached: (r: FactRow) => has(r, 'unreached'),
  late: (r: FactRow) => has(r, 'resolved') && !has(r, 'onTime'),
  breached: (r: FactRow) => has(r, 'everBreached'),
} satisfies Record<string, RowPredicate>;

export const DRILL_DOWN_METRICS = [...RATE_KEYS, ...(Object.keys(EXTRA_LISTS) as (keyof typeof EXTRA_LISTS)[])] as const;
export type DrillDownMetric = (typeof DRILL_DOWN_METRICS)[number];

export function casesBehind(metric: DrillDownMetric, rules: ScoringRules = DEFAULT_SCORING_RULES): RowPredicate {
  if (metric in EXTRA_LISTS) return EXTRA_LISTS[metric as keyof typeof EXTRA_LISTS];
  const counts = counted(rules);
  if (metric in counts) return counts[metric as CountKey];
  return counts[RATE_NUMERATOR[metric as keyof typeof RATE_NUMERATOR]];
}

export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export function ratesOf(rows: readonly FactRow[], rules: ScoringRules = DEFAULT_SCORING_RULES): Rates {
  const predicates = counted(rules);
  const keys = Object.keys(predicates) as CountKey[];
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<CountKey, number>;
  let resolvedAtAll = 0;
  for (const row of rows) {
    if (has(row, 'merged')) continue;
    for (const key of keys) if (predicates[key](row)) counts[key] += 1;
    if (has(row, 'resolved')) resolvedAtAll += 1;
  }
  const weightedSatisfied = counts.satisfied - counts.basicallySatisfied + rules.basicallySatisfiedWeight * counts.basicallySatisfied;
  const rates = {
    cases: counts.cases,
    responded: counts.responded,
    responseRate: ratio(counts.responded, counts.cases),
    respondedOnTime: counts.respondedOnTime,
    respondedOnTimeRate: ratio(counts.respondedOnTime, counts.cases),
    resolved: counts.resolved,
    resolutionRate: ratio(counts.resolved, counts.cases),
    callbacks: counts.callbacks,
    satisfied: counts.satisfied,
    basicallySatisfied: counts.basicallySatisfied,
    satisfactionRate: ratio(weightedSatisfied, counts.callbacks),
    onTime: counts.onTime,
    onTimeRate: ratio(counts.onTime, resolvedAtAll),
    escalated: counts.escalated,
    escalationRate: ratio(counts.escalated, counts.cases),
    returned: counts.returned,
    returnRate: ratio(counts.returned, counts.cases),
    reopened: counts.reopened,
    reopenRate: ratio(counts.reopened, counts.cases),
  };
  return { ...rates, composite: compositeScore(rates, rules.weights) };
}

export const GROUP_BYS = ['district', 'street', 'community', 'department', 'category'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

/**
 * The rows a case counts as in each group of `groupBy`, by key: for a community, a street or a department the
 * case's row with the OUTCOME bits of what that unit did (attribution: a 退单 counts for the community that returned
 * the case, a resolution for the unit that resolved it, a breach for the unit whose window ran out); a street
 * counts what its communities and the street itself did with the case. By category: the case's own bits.
 * Rows stored before attribution (no `units`) count under the case's current community, street and departments.
 */
export function attributedRows(row: FactRow, groupBy: GroupBy): Array<[string, FactRow]> {
  const as = (key: string | null, outcome = row.outcome): Array<[string, FactRow]> => (key ? [[key, outcome === row.outcome ? row : { ...row, outcome }]] : []);
  if (groupBy === 'category') return as(row.categoryCode);
  if (groupBy === 'district') {
    // a district counts what its communities and streets did with the case (its own orgPath entry)
    const district = row.orgPath[1] ?? null;
    if (!row.units) return as(district);
    const units = row.units.filter((unit) => unit.level !== 'department');
    return units.length ? as(district, units.reduce((bits, unit) => bits | unit.outcome, 0)) : [];
  }
  if (!row.units) {
    if (groupBy === 'street') return as(row.streetId);
    if (groupBy === 'community') return as(row.communityId);
    return row.departmentIds.flatMap((id) => as(id));
  }
  if (groupBy === 'street') {
    const byStreet = new Map<string, number>();
    for (const unit of row.units) if (unit.level !== 'department' && unit.streetId) byStreet.set(unit.streetId, (byStreet.get(unit.streetId) ?? 0) | unit.outcome);
    return [...byStreet].flatMap(([streetId, outcome]) => as(streetId, outcome));
  }
  const level = groupBy === 'community' ? 'community' : 'department';
  return row.units.filter((unit) => unit.level === level && !excused(unit)).flatMap((unit) => as(unit.unitId, unit.outcome));
}

/** A department whose summons was withdrawn (撤回) before it reported in or let a window run out: the case never became its own. */
function excused(unit: UnitRow): boolean {
  const bit = (o: number) => (unit.outcome & o) !== 0;
  return bit(OUTCOME.withdrawn) && !bit(OUTCOME.responded) && !bit(OUTCOME.everBreached);
}

/** Rows by group key, in key order, each with the bits of what the group's unit did; a case without the attribute (not routed, no category) is in no group. */
export function groupRows(rows: readonly FactRow[], groupBy: GroupBy): Map<string, FactRow[]> {
  const groups = new Map<string, FactRow[]>();
  for (const row of rows) {
    if (has(row, 'merged')) continue;
    for (const [key, attributed] of attributedRows(row, groupBy)) {
      const list = groups.get(key) ?? [];
      list.push(attributed);
      groups.set(key, list);
    }
  }
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}

export interface GroupRates {
  key: string;
  name: string;
  rates: Rates;
}

export interface RankedGroup {
  rank: number;
  key: string;
  name: string;
  value: number | null;
  /** 红榜 red (best N) · 黑榜 black (worst N) · null */
  list: 'red' | 'black' | null;
  cases: number;
  /** 环比: the figure in the period before (same length; the month before for a calendar month), null without one */
  previousValue: number | null;
  /** value − previousValue, null when either is null */
  change: number | null;
}

/**
 * Best first by the metric (highest, or lowest for escalation/return/reopen figures); groups without a value
 * (denominator 0) last. Ties share a rank (1, 2, 2, 4). The lists count only groups with a value and at least
 * `lists.minCases` cases (a unit with one case is no signal), ranked among themselves, ties together; both sizes from
 * the scoring policy: 红榜 the groups ranked in the best `lists.size` — never a value nobody would honour (0 %, or
 * 100 % where fewer is better), nor the worst value unless everyone shares it; 黑榜 the groups ranked in the worst
 * `lists.size` (counted from the worst, ties together, so a tie at the bottom is listed whole) that are not red — so
 * never a group that ties with a red one.
 */
export function rankGroups(
  groups: readonly GroupRates[], metric: RateKey, lists: ScoringRules['lists'] = DEFAULT_SCORING_RULES.lists, previous: ReadonlyMap<string, Rates> = new Map(),
): RankedGroup[] {
  const lowerIsBetter = LOWER_IS_BETTER.has(metric);
  const valued = groups.map((g) => ({ key: g.key, name: g.name, value: g.rates[metric], cases: g.rates.cases }));
  const sorted = [...valued].sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === b.value ? a.key.localeCompare(b.key) : a.value === null ? 1 : -1;
    const diff = lowerIsBetter ? a.value - b.value : b.value - a.value;
    return diff !== 0 ? diff : b.cases - a.cases || a.key.localeCompare(b.key);
  });
  const eligible = sorted.filter((g): g is typeof g & { value: number } => g.value !== null && g.cases >= lists.minCases);
  const values = eligible.map((g) => g.value);
  const rankFromTop = (value: number) => values.findIndex((v) => v === value) + 1;
  const rankFromBottom = (value: number) => values.length - values.findLastIndex((v) => v === value);
  const everyoneTies = values.length > 0 && values.every((v) => v === values[0]);
  const worst = values[values.length - 1];
  const honourable = (value: number) => (lowerIsBetter ? value < 1 : value > 0);
  const red = new Set(
    eligible.filter((g) => rankFromTop(g.value) <= lists.size && honourable(g.value) && (g.value !== worst || everyoneTies)).map((g) => g.key),
  );
  const black = new Set(eligible.filter((g) => rankFromBottom(g.value) <= lists.size && !red.has(g.key)).map((g) => g.key));
  let rank = 0;
  return sorted.map((g, index) => {
    if (index === 0 || g.value !== sorted[index - 1].value) rank = index + 1;
    const previousValue = previous.get(g.key)?.[metric] ?? null;
    return {
      rank, key: g.key, name: g.name, value: g.value, list: red.has(g.key) ? 'red' : black.has(g.key) ? 'black' : null, cases: g.cases,
      previousValue, change: g.value === null || previousValue === null ? null : g.value - previousValue,
    };
  });
}
