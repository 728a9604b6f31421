import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '@capstone/platform/auth';
import { PageQueryDto } from '../../shared/pagination';

export class SearchUsersQuery extends PageQueryDto {
  @ApiPropertyOptional({
    example: 'ada',
    description: 'Case-insensitive prefix of the email or username',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(254)
  q?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}
