import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { NotFoundError } from '@capstone/platform/http';
import { v7 as uuidv7 } from 'uuid';
import { AuditEventType } from '../audit/audit-event-type';
import { AuditLog } from '../audit/audit-log';
import type { ClientContext } from '../shared/client-context';
import { Clock } from '../shared/clock';
import { ApiKey } from './api-key';
import { ApiKeyCredential } from './api-key-credential';
import { ApiKeyRepository } from './api-key.repository';

export interface ApiKeyTerms {
  name: string;
  scopes: string[];
  expiresAt?: Date;
}

/**
 * Personal API keys: issued to, listed by and revoked by their owner. auth-service itself accepts
 * only access tokens, so a leaked key can never mint or revoke keys.
 */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly transactions: TransactionHost,
    private readonly keys: ApiKeyRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async create(
    ownerId: string,
    terms: ApiKeyTerms,
    client: ClientContext,
  ): Promise<{ apiKey: ApiKey; key: string }> {
    const now = this.clock.now();
    const expiresAt = terms.expiresAt ?? null;
    ApiKey.assertIssuable({
      expiresAt,
      activeKeys: await this.keys.countActive(ownerId, now),
      now,
    });

    const credential = ApiKeyCredential.generate();
    const apiKey = await this.transactions.withTransaction(async () => {
      const created = await this.keys.add({
        id: uuidv7(),
        userId: ownerId,
        name: terms.name,
        prefix: credential.prefix,
        secretHash: credential.secretHash,
        scopes: terms.scopes,
        expiresAt,
      });
      await this.audit.record({
        type: AuditEventType.ApiKeyCreated,
        userId: ownerId,
        client,
        details: { apiKeyId: created.id, prefix: created.prefix, scopes: [...created.scopes] },
      });
      return created;
    });
    return { apiKey, key: credential.reveal() };
  }

  list(ownerId: string): Promise<ApiKey[]> {
    return this.keys.listOwnedBy(ownerId);
  }

  /** Idempotent: revoking a key that is already revoked changes and records nothing. */
  async revoke(ownerId: string, id: string, client: ClientContext): Promise<void> {
    const apiKey = await this.keys.findOwned(id, ownerId);
    // Someone else's key answers exactly like a missing one, so ids cannot be probed.
    if (!apiKey) throw new NotFoundError('No such API key', { code: 'api_key_not_found' });

    await this.transactions.withTransaction(async () => {
      if (!(await this.keys.revoke(apiKey.id, this.clock.now()))) return;
      await this.audit.record({
        type: AuditEventType.ApiKeyRevoked,
        userId: ownerId,
        client,
        details: { apiKeyId: apiKey.id, prefix: apiKey.prefix },
      });
    });
  }
}
