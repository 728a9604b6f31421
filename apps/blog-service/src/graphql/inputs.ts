import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsDefined,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { atMost, FieldRules, required, text } from '@capstone/platform/http';
import {
  BODY_MAX_LENGTH,
  DESCRIPTION_MAX_LENGTH,
  TAG_MAX_LENGTH,
  TAGS_MAX,
  TITLE_MAX_LENGTH,
} from '../articles/article';
import { COMMENT_MAX_LENGTH } from '../comments/comment';
import { PAGE_MAX_LIMIT } from '../shared/page.dto';

// The REST DTOs' rules and limits, so both APIs refuse the same input with the same words.
const TagListField = () =>
  applyDecorators(
    ArrayMaxSize(TAGS_MAX, { message: `must have at most ${TAGS_MAX} tags` }),
    MinLength(1, { each: true, message: "can't have a blank tag" }),
    MaxLength(TAG_MAX_LENGTH, {
      each: true,
      message: `must have tags of at most ${TAG_MAX_LENGTH} characters`,
    }),
  );
// On update an absent field is left alone, but a sent null is a blank value.
const sent = (_: object, value: unknown) => value !== undefined;

@ArgsType()
export class SlugArgs {
  @Field(() => String)
  @IsString()
  @MaxLength(200)
  slug!: string;
}

@ArgsType()
export class UsernameArgs {
  @Field(() => String)
  @IsString()
  @MaxLength(64)
  username!: string;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `1 to ${PAGE_MAX_LIMIT}.` })
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be greater than or equal to 1' })
  @Max(PAGE_MAX_LIMIT, { message: `must be less than or equal to ${PAGE_MAX_LIMIT}` })
  limit = 20;

  @Field(() => Int, { defaultValue: 0 })
  @IsInt({ message: 'must be an integer' })
  @Min(0, { message: 'must be greater than or equal to 0' })
  offset = 0;
}

@InputType('ArticleFilter', { description: 'Every given condition must hold.' })
export class ArticleFilterInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TAG_MAX_LENGTH)
  tag?: string;

  @Field(() => String, { nullable: true, description: "The author's username." })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  author?: string;

  @Field(() => String, { nullable: true, description: 'A username: articles they favorited.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  favorited?: string;
}

@ArgsType()
export class ArticlesArgs extends PageArgs {
  @Field(() => ArticleFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ArticleFilterInput)
  filter?: ArticleFilterInput;
}

@InputType({ description: 'A new article; the body is Markdown.' })
export class NewArticleInput {
  @Field(() => String)
  @FieldRules(required, text, atMost(TITLE_MAX_LENGTH))
  title!: string;

  @Field(() => String)
  @FieldRules(required, text, atMost(DESCRIPTION_MAX_LENGTH))
  description!: string;

  @Field(() => String)
  @FieldRules(required, text, atMost(BODY_MAX_LENGTH))
  body!: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @TagListField()
  tagList?: string[];
}

@InputType({
  description:
    'Changes to an article: an absent field stays, a new title moves the slug, [] clears the tags.',
})
export class ArticleChangesInput {
  @Field(() => String, { nullable: true })
  @ValidateIf(sent)
  @FieldRules(required, text, atMost(TITLE_MAX_LENGTH))
  title?: string;

  @Field(() => String, { nullable: true })
  @ValidateIf(sent)
  @FieldRules(required, text, atMost(DESCRIPTION_MAX_LENGTH))
  description?: string;

  @Field(() => String, { nullable: true })
  @ValidateIf(sent)
  @FieldRules(required, text, atMost(BODY_MAX_LENGTH))
  body?: string;

  @Field(() => [String], { nullable: true })
  @ValidateIf(sent)
  @IsDefined({ message: 'must be a list of tags' })
  @TagListField()
  tagList?: string[];
}

@ArgsType()
export class ArticleChangesArgs extends SlugArgs {
  @Field(() => ArticleChangesInput)
  @ValidateNested()
  @Type(() => ArticleChangesInput)
  input!: ArticleChangesInput;
}

@ArgsType()
export class NewCommentArgs extends SlugArgs {
  @Field(() => String, { description: 'Markdown.' })
  @FieldRules(required, text, atMost(COMMENT_MAX_LENGTH))
  body!: string;
}

@ArgsType()
export class CommentArgs extends SlugArgs {
  @Field(() => Int)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be greater than or equal to 1' })
  id!: number;
}
