import { ApiProperty } from '@nestjs/swagger';
import type { ListedArticle } from '../articles/article-reader';
import type { ArticleView } from '../articles/article-record';
import { imageLinksOf } from '../media/media';
import { ImageLinksBody } from '../media/media.dto';
import { ProfileBody } from '../profiles/realworld-profile.dto';

export const PLAIN_TEXT =
  'Plain text exactly as its author wrote it, markup and all: escape it before putting it in a page.';
export const MARKDOWN_SOURCE =
  'The Markdown source, as plain text: to show it rendered, use `bodyHtml`.';
const AUTHOR =
  "The author's profile. `username` and `bio` are plain text from auth-service: escape them too.";

/** An article without its body, as lists and search hits show it. */
export class NativeArticleSummaryBody {
  @ApiProperty({ example: 'how-to-train-your-dragon' }) slug!: string;
  @ApiProperty({ example: 'How to train your dragon', description: PLAIN_TEXT }) title!: string;
  @ApiProperty({ example: 'Ever wonder how?', description: PLAIN_TEXT }) description!: string;
  @ApiProperty({ type: [String], example: ['dragons', 'training'] }) tagList!: string[];
  @ApiProperty({ example: '2026-02-18T03:22:56.637Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-02-18T03:48:35.824Z' }) updatedAt!: string;
  @ApiProperty({ example: false }) favorited!: boolean;
  @ApiProperty({ example: 0 }) favoritesCount!: number;
  @ApiProperty({ type: ProfileBody, description: AUTHOR }) author!: ProfileBody;

  @ApiProperty({
    type: ImageLinksBody,
    nullable: true,
    description:
      'The cover image its author set (`PUT /api/blog/v1/articles/{slug}/cover`), or null',
  })
  coverImage!: ImageLinksBody | null;

  static of(article: ListedArticle): NativeArticleSummaryBody {
    return {
      slug: article.slug,
      title: article.title,
      description: article.description,
      tagList: article.tagList,
      createdAt: article.createdAt,
      updatedAt: article.updatedAt,
      favorited: article.favorited,
      favoritesCount: article.favoritesCount,
      author: article.author,
      coverImage: article.coverMediaId ? imageLinksOf(article.coverMediaId) : null,
    };
  }
}

/** One article with its body twice: the Markdown its author wrote, and that rendered for a page. */
export class NativeArticleResponse extends NativeArticleSummaryBody {
  @ApiProperty({ example: 'You have to *believe*.', description: MARKDOWN_SOURCE })
  body!: string;

  @ApiProperty({
    example: '<p>You have to <em>believe</em>.</p>\n',
    description:
      'The body rendered to HTML and sanitised against an allow-list of tags, attributes and URL schemes (http, https, mailto): safe to insert into a page as it is.',
  })
  bodyHtml!: string;

  static override of(article: ArticleView): NativeArticleResponse {
    return {
      ...NativeArticleSummaryBody.of(article),
      body: article.body,
      bodyHtml: article.bodyHtml,
    };
  }
}
