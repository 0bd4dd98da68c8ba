import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@civicflow/platform';
import { KnowledgeSearchResult, KnowledgeSearchResultDto, SearchKnowledgeQuery } from './search-knowledge.dto';
import { SearchKnowledgeUseCase } from './search-knowledge.usecase';

@ApiTags('knowledge 知识库')
@ApiBearerAuth()
@Controller('api/v1/knowledge')
export class SearchKnowledgeHttpController {
  constructor(private readonly search: SearchKnowledgeUseCase) {}

  /** 知识库检索: answers for an inquiry while the caller is on the line (一次办结). */
  @Get('search')
  @Roles('operator', 'admin')
  @ApiOkResponse({ type: KnowledgeSearchResultDto })
  find(@Query() query: SearchKnowledgeQuery): Promise<KnowledgeSearchResult> {
    return this.search.execute(query);
  }
}
