// Category search for the operator's form: Chinese, pinyin initials (路灯照明 → ldzm), full pinyin and English
// over the taxonomy, best match first. Pure; the pinyin comes from pinyin-pro.
import { pinyin } from 'pinyin-pro';

export interface CategoryEntry {
  code: string;
  zh: string;
  en: string;
  majorCode: string;
  majorZh: string;
  majorEn: string;
}

export interface IndexedCategory extends CategoryEntry {
  initials: string;
  fullPinyin: string;
  enLower: string;
}

export interface CategoryMatch {
  entry: IndexedCategory;
  score: number;
  /** how it matched: code, zh, initials, pinyin, en, major */
  via: 'code' | 'zh' | 'initials' | 'pinyin' | 'en' | 'major';
}

/** 路灯照明 → "ldzm"; non-Han characters are kept as they are (lower-cased), spaces dropped. */
export function pinyinInitials(text: string): string {
  return (pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }))
    .join('')
    .replace(/\s+/g, '')
    .toLowerCase();
}

/** 路灯照明 → "ludengzhaoming". */
export function fullPinyin(text: string): string {
  return (pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' })).join('').replace(/\s+/g, '').toLowerCase();
}

export function indexCategories(entries: readonly CategoryEntry[]): IndexedCategory[] {
  return entries.map((entry) => ({ ...entry, initials: pinyinInitials(entry.zh), fullPinyin: fullPinyin(entry.zh), enLower: entry.en.toLowerCase() }));
}

const HAN = /[\u3400-\u9fff]/;

/**
 * Scores every category against the query and returns the best `limit`. A code prefix beats a Chinese substring,
 * which beats initials, full pinyin, English words, and last a match on the major category's name.
 */
export function matchCategories(index: readonly IndexedCategory[], rawQuery: string, limit = 10): CategoryMatch[] {
  const query = rawQuery.trim().toLowerCase();
  if (!query) return [];
  const compact = query.replace(/\s+/g, '');
  const isHan = HAN.test(query);
  const isDigits = /^\d+$/.test(compact);
  const isLatin = /^[a-z\s'-]+$/.test(query);
  const matches: CategoryMatch[] = [];
  for (const entry of index) {
    let best: CategoryMatch | null = null;
    const consider = (score: number, via: CategoryMatch['via']) => {
      if (!best || score > best.score) best = { entry, score, via };
    };
    if (isDigits && entry.code.startsWith(compact)) consider(100 - (entry.code.length - compact.length), 'code');
    if (isHan) {
      const at = entry.zh.indexOf(query);
      if (at >= 0) consider(90 - Math.min(at, 5) + (entry.zh === query ? 5 : 0), 'zh');
      else if (entry.majorZh.includes(query)) consider(40, 'major');
      else {
        // every character of the query somewhere in the name, in order (路灯坏 → 路灯照明 scores low but shows)
        let from = 0;
        const inOrder = [...query].every((ch) => {
          const i = entry.zh.indexOf(ch, from);
          if (i < 0) return false;
          from = i + 1;
          return true;
        });
        if (inOrder && query.length >= 2) consider(35, 'zh');
      }
    }
    if (isLatin) {
      if (entry.initials.startsWith(compact)) consider(85 - (entry.initials.length - compact.length) * 0.1, 'initials');
      else if (compact.length >= 2 && entry.initials.includes(compact)) consider(70, 'initials');
      if (compact.length >= 2 && entry.fullPinyin.startsWith(compact)) consider(75, 'pinyin');
      else if (compact.length >= 3 && entry.fullPinyin.includes(compact)) consider(60, 'pinyin');
      const wordAt = entry.enLower.search(new RegExp(`\\b${escapeRegExp(query)}`));
      if (wordAt >= 0) consider(65 - Math.min(wordAt, 10) * 0.5, 'en');
      else if (query.length >= 3 && entry.enLower.includes(query)) consider(50, 'en');
      if (query.length >= 3 && entry.majorEn.toLowerCase().includes(query)) consider(30, 'major');
    }
    if (best) matches.push(best);
  }
  matches.sort((a, b) => b.score - a.score || a.entry.code.localeCompare(b.entry.code));
  return matches.slice(0, limit);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
