import { Provider } from '@nestjs/common';
import { defaultTaxonomy } from '@civicflow/domain';

export const TAXONOMY = Symbol('TAXONOMY');

/** The 12345 taxonomy (27 major, 266 minor categories) shipped with @civicflow/domain. */
export const taxonomyProvider: Provider = { provide: TAXONOMY, useFactory: () => defaultTaxonomy() };
