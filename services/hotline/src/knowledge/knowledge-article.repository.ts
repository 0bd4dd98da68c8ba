import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { isDuplicateKey } from '../shared/http-errors';
import { ArticleStatus, KNOWLEDGE_ARTICLE_MODEL, KnowledgeArticleDoc } from './knowledge-article.schema';

export type ArticleContent = Pick<KnowledgeArticleDoc, 'titleZh' | 'titleEn' | 'categoryCode' | 'keywords' | 'answer'>;

/** The knowledge_articles collection. Every query is an equality on _id or status (FerretDB pushes those down). */
@Injectable()
export class KnowledgeArticleRepository {
  constructor(@InjectModel(KNOWLEDGE_ARTICLE_MODEL) private readonly articles: Model<KnowledgeArticleDoc>) {}

  findById(id: string): Promise<KnowledgeArticleDoc | null> {
    return this.articles.findById(id).lean<KnowledgeArticleDoc>().exec();
  }

  /** The knowledge base is small (tens to a few thousand articles): search ranks all published ones in memory. */
  withStatus(status: ArticleStatus): Promise<KnowledgeArticleDoc[]> {
    return this.articles.find({ status }).lean<KnowledgeArticleDoc[]>().exec();
  }

  async ids(): Promise<Set<string>> {
    const docs = await this.articles.find({}, { _id: 1 }).lean<{ _id: string }[]>().exec();
    return new Set(docs.map((d) => d._id));
  }

  /** @returns false when an article with that id already exists. */
  async insert(doc: KnowledgeArticleDoc): Promise<boolean> {
    try {
      await this.articles.create(doc);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** Applies the change only if nobody changed the article since `expectedVersion`; null otherwise. */
  updateIfVersion(id: string, expectedVersion: number, change: Partial<KnowledgeArticleDoc>): Promise<KnowledgeArticleDoc | null> {
    return this.articles
      .findOneAndUpdate({ _id: id, version: expectedVersion }, { $set: { ...change, version: expectedVersion + 1 } }, { new: true })
      .lean<KnowledgeArticleDoc>()
      .exec();
  }
}
