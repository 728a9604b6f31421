import { Injectable } from '@nestjs/common';
import { AuditEventType } from '../audit/audit-event-type';
import { AuditLog } from '../audit/audit-log';
import type { StoredSigningKey } from './signing-key';
import { SigningKeyRing } from './signing-key-ring';

/**
 * The one repair for keys sealed under another SIGNING_KEY_ENCRYPTION_KEY, whether development
 * runs it at start or an operator runs `auth:rotate-keys -- --retire-unreadable`: retire them,
 * sign with a new key at once, and leave the rotation in the audit log.
 */
@Injectable()
export class UnreadableKeyRetirement {
  constructor(
    private readonly ring: SigningKeyRing,
    private readonly audit: AuditLog,
  ) {}

  /** Undefined when every key opens under this environment's key: nothing is changed then. */
  async retire(): Promise<{ retired: string[]; key: StoredSigningKey } | undefined> {
    const retired = (await this.ring.unreadableKeys()).map(({ kid }) => kid);
    if (retired.length === 0) return undefined;
    // The unreadable keys cannot sign meanwhile, so the new key signs at once.
    const key = await this.ring.rotate(0);
    await this.audit.record({
      type: AuditEventType.SigningKeyRotated,
      details: {
        kid: key.kid,
        activatesAt: key.activatedAt.toISOString(),
        retiredUnreadable: retired,
      },
    });
    return { retired, key };
  }
}
