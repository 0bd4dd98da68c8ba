import { z } from 'zod';
import { TaxonomyIndex } from '@civicflow/domain';
import { KnowledgeArticleDoc } from './knowledge-article.schema';

export const articleViewSchema = z.object({
  articleId: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  categoryCode: z.string(),
  category: z.object({ zh: z.string(), en: z.string() }).describe('小类名称, for display'),
  keywords: z.array(z.string()),
  answer: z.string().describe('答复口径: what the operator reads to the caller'),
  status: z.enum(['published', 'retired']),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type ArticleView = z.infer<typeof articleViewSchema>;

export function toArticleView(doc: KnowledgeArticleDoc, taxonomy: TaxonomyIndex): ArticleView {
  const minor = taxonomy.minorByCode(doc.categoryCode);
  return {
    articleId: doc._id,
    titleZh: doc.titleZh,
    titleEn: doc.titleEn,
    categoryCode: doc.categoryCode,
    category: { zh: minor?.zh ?? doc.categoryCode, en: minor?.en ?? doc.categoryCode },
    keywords: doc.keywords,
    answer: doc.answer,
    status: doc.status,
    version: doc.version,
    updatedAt: doc.updatedAt.toISOString(),
    updatedBy: doc.updatedBy,
  };
}
