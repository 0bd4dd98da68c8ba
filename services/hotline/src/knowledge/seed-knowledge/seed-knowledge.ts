import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CONFIG } from '@civicflow/platform';
import { HotlineConfig } from '../../config';
import { KnowledgeArticleRepository } from '../knowledge-article.repository';
import { KNOWLEDGE_SEED } from './knowledge-seed';

/**
 * Inserts the shipped articles that the database does not have yet, at start-up. Existing ones — edited or
 * retired by an administrator — are left alone, so a restart never undoes an edit. Several replicas starting at
 * once are fine: the article id is the primary key, the loser of a race simply finds it there.
 */
@Injectable()
export class SeedKnowledge implements OnApplicationBootstrap {
  private readonly logger = new Logger(SeedKnowledge.name);

  constructor(private readonly articles: KnowledgeArticleRepository, @Inject(CONFIG) private readonly config: HotlineConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.HOTLINE_SEED_KNOWLEDGE) return;
    const inserted = await this.seedMissing();
    if (inserted > 0) this.logger.log(`知识库已初始化 ${inserted} 条 seeded ${inserted} knowledge articles`);
  }

  async seedMissing(now = new Date()): Promise<number> {
    const existing = await this.articles.ids();
    let inserted = 0;
    for (const seed of KNOWLEDGE_SEED.filter((s) => !existing.has(s.id))) {
      const { id, ...content } = seed;
      const fresh = await this.articles.insert({
        _id: id,
        ...content,
        status: 'published',
        version: 1,
        source: 'seed',
        createdAt: now,
        updatedAt: now,
        updatedBy: 'seed',
      });
      if (fresh) inserted++;
    }
    return inserted;
  }
}
