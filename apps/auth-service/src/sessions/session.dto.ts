import { ApiProperty } from '@nestjs/swagger';
import type { Session } from './session';

export class SessionDto {
  @ApiProperty({ example: '01933b7e-8f1a-7c3e-9a4b-2d5e6f708193' })
  id!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0',
    description: 'The User-Agent it logged in with',
  })
  device!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '203.0.113.7' })
  ip!: string | null;

  @ApiProperty({ example: '2026-11-21T15:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ example: '2026-11-21T15:42:00.000Z' })
  lastUsedAt!: string;

  @ApiProperty({ description: 'The session of the token making this request', example: true })
  current!: boolean;

  static of(session: Session, currentSessionId: string | undefined): SessionDto {
    return {
      id: session.id,
      device: session.client.userAgent,
      ip: session.client.ip,
      createdAt: session.createdAt.toISOString(),
      lastUsedAt: session.lastUsedAt.toISOString(),
      current: session.id === currentSessionId,
    };
  }
}
