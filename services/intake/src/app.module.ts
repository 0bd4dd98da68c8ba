import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PlatformModule } from '@civicflow/platform';
import { IntakeConfig } from './config';
import { CASE_COUNTER_MODEL, CASE_MODEL, CASE_SOURCE_MODEL, caseCounterSchema, caseSchema, caseSourceSchema } from './cases/case.schema';
import { DuplicateFinder } from './cases/dedup/duplicate-finder';
import { GridRouter } from './cases/routing/grid-router';
import { taxonomyProvider } from './cases/taxonomy.provider';
import { DispatchQueueHttpController } from './cases/dispatch-queue/dispatch-queue.http.controller';
import { CaseNumberAllocator } from './cases/case-number.allocator';
import { RegisterCaseUseCase } from './cases/register-case/register-case.usecase';
import { GetCaseHttpController } from './cases/get-case/get-case.http.controller';
import { CallLoggedMessageController } from './channels/hotline/call-logged.message.controller';

/** 受理中心 intake: every channel's requests become cases, each handed to its case workflow. */
@Module({})
export class IntakeModule {
  static register(config: IntakeConfig): DynamicModule {
    return {
      module: IntakeModule,
      imports: [
        PlatformModule.forService({ service: 'intake', config, temporal: true }),
        MongooseModule.forFeature([
          { name: CASE_MODEL, schema: caseSchema },
          { name: CASE_COUNTER_MODEL, schema: caseCounterSchema },
          { name: CASE_SOURCE_MODEL, schema: caseSourceSchema },
        ]),
      ],
      controllers: [GetCaseHttpController, DispatchQueueHttpController, CallLoggedMessageController],
      providers: [CaseNumberAllocator, RegisterCaseUseCase, DuplicateFinder, GridRouter, taxonomyProvider],
      exports: [RegisterCaseUseCase, taxonomyProvider],
    };
  }
}
