import { RequestType, TaxonomyIndex, TaxonomySearchHit } from '@civicflow/domain';
import { taxonomyTermsFor } from './colloquial-terms';

export interface CategorySuggestion extends TaxonomySearchHit {
  /** The term that found it: the query itself, a part of it, or the taxonomy word for a colloquial one. */
  readonly matchedTerm: string;
  /** Present when the operator already chose a request type: does this category take it? */
  readonly allowsRequestType?: boolean;
}

export interface SuggestionRequest {
  query: string;
  requestType?: RequestType;
  limit: number;
}

const SEARCH_DEPTH = 50;

/**
 * Suggestions while the operator types, best first:
 * 1. the taxonomy's own search for the whole query (exact code or name, prefix, substring, English, major);
 * 2. each space-separated part of the query, in order;
 * 3. the taxonomy words for colloquial words in the query (供暖 → 供热);
 * 4. only when nothing matched: minors sharing two-character runs with the query, most shared first
 *    ("楼上漏水" → 楼上楼下漏水纠纷 before 供水管道漏水).
 * When a request type is given, categories that take it come first; the others stay, flagged, because the
 * operator may have picked the type wrongly.
 */
export function rankCategorySuggestions(taxonomy: TaxonomyIndex, request: SuggestionRequest): CategorySuggestion[] {
  const query = request.query.trim();
  if (query === '') return [];
  const parts = query.split(/\s+/).filter((part) => part !== query);
  const terms = unique([query, ...parts, ...taxonomyTermsFor(query)]);

  const found = new Map<string, CategorySuggestion>();
  for (const term of terms) {
    for (const hit of taxonomy.search(term, SEARCH_DEPTH)) {
      if (!found.has(hit.minor.code)) found.set(hit.minor.code, { ...hit, matchedTerm: term });
    }
  }
  if (found.size === 0) {
    for (const suggestion of sharedBigramHits(taxonomy, query)) found.set(suggestion.minor.code, suggestion);
  }

  let ranked = [...found.values()];
  if (request.requestType) {
    const type = request.requestType;
    const flagged = ranked.map((s) => ({ ...s, allowsRequestType: s.minor.requestTypes.includes(type) }));
    ranked = [...flagged.filter((s) => s.allowsRequestType), ...flagged.filter((s) => !s.allowsRequestType)];
  }
  return ranked.slice(0, request.limit);
}

function sharedBigramHits(taxonomy: TaxonomyIndex, query: string): CategorySuggestion[] {
  const bigrams = unique([...Array(Math.max(0, query.length - 1)).keys()].map((i) => query.slice(i, i + 2)).filter((b) => !/\s/.test(b)));
  return taxonomy.taxonomy.minors
    .map((minor) => {
      const shared = bigrams.filter((b) => minor.zh.includes(b));
      return { minor, shared };
    })
    .filter((hit) => hit.shared.length > 0)
    .sort((a, b) => b.shared.length - a.shared.length || a.minor.code.localeCompare(b.minor.code))
    .map(({ minor, shared }) => ({ minor, major: taxonomy.majorOf(minor), matchedTerm: shared.join(' ') }));
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
