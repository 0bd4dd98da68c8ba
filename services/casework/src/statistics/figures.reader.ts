import { Injectable } from '@nestjs/common';
import { OrgUnitNames } from '@civicflow/platform';
import { policyForPeriod, type ScoringPolicyVersion } from '@civicflow/domain';
import { dayKeysOf, FactRow, rowsIn } from './case-fact-days';
import { CaseFactDays } from './case-fact-days.store';
import { groupName } from './group-names';
import { Period, previousPeriodOf } from './period';
import { GroupBy, groupRows, GroupRates, RankedGroup, rankGroups, RateKey, ratesOf } from './rates';
import { policyView } from './scoring-policy/scoring-policy.http.controller';
import { ScoringPolicyStore } from './scoring-policy/scoring-policy.store';
import { StatisticsBackfill } from './statistics-backfill';

export type ScoredPolicyView = ReturnType<typeof policyView> & { takingEffectWithin: number[] };

/** What the figures read, for the statistics API and the monthly 考核 report alike: a period's rows, its policy, groups and ranking. */
@Injectable()
export class FiguresReader {
  constructor(
    private readonly days: CaseFactDays,
    private readonly backfill: StatisticsBackfill,
    private readonly units: OrgUnitNames,
    private readonly policies: ScoringPolicyStore,
  ) {}

  /** The scoring policy a period is scored under, and what the figures say about it. */
  async scoredPeriod(period: Period): Promise<{ policy: ScoringPolicyVersion; view: ScoredPolicyView }> {
    const { policy, takingEffectWithin } = policyForPeriod(period, await this.policies.versions());
    return { policy, view: { ...policyView(policy), takingEffectWithin: takingEffectWithin.map((v) => v.version) } };
  }

  /** The rows of cases registered in the period (merged duplicates left out) whose org path holds the unit (null: city-wide), from the period's days. */
  async rowsIn(period: Period, unitId: string | null): Promise<FactRow[]> {
    await this.backfill.ready();
    return rowsIn(await this.days.rowsOf(dayKeysOf(period)), period, unitId);
  }

  groupRates(rows: readonly FactRow[], groupBy: GroupBy, policy: ScoringPolicyVersion): GroupRates[] {
    return [...groupRows(rows, groupBy)].map(([key, list]) => ({ key, name: groupName(groupBy, key, this.units), rates: ratesOf(list, policy) }));
  }

  /** Groups best first by the metric under the period's policy, with 环比 from the period before (scored under its own policy: the figures reported then). */
  async ranking(period: Period, groupBy: GroupBy, metric: RateKey, unitId: string | null):
    Promise<{ policy: ScoringPolicyVersion; rows: FactRow[]; groups: GroupRates[]; ranked: RankedGroup[] }> {
    const previous = previousPeriodOf(period);
    const [scored, scoredBefore, rows, rowsBefore] = await Promise.all([this.scoredPeriod(period), this.scoredPeriod(previous), this.rowsIn(period, unitId), this.rowsIn(previous, unitId)]);
    const groups = this.groupRates(rows, groupBy, scored.policy);
    const before = new Map([...groupRows(rowsBefore, groupBy)].map(([key, list]) => [key, ratesOf(list, scoredBefore.policy)]));
    return { policy: scored.policy, rows, groups, ranked: rankGroups(groups, metric, scored.policy.lists, before) };
  }
}
