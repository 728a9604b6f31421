import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsObject,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { atMost, FieldRules, IsOmittable, required, text } from '@capstone/platform/http';
import { ProfileBody } from '../profiles/realworld-profile.dto';
import { OffsetPageQueryDto } from '../shared/page.dto';
import {
  BODY_MAX_LENGTH,
  DESCRIPTION_MAX_LENGTH,
  TAG_MAX_LENGTH,
  TAGS_MAX,
  TITLE_MAX_LENGTH,
} from './article';
import type { ArticleList, ListedArticle } from './article-reader';
import type { ArticleView } from './article-record';

const blank = { message: "can't be blank" };
// On update an absent field is left alone, but a sent null or "" is a blank value.
const sent = (_: object, value: unknown) => value !== undefined;

const notTags = { message: 'must be a list of tags' };

const TagListField = () =>
  applyDecorators(
    IsArray(notTags),
    ArrayMaxSize(TAGS_MAX, { message: `must have at most ${TAGS_MAX} tags` }),
    IsString({ each: true, ...notTags }),
    MinLength(1, { each: true, message: "can't have a blank tag" }),
    MaxLength(TAG_MAX_LENGTH, {
      each: true,
      message: `must have tags of at most ${TAG_MAX_LENGTH} characters`,
    }),
  );

class NewArticleFields {
  @ApiProperty({ example: 'How to train your dragon', maxLength: TITLE_MAX_LENGTH })
  @FieldRules(required, text, atMost(TITLE_MAX_LENGTH))
  title!: string;

  @ApiProperty({ example: 'Ever wonder how?', maxLength: DESCRIPTION_MAX_LENGTH })
  @FieldRules(required, text, atMost(DESCRIPTION_MAX_LENGTH))
  description!: string;

  @ApiProperty({ example: 'You have to believe', maxLength: BODY_MAX_LENGTH })
  @FieldRules(required, text, atMost(BODY_MAX_LENGTH))
  body!: string;

  @ApiPropertyOptional({ type: [String], example: ['dragons', 'training'], maxItems: TAGS_MAX })
  @IsOmittable()
  @TagListField()
  tagList?: string[];
}

export class NewArticleDto {
  @ApiProperty({ type: NewArticleFields })
  @IsDefined(blank)
  @IsObject(blank)
  @ValidateNested()
  @Type(() => NewArticleFields)
  article!: NewArticleFields;
}

class ArticleChangeFields {
  @ApiPropertyOptional({ example: 'Did you train your dragon?', maxLength: TITLE_MAX_LENGTH })
  @ValidateIf(sent)
  @FieldRules(required, text, atMost(TITLE_MAX_LENGTH))
  title?: string;

  @ApiPropertyOptional({ example: 'A follow-up', maxLength: DESCRIPTION_MAX_LENGTH })
  @ValidateIf(sent)
  @FieldRules(required, text, atMost(DESCRIPTION_MAX_LENGTH))
  description?: string;

  @ApiPropertyOptional({ example: 'It takes a Jacobian', maxLength: BODY_MAX_LENGTH })
  @ValidateIf(sent)
  @FieldRules(required, text, atMost(BODY_MAX_LENGTH))
  body?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['dragons'],
    description: 'Absent keeps the tags; [] clears them; null is refused.',
  })
  @ValidateIf(sent)
  @IsDefined({ message: 'must be a list of tags' })
  @TagListField()
  tagList?: string[];
}

export class ArticleChangesDto {
  @ApiProperty({ type: ArticleChangeFields })
  @IsDefined(blank)
  @IsObject(blank)
  @ValidateNested()
  @Type(() => ArticleChangeFields)
  article!: ArticleChangeFields;
}

export class ArticleListQueryDto extends OffsetPageQueryDto {
  @ApiPropertyOptional({ example: 'dragons' })
  @IsOmittable()
  @IsString({ message: 'must be one tag' })
  @MinLength(1, { message: "can't be blank" })
  @MaxLength(TAG_MAX_LENGTH)
  tag?: string;

  @ApiPropertyOptional({ example: 'jake', description: 'A username' })
  @IsOmittable()
  @IsString({ message: 'must be one username' })
  @MinLength(1, { message: "can't be blank" })
  @MaxLength(64)
  author?: string;

  @ApiPropertyOptional({ example: 'jane', description: 'Articles this user favorited' })
  @IsOmittable()
  @IsString({ message: 'must be one username' })
  @MinLength(1, { message: "can't be blank" })
  @MaxLength(64)
  favorited?: string;
}

class ListedArticleBody {
  @ApiProperty({ example: 'how-to-train-your-dragon' }) slug!: string;
  @ApiProperty({ example: 'How to train your dragon' }) title!: string;
  @ApiProperty({ example: 'Ever wonder how?' }) description!: string;
  @ApiProperty({ type: [String], example: ['dragons', 'training'] }) tagList!: string[];
  @ApiProperty({ example: '2026-02-18T03:22:56.637Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-02-18T03:48:35.824Z' }) updatedAt!: string;
  @ApiProperty({ example: false }) favorited!: boolean;
  @ApiProperty({ example: 0 }) favoritesCount!: number;
  @ApiProperty({ type: ProfileBody }) author!: ProfileBody;

  static of(article: ListedArticle): ListedArticleBody {
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
    };
  }
}

class ArticleBody extends ListedArticleBody {
  @ApiProperty({ example: 'You have to believe' }) body!: string;
}

/** `{"article": {...}}`. */
export class ArticleResponse {
  @ApiProperty({ type: ArticleBody })
  article!: ArticleBody;

  static of(article: ArticleView): ArticleResponse {
    return { article: { ...ListedArticleBody.of(article), body: article.body } };
  }
}

/** `{"articles": [...], "articlesCount": n}`: items without `body`, the count of every match. */
export class ArticleListResponse {
  @ApiProperty({ type: [ListedArticleBody] })
  articles!: ListedArticleBody[];

  @ApiProperty({ example: 1 })
  articlesCount!: number;

  static of(list: ArticleList): ArticleListResponse {
    return { articles: list.articles.map(ListedArticleBody.of), articlesCount: list.articlesCount };
  }
}
