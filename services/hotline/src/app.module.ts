import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DUE_WORK_MODEL, dueWorkSchema, PlatformModule } from '@civicflow/platform';
import { HotlineConfig } from './config';
import { CALLER_NUMBER_READ_MODEL, callerNumberReadSchema } from './audit/caller-number-read.schema';
import { ListCallerNumberReadsHttpController } from './audit/list-caller-number-reads/list-caller-number-reads.http.controller';
import { CALL_MODEL, callSchema } from './calls/call.schema';
import { callerNumberProtectorProvider } from './calls/caller-number.provider';
import { LogCallHttpController } from './calls/log-call/log-call.http.controller';
import { LogCallUseCase } from './calls/log-call/log-call.usecase';
import { ReadCallerNumberHttpController } from './calls/read-caller-number/read-caller-number.http.controller';
import { ReadCallerNumberUseCase } from './calls/read-caller-number/read-caller-number.usecase';
import { CaseLinkMessageController } from './callers/link-case/case-registered.message.controller';
import { LinkCaseUseCase } from './callers/link-case/link-case.usecase';
import { LookupCallerHttpController } from './callers/lookup-caller/lookup-caller.http.controller';
import { LookupCallerUseCase } from './callers/lookup-caller/lookup-caller.usecase';
import { CALLER_CALLS_MODEL, callerCallsSchema, CASE_CALLS_MODEL, caseCallsSchema } from './calls/call-indexes.schema';
import { CALLBACK_TASK_MODEL, callbackTaskSchema, CASE_CALLBACK_MODEL, caseCallbackSchema } from './callbacks/callback-task.schema';
import { CALLBACK_LIST_MODEL, callbackListSchema, CallbackLists } from './callbacks/callback-lists';
import { CaseClosedMessageController } from './callbacks/settle-callback/case-closed.message.controller';
import { SettleCallbackUseCase } from './callbacks/settle-callback/settle-callback.usecase';
import { ListCallbacksHttpController } from './callbacks/list-callbacks/list-callbacks.http.controller';
import { RecordCallbackHttpController } from './callbacks/record-callback/record-callback.http.controller';
import { RecordCallbackUseCase } from './callbacks/record-callback/record-callback.usecase';
import { CaseResolvedMessageController } from './callbacks/schedule-callback/case-resolved.message.controller';
import { ScheduleCallbackUseCase } from './callbacks/schedule-callback/schedule-callback.usecase';
import { taxonomyProvider } from './categories/taxonomy.provider';
import { SuggestCategoriesHttpController } from './categories/suggest-categories/suggest-categories.http.controller';
import { SuggestCategoriesUseCase } from './categories/suggest-categories/suggest-categories.usecase';
import { CreateArticleHttpController } from './knowledge/create-article/create-article.http.controller';
import { CreateArticleUseCase } from './knowledge/create-article/create-article.usecase';
import { GetArticleHttpController } from './knowledge/get-article/get-article.http.controller';
import { KnowledgeArticleRepository } from './knowledge/knowledge-article.repository';
import { KNOWLEDGE_ARTICLE_MODEL, knowledgeArticleSchema } from './knowledge/knowledge-article.schema';
import { RetireArticleHttpController } from './knowledge/retire-article/retire-article.http.controller';
import { RetireArticleUseCase } from './knowledge/retire-article/retire-article.usecase';
import { SearchKnowledgeHttpController } from './knowledge/search-knowledge/search-knowledge.http.controller';
import { SearchKnowledgeUseCase } from './knowledge/search-knowledge/search-knowledge.usecase';
import { SeedKnowledge } from './knowledge/seed-knowledge/seed-knowledge';
import { UpdateArticleHttpController } from './knowledge/update-article/update-article.http.controller';
import { UpdateArticleUseCase } from './knowledge/update-article/update-article.usecase';
import { HotlineOutbox } from './outbox/hotline-outbox';
import { TELEPHONY_CALL_MODEL, telephonyCallSchema } from './telephony/telephony-call.schema';
import { RecordTelephonyEventHttpController } from './telephony/record-telephony-event/record-telephony-event.http.controller';
import { RecordTelephonyEventUseCase } from './telephony/record-telephony-event/record-telephony-event.usecase';
import { GetTelephonyCallHttpController } from './telephony/get-telephony-call/get-telephony-call.http.controller';
import { citizenDirectoryProvider, RegisterCallerContact } from './calls/register-caller-contact/register-caller-contact';

/**
 * 12345 热线: operators log calls (each becomes a case through intake, or is answered on the spot from the
 * knowledge base), see a repeat caller's earlier cases, read a full number only with a recorded reason, and make
 * the callbacks (回访) resolved cases owe.
 */
@Module({})
export class HotlineModule {
  static register(config: HotlineConfig): DynamicModule {
    return {
      module: HotlineModule,
      imports: [
        PlatformModule.forService({ service: 'hotline', config }),
        MongooseModule.forFeature([
          { name: CALL_MODEL, schema: callSchema },
          { name: CALLER_NUMBER_READ_MODEL, schema: callerNumberReadSchema },
          { name: KNOWLEDGE_ARTICLE_MODEL, schema: knowledgeArticleSchema },
          { name: CALLBACK_TASK_MODEL, schema: callbackTaskSchema },
          { name: CASE_CALLBACK_MODEL, schema: caseCallbackSchema },
          { name: CALLBACK_LIST_MODEL, schema: callbackListSchema },
          { name: CALLER_CALLS_MODEL, schema: callerCallsSchema },
          { name: CASE_CALLS_MODEL, schema: caseCallsSchema },
          { name: DUE_WORK_MODEL, schema: dueWorkSchema },
          { name: TELEPHONY_CALL_MODEL, schema: telephonyCallSchema },
        ]),
      ],
      controllers: [
        // HTTP
        LogCallHttpController,
        ReadCallerNumberHttpController,
        SuggestCategoriesHttpController,
        LookupCallerHttpController,
        ListCallerNumberReadsHttpController,
        SearchKnowledgeHttpController,
        CreateArticleHttpController,
        UpdateArticleHttpController,
        RetireArticleHttpController,
        GetArticleHttpController,
        ListCallbacksHttpController,
        RecordCallbackHttpController,
        RecordTelephonyEventHttpController,
        GetTelephonyCallHttpController,
        // Kafka
        CaseLinkMessageController,
        CaseResolvedMessageController,
        CaseClosedMessageController,
      ],
      providers: [
        callerNumberProtectorProvider,
        citizenDirectoryProvider,
        RegisterCallerContact,
        taxonomyProvider,
        KnowledgeArticleRepository,
        LogCallUseCase,
        ReadCallerNumberUseCase,
        SuggestCategoriesUseCase,
        LinkCaseUseCase,
        LookupCallerUseCase,
        SearchKnowledgeUseCase,
        CreateArticleUseCase,
        UpdateArticleUseCase,
        RetireArticleUseCase,
        SeedKnowledge,
        ScheduleCallbackUseCase,
        CallbackLists,
        RecordCallbackUseCase,
        SettleCallbackUseCase,
        HotlineOutbox,
        RecordTelephonyEventUseCase,
      ],
    };
  }
}
