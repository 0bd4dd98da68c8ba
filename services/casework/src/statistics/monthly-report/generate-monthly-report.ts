import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { monthlyReportGeneratedV1 } from '@civicflow/contracts';
import { EventPublisher } from '@civicflow/platform';
import { FiguresReader } from '../figures.reader';
import { monthPeriod } from '../period';
import { ratesOf } from '../rates';
import { STATISTICS_CONFIG, StatisticsConfig } from '../statistics.config';
import { composeMonthlyReport, MonthlyReport } from './monthly-report';
import { MonthlyReportStore, StoredMonthlyReport } from './monthly-report.store';

/** How long the generator whose report stands has to tell supervisors before anyone who finds it untold does (the activity's own time limit). */
export const ANNOUNCE_GRACE_MS = 10 * 60_000;

/** What a generate call answers: the stored report in brief, and where to download it. */
export interface MonthlyReportSummary {
  month: string;
  generatedAt: string;
  generatedBy: string;
  policyVersion: number;
  streets: number;
  departments: number;
  cases: number;
  files: { pdf: string; xlsx: string };
}

export function summaryOf(report: Omit<MonthlyReport, 'cases'>): MonthlyReportSummary {
  return {
    month: report.month, generatedAt: report.generatedAt, generatedBy: report.generatedBy, policyVersion: report.policy.version,
    streets: report.streets.length, departments: report.departments.length, cases: report.city.cases,
    files: { pdf: `/api/v1/statistics/reports/monthly/${report.month}?format=pdf`, xlsx: `/api/v1/statistics/reports/monthly/${report.month}?format=xlsx` },
  };
}

/**
 * Whether `writer` tells supervisors of the stored report now: the writer of the report that stands does; a generator
 * that lost the race to it (two runs at once, a supervisor's POST beside the schedule's run) or finds it untold while
 * its writer is still at it leaves that to the writer — unless the writer had its time and did not (it crashed), or
 * the report predates writers: then whoever finds it untold tells.
 */
export function announcesNow(report: Pick<StoredMonthlyReport, 'writer' | 'generatedAt' | 'announcedAt'>, writer: string, now: Date): boolean {
  const writerHadItsTime = report.writer === undefined || now.getTime() - Date.parse(report.generatedAt) >= ANNOUNCE_GRACE_MS;
  return !report.announcedAt && (report.writer === writer || writerHadItsTime);
}

/**
 * 生成月度考核报告 — one use case for the supervisor's POST and the scheduled workflow's activity: the month's
 * figures of every street and department (whole city) stored once (the first report of a month stands), then
 * supervisors told by statistics.monthly-report-generated, by the generator whose report stands. The report is marked
 * told after the event is out, so a crash in between tells them on the next call (the event id is the month's:
 * consumers drop a repeat).
 */
@Injectable()
export class GenerateMonthlyReport {
  constructor(
    private readonly figures: FiguresReader,
    private readonly store: MonthlyReportStore,
    private readonly publisher: EventPublisher,
    @Inject(STATISTICS_CONFIG) private readonly config: StatisticsConfig,
  ) {}

  /**
   * `month` must have ended (callers check).
   * `writer` names this generation (a scheduled run's workflow id, so the run's retried activity is the same writer).
   */
  async execute(month: string, generatedBy: string, options: { writer?: string } = {}): Promise<MonthlyReportSummary & { created: boolean; announced: boolean }> {
    const writer = options.writer ?? randomUUID();
    // the header only: the drill-down (megabytes in a big city) is not needed to tell supervisors
    const existing = await this.store.header(month);
    const { report, created } = existing ? { report: existing, created: false } : await this.store.keepFirst(await this.compose(month, generatedBy), writer);
    const announced = announcesNow(report, writer, new Date());
    if (announced) {
      const summary = summaryOf(report);
      await this.publisher.publish(monthlyReportGeneratedV1, {
        id: `monthly-report:${month}`,
        key: month,
        correlationId: `monthly-report:${month}`,
        data: { ...summary, cityUnitId: this.config.CASEWORK_CITY_UNIT_ID },
      });
      await this.store.markAnnounced(month, new Date());
    }
    return { ...summaryOf(report), created, announced };
  }

  private async compose(month: string, generatedBy: string): Promise<MonthlyReport> {
    const period = monthPeriod(month)!;
    const [streets, departments] = await Promise.all([
      this.figures.ranking(period, 'street', 'composite', null),
      this.figures.ranking(period, 'department', 'composite', null),
    ]);
    return composeMonthlyReport({
      month, period, generatedAt: new Date(), generatedBy, policy: streets.policy, city: ratesOf(streets.rows, streets.policy), rows: streets.rows,
      streets, departments,
    });
  }
}
