import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsOmittable } from '@capstone/platform/http';
import { NativeArticleSummaryBody } from '../native-api/native-article.dto';
import type { SearchHit, SearchPage } from './article-search';

export const QUERY_MAX_LENGTH = 200;
export const SEARCH_MAX_LIMIT = 50;

export class SearchQueryDto {
  @ApiProperty({
    example: 'dragon training -goblins',
    minLength: 1,
    maxLength: QUERY_MAX_LENGTH,
    description:
      'Words to find, in web-search syntax: "a quoted phrase", `or` between alternatives, `-word` to exclude. English stemming: `dragons` finds `dragon`.',
  })
  @IsDefined({ message: 'is required' })
  @IsString({ message: 'must be text' })
  @Length(1, QUERY_MAX_LENGTH, {
    message: `must be between 1 and ${QUERY_MAX_LENGTH} characters`,
  })
  @Matches(/\S/, { message: 'must contain a word' })
  q!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: SEARCH_MAX_LIMIT, default: 20, example: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be greater than or equal to 1' })
  @Max(SEARCH_MAX_LIMIT, { message: `must be less than or equal to ${SEARCH_MAX_LIMIT}` })
  limit = 20;

  @ApiPropertyOptional({
    description: 'The `nextCursor` of the previous page, as it was given',
    example:
      'WzAuMSwiMjAyNi0wMi0xOFQwMzoyMjo1Ni42MzdaIiwiMDE5M2E2YTAtNWMxZS03Y2MwLTlhNTEtN2IyZjZjMGQxZTJmIl0',
  })
  @IsOmittable()
  @IsString({ message: 'must be one cursor' })
  cursor?: string;
}

class HighlightBody {
  @ApiProperty({
    example: 'How to train your <mark>dragon</mark>',
    description:
      'HTML: the whole title, escaped, with the matching words in `<mark>` and no other markup.',
  })
  title!: string;

  @ApiProperty({
    example: 'Every <mark>dragon</mark> can learn … the <mark>dragons</mark> of the north',
    description:
      'HTML: up to two excerpts of the Markdown source around the matches, escaped (the Markdown is not rendered), with the matching words in `<mark>` and no other markup; excerpts are joined by " … ".',
  })
  body!: string;
}

class SearchHitBody extends NativeArticleSummaryBody {
  @ApiProperty({
    type: HighlightBody,
    description: 'Where the article matched: safe to insert into a page as HTML, unlike `title`.',
  })
  highlight!: HighlightBody;

  static ofHit(hit: SearchHit): SearchHitBody {
    return { ...NativeArticleSummaryBody.of(hit), highlight: hit.highlight };
  }
}

export class SearchPageResponse {
  @ApiProperty({ type: [SearchHitBody], description: 'Best match first' })
  items!: SearchHitBody[];

  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'Pass as `cursor` for the next page; null on the last one',
  })
  nextCursor!: string | null;

  static of(page: SearchPage): SearchPageResponse {
    return { items: page.items.map(SearchHitBody.ofHit), nextCursor: page.nextCursor };
  }
}
