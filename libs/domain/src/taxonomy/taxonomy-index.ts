import type { MajorCategory, MinorCategory, Taxonomy } from './taxonomy-types';

export interface TaxonomySearchHit {
  readonly minor: MinorCategory;
  readonly major: MajorCategory;
}

/** Lookups over a taxonomy: by code, by major, and a search for the intake form. */
export interface TaxonomyIndex {
  readonly taxonomy: Taxonomy;
  majorByCode(code: string): MajorCategory | undefined;
  minorByCode(code: string): MinorCategory | undefined;
  minorsOf(majorCode: string): readonly MinorCategory[];
  majorOf(minor: MinorCategory): MajorCategory;
  /**
   * Minors whose Chinese name contains the query, or whose English name contains it (case-insensitive), or
   * whose code starts with it; then minors of majors whose name matches. Ordered by relevance, then code.
   */
  search(query: string, limit?: number): TaxonomySearchHit[];
}

export function createTaxonomyIndex(taxonomy: Taxonomy): TaxonomyIndex {
  const majors = new Map(taxonomy.majors.map((major) => [major.code, major]));
  const minors = new Map(taxonomy.minors.map((minor) => [minor.code, minor]));
  const majorOf = (minor: MinorCategory) => majors.get(minor.majorCode)!;

  const relevance = (query: string, lowerQuery: string, minor: MinorCategory): number | undefined => {
    if (minor.code === query || minor.zh === query) return 0;
    if (minor.zh.startsWith(query) || minor.code.startsWith(query)) return 1;
    if (minor.zh.includes(query)) return 2;
    if (minor.en.toLowerCase().includes(lowerQuery)) return 3;
    const major = majorOf(minor);
    if (major.zh.includes(query) || major.en.toLowerCase().includes(lowerQuery)) return 4;
    return undefined;
  };

  return {
    taxonomy,
    majorByCode: (code) => majors.get(code),
    minorByCode: (code) => minors.get(code),
    minorsOf: (majorCode) => taxonomy.minors.filter((minor) => minor.majorCode === majorCode),
    majorOf,
    search: (rawQuery, limit = 20) => {
      const query = rawQuery.trim();
      if (query === '') return [];
      const lowerQuery = query.toLowerCase();
      return taxonomy.minors
        .map((minor) => ({ minor, rank: relevance(query, lowerQuery, minor) }))
        .filter((hit): hit is { minor: MinorCategory; rank: number } => hit.rank !== undefined)
        .sort((a, b) => a.rank - b.rank || a.minor.code.localeCompare(b.minor.code))
        .slice(0, limit)
        .map(({ minor }) => ({ minor, major: majorOf(minor) }));
    },
  };
}
