import { ApiProperty } from '@nestjs/swagger';
import type { Page } from '../../shared/pagination';
import type { AuditRecord } from '../audit-trail';

export class AuditEventResponse {
  @ApiProperty({ example: '0193a6a0-5c1e-7cc0-9a51-7b2f6c0d1e2f' })
  id!: string;

  @ApiProperty({ example: 'login.succeeded', description: 'One of the AuditEventType values' })
  type!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The account the event is about' })
  userId!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The administrator who acted, if not the user',
  })
  actorId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '203.0.113.7' })
  ip!: string | null;

  @ApiProperty({ type: String, nullable: true })
  userAgent!: string | null;

  @ApiProperty({ type: Object, example: { apiKeyId: '0193a6a0-…', prefix: '3f9a1c0d2b4e6f80' } })
  details!: unknown;

  @ApiProperty({ example: '2026-11-21T16:00:00.000Z' })
  createdAt!: string;

  static of(record: AuditRecord): AuditEventResponse {
    return { ...record, createdAt: record.createdAt.toISOString() };
  }
}

export class AuditEventPageResponse {
  @ApiProperty({ type: [AuditEventResponse] })
  items!: AuditEventResponse[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;

  static of(page: Page<AuditRecord>): AuditEventPageResponse {
    return { items: page.items.map(AuditEventResponse.of), nextCursor: page.nextCursor };
  }
}
