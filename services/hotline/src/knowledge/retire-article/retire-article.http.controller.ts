import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@civicflow/platform';
import { RetireArticleUseCase } from './retire-article.usecase';

@ApiTags('knowledge 知识库')
@ApiBearerAuth()
@Controller('api/v1/knowledge/articles')
export class RetireArticleHttpController {
  constructor(private readonly retireArticle: RetireArticleUseCase) {}

  /** 停用知识条目 (administrators): out of search, still readable by id. Repeating it changes nothing. */
  @Delete(':articleId')
  @HttpCode(204)
  @Roles('admin')
  @ApiNoContentResponse({ description: 'retired' })
  retire(@Param('articleId') articleId: string, @CurrentUser() admin: AuthUser): Promise<void> {
    return this.retireArticle.execute(articleId, admin);
  }
}
