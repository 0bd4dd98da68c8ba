// The operator's category search: the taxonomy indexed by pinyin (built on first use: pinyin for 266 names takes
// a few milliseconds), loaded with the call page only.
import { type CategoryEntry, indexCategories, type IndexedCategory } from './pinyin-match';
import { majorByCode, MINORS } from './taxonomy';

let index: IndexedCategory[] | undefined;
export function categoryIndex(): IndexedCategory[] {
  index ??= indexCategories(
    MINORS.map((m): CategoryEntry => {
      const major = majorByCode(m.majorCode);
      return { code: m.code, zh: m.zh, en: m.en, majorCode: m.majorCode, majorZh: major?.zh ?? '', majorEn: major?.en ?? '' };
    }),
  );
  return index;
}
