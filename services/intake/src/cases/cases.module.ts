import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CaseWorkflowStarter } from '../reports/register-report/case-workflow.starter';
import { RegisterReportUseCase } from '../reports/register-report/register-report.usecase';
import { REPORT_MODEL, reportSchema } from '../reports/report.schema';
import { UnregisteredReports } from '../reports/unregistered-reports/unregistered-reports';
import { UNREGISTERED_REPORT_MODEL, unregisteredReportSchema } from '../reports/unregistered-reports/unregistered-report.schema';
import { UnregisteredReportsHttpController } from '../reports/unregistered-reports/unregistered-reports.http.controller';
import { CASE_COUNTER_MODEL, CASE_NUMBER_MODEL, caseCounterSchema, caseNumberSchema } from './case-number/case-number.schema';
import { CaseNumbers } from './case-number/case-numbers';
import { CaseReports } from './case-reports';
import { CaseEventsMessageController } from './case-view/case-events.message.controller';
import { CASE_VIEW_MODEL, caseViewSchema } from './case-view/case-view.schema';
import { ProjectCaseEventUseCase } from './case-view/project-case-event.usecase';
import { CaseViewSubscribers } from './case-view/case-view-subscribers';
import { OPEN_CASE_CELL_MODEL, openCaseCellSchema } from './dedup/open-case.schema';
import { OpenCases } from './dedup/open-cases';
import { DispatchQueueHttpController } from './dispatch-queue/dispatch-queue.http.controller';
import { DISPATCH_QUEUE_MODEL, dispatchQueueEntrySchema } from './dispatch-queue/dispatch-queue.schema';
import { CaseDetailQuery } from './get-case/case-detail.query';
import { GetCaseHttpController } from './get-case/get-case.http.controller';
import { GridRoutes } from './routing/grid-routes';
import { taxonomyProvider } from './taxonomy.provider';
import { WAITING_LIST_MODEL, WaitingLists, waitingListSchema } from '../shared/waiting-lists';

/**
 * 受理 and 案件动态: reports become cases (registration: classify, merge duplicates, number, route, hand over to the
 * case workflow), and the case events are projected back (where each case stands, the dispatch queue, the open-case
 * index, who may read a case). Every channel registers through it.
 */
import { OpenCasesNearbyHttpController } from './open-nearby/open-cases-nearby.http.controller';
import { ReportStatusHttpController } from '../reports/report-status/report-status.http.controller';
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: REPORT_MODEL, schema: reportSchema },
      { name: CASE_NUMBER_MODEL, schema: caseNumberSchema },
      { name: CASE_COUNTER_MODEL, schema: caseCounterSchema },
      { name: OPEN_CASE_CELL_MODEL, schema: openCaseCellSchema },
      { name: CASE_VIEW_MODEL, schema: caseViewSchema },
      { name: DISPATCH_QUEUE_MODEL, schema: dispatchQueueEntrySchema },
      { name: UNREGISTERED_REPORT_MODEL, schema: unregisteredReportSchema },
      { name: WAITING_LIST_MODEL, schema: waitingListSchema },
    ]),
  ],
  controllers: [GetCaseHttpController, OpenCasesNearbyHttpController, ReportStatusHttpController, DispatchQueueHttpController, UnregisteredReportsHttpController, CaseEventsMessageController],
  providers: [
    CaseNumbers,
    CaseReports,
    OpenCases,
    GridRoutes,
    CaseWorkflowStarter,
    WaitingLists,
    UnregisteredReports,
    RegisterReportUseCase,
    ProjectCaseEventUseCase,
    CaseViewSubscribers,
    CaseDetailQuery,
    taxonomyProvider,
  ],
  exports: [RegisterReportUseCase, CaseReports, CaseNumbers, CaseViewSubscribers, CaseDetailQuery, GridRoutes, taxonomyProvider, MongooseModule],
})
export class CasesModule {}
