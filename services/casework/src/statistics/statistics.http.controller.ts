import { Controller, Get, Headers, Inject, Query } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FilterQuery, Model } from 'mongoose';
import { AuthUser, CurrentUser, Roles } from '@civicflow/platform';
import { CaseReadDoc } from '../read-model/case-projection';
import { CASE_READ_MODEL } from '../read-model/read-model.schema';
import { breachBoard } from './breach-board';
import { CaseFactDoc } from './case-fact';
import { CASE_FACT_MODEL } from './case-fact.schema';
import { toCaseFactView } from './case-fact.view';
import { categoryName, OrgDirectory } from './org-directory';
import { Period, trendOf } from './period';
import { factsBehind, groupFacts, GroupBy, groupKeysOf, rankGroups, ratesOf } from './rates';
import { STATISTICS_CONFIG, StatisticsConfig } from './statistics.config';
import { DrillDownQuery, HeatmapQuery, periodOf, RankingQuery, SummaryQuery, TrendQuery } from './statistics.query';

const HEATMAP_FETCH_CONCURRENCY = 8;
const BREACH_BOARD_LIMIT = 500;

/** Equality filters that narrow a drill-down to one group (pushed down to the store). */
const GROUP_FIELD: Record<GroupBy, keyof CaseFactDoc> = { street: 'streetId', community: 'communityId', category: 'categoryCode', department: 'departmentIds' };

/**
 * 统计分析: the three rates and the other audit figures per street, community, department or category, a
 * ranking with the red and black lists, the trend, the heat map, the cases behind each figure and the SLA-breach
 * board. Supervisors see the whole city; street and community staff only cases whose org path holds their unit.
 */
@ApiTags('statistics 统计分析')
@ApiBearerAuth()
@Roles('supervisor', 'street-coordinator', 'community-handler')
@Controller('api/v1/statistics')
export class StatisticsHttpController {
  constructor(
    @InjectModel(CASE_FACT_MODEL) private readonly facts: Model<CaseFactDoc>,
    @InjectModel(CASE_READ_MODEL) private readonly cases: Model<CaseReadDoc>,
    private readonly directory: OrgDirectory,
    @Inject(STATISTICS_CONFIG) private readonly config: StatisticsConfig,
  ) {}

  @Get('summary')
  @ApiOperation({ summary: '三率及其他指标: totals and per group for cases registered in the period' })
  async summary(@Query() query: SummaryQuery, @CurrentUser() user: AuthUser, @Headers('authorization') authorization?: string) {
    const period = periodOf(query);
    const facts = await this.factsIn(period, user);
    const groups = await Promise.all(
      [...groupFacts(facts, query.groupBy)].map(async ([key, list]) => ({ key, name: await this.directory.nameOf(query.groupBy, key, authorization), rates: ratesOf(list) })),
    );
    return { period: periodView(period), groupBy: query.groupBy, total: ratesOf(facts), groups };
  }

  @Get('ranking')
  @ApiOperation({ summary: '排名与红黑榜: groups best first by one figure; red list top 3, black list bottom 3 of groups with ≥ 3 cases' })
  async ranking(@Query() query: RankingQuery, @CurrentUser() user: AuthUser, @Headers('authorization') authorization?: string) {
    const facts = await this.factsIn(periodOf(query), user);
    const groups = await Promise.all(
      [...groupFacts(facts, query.groupBy)].map(async ([key, list]) => ({ key, name: await this.directory.nameOf(query.groupBy, key, authorization), rates: ratesOf(list) })),
    );
    return rankGroups(groups, query.metric);
  }

  @Get('trend')
  @ApiOperation({ summary: '趋势: per China day or week (Monday first), cases registered, of them resolved and ever breached' })
  async trend(@Query() query: TrendQuery, @CurrentUser() user: AuthUser) {
    const period = periodOf(query);
    return trendOf(await this.factsIn(period, user), period, query.interval);
  }

