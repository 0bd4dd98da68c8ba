import { DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PlatformModule } from '@civicflow/platform';
import { HotlineConfig } from './config';
import { callSchema, CALL_MODEL } from './calls/call.schema';
import { callerNumberProtectorProvider } from './calls/caller-number.provider';
import { LogCallHttpController } from './calls/log-call/log-call.http.controller';
import { LogCallUseCase } from './calls/log-call/log-call.usecase';
import { taxonomyProvider } from './categories/taxonomy.provider';
import { SuggestCategoriesHttpController } from './categories/suggest-categories/suggest-categories.http.controller';
import { SuggestCategoriesUseCase } from './categories/suggest-categories/suggest-categories.usecase';
import { KNOWLEDGE_ARTICLE_MODEL, knowledgeArticleSchema } from './knowledge/knowledge-article.schema';
import { KnowledgeArticleRepository } from './knowledge/knowledge-article.repository';
import { SearchKnowledgeHttpController } from './knowledge/search-knowledge/search-knowledge.http.controller';
import { SearchKnowledgeUseCase } from './knowledge/search-knowledge/search-knowledge.usecase';
import { CreateArticleHttpController } from './knowledge/create-article/create-article.http.controller';
import { CreateArticleUseCase } from './knowledge/create-article/create-article.usecase';
import { GetArticleHttpController } from './knowledge/get-article/get-article.http.controller';
import { UpdateArticleHttpController } from './knowledge/update-article/update-article.http.controller';
import { UpdateArticleUseCase } from './knowledge/update-article/update-article.usecase';
import { RetireArticleHttpController } from './knowledge/retire-article/retire-article.http.controller';
import { RetireArticleUseCase } from './knowledge/retire-article/retire-article.usecase';
import { SeedKnowledge } from './knowledge/seed-knowledge/seed-knowledge';

/** 12345 热线: operators log calls; each call becomes a case through intake. */
@Module({})
export class HotlineModule {
  static register(config: HotlineConfig): DynamicModule {
    return {
      module: HotlineModule,
      imports: [
        PlatformModule.forService({ service: 'hotline', config }),
        MongooseModule.forFeature([
          { name: CALL_MODEL, schema: callSchema },
          { name: KNOWLEDGE_ARTICLE_MODEL, schema: knowledgeArticleSchema },
        ]),
      ],
      controllers: [
        LogCallHttpController,
        SuggestCategoriesHttpController,
        SearchKnowledgeHttpController,
        // GET :articleId after the literal routes of the other knowledge controllers
        CreateArticleHttpController,
        UpdateArticleHttpController,
        RetireArticleHttpController,
        GetArticleHttpController,
      ],
      providers: [
        callerNumberProtectorProvider,
        taxonomyProvider,
        KnowledgeArticleRepository,
        LogCallUseCase,
        SuggestCategoriesUseCase,
        SearchKnowledgeUseCase,
        CreateArticleUseCase,
        UpdateArticleUseCase,
        RetireArticleUseCase,
        SeedKnowledge,
      ],
    };
  }
}
