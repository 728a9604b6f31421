import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Principal } from '@capstone/platform/auth';

/** The caller as every Capstone service sees it: read from the token alone, no database lookup. */
export class PrincipalDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiPropertyOptional({ format: 'uuid' }) sessionId?: string;
  @ApiProperty({ example: 'ada' }) username!: string;
  @ApiProperty({ example: ['user'], isArray: true, enum: ['user', 'admin'] }) roles!: string[];
  @ApiProperty() emailVerified!: boolean;
  @ApiProperty({ enum: ['token', 'api-key'] }) via!: string;

  static of(principal: Principal): PrincipalDto {
    return Object.assign(new PrincipalDto(), {
      userId: principal.userId,
      sessionId: principal.sessionId,
      username: principal.username,
      roles: [...principal.roles],
      emailVerified: principal.emailVerified,
      via: principal.via,
    });
  }
}
