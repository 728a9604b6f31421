import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsOmittable } from '@capstone/platform/http';
import {
  MAX_VISITS_LIMIT,
  REDIRECT_TYPES,
  TAG_MAX_LENGTH,
  TAGS_MAX,
  TITLE_MAX_LENGTH,
  type Link,
  type RedirectType,
} from './link';
import { shortUrlOf } from './short-url';
import { TARGET_URL_MAX_LENGTH } from './target-url';

class LinkOptionsDto {
  @ApiPropertyOptional({ example: 'Spring sale', maxLength: TITLE_MAX_LENGTH, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TITLE_MAX_LENGTH)
  title?: string | null;

  @ApiPropertyOptional({ example: ['campaign', 'spring'], maxItems: TAGS_MAX })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(TAGS_MAX)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(TAG_MAX_LENGTH, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ enum: REDIRECT_TYPES, default: 302 })
  @IsOmittable()
  @IsIn(REDIRECT_TYPES)
  redirectType?: RedirectType;

  @ApiPropertyOptional({ default: false, description: "Append the visitor's query string" })
  @IsOmittable()
  @IsBoolean()
  forwardQuery?: boolean;

  @ApiPropertyOptional({ example: '2027-01-31T00:00:00.000Z', nullable: true })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  expiresAt?: Date | null;

  @ApiPropertyOptional({ example: 100, minimum: 1, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_VISITS_LIMIT)
  maxVisits?: number | null;

  @ApiPropertyOptional({
    example: 'open sesame',
    nullable: true,
    description: 'Visitors must give it on a small form; null removes it',
  })
  @IsOptional()
  @IsString()
  @MinLength(4)
  @MaxLength(200)
  password?: string | null;

  @ApiPropertyOptional({ default: true })
  @IsOmittable()
  @IsBoolean()
  enabled?: boolean;
}

export class CreateLinkDto extends LinkOptionsDto {
  @ApiProperty({ example: 'https://example.com/spring-sale', maxLength: TARGET_URL_MAX_LENGTH })
  @IsString()
  @MaxLength(TARGET_URL_MAX_LENGTH + 100)
  targetUrl!: string;

  @ApiPropertyOptional({
    example: 'spring-sale',
    description: 'A custom code: 3–64 letters, digits or inner dashes, stored in lower case',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(64)
  slug?: string;
}

export class ChangeLinkDto extends LinkOptionsDto {
  @ApiPropertyOptional({ example: 'https://example.com/summer-sale' })
  @IsOmittable()
  @IsString()
  @MaxLength(TARGET_URL_MAX_LENGTH + 100)
  targetUrl?: string;
}

export class LinkListQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsUUID()
  cursor?: string;

  @ApiPropertyOptional({ example: 'campaign' })
  @IsOptional()
  @IsString()
  @MaxLength(TAG_MAX_LENGTH)
  tag?: string;
}

export class LinkIdParams {
  @ApiProperty({ example: '0192f0c1-5a6e-7b3d-9c2e-1f4a5b6c7d8e' })
  @IsUUID()
  id!: string;
}

export class BlockLinkDto {
  @ApiProperty({ example: true })
  @IsBoolean()
  blocked!: boolean;
}

export class LinkResponse {
  @ApiProperty({ example: '0192f0c1-5a6e-7b3d-9c2e-1f4a5b6c7d8e' }) id!: string;
  @ApiProperty({ example: 'spring-sale' }) code!: string;
  @ApiProperty({ example: '0192f0c1-0000-7000-8000-000000000001' }) ownerId!: string;
  @ApiProperty({ example: 'http://localhost:8080/s/spring-sale' }) shortUrl!: string;
  @ApiProperty({ example: 'https://example.com/spring-sale' }) targetUrl!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Spring sale' }) title!: string | null;
  @ApiProperty({ type: [String], example: ['campaign'] }) tags!: string[];
  @ApiProperty({ enum: REDIRECT_TYPES, example: 302 }) redirectType!: RedirectType;
  @ApiProperty({ example: false }) forwardQuery!: boolean;
  @ApiProperty({ type: String, nullable: true, example: null }) expiresAt!: string | null;
  @ApiProperty({ type: Number, nullable: true, example: null }) maxVisits!: number | null;
  @ApiProperty({ example: false }) passwordProtected!: boolean;
  @ApiProperty({ example: true }) enabled!: boolean;
  @ApiProperty({ example: false, description: 'Blocked by an administrator' }) blocked!: boolean;
  @ApiProperty({ example: '2026-12-01T12:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-12-01T12:00:00.000Z' }) updatedAt!: string;

  static of(link: Link, shortLinkBase: string): LinkResponse {
    return {
      ...link,
      shortUrl: shortUrlOf(shortLinkBase, link.code),
      expiresAt: link.expiresAt?.toISOString() ?? null,
      createdAt: link.createdAt.toISOString(),
      updatedAt: link.updatedAt.toISOString(),
    };
  }
}

export class LinkPageResponse {
  @ApiProperty({ type: [LinkResponse] }) items!: LinkResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
