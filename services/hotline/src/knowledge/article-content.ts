import { z } from 'zod';
import { says } from '@civicflow/contracts';
import { TaxonomyIndex } from '@civicflow/domain';
import { checkCategory } from '../categories/check-category';
import { invalidField } from '../shared/http-errors';

/** What an administrator writes: title in both languages, the category it answers, keywords callers use, the answer. */
export const articleContentSchema = z.object({
  titleZh: z.string().trim().min(2).max(100),
  titleEn: z.string().trim().min(2).max(200),
  categoryCode: z.string().regex(/^\d{4}$/, says('须为四位小类代码', 'must be a minor category code of four digits')),
  keywords: z
    .array(z.string().trim().min(1).max(30))
    .min(1, says('须至少给出一个来电人会用的关键词', 'give at least one keyword callers would use'))
    .max(30)
    .transform((keywords) => [...new Set(keywords)]),
  answer: z.string().trim().min(10, says('须为话务员可照读的答复（至少 10 个字符）', 'an answer the operator can read out (at least 10 characters)')).max(4000),
});

/**
 * Articles answer inquiries (咨询) on the spot, so their category must exist and take inquiries —
 * otherwise a call answered with the article would be refused for its category.
 */
export function assertArticleCategory(taxonomy: TaxonomyIndex, categoryCode: string): void {
  const check = checkCategory(taxonomy, categoryCode, 'inquiry');
  if (!check.ok) throw invalidField('categoryCode', check.zh, check.en);
}
