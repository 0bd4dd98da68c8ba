import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { says } from '@civicflow/contracts';
import { articleViewSchema } from '../article.view';

export const searchKnowledgeQuerySchema = z.object({
  q: z.string().trim().min(1, says('请输入来电人询问的内容', 'type what the caller asks')).max(100),
  categoryCode: z.string().regex(/^\d{4}$/).optional().describe('only articles of this minor category'),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});
export class SearchKnowledgeQuery extends createZodDto(searchKnowledgeQuerySchema) {}

export const knowledgeSearchResultSchema = z.object({
  query: z.string(),
  results: z.array(articleViewSchema.extend({ score: z.number().describe('higher is better; for ordering only') })),
});
export class KnowledgeSearchResultDto extends createZodDto(knowledgeSearchResultSchema) {}
export type KnowledgeSearchResult = z.infer<typeof knowledgeSearchResultSchema>;
