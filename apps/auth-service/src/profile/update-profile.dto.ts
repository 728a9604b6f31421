import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, IsUrl, Matches, MaxLength, ValidateIf } from 'class-validator';
import { IsOmittable } from '@capstone/platform/http';
import { USERNAME_PATTERN } from '../registration/register.dto';

// An empty bio or image clears it, as RealWorld clients expect.
const emptyAsNull = ({ value }: { value: unknown }) => (value === '' ? null : value);

export class UpdateProfileDto {
  @ApiPropertyOptional({ example: 'ada_lovelace', pattern: USERNAME_PATTERN.source })
  @IsOmittable()
  @Matches(USERNAME_PATTERN, { message: 'username must be 1 to 64 letters, digits, _, . or -' })
  username?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Wrote the first program.',
    maxLength: 2000,
  })
  @Transform(emptyAsNull)
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @MaxLength(2000)
  bio?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://example.com/ada.png' })
  @Transform(emptyAsNull)
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2048)
  image?: string | null;
}
