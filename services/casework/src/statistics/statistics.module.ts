import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Kafka } from 'kafkajs';
import { CONFIG, KAFKA, OrgUnitNames, serviceClientId, ServiceTokenSource } from '@civicflow/platform';
import type { CaseworkConfig } from '../config';
import { CASE_READ_MODEL, caseReadSchema } from '../read-model/read-model.schema';
import { CASE_FACT_DAY_MODEL, caseFactDaySchema, CaseFactDays } from './case-fact-days.store';
import { CASE_FACT_MODEL, caseFactSchema } from './case-fact.schema';
import { CaseFactsProjector } from './case-facts.projector';
import { FiguresReader } from './figures.reader';
import { GridCentroids } from './grid-centroids';
import { MonthlyReportHttpController } from './monthly-report/monthly-report.http.controller';
import { MonthlyReportStore } from './monthly-report/monthly-report.store';
import { GenerateMonthlyReport } from './monthly-report/generate-monthly-report';
import { MonthlyReportSchedule } from './monthly-report/monthly-report.schedule';
import { OPEN_CASE_MODEL, OpenCases, openCaseSchema } from './open-cases';
import { StatisticsBackfill } from './statistics-backfill';
import { ScoringPolicyHttpController } from './scoring-policy/scoring-policy.http.controller';
import { ScoringPolicyStore } from './scoring-policy/scoring-policy.store';
import { StatisticsHttpController } from './statistics.http.controller';
import { STATISTICS_CONFIG, StatisticsConfig } from './statistics.config';

/**
 * 单位名称 in the figures, lists and reports: the grid's org tree, followed (reloaded when the grid imports a new
 * dataset), read as casework's own service identity `svc-casework`, never with a borrowed user's token.
 */
export function caseworkUnitNames(config: CaseworkConfig, kafka: Kafka): OrgUnitNames {
  return new OrgUnitNames({
    gridUrl: config.GRID_URL,
    kafka,
    groupPrefix: config.CASEWORK_CONSUMER_GROUP,
    startWaitMs: config.CASEWORK_GRID_WAIT_MS,
    tokens: new ServiceTokenSource({ tokenUrl: config.SERVICE_TOKEN_URL, clientId: serviceClientId('casework'), clientSecret: config.CASEWORK_CLIENT_SECRET }),
  });
}

/**
 * 统计分析: the case-facts projection with its day buckets, and the open-case index the breach board reads (both
 * fed by the casework message controller, so one consumer group serves every read model), and the supervisor's
 * figures over them.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: CASE_FACT_MODEL, schema: caseFactSchema },
      { name: CASE_FACT_DAY_MODEL, schema: caseFactDaySchema },
      { name: OPEN_CASE_MODEL, schema: openCaseSchema },
      // the backfill builds the open-case index from the worklist projection (same model as the read-model module's)
      { name: CASE_READ_MODEL, schema: caseReadSchema },
    ]),
  ],
  controllers: [StatisticsHttpController, ScoringPolicyHttpController, MonthlyReportHttpController],
  providers: [
    { provide: STATISTICS_CONFIG, useFactory: (config: StatisticsConfig) => config, inject: [CONFIG] },
    { provide: OrgUnitNames, inject: [CONFIG, KAFKA], useFactory: caseworkUnitNames },
    GridCentroids,
    CaseFactDays,
    OpenCases,
    StatisticsBackfill,
    CaseFactsProjector,
    ScoringPolicyStore,
    FiguresReader,
    MonthlyReportStore,
    GenerateMonthlyReport,
    MonthlyReportSchedule,
  ],
  exports: [CaseFactsProjector, OpenCases],
})
export class StatisticsModule {}
