import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, Max, MaxDate, Min, MinDate } from 'class-validator';
import { IsOmittable } from '@capstone/platform/http';
import { GRANULARITIES, type Granularity } from './stats-range';

// Far enough either way for any real link; beyond them date arithmetic leaves JavaScript's range.
const EARLIEST = new Date('2000-01-01T00:00:00Z');
const LATEST = new Date('3000-01-01T00:00:00Z');

class TimeRangeDto {
  @ApiPropertyOptional({ example: '2026-11-01T00:00:00Z', description: 'Included' })
  @IsOmittable()
  @Type(() => Date)
  @IsDate()
  @MinDate(EARLIEST)
  @MaxDate(LATEST)
  from?: Date;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00Z', description: 'Excluded' })
  @IsOmittable()
  @Type(() => Date)
  @IsDate()
  @MinDate(EARLIEST)
  @MaxDate(LATEST)
  to?: Date;
}

export class StatsQueryDto extends TimeRangeDto {
  @ApiPropertyOptional({
    enum: GRANULARITIES,
    default: 'day',
    description: 'Series by UTC hour (90 days at most) or UTC day (3,660 days at most)',
  })
  @IsOmittable()
  @IsIn(GRANULARITIES)
  granularity: Granularity = 'day';

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 50,
    default: 10,
    description: 'Entries per breakdown',
  })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  top = 10;
}

export class ClickExportQueryDto extends TimeRangeDto {}

export class SeriesPointResponse {
  @ApiProperty({ example: '2026-12-01T00:00:00.000Z', description: 'Start of the hour or day' })
  at!: string;
  @ApiProperty({ example: 42 }) clicks!: number;
}

export class BreakdownEntryResponse {
  @ApiProperty({ example: 'news.ycombinator.com' }) value!: string;
  @ApiProperty({ example: 17 }) clicks!: number;
}

export class LinkStatsResponse {
  @ApiProperty({ enum: GRANULARITIES, example: 'day' }) granularity!: Granularity;
  @ApiProperty({ example: '2026-11-01T00:00:00.000Z', description: 'Widened to a whole bucket' })
  from!: string;
  @ApiProperty({ example: '2026-12-02T00:00:00.000Z', description: 'Excluded' })
  to!: string;
  @ApiProperty({ example: 120, description: 'Clicks by people' }) total!: number;
  @ApiProperty({ example: 8, description: 'Clicks by bots, counted in nothing else' })
  bots!: number;
  @ApiProperty({ type: [SeriesPointResponse], description: 'Every bucket, empty ones as 0' })
  series!: SeriesPointResponse[];
  @ApiProperty({
    type: [BreakdownEntryResponse],
    description:
      'Referrer hosts, (direct) for none; breakdowns cover the whole UTC days of the range',
  })
  topReferrers!: BreakdownEntryResponse[];
  @ApiProperty({ type: [BreakdownEntryResponse], description: '(unknown) where none was named' })
  browsers!: BreakdownEntryResponse[];
  @ApiProperty({ type: [BreakdownEntryResponse] }) os!: BreakdownEntryResponse[];
  @ApiProperty({
    type: [BreakdownEntryResponse],
    description: 'desktop, mobile, tablet, console, smarttv, wearable, embedded or unknown',
  })
  devices!: BreakdownEntryResponse[];
}
