import { Inject, Injectable } from '@nestjs/common';
import { TaxonomyIndex } from '@civicflow/domain';
import { AuthUser } from '@civicflow/platform';
import { TAXONOMY } from '../../categories/taxonomy.provider';
import { notFound, refused } from '../../shared/http-errors';
import { assertArticleCategory } from '../article-content';
import { ArticleView, toArticleView } from '../article.view';
import { KnowledgeArticleRepository } from '../knowledge-article.repository';
import { UpdateArticleDto } from './update-article.dto';

/** 修改知识条目 — replaces title, category, keywords and answer; refuses an edit based on an old version. */
@Injectable()
export class UpdateArticleUseCase {
  constructor(private readonly articles: KnowledgeArticleRepository, @Inject(TAXONOMY) private readonly taxonomy: TaxonomyIndex) {}

  async execute(articleId: string, { version, ...content }: UpdateArticleDto, admin: AuthUser, now = new Date()): Promise<ArticleView> {
    assertArticleCategory(this.taxonomy, content.categoryCode);
    const current = await this.articles.findById(articleId);
    if (!current) throw notFound(`知识条目 ${articleId} 不存在`, `article ${articleId} not found`);
    if (current.status === 'retired') {
      throw refused({ code: 'article-retired', zh: `知识条目 ${articleId} 已停用,不能修改`, en: `article ${articleId} is retired and cannot be edited` });
    }
    const updated = current.version === version ? await this.articles.updateIfVersion(articleId, version, { ...content, updatedAt: now, updatedBy: admin.userId }) : null;
    if (!updated) {
      throw refused({
        code: 'stale-version',
        zh: `知识条目已被他人修改(当前版本 ${current.version}),请刷新后再改`,
        en: `the article was changed by someone else (now version ${current.version}); reload and edit again`,
      });
    }
    return toArticleView(updated, this.taxonomy);
  }
}
