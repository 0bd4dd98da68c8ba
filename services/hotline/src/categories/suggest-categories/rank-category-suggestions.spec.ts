import { defaultTaxonomy } from '@civicflow/domain';
import { rankCategorySuggestions } from './rank-category-suggestions';

const codes = (query: string, extra: { requestType?: 'inquiry' | 'complaint'; limit?: number } = {}) =>
  rankCategorySuggestions(defaultTaxonomy(), { query, limit: extra.limit ?? 10, requestType: extra.requestType }).map((s) => s.minor.code);

describe('rankCategorySuggestions', () => {
  it('finds categories by Chinese substring, English words and code prefix', () => {
    expect(codes('停水')[0]).toBe('0501');
    expect(codes('heating')).toEqual(expect.arrayContaining(['0602', '0604']));
    expect(codes('06').slice(0, 3)).toEqual(['0601', '0602', '0603']);
    expect(codes('0604')).toEqual(['0604']);
  });

  it('ranks an exact name before names that merely contain the query', () => {
    const found = codes('停暖');
    expect(found[0]).toBe('0602');
  });

  it('understands the words callers use for administrative terms, after direct matches', () => {
    expect(codes('供暖')).toEqual(expect.arrayContaining(['0601', '0604']));
    expect(codes('狗')).toEqual(['0212']);
    const phrase = rankCategorySuggestions(defaultTaxonomy(), { query: '小区供暖不热', limit: 10 });
    expect(phrase.map((s) => s.minor.code)).toContain('0601');
    expect(phrase.find((s) => s.minor.code === '0601')?.matchedTerm).toMatch(/供热|暖气/);
    // "暖气" matches 0601 directly; a colloquial expansion never outranks a direct match
    const direct = rankCategorySuggestions(defaultTaxonomy(), { query: '暖气', limit: 10 });
    expect(direct[0]).toMatchObject({ matchedTerm: '暖气', minor: { code: '0601' } });
  });

  it('searches each part of a query with spaces', () => {
    expect(codes('路灯 井盖')).toEqual(expect.arrayContaining(['0208', '0509']));
  });

  it('falls back to shared two-character runs when nothing matches, most shared first', () => {
    const found = codes('楼上漏水');
    expect(found[0]).toBe('1605');
    expect(found).toContain('0504');
  });

  it('puts categories that take the chosen request type first, and flags the others', () => {
    const suggestions = rankCategorySuggestions(defaultTaxonomy(), { query: '供热', requestType: 'inquiry', limit: 20 });
    const firstRefused = suggestions.findIndex((s) => !s.allowsRequestType);
    expect(firstRefused).toBeGreaterThan(0);
    expect(suggestions.slice(0, firstRefused).every((s) => s.minor.requestTypes.includes('inquiry'))).toBe(true);
    expect(suggestions.slice(firstRefused).every((s) => s.allowsRequestType === false)).toBe(true);
  });

  it('returns nothing for a blank query and honours the limit', () => {
    expect(codes('   ')).toEqual([]);
    expect(codes('0', { limit: 3 })).toHaveLength(3);
  });
});
