import { Injectable } from '@nestjs/common';
import { ForbiddenError, NotFoundError } from '@capstone/platform/http';
import type { Principal } from '@capstone/platform/auth';
import { v7 as uuidv7 } from 'uuid';
import { AuditEventType } from '../audit/audit-event-type';
import { AuditLog } from '../audit/audit-log';
import { PrismaService } from '../database/prisma.service';
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

/** Personal API keys: issued to, listed by and revoked by their owner. */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly keys: ApiKeyRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async create(
    caller: Principal,
    terms: ApiKeyTerms,
    client: ClientContext,
  ): Promise<{ apiKey: ApiKey; key: string }> {
    requireSession(caller);
    const now = this.clock.now();
    const expiresAt = terms.expiresAt ?? null;
    ApiKey.assertIssuable({
      expiresAt,
      activeKeys: await this.keys.countActive(caller.userId, now),
      now,
    });

    const credential = ApiKeyCredential.generate();
    const apiKey = await this.prisma.$transaction(async (tx) => {
      const created = await this.keys.add(
        {
          id: uuidv7(),
          userId: caller.userId,
          name: terms.name,
          prefix: credential.prefix,
          secretHash: credential.secretHash,
          scopes: terms.scopes,
          expiresAt,
        },
        tx,
      );
      await this.audit.record(
        {
          type: AuditEventType.ApiKeyCreated,
          userId: caller.userId,
          client,
          details: { apiKeyId: created.id, prefix: created.prefix, scopes: [...created.scopes] },
        },
        tx,
      );
      return created;
    });
    return { apiKey, key: credential.reveal() };
  }

  list(caller: Principal): Promise<ApiKey[]> {
    return this.keys.listOwnedBy(caller.userId);
  }

  /** Idempotent: revoking a key that is already revoked changes and records nothing. */
  async revoke(caller: Principal, id: string, client: ClientContext): Promise<void> {
    requireSession(caller);
    const apiKey = await this.keys.findOwned(id, caller.userId);
    // Someone else's key answers exactly like a missing one, so ids cannot be probed.
    if (!apiKey) throw new NotFoundError('No such API key', { code: 'api_key_not_found' });

    await this.prisma.$transaction(async (tx) => {
      if (!(await this.keys.revoke(apiKey.id, this.clock.now(), tx))) return;
      await this.audit.record(
        {
          type: AuditEventType.ApiKeyRevoked,
          userId: caller.userId,
          client,
          details: { apiKeyId: apiKey.id, prefix: apiKey.prefix },
        },
        tx,
      );
    });
  }
}

/** A leaked key must not be able to mint or revoke keys: managing them takes a signed-in session. */
function requireSession(caller: Principal): void {
  if (caller.via !== 'token') {
    throw new ForbiddenError('API keys are managed from a signed-in session', {
      code: 'session_required',
    });
  }
}
