import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { TaxonomyIndex } from '@civicflow/domain';
import { Roles } from '@civicflow/platform';
import { TAXONOMY } from '../../categories/taxonomy.provider';
import { notFound } from '../../shared/http-errors';
import { ArticleView, articleViewSchema, toArticleView } from '../article.view';
import { KnowledgeArticleRepository } from '../knowledge-article.repository';

export class ArticleViewDto extends createZodDto(articleViewSchema) {}

class ListArticlesQuery extends createZodDto(z.object({ status: z.enum(['published', 'retired']).default('published') })) {}

const articleListSchema = z.object({ articles: z.array(articleViewSchema) });
class ArticleListDto extends createZodDto(articleListSchema) {}

/** Reading articles: one by id (operators open what they answered with), all of a status (administrators). */
@ApiTags('knowledge 知识库')
@ApiBearerAuth()
@Controller('api/v1/knowledge/articles')
export class GetArticleHttpController {
  constructor(private readonly articles: KnowledgeArticleRepository, @Inject(TAXONOMY) private readonly taxonomy: TaxonomyIndex) {}

  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: ArticleListDto })
  async list(@Query() { status }: ListArticlesQuery): Promise<z.infer<typeof articleListSchema>> {
    const docs = await this.articles.withStatus(status);
    docs.sort((a, b) => a.categoryCode.localeCompare(b.categoryCode) || a._id.localeCompare(b._id));
    return { articles: docs.map((doc) => toArticleView(doc, this.taxonomy)) };
  }

  /** Retired articles stay readable: a call answered with one shows what the citizen was told. */
  @Get(':articleId')
  @Roles('operator', 'admin', 'supervisor')
  @ApiOkResponse({ type: ArticleViewDto })
  async get(@Param('articleId') articleId: string): Promise<ArticleView> {
    const doc = await this.articles.findById(articleId);
    if (!doc) throw notFound(`知识条目 ${articleId} 不存在`, `article ${articleId} not found`);
    return toArticleView(doc, this.taxonomy);
  }
}
