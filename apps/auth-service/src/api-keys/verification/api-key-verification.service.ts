import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { ApiKeyVerificationResponse } from '@capstone/platform/auth';
import { AuditEventType } from '../../audit/audit-event-type';
import { AuditLog } from '../../audit/audit-log';
import { Clock } from '../../shared/clock';
import type { ApiKey } from '../api-key';
import { ApiKeyCredential } from '../api-key-credential';
import { ApiKeyRepository } from '../api-key.repository';

/** Key use is recorded (lastUsedAt and the audit log) at most this often per key. */
export const KEY_USE_RECORDING_INTERVAL_MS = 60_000;

/** Answers other services' "whose key is this?" for `libs/platform/auth`. */
@Injectable()
export class ApiKeyVerification {
  constructor(
    private readonly transactions: TransactionHost,
    private readonly keys: ApiKeyRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** The key's owner and scopes, or null for a key that is malformed, unknown, expired or revoked. */
  async verify(presented: string): Promise<ApiKeyVerificationResponse | null> {
    const credential = ApiKeyCredential.parse(presented);
    if (!credential) return null;
    const record = await this.keys.findByPrefix(credential.prefix);
    if (!record || !credential.matches(record.secretHash)) return null;

    const now = this.clock.now();
    const { key, owner } = record;
    if (key.statusAt(now) !== 'active' || owner.disabled) return null;

    await this.recordUse(key, now);
    return {
      userId: key.userId,
      username: owner.username,
      roles: owner.roles,
      emailVerified: owner.emailVerified,
      scopes: [...key.scopes],
    };
  }

  // Throttled: a busy integration would otherwise write a row per request. The lastUsedAt just
  // read spares most requests the transaction; the conditional update settles replicas' races.
  private async recordUse(key: ApiKey, now: Date): Promise<void> {
    const staleBefore = new Date(now.getTime() - KEY_USE_RECORDING_INTERVAL_MS);
    if (key.lastUsedAt && key.lastUsedAt >= staleBefore) return;
    await this.transactions.withTransaction(async () => {
      if (!(await this.keys.markUsed(key.id, now, staleBefore))) return;
      await this.audit.record({
        type: AuditEventType.ApiKeyUsed,
        userId: key.userId,
        details: { apiKeyId: key.id, prefix: key.prefix },
      });
    });
  }
}
