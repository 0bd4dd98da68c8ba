import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CONFIG } from '@civicflow/platform';
import { CASE_READ_MODEL, caseReadSchema } from '../read-model/read-model.schema';
import { CASE_FACT_MODEL, caseFactSchema } from './case-fact.schema';
import { CaseFactsProjector } from './case-facts.projector';
import { OrgDirectory } from './org-directory';
import { StatisticsHttpController } from './statistics.http.controller';
import { STATISTICS_CONFIG, StatisticsConfig } from './statistics.config';

/**
 * 统计分析: the case-facts projection (fed by the casework message controller, so one consumer group serves
 * both read models) and the supervisor's figures over it.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: CASE_FACT_MODEL, schema: caseFactSchema },
      // the breach board reads the worklist projection (same model as the read-model module's)
      { name: CASE_READ_MODEL, schema: caseReadSchema },
    ]),
  ],
  controllers: [StatisticsHttpController],
  providers: [
    { provide: STATISTICS_CONFIG, useFactory: (config: StatisticsConfig) => config, inject: [CONFIG] },
    OrgDirectory,
    CaseFactsProjector,
  ],
  exports: [CaseFactsProjector],
})
export class StatisticsModule {}
