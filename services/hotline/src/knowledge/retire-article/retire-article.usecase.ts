import { Injectable } from '@nestjs/common';
import { AuthUser } from '@civicflow/platform';
import { notFound } from '../../shared/http-errors';
import { KnowledgeArticleRepository } from '../knowledge-article.repository';

const ATTEMPTS = 3;

/**
 * 停用知识条目 — the delete of the admin API. The article leaves search but stays readable, because calls answered
 * with it must keep showing what the citizen was told; and a retired seed article is not seeded again.
 */
@Injectable()
export class RetireArticleUseCase {
  constructor(private readonly articles: KnowledgeArticleRepository) {}

  async execute(articleId: string, admin: AuthUser, now = new Date()): Promise<void> {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const current = await this.articles.findById(articleId);
      if (!current) throw notFound(`知识条目 ${articleId} 不存在`, `article ${articleId} not found`);
      if (current.status === 'retired') return;
      if (await this.articles.updateIfVersion(articleId, current.version, { status: 'retired', updatedAt: now, updatedBy: admin.userId })) return;
      // an edit landed between read and write: read again
    }
    throw new Error(`article ${articleId} kept changing while being retired`);
  }
}
