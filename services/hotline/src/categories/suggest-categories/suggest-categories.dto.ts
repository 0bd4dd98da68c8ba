import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { requestTypeSchema, says } from '@civicflow/contracts';
import { categoryViewSchema } from '../category.view';

export const suggestCategoriesQuerySchema = z.object({
  q: z.string().trim().min(1, says('请输入分类名称的一部分、英文词或分类代码', 'type part of a category name, an English word or a code')).max(50),
  requestType: requestTypeSchema.optional().describe('the request type already chosen: categories that take it come first'),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export class SuggestCategoriesQuery extends createZodDto(suggestCategoriesQuerySchema) {}

export const categorySuggestionsSchema = z.object({
  query: z.string(),
  suggestions: z.array(
    categoryViewSchema.extend({
      matchedTerm: z.string().describe('what found it: the query, a part of it, or the taxonomy word for a colloquial one'),
      allowsRequestType: z.boolean().optional(),
    }),
  ),
});

export class CategorySuggestionsDto extends createZodDto(categorySuggestionsSchema) {}
export type CategorySuggestions = z.infer<typeof categorySuggestionsSchema>;
