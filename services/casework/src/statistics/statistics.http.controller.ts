import { Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Model } from 'mongoose';
import { AuthUser, CurrentUser, OrgUnitNames, Roles, unitNameFrom } from '@civicflow/platform';
import { breachBoard } from './breach-board';
import { CaseFactDoc } from './case-fact';
import { FactRow } from './case-fact-days';
import { CASE_FACT_MODEL } from './case-fact.schema';
import { toCaseFactView } from './case-fact.view';
import { OpenCases } from './open-cases';
import { FiguresReader } from './figures.reader';
import { GridCentroids } from './grid-centroids';
import { categoryName, groupName } from './group-names';
import { Period, trendOf } from './period';
import { attributedRows, casesBehind, ratesOf } from './rates';
import { StatisticsBackfill } from './statistics-backfill';
import { FIGURES_READERS } from './statistics-roles';
import { STATISTICS_CONFIG, StatisticsConfig } from './statistics.config';
import { DrillDownQuery, HeatmapQuery, periodOf, RankingQuery, SummaryQuery, TrendQuery } from './statistics.query';

const HEATMAP_FETCH_CONCURRENCY = 8;
const BREACH_BOARD_LIMIT = 500;


/**
 * 统计分析: the three rates and the other audit figures per street, community, department or category, a
 * ranking with the red and black lists, the trend, the heat map, the cases behind each figure and the SLA-breach
 * board. Supervisors see the whole city; street and community staff only cases whose org path holds their unit.
 */
@ApiTags('statistics 统计分析')
@ApiBearerAuth()
@Roles(...FIGURES_READERS)
@Controller('api/v1/statistics')
export class StatisticsHttpController {
  constructor(
    @InjectModel(CASE_FACT_MODEL) private readonly facts: Model<CaseFactDoc>,
    private readonly openCases: OpenCases,
    private readonly backfill: StatisticsBackfill,
    private readonly units: OrgUnitNames,
    private readonly centroids: GridCentroids,
    private readonly figures: FiguresReader,
    @Inject(STATISTICS_CONFIG) private readonly config: StatisticsConfig,
  ) {}

  @Get('summary')
  @ApiOperation({ summary: '三率、综合得分及其他指标: totals and per group for cases registered in the period, under the scoring policy in force on its first day (named in `policy`)' })
  async summary(@Query() query: SummaryQuery, @CurrentUser() user: AuthUser) {
    const period = periodOf(query);
    const scored = await this.figures.scoredPeriod(period);
    const rows = await this.rowsIn(period, user);
    const groups = this.figures.groupRates(rows, query.groupBy, scored.policy);
    return { period: periodView(period), policy: scored.view, groupBy: query.groupBy, total: ratesOf(rows, scored.policy), groups };
  }

  @Get('ranking')
  @ApiOperation({ summary: '排名与红黑榜: groups best first by one figure (or the composite) with 环比 (the period before); red and black lists of the policy’s size, of groups with its fewest cases' })
  async ranking(@Query() query: RankingQuery, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) response: { setHeader(name: string, value: string): void }) {
    const { policy, ranked } = await this.figures.ranking(periodOf(query), query.groupBy, query.metric, this.isCityWide(user) ? null : user.unitId);
    response.setHeader('X-Scoring-Policy-Version', String(policy.version));
    return ranked;
  }

  @Get('trend')
  @ApiOperation({ summary: '趋势: per China day or week (Monday first), cases registered, of them resolved and ever breached' })
  async trend(@Query() query: TrendQuery, @CurrentUser() user: AuthUser) {
    const period = periodOf(query);
    return trendOf(await this.rowsIn(period, user), period, query.interval);
  }

  @Get('heatmap')
  @ApiOperation({ summary: '热力图: cases per grid with the grid’s centroid (lng/lat null when the grid service cannot tell)' })
  async heatmap(@Query() query: HeatmapQuery, @CurrentUser() user: AuthUser, @Headers('authorization') authorization?: string) {
    const rows = await this.rowsIn(periodOf(query), user);
    const counts = new Map<string, number>();
    for (const row of rows) if (row.gridId) counts.set(row.gridId, (counts.get(row.gridId) ?? 0) + 1);
    const grids = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const cells: { gridId: string; name: string; lng: number | null; lat: number | null; count: number }[] = [];
    for (let i = 0; i < grids.length; i += HEATMAP_FETCH_CONCURRENCY) {
      cells.push(...(await Promise.all(grids.slice(i, i + HEATMAP_FETCH_CONCURRENCY).map(async ([gridId, count]) => {
        const centroid = await this.centroids.of(gridId, authorization);
        return { gridId, name: groupName('grid', gridId, this.units), lng: centroid?.lng ?? null, lat: centroid?.lat ?? null, count };
      }))));
    }
    return cells;
  }

  @Get('cases')
  @ApiOperation({ summary: '下钻: the cases behind one figure (groupBy + key + metric), newest first, paged' })
  async drillDown(@Query() query: DrillDownQuery, @CurrentUser() user: AuthUser) {
    const period = periodOf(query);
    const inMetric = casesBehind(query.metric, (await this.figures.scoredPeriod(period)).policy);
    const rows = await this.rowsIn(period, user);
    // within a group, a case counts by what that unit did with it (attribution, rates.ts)
    const inGroup = query.groupBy ? rows.flatMap((r) => attributedRows(r, query.groupBy!).filter(([key]) => key === query.key).map(([, attributed]) => attributed)) : rows;
    const matching = inGroup
      .filter(inMetric)
      .sort((a, b) => b.registeredAt - a.registeredAt || a.caseNumber.localeCompare(b.caseNumber));
    const page = await this.factsOf(matching.slice((query.page - 1) * query.pageSize, query.page * query.pageSize));
    const names = this.units.all();
    return {
      period: periodView(period),
      items: page.map((f) => toCaseFactView(f, { unit: (id) => unitNameFrom(names, id)?.zh, category: categoryName })),
      total: matching.length,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  @Get('breaches')
  @ApiOperation({ summary: '超时看板: open cases whose current window has run out, most overdue first, with unit, deadline and minutes overdue' })
  async breaches(@CurrentUser() user: AuthUser) {
    await this.backfill.ready();
    const now = new Date();
    const visible = (await this.openCases.all()).filter((c) => this.isCityWide(user) || [...c.orgPath, c.streetId, c.communityId, c.currentUnit].includes(user.unitId));
    const rows = breachBoard(visible, now);
    const names = this.units.all();
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

  /** The rows of cases registered in the period that the user may see. */
  private rowsIn(period: Period, user: AuthUser): Promise<FactRow[]> {
    return this.figures.rowsIn(period, this.isCityWide(user) ? null : user.unitId);
  }

  /**
   * The facts of a page of rows, in the rows' order: one point read by `_id` each (FerretDB answers a read by `_id`
   * from its index in ~1 ms at any size, but scans the collection for `_id: {$in: …}`).
   */
  private async factsOf(rows: readonly FactRow[]): Promise<CaseFactDoc[]> {
    const found = await Promise.all(rows.map((r) => this.facts.findById(r.caseNumber).lean<CaseFactDoc>()));
    return found.filter((f): f is CaseFactDoc => f !== null);
  }
}

function periodView(period: Period) {
  return { from: period.from.toISOString(), to: period.to.toISOString() };
}
