import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const PAGE_MAX_LIMIT = 100;
// Deeper than any list here goes; past it Postgres would be asked to skip more rows than it counts.
export const PAGE_MAX_OFFSET = 1_000_000;

/** RealWorld's offset paging: `limit` 1–100 (default 20), `offset` ≥ 0 (default 0); anything else is 422. */
export class OffsetPageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: PAGE_MAX_LIMIT, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(1, { message: 'must be greater than or equal to 1' })
  @Max(PAGE_MAX_LIMIT, { message: `must be less than or equal to ${PAGE_MAX_LIMIT}` })
  limit = 20;

  @ApiPropertyOptional({ minimum: 0, maximum: PAGE_MAX_OFFSET, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer' })
  @Min(0, { message: 'must be greater than or equal to 0' })
  @Max(PAGE_MAX_OFFSET, { message: `must be less than or equal to ${PAGE_MAX_OFFSET}` })
  offset = 0;
}
