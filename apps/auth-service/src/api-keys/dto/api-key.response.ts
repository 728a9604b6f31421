import { ApiProperty } from '@nestjs/swagger';
import type { ApiKey, ApiKeyStatus } from '../api-key';

export class ApiKeyResponse {
  @ApiProperty({ example: '0193a6a0-5c1e-7cc0-9a51-7b2f6c0d1e2f' })
  id!: string;

  @ApiProperty({ example: 'CI publisher' })
  name!: string;

  @ApiProperty({ example: '3f9a1c0d2b4e6f80', description: 'Identifies the key; not a secret' })
  prefix!: string;

  @ApiProperty({ example: ['articles:write'] })
  scopes!: string[];

  @ApiProperty({ enum: ['active', 'expired', 'revoked'] })
  status!: ApiKeyStatus;

  @ApiProperty({ type: String, nullable: true, example: '2027-01-31T00:00:00.000Z' })
  expiresAt!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Recorded at most once a minute' })
  lastUsedAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  revokedAt!: string | null;

  @ApiProperty({ example: '2026-11-21T16:00:00.000Z' })
  createdAt!: string;

  static of(key: ApiKey, now: Date): ApiKeyResponse {
    return {
      id: key.id,
      name: key.name,
      prefix: key.prefix,
      scopes: [...key.scopes],
      status: key.statusAt(now),
      expiresAt: key.expiresAt?.toISOString() ?? null,
      lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
      revokedAt: key.revokedAt?.toISOString() ?? null,
      createdAt: key.createdAt.toISOString(),
    };
  }
}

export class CreatedApiKeyResponse extends ApiKeyResponse {
  @ApiProperty({
    example: 'cap_3f9a1c0d2b4e6f80_9b1d…',
    description: 'The full key. Shown only in this response: store it now',
  })
  key!: string;
}
