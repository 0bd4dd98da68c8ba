import { Inject, Injectable } from '@nestjs/common';
import { TaxonomyIndex } from '@civicflow/domain';
import { TAXONOMY } from '../taxonomy.provider';
import { toCategoryView } from '../category.view';
import { rankCategorySuggestions } from './rank-category-suggestions';
import { CategorySuggestions, SuggestCategoriesQuery } from './suggest-categories.dto';

/** 分类联想: the minor categories matching what the operator has typed so far. */
@Injectable()
export class SuggestCategoriesUseCase {
  constructor(@Inject(TAXONOMY) private readonly taxonomy: TaxonomyIndex) {}

  execute({ q, requestType, limit }: SuggestCategoriesQuery): CategorySuggestions {
    const ranked = rankCategorySuggestions(this.taxonomy, { query: q, requestType, limit });
    return {
      query: q,
      suggestions: ranked.map((s) => ({
        ...toCategoryView(s.minor, s.major),
        matchedTerm: s.matchedTerm,
        ...(s.allowsRequestType === undefined ? {} : { allowsRequestType: s.allowsRequestType }),
      })),
    };
  }
}
