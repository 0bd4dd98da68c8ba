import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@civicflow/platform';
import { ArticleViewDto } from '../get-article/get-article.http.controller';
import { ArticleView } from '../article.view';
import { UpdateArticleDto } from './update-article.dto';
import { UpdateArticleUseCase } from './update-article.usecase';

@ApiTags('knowledge 知识库')
@ApiBearerAuth()
@Controller('api/v1/knowledge/articles')
export class UpdateArticleHttpController {
  constructor(private readonly updateArticle: UpdateArticleUseCase) {}

  /** 修改知识条目 (administrators); send the version you read. */
  @Put(':articleId')
  @Roles('admin')
  @ApiOkResponse({ type: ArticleViewDto })
  @ApiConflictResponse({ description: 'stale version, or the article is retired' })
  update(@Param('articleId') articleId: string, @Body() body: UpdateArticleDto, @CurrentUser() admin: AuthUser): Promise<ArticleView> {
    return this.updateArticle.execute(articleId, body, admin);
  }
}