  @Get('heatmap')
  @ApiOperation({ summary: '热力图: cases per grid with the grid’s centroid (lng/lat null when the grid service cannot tell)' })
  async heatmap(@Query() query: HeatmapQuery, @CurrentUser() user: AuthUser, @Headers('authorization') authorization?: string) {
    const facts = await this.factsIn(periodOf(query), user);
    const counts = new Map<string, number>();
    for (const fact of facts) if (fact.gridId) counts.set(fact.gridId, (counts.get(fact.gridId) ?? 0) + 1);
    const grids = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const cells: { gridId: string; name: string; lng: number | null; lat: number | null; count: number }[] = [];
    for (let i = 0; i < grids.length; i += HEATMAP_FETCH_CONCURRENCY) {
      cells.push(...(await Promise.all(grids.slice(i, i + HEATMAP_FETCH_CONCURRENCY).map(async ([gridId, count]) => {
        const centroid = await this.directory.gridCentroid(gridId, authorization);
        return { gridId, name: await this.directory.nameOf('grid', gridId, authorization), lng: centroid?.lng ?? null, lat: centroid?.lat ?? null, count };
      }))));
    }
    return cells;
  }

  @Get('cases')
  @ApiOperation({ summary: '下钻: the cases behind one figure (groupBy + key + metric), newest first, paged' })
  async drillDown(@Query() query: DrillDownQuery, @CurrentUser() user: AuthUser, @Headers('authorization') authorization?: string) {
    const period = periodOf(query);
    const narrowed: FilterQuery<CaseFactDoc> = query.groupBy && query.key ? { [GROUP_FIELD[query.groupBy]]: query.key } : {};
    const inMetric = factsBehind(query.metric);
    const matching = (await this.factsIn(period, user, narrowed))
      .filter((f) => !query.groupBy || groupKeysOf(f, query.groupBy).includes(query.key!))
      .filter(inMetric)
      .sort((a, b) => (b.registeredAt?.getTime() ?? 0) - (a.registeredAt?.getTime() ?? 0) || a._id.localeCompare(b._id));
    const page = matching.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
    const names = await this.directory.unitNames(authorization);
    return {
      period: periodView(period),
      items: page.map((f) => toCaseFactView(f, { unit: (id) => names.get(id), category: categoryName })),
      total: matching.length,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  @Get('breaches')
  @ApiOperation({ summary: '超时看板: open cases whose current window has run out, most overdue first, with unit, deadline and minutes overdue' })
  async breaches(@CurrentUser() user: AuthUser, @Headers('authorization') authorization?: string) {
    const now = new Date();
    // two equality-led reads the store can serve: marked breached, and deadlines already past (breach event not yet in)
    const [marked, due] = await Promise.all([
      this.cases.find({ open: true, breached: true }).limit(5000).lean<CaseReadDoc[]>(),
      this.cases.find({ open: true, deadline: { $lt: now } }).limit(5000).lean<CaseReadDoc[]>(),
    ]);
    const byNumber = new Map([...marked, ...due].map((c) => [c._id, c]));
    const visible = [...byNumber.values()].filter((c) => this.isCityWide(user) || [...c.orgPath, c.streetId, c.communityId, c.currentUnit].includes(user.unitId));
    const rows = breachBoard(visible, now);
    const names = await this.directory.unitNames(authorization);
    return {
      asOf: now.toISOString(),
      total: rows.length,
      items: rows.slice(0, BREACH_BOARD_LIMIT).map((row) => ({
        ...row,
        unitName: row.currentUnit ? names.get(row.currentUnit) ?? row.currentUnit : null,
        categoryName: row.categoryCode ? categoryName(row.categoryCode) : null,
      })),
    };
  }

  private isCityWide(user: AuthUser): boolean {
    return user.unitId === this.config.CASEWORK_CITY_UNIT_ID;
  }

  /** The facts of cases registered in the period that the user may see (merged duplicates left out). */
  private async factsIn(period: Period, user: AuthUser, narrowed: FilterQuery<CaseFactDoc> = {}): Promise<CaseFactDoc[]> {
    const scope: FilterQuery<CaseFactDoc> = this.isCityWide(user) ? {} : { orgPath: user.unitId };
    return this.facts.find({ ...scope, ...narrowed, merged: false, registeredAt: { $gte: period.from, $lt: period.to } }).lean<CaseFactDoc[]>();
  }
}

function periodView(period: Period) {
  return { from: period.from.toISOString(), to: period.to.toISOString() };
}
