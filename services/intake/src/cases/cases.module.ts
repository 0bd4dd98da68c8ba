import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CASE_COUNTER_MODEL, CASE_MODEL, CASE_SOURCE_MODEL, caseCounterSchema, caseSchema, caseSourceSchema } from './case.schema';
import { CaseNumberAllocator } from './case-number.allocator';
import { DuplicateFinder } from './dedup/duplicate-finder';
import { GetCaseHttpController } from './get-case/get-case.http.controller';
import { DispatchQueueHttpController } from './dispatch-queue/dispatch-queue.http.controller';
import { RegisterCaseUseCase } from './register-case/register-case.usecase';
import { GridRoutes } from './routing/grid-routes';
import { taxonomyProvider } from './taxonomy.provider';

/** 案件受理: registration (classify, merge duplicates, route, start the workflow) and the case reads. Every channel uses it. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: CASE_MODEL, schema: caseSchema },
      { name: CASE_COUNTER_MODEL, schema: caseCounterSchema },
      { name: CASE_SOURCE_MODEL, schema: caseSourceSchema },
    ]),
  ],
  controllers: [GetCaseHttpController, DispatchQueueHttpController],
  providers: [CaseNumberAllocator, RegisterCaseUseCase, DuplicateFinder, GridRoutes, taxonomyProvider],
  exports: [RegisterCaseUseCase, taxonomyProvider, MongooseModule],
})
export class CasesModule {}
