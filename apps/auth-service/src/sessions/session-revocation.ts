import { Injectable } from '@nestjs/common';
import { AuditEventType } from '../audit/audit-event-type';
import { AuditLog } from '../audit/audit-log';
import type { ClientContext } from '../shared/client-context';
import { Clock } from '../shared/clock';
import { SessionRepository } from './session-repository';

export interface RevocationContext {
  /** Keep this session open (changing a password while staying signed in here). */
  exceptSessionId?: string;
  /** Who asked, when not the user themselves (an admin disabling an account). */
  actorId?: string;
  client?: ClientContext;
}

/**
 * Ends sessions: no refresh token of a revoked session works again. Access tokens already issued
 * stay valid until they expire (15 minutes); that is the price of verifying them without a lookup.
 */
@Injectable()
export class SessionRevocation {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** Every open session of the user (disable, password reset, logout everywhere); returns how many. */
  async revokeAllForUser(
    userId: string,
    reason: string,
    context: RevocationContext = {},
  ): Promise<number> {
    const revoked = await this.sessions.revoke(
      { userId, exceptSessionId: context.exceptSessionId },
      reason,
      this.clock.now(),
    );
    if (revoked.length > 0) await this.record(userId, reason, revoked, context);
    return revoked.length;
  }

  /** One session of the user; false when it is not theirs or already ended. */
  async revokeSession(
    userId: string,
    sessionId: string,
    reason: string,
    context: RevocationContext = {},
  ): Promise<boolean> {
    const revoked = await this.sessions.revoke({ userId, sessionId }, reason, this.clock.now());
    if (revoked.length > 0) await this.record(userId, reason, revoked, context);
    return revoked.length > 0;
  }

  private record(
    userId: string,
    reason: string,
    sessionIds: string[],
    context: RevocationContext,
  ): Promise<void> {
    return this.audit.record({
      type: AuditEventType.SessionRevoked,
      userId,
      actorId: context.actorId,
      client: context.client,
      details: { reason, sessionIds },
    });
  }
}
