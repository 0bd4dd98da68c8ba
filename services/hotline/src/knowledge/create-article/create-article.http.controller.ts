import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@civicflow/platform';
import { ArticleViewDto } from '../get-article/get-article.http.controller';
import { ArticleView } from '../article.view';
import { CreateArticleDto } from './create-article.dto';
import { CreateArticleUseCase } from './create-article.usecase';

@ApiTags('knowledge 知识库')
@ApiBearerAuth()
@Controller('api/v1/knowledge/articles')
export class CreateArticleHttpController {
  constructor(private readonly createArticle: CreateArticleUseCase) {}

  /** 新增知识条目 (administrators). */
  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: ArticleViewDto })
  @ApiConflictResponse({ description: 'an article with that id exists' })
  create(@Body() body: CreateArticleDto, @CurrentUser() admin: AuthUser): Promise<ArticleView> {
    return this.createArticle.execute(body, admin);
  }
}
