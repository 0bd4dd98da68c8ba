import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PlatformModule } from '@civicflow/platform';
import { CaseworkConfig } from './config';
import { RecomputeDeadlinesMessageController } from './calendar/recompute-deadlines.message.controller';
import { CallbackRecordedMessageController } from './callbacks/callback-recorded.message.controller';
import { CaseAccess } from './commands/case-access';
import { CaseCommandsHttpController } from './commands/case-commands.http.controller';
import { CaseEventsMessageController } from './read-model/case-events.message.controller';
import { ReadModelHttpController } from './read-model/read-model.http.controller';
import { CASE_LIST_MODEL, CaseLists, caseListSchema } from './read-model/case-lists';
import { CASE_READ_MODEL, caseReadSchema, TIMELINE_MODEL, timelineSchema } from './read-model/read-model.schema';
import { StatisticsModule } from './statistics/statistics.module';

/** 案件办理 casework: commands to the case workflows, and the timeline and worklists projected from their events. */
@Module({})
export class CaseworkModule {
  static register(config: CaseworkConfig): DynamicModule {
    return {
      module: CaseworkModule,
      imports: [
        PlatformModule.forService({ service: 'casework', config, temporal: true }),
        MongooseModule.forFeature([
          { name: CASE_READ_MODEL, schema: caseReadSchema },
          { name: TIMELINE_MODEL, schema: timelineSchema },
          { name: CASE_LIST_MODEL, schema: caseListSchema },
        ]),
        StatisticsModule,
      ],
      controllers: [CaseCommandsHttpController, ReadModelHttpController, CaseEventsMessageController, CallbackRecordedMessageController, RecomputeDeadlinesMessageController],
      providers: [CaseAccess, CaseLists],
    };
  }
}
