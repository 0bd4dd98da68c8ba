import { Schema } from 'mongoose';

export type ArticleStatus = 'published' | 'retired';

export interface KnowledgeArticleDoc {
  _id: string; // article id, e.g. kb-social-security-card-reissue; seeded ids are stable so seeding stays idempotent
  titleZh: string;
  titleEn: string;
  categoryCode: string;
  keywords: string[];
  answer: string;
  /** Retired articles stay readable: a call answered with one must still show what the citizen was told. */
  status: ArticleStatus;
  /** Bumped on every edit; an edit names the version it started from (optimistic concurrency). */
  version: number;
  source: 'seed' | 'admin';
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string;
}

export const KNOWLEDGE_ARTICLE_MODEL = 'KnowledgeArticle';

export const knowledgeArticleSchema = new Schema<KnowledgeArticleDoc>(
  {
    _id: { type: String, required: true },
    titleZh: { type: String, required: true },
    titleEn: { type: String, required: true },
    categoryCode: { type: String, required: true },
    keywords: { type: [String], required: true },
    answer: { type: String, required: true },
    status: { type: String, required: true },
    version: { type: Number, required: true },
    source: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
  },
  { collection: 'knowledge_articles', versionKey: false },
);
// serves the search (all published articles, ranked in memory) and the admin list by status
knowledgeArticleSchema.index({ status: 1 });
