import type { Rates } from '@civicflow/contracts';
import { figureFormulas, type ScoringPolicyVersion } from '@civicflow/domain';
import { FactRow, has, Outcome } from '../case-fact-days';
import { attributedRows, type GroupRates, type RankedGroup } from '../rates';

/**
 * 月度考核报告 — one month's figures of every street and department as they stood when the report was generated:
 * the city's total, each unit's rates and composite, its rank with 环比 and the 红黑榜 (by the composite), the
 * policy version they were scored under with its formulas, and for every unit the cases behind its figures (each
 * case with what that unit did with it, so every count can be recounted by hand). Stored as generated; the PDF and
 * the Excel file are rendered from it.
 */
export interface MonthlyReportUnit {
  key: string;
  name: string;
  rank: number;
  list: 'red' | 'black' | null;
  rates: Rates;
  /** the composite of the month before (环比), null without one */
  previousComposite: number | null;
  change: number | null;
}

/** A case behind a unit's figures, with that unit's own outcome on it. */
export interface MonthlyReportCase {
  level: 'street' | 'department';
  unitKey: string;
  caseNumber: string;
  registeredAt: string;
  marks: Outcome[];
}

export interface MonthlyReport {
  _id: string;
  month: string;
  period: { from: string; to: string };
  generatedAt: string;
  generatedBy: string;
  policy: Pick<ScoringPolicyVersion, 'version' | 'effectiveFrom' | 'weights' | 'basicallySatisfiedWeight' | 'responded' | 'resolved' | 'validCallbacks' | 'lists' | 'note'> & {
    formulas: ReturnType<typeof figureFormulas>;
  };
  city: Rates;
  streets: MonthlyReportUnit[];
  departments: MonthlyReportUnit[];
  cases: MonthlyReportCase[];
  /** when supervisors were told (statistics.monthly-report-generated); absent until then */
  announcedAt?: string;
}

/** The marks a case shows in the drill-down (what the unit's counts are made of). */
export const CASE_MARKS: readonly Outcome[] = ['responded', 'respondedOnTime', 'resolved', 'onTime', 'callback', 'satisfied', 'basicallySatisfied', 'unsatisfied', 'unreached', 'escalated', 'returned', 'reopened', 'everBreached'];

function unitsOf(groups: readonly GroupRates[], ranked: readonly RankedGroup[]): MonthlyReportUnit[] {
  const rates = new Map(groups.map((g) => [g.key, g.rates]));
  return ranked.map((r) => ({ key: r.key, name: r.name, rank: r.rank, list: r.list, rates: rates.get(r.key)!, previousComposite: r.previousValue, change: r.change }));
}

function casesOf(rows: readonly FactRow[], level: 'street' | 'department'): MonthlyReportCase[] {
  return rows.flatMap((row) => attributedRows(row, level).map(([unitKey, attributed]) => ({
    level, unitKey, caseNumber: row.caseNumber, registeredAt: new Date(row.registeredAt).toISOString(), marks: CASE_MARKS.filter((mark) => has(attributed, mark)),
  }))).sort((a, b) => a.unitKey.localeCompare(b.unitKey) || a.caseNumber.localeCompare(b.caseNumber));
}

export function composeMonthlyReport(input: {
  month: string; period: { from: Date; to: Date }; generatedAt: Date; generatedBy: string; policy: ScoringPolicyVersion; city: Rates; rows: readonly FactRow[];
  streets: { groups: GroupRates[]; ranked: RankedGroup[] }; departments: { groups: GroupRates[]; ranked: RankedGroup[] };
}): MonthlyReport {
  const { policy } = input;
  return {
    _id: input.month,
    month: input.month,
    period: { from: input.period.from.toISOString(), to: input.period.to.toISOString() },
    generatedAt: input.generatedAt.toISOString(),
    generatedBy: input.generatedBy,
    policy: {
      version: policy.version, effectiveFrom: policy.effectiveFrom, weights: policy.weights, basicallySatisfiedWeight: policy.basicallySatisfiedWeight, responded: policy.responded,
      resolved: policy.resolved, validCallbacks: policy.validCallbacks, lists: policy.lists, note: policy.note, formulas: figureFormulas(policy),
    },
    city: input.city,
    streets: unitsOf(input.streets.groups, input.streets.ranked),
    departments: unitsOf(input.departments.groups, input.departments.ranked),
    cases: [...casesOf(input.rows, 'street'), ...casesOf(input.rows, 'department')],
  };
}

/** Chinese names of the drill-down marks (the Excel sheet's columns). */
export const MARK_NAMES: Record<Outcome, string> = {
  responded: '响应', respondedOnTime: '按时响应', resolved: '解决', onTime: '按时办结', callback: '有效回访', satisfied: '满意(含基本)', basicallySatisfied: '基本满意',
  unsatisfied: '不满意', unreached: '未联系上', escalated: '升级', returned: '退单', reopened: '重办', everBreached: '超时', merged: '合并', withdrawn: '撤回',
};
