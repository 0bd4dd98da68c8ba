import { fullPinyin, indexCategories, matchCategories, pinyinInitials } from './pinyin-match';
import { categoryIndex } from './category-search';
import { MINORS } from './taxonomy';

describe('pinyin helpers', () => {
  it('makes initials and full pinyin of Chinese names', () => {
    expect(pinyinInitials('路灯照明')).toBe('ldzm');
    expect(fullPinyin('路灯照明')).toBe('ludengzhaoming');
  });
});

describe('matchCategories over the shipped taxonomy', () => {
  const index = categoryIndex();
  const top = (q: string) => matchCategories(index, q, 5).map((m) => m.entry.code);

  it('indexes all 266 minor categories', () => {
    expect(MINORS).toHaveLength(266);
    expect(index.every((e) => e.initials.length > 0)).toBe(true);
  });

  it('finds by Chinese substring', () => {
    expect(top('路灯')[0]).toBe('0208');
  });

  it('finds by pinyin initials', () => {
    expect(top('ldzm')[0]).toBe('0208');
    expect(top('ld')).toContain('0208');
  });

  it('finds by full pinyin and by English', () => {
    expect(top('ludeng')).toContain('0208');
    expect(top('street light')[0]).toBe('0208');
    expect(top('lighting')).toContain('0208');
  });

  it('finds by code prefix', () => {
    expect(top('0208')[0]).toBe('0208');
    expect(top('02').every((c) => c.startsWith('02'))).toBe(true);
  });

  it('returns nothing for an empty query and respects the limit', () => {
    expect(matchCategories(index, '  ')).toEqual([]);
    expect(matchCategories(index, 'a', 3).length).toBeLessThanOrEqual(3);
  });

  it('ranks a code match over a name match', () => {
    const small = indexCategories([
      { code: '0101', zh: '甲', en: 'alpha', majorCode: '01', majorZh: '', majorEn: '' },
      { code: '0102', zh: '乙', en: 'beta 0101', majorCode: '01', majorZh: '', majorEn: '' },
    ]);
    expect(matchCategories(small, '0101')[0].entry.code).toBe('0101');
  });
});
