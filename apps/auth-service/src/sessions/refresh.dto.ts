import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class RefreshDto {
  @ApiPropertyOptional({
    example: 'kP3v8mZ2q0Yx7Rb1cN5wT9aLfE4hJ6uGdS2oVx8iQyM',
    description:
      'Omit it to use the `refresh_token` cookie (browsers; the Origin must be the web app)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  refreshToken?: string;
}
