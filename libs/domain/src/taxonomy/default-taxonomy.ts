import taxonomyDocument from './taxonomy.zh-CN.json';
import { parseTaxonomy } from './parse-taxonomy';
import { type TaxonomyIndex, createTaxonomyIndex } from './taxonomy-index';

/** The raw shipped document, for a deployment that wants to start its own file from it. */
export const DEFAULT_TAXONOMY_DOCUMENT: unknown = taxonomyDocument;

let defaultIndex: TaxonomyIndex | undefined;

/** The shipped 27/266 taxonomy, parsed once on first use (not at import, so importing stays side-effect free). */
export function defaultTaxonomy(): TaxonomyIndex {
  defaultIndex ??= createTaxonomyIndex(parseTaxonomy(taxonomyDocument));
  return defaultIndex;
}
