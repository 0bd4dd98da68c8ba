import { Inject, Injectable } from '@nestjs/common';
import { TaxonomyIndex } from '@civicflow/domain';
import { TAXONOMY } from '../../categories/taxonomy.provider';
import { toArticleView } from '../article.view';
import { KnowledgeArticleRepository } from '../knowledge-article.repository';
import { rankArticles } from './rank-articles';
import { KnowledgeSearchResult, SearchKnowledgeQuery } from './search-knowledge.dto';

/** 知识库检索: published articles that answer what the caller asks, best first. */
@Injectable()
export class SearchKnowledgeUseCase {
  constructor(private readonly articles: KnowledgeArticleRepository, @Inject(TAXONOMY) private readonly taxonomy: TaxonomyIndex) {}

  async execute({ q, categoryCode, limit }: SearchKnowledgeQuery): Promise<KnowledgeSearchResult> {
    const published = await this.articles.withStatus('published');
    const candidates = categoryCode ? published.filter((a) => a.categoryCode === categoryCode) : published;
    return {
      query: q,
      results: rankArticles(candidates, q, limit).map(({ article, score }) => ({ ...toArticleView(article, this.taxonomy), score })),
    };
  }
}
