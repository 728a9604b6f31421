import { ApiProperty } from '@nestjs/swagger';
import { AccountDto } from '../accounts/account.dto';
import type { User } from '../accounts/user';
import type { SessionTokens } from './session-starter';

/** The answer to a login, registration or refresh. The refresh token is also set as a cookie. */
export class SessionTokensDto {
  @ApiProperty({
    example:
      'eyJhbGciOiJFZERTQSIsImtpZCI6Ik56YkxzWGg4dURDY2QtNk1Od1hGNFdfN25vV1hGWkFmSGt4WnNSR0M5WHMiLCJ0eXAiOiJKV1QifQ.eyJzdWIiOiIuLi4ifQ.c2lnbmF0dXJl',
  })
  accessToken!: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType!: 'Bearer';

  @ApiProperty({ description: 'Seconds until the access token expires', example: 900 })
  expiresIn!: number;

  @ApiProperty({
    description: 'Opaque; exchange it once at POST /api/auth/v1/sessions/refresh',
    example: 'kP3v8mZ2q0Yx7Rb1cN5wT9aLfE4hJ6uGdS2oVx8iQyM',
  })
  refreshToken!: string;

  @ApiProperty({ example: '2026-11-28T15:00:00.000Z' })
  refreshTokenExpiresAt!: string;

  @ApiProperty({ example: '01933b7e-8f1a-7c3e-9a4b-2d5e6f708193' })
  sessionId!: string;

  @ApiProperty({ type: AccountDto })
  user!: AccountDto;

  static of(user: User, tokens: SessionTokens, now: Date): SessionTokensDto {
    return {
      accessToken: tokens.accessToken,
      tokenType: 'Bearer',
      expiresIn: Math.round((tokens.accessTokenExpiresAt.getTime() - now.getTime()) / 1000),
      refreshToken: tokens.refreshToken,
      refreshTokenExpiresAt: tokens.refreshTokenExpiresAt.toISOString(),
      sessionId: tokens.sessionId,
      user: AccountDto.of(user),
    };
  }
}
