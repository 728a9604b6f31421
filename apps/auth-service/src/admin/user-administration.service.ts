import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { UserDeleted, UserDisabled, UserRoleChanged } from '@capstone/contracts';
import { Outbox } from '@capstone/platform/events';
import { NotFoundError } from '@capstone/platform/http';
import { AuditEventType } from '../audit/audit-event-type';
import { AuditLog, type AuditDetails } from '../audit/audit-log';
import type { Role } from '@capstone/platform/auth';
import { SessionRevocation } from '../sessions/session-revocation';
import type { ClientContext } from '../shared/client-context';
import { Clock } from '../shared/clock';
import { EVENT_SOURCE } from '../shared/event-source';
import type { Page } from '../shared/pagination';
import { assertAnAdminRemains, assertCanAdminister, rolesToAssign } from './administration-policy';
import type { ManagedUser } from './managed-user';
import { ManagedUserRepository, type UserSearch } from './managed-user.repository';

/** Who is acting and from where: every change is audited with both. */
export interface AdminActor {
  id: string;
  client: ClientContext;
}

/**
 * Administrators' changes to accounts. Each one commits with its audit entry and, where other
 * services must react, its `auth.users` event; a repeated request changes and records nothing.
 */
@Injectable()
export class UserAdministration {
  constructor(
    private readonly transactions: TransactionHost,
    private readonly users: ManagedUserRepository,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly sessions: SessionRevocation,
    private readonly clock: Clock,
  ) {}

  async search(actor: AdminActor, search: UserSearch): Promise<Page<ManagedUser>> {
    assertCanAdminister(await this.users.findById(actor.id));
    return this.users.search(search);
  }

  async get(actor: AdminActor, userId: string): Promise<ManagedUser> {
    assertCanAdminister(await this.users.findById(actor.id));
    return this.target(userId);
  }

  changeRoles(actor: AdminActor, userId: string, requested: Role[]): Promise<ManagedUser> {
    const roles = rolesToAssign(requested);
    return this.administer(actor, userId, async (user) => {
      if (sameRoles(user.roles, roles)) return user;
      if (!roles.includes('admin')) {
        assertAnAdminRemains(await this.users.lockActiveAdmins(), user, 'demote');
      }
      const updated = await this.users.setRoles(user.id, roles);
      await this.outbox.record(
        UserRoleChanged.create({
          source: EVENT_SOURCE,
          subject: user.id,
          data: { userId: user.id, roles },
        }),
      );
      await this.record(AuditEventType.RoleChanged, actor, user.id, {
        from: user.roles,
        to: roles,
      });
      return updated;
    });
  }

  /** Blocks sign-in and ends every session; access tokens already issued run out within minutes. */
  disable(actor: AdminActor, userId: string): Promise<ManagedUser> {
    return this.administer(actor, userId, async (user) => {
      if (user.disabledAt) return user;
      assertAnAdminRemains(await this.users.lockActiveAdmins(), user, 'disable');
      const updated = await this.users.setDisabledAt(user.id, this.clock.now());
      await this.sessions.revokeAllForUser(user.id, 'account_disabled', {
        actorId: actor.id,
        client: actor.client,
      });
      await this.outbox.record(
        UserDisabled.create({
          source: EVENT_SOURCE,
          subject: user.id,
          data: { userId: user.id, profileVersion: updated.profileVersion },
        }),
      );
      await this.record(AuditEventType.UserDisabled, actor, user.id);
      return updated;
    });
  }

  enable(actor: AdminActor, userId: string): Promise<ManagedUser> {
    return this.administer(actor, userId, async (user) => {
      if (!user.disabledAt) return user;
      const updated = await this.users.setDisabledAt(user.id, null);
      await this.record(AuditEventType.UserEnabled, actor, user.id);
      return updated;
    });
  }

  /** Erases the account; the audit trail keeps only its id, not who it was. */
  async delete(actor: AdminActor, userId: string): Promise<void> {
    await this.administer(actor, userId, async (user) => {
      assertAnAdminRemains(await this.users.lockActiveAdmins(), user, 'delete');
      const lastVersion = await this.users.delete(user.id);
      await this.outbox.record(
        UserDeleted.create({
          source: EVENT_SOURCE,
          subject: user.id,
          // The row is gone: the deletion is the version after the last one it had.
          data: { userId: user.id, profileVersion: lastVersion + 1 },
        }),
      );
      await this.record(AuditEventType.UserDeleted, actor, user.id);
      return user;
    });
  }

  /** Checks the actor and loads the target inside one transaction, then applies the change. */
  private administer(
    actor: AdminActor,
    userId: string,
    change: (user: ManagedUser) => Promise<ManagedUser>,
  ): Promise<ManagedUser> {
    return this.transactions.withTransaction(async () => {
      assertCanAdminister(await this.users.findById(actor.id));
      return change(await this.target(userId));
    });
  }

  private async target(userId: string): Promise<ManagedUser> {
    const user = await this.users.findById(userId);
    if (!user) throw new NotFoundError('No such user', { code: 'user_not_found' });
    return user;
  }

  private record(
    type: AuditEventType,
    actor: AdminActor,
    userId: string,
    details: AuditDetails = {},
  ): Promise<void> {
    return this.audit.record({ type, userId, actorId: actor.id, client: actor.client, details });
  }
}

function sameRoles(current: readonly Role[], next: readonly Role[]): boolean {
  return current.length === next.length && next.every((role) => current.includes(role));
}
