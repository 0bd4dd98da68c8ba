import { KNOWLEDGE_SEED } from '../seed-knowledge/knowledge-seed';
import { normalize, rankArticles } from './rank-articles';

const titles = (query: string, limit = 5) => rankArticles(KNOWLEDGE_SEED, query, limit).map((h) => h.article.id);

describe('rankArticles over the seeded knowledge base', () => {
  it('finds an article by its title, and the exact title first', () => {
    expect(titles('身份证丢失补办')[0]).toBe('kb-id-card-reissue');
    expect(titles('供暖收费标准是多少')[0]).toBe('kb-heating-fee-rates');
  });

  it('finds an article from what a caller actually says, through its keywords', () => {
    expect(titles('社保卡丢了怎么补办')[0]).toBe('kb-social-security-card-reissue');
    expect(titles('我想办个狗证')[0]).toBe('kb-dog-registration');
    expect(titles('租房能不能提取公积金')).toContain('kb-housing-fund-withdrawal');
    expect(titles('外地人办居住证要什么材料')[0]).toBe('kb-residence-permit');
  });

  it('ranks by how much matches: two heating articles, the fee one first for a fee question', () => {
    const found = titles('暖气费标准');
    expect(found[0]).toBe('kb-heating-fee-rates');
    expect(found).toContain('kb-heating-fee-payment');
  });

  it('finds by English words of the title and by category code', () => {
    expect(titles('passport')[0]).toBe('kb-passport-application');
    expect(titles('1510').sort()).toEqual(['kb-housing-fund-loan', 'kb-housing-fund-withdrawal']);
  });

  it('returns nothing for a query that shares no words with any article', () => {
    expect(titles('火星移民')).toEqual([]);
    expect(titles('   ')).toEqual([]);
  });

  it('ignores punctuation and full-width characters', () => {
    expect(normalize('社保卡,丢了? ')).toBe('社保卡丢了');
    expect(normalize('ＡＢＣ 护照')).toBe('abc 护照');
    expect(titles('护照?怎么办')[0]).toBe('kb-passport-application');
  });
});
