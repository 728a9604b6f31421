import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDate,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'CI publisher', description: 'What the key is for, shown in listings' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({
    example: ['articles:write'],
    description:
      'What the key may do, as `resource:action`; services decide what each scope allows',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(/^[a-z][a-z0-9-]*:[a-z][a-z0-9-]*$/, {
    each: true,
    message: 'each scope must look like resource:action',
  })
  scopes!: string[];

  @ApiPropertyOptional({
    example: '2027-01-31T00:00:00.000Z',
    description: 'When the key stops working, within a year; omitted, it lives until revoked',
  })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  expiresAt?: Date;
}
