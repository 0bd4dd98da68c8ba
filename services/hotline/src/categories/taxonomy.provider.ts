import { Provider } from '@nestjs/common';
import { defaultTaxonomy, TaxonomyIndex } from '@civicflow/domain';

/** The 12345 taxonomy (27 major / 266 minor categories). A token, so tests and deployments can give their own. */
export const TAXONOMY = Symbol('TAXONOMY');

export const taxonomyProvider: Provider<TaxonomyIndex> = { provide: TAXONOMY, useFactory: () => defaultTaxonomy() };
