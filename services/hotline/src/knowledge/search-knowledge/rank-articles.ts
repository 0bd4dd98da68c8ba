/** What the ranking reads of an article. */
export interface SearchableArticle {
  titleZh: string;
  titleEn: string;
  categoryCode: string;
  keywords: readonly string[];
  answer: string;
}

export interface ArticleHit<T> {
  article: T;
  score: number;
}

/** Weights of the ranking, highest first; a hit needs MIN_SCORE so a stray shared character pair does not surface. */
export const ARTICLE_SCORES = {
  titleEquals: 100,
  titleContainsQuery: 60,
  keywordMatch: 30,
  maxKeywordMatches: 3,
  categoryCode: 25,
  englishWord: 25,
  sharedPairsUpTo: 40,
  answerContainsQuery: 10,
  MIN_SCORE: 20,
} as const;

/**
 * 知识库检索, ranked by how the operator's words meet the article:
 * title equal to / containing the query; keywords found in the query or containing it (callers say
 * "社保卡丢了怎么补办", the article lists 社保卡 and 补办); the category code; English words of the title;
 * the share of the query's two-character runs found in title and keywords (Chinese has no spaces, so runs
 * of two characters stand in for words); the answer containing the query. Ties: shorter title, then title.
 */
export function rankArticles<T extends SearchableArticle>(articles: readonly T[], rawQuery: string, limit: number): ArticleHit<T>[] {
  const query = normalize(rawQuery);
  if (query === '') return [];
  return articles
    .map((article) => ({ article, score: scoreArticle(article, query) }))
    .filter((hit) => hit.score >= ARTICLE_SCORES.MIN_SCORE)
    .sort((a, b) => b.score - a.score || a.article.titleZh.length - b.article.titleZh.length || a.article.titleZh.localeCompare(b.article.titleZh))
    .slice(0, limit);
}

export function scoreArticle(article: SearchableArticle, query: string): number {
  const s = ARTICLE_SCORES;
  const title = normalize(article.titleZh);
  let score = 0;
  if (title === query) score += s.titleEquals;
  else if (query.length >= 2 && title.includes(query)) score += s.titleContainsQuery;

  const keywordMatches = article.keywords
    .map(normalize)
    .filter((k) => k.length >= 2 && (query.includes(k) || (query.length >= 2 && k.includes(query)))).length;
  score += Math.min(keywordMatches, s.maxKeywordMatches) * s.keywordMatch;

  if (/^\d{2,4}$/.test(query) && article.categoryCode.startsWith(query)) score += s.categoryCode;

  const englishTitle = article.titleEn.toLowerCase();
  score += englishWords(query).filter((w) => englishTitle.includes(w)).length * s.englishWord;

  const pairs = characterPairs(query);
  if (pairs.length > 0) {
    const haystack = `${title} ${article.keywords.join(' ')}`;
    score += Math.round((pairs.filter((p) => haystack.includes(p)).length / pairs.length) * s.sharedPairsUpTo);
  }

  if (query.length >= 2 && article.answer.includes(query)) score += s.answerContainsQuery;
  return score;
}

/** Lower case, full-width → half-width, punctuation and spaces squeezed out of Chinese text. */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s,.;:!?'"()[\]{}<>、。,;:!?“”‘’()【】《》…—-]+/g, ' ')
    .replace(/(?<=[^a-z0-9]) (?=[^a-z0-9])/g, '')
    .trim();
}

function englishWords(query: string): string[] {
  return (query.match(/[a-z]{3,}/g) ?? []).filter((w) => !['the', 'and', 'how', 'for', 'what', 'with'].includes(w));
}

/** Two-character runs of the Chinese part of the query: 社保卡补办 → 社保, 保卡, 卡补, 补办. */
function characterPairs(query: string): string[] {
  const chinese = query.replace(/[^\u3400-\u9fff]/g, '');
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < chinese.length; i++) pairs.add(chinese.slice(i, i + 2));
  return [...pairs];
}
