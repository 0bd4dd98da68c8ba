import { defaultTaxonomy } from '@civicflow/domain';
import { checkCategory } from '../../categories/check-category';
import { articleContentSchema } from '../article-content';
import { KNOWLEDGE_SEED } from './knowledge-seed';

describe('the seeded knowledge base', () => {
  it('has a modest set of articles with unique, readable ids', () => {
    expect(KNOWLEDGE_SEED.length).toBeGreaterThanOrEqual(20);
    expect(KNOWLEDGE_SEED.length).toBeLessThanOrEqual(40);
    expect(new Set(KNOWLEDGE_SEED.map((a) => a.id)).size).toBe(KNOWLEDGE_SEED.length);
    for (const article of KNOWLEDGE_SEED) expect(article.id).toMatch(/^kb-[a-z0-9-]{3,60}$/);
  });

  it.each(KNOWLEDGE_SEED.map((a) => [a.id, a] as const))('%s passes the admin validation and its category takes inquiries', (_id, article) => {
    const { id: _ignored, ...content } = article;
    expect(articleContentSchema.safeParse(content).error?.issues).toBeUndefined();
    const check = checkCategory(defaultTaxonomy(), article.categoryCode, 'inquiry');
    expect(check.ok ? 'ok' : check.en).toBe('ok');
  });
});
