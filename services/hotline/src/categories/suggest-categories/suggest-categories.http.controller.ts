import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@civicflow/platform';
import { CategorySuggestions, CategorySuggestionsDto, SuggestCategoriesQuery } from './suggest-categories.dto';
import { SuggestCategoriesUseCase } from './suggest-categories.usecase';

@ApiTags('categories 诉求分类')
@ApiBearerAuth()
@Controller('api/v1/categories')
export class SuggestCategoriesHttpController {
  constructor(private readonly suggest: SuggestCategoriesUseCase) {}

  /** 分类联想: minor categories for what the operator typed (Chinese, English or code), best first. */
  @Get('suggest')
  @Roles('operator', 'dispatcher', 'admin')
  @ApiOkResponse({ type: CategorySuggestionsDto })
  suggestions(@Query() query: SuggestCategoriesQuery): CategorySuggestions {
    return this.suggest.execute(query);
  }
}
