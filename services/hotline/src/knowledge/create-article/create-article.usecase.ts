import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { TaxonomyIndex } from '@civicflow/domain';
import { AuthUser } from '@civicflow/platform';
import { TAXONOMY } from '../../categories/taxonomy.provider';
import { refused } from '../../shared/http-errors';
import { assertArticleCategory } from '../article-content';
import { ArticleView, toArticleView } from '../article.view';
import { KnowledgeArticleRepository } from '../knowledge-article.repository';
import { CreateArticleDto } from './create-article.dto';

/** 新增知识条目 — an administrator adds an answer; it is searchable at once. */
@Injectable()
export class CreateArticleUseCase {
  constructor(private readonly articles: KnowledgeArticleRepository, @Inject(TAXONOMY) private readonly taxonomy: TaxonomyIndex) {}

  async execute({ articleId, ...content }: CreateArticleDto, admin: AuthUser, now = new Date()): Promise<ArticleView> {
    assertArticleCategory(this.taxonomy, content.categoryCode);
    const doc = {
      _id: articleId ?? `kb-${randomUUID().slice(0, 8)}`,
      ...content,
      status: 'published' as const,
      version: 1,
      source: 'admin' as const,
      createdAt: now,
      updatedAt: now,
      updatedBy: admin.userId,
    };
    if (!(await this.articles.insert(doc))) {
      throw refused({ code: 'article-exists', zh: `知识条目 ${doc._id} 已存在`, en: `article ${doc._id} already exists` });
    }
    return toArticleView(doc, this.taxonomy);
  }
}
