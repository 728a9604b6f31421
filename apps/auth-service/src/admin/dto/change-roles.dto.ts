import { ApiProperty } from '@nestjs/swagger';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsIn } from 'class-validator';
import { ROLES, type Role } from '@capstone/platform/auth';

export class ChangeRolesDto {
  @ApiProperty({
    enum: ROLES,
    isArray: true,
    example: ['user', 'admin'],
    description: 'Must include user',
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles!: Role[];
}
