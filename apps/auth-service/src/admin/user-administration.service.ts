import { Injectable } from '@nestjs/common';
import { UserDeleted, UserDisabled, UserRoleChanged } from '@capstone/contracts';
import { Outbox } from '@capstone/platform/events';
import { NotFoundError } from '@capstone/platform/http';
import { AuditEventType } from '../audit/audit-event-type';
import { AuditLog } from '../audit/audit-log';
import { PrismaService } from '../database/prisma.service';
import type { Prisma } from '../generated/prisma/client';
import type { Role } from '../generated/prisma/enums';
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
    private readonly prisma: PrismaService,
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
    return this.administer(actor, userId, async (user, tx) => {
      if (sameRoles(user.roles, roles)) return user;
      if (!roles.includes('admin')) {
        assertAnAdminRemains(await this.users.lockActiveAdmins(tx), user, 'demote');
      }
      const updated = await this.users.setRoles(user.id, roles, tx);
      await this.outbox.record(
        tx,
        UserRoleChanged.create({
          source: EVENT_SOURCE,
          subject: user.id,
          data: { userId: user.id, roles },
        }),
      );
      await this.record(AuditEventType.RoleChanged, actor, user.id, tx, {
        from: user.roles,
        to: roles,
      });
      return updated;
    });
  }

  /** Blocks sign-in and ends every session; access tokens already issued run out within minutes. */
  disable(actor: AdminActor, userId: string): Promise<ManagedUser> {
    return this.administer(actor, userId, async (user, tx) => {
      if (user.disabledAt) return user;
      assertAnAdminRemains(await this.users.lockActiveAdmins(tx), user, 'disable');
      const updated = await this.users.setDisabledAt(user.id, this.clock.now(), tx);
      await this.sessions.revokeAllForUser(user.id, 'account_disabled', tx, {
        actorId: actor.id,
        client: actor.client,
      });
      await this.outbox.record(
        tx,
        UserDisabled.create({ source: EVENT_SOURCE, subject: user.id, data: { userId: user.id } }),
      );
      await this.record(AuditEventType.UserDisabled, actor, user.id, tx);
      return updated;
    });
  }

  enable(actor: AdminActor, userId: string): Promise<ManagedUser> {
    return this.administer(actor, userId, async (user, tx) => {
      if (!user.disabledAt) return user;
      const updated = await this.users.setDisabledAt(user.id, null, tx);
      await this.record(AuditEventType.UserEnabled, actor, user.id, tx);
      return updated;
    });
  }

  /** Erases the account; the audit trail keeps only its id, not who it was. */
  async delete(actor: AdminActor, userId: string): Promise<void> {
    await this.administer(actor, userId, async (user, tx) => {
      assertAnAdminRemains(await this.users.lockActiveAdmins(tx), user, 'delete');
      await this.users.delete(user.id, tx);
      await this.outbox.record(
        tx,
        UserDeleted.create({ source: EVENT_SOURCE, subject: user.id, data: { userId: user.id } }),
      );
      await this.record(AuditEventType.UserDeleted, actor, user.id, tx);
      return user;
    });
  }

  /** Checks the actor and loads the target inside one transaction, then applies the change. */
  private administer(
    actor: AdminActor,
    userId: string,
    change: (user: ManagedUser, tx: Prisma.TransactionClient) => Promise<ManagedUser>,
  ): Promise<ManagedUser> {
    return this.prisma.$transaction(async (tx) => {
      assertCanAdminister(await this.users.findById(actor.id, tx));
      return change(await this.target(userId, tx), tx);
    });
  }

  private async target(userId: string, tx?: Prisma.TransactionClient): Promise<ManagedUser> {
    const user = await this.users.findById(userId, tx);
    if (!user) throw new NotFoundError('No such user', { code: 'user_not_found' });
    return user;
  }

  private record(
    type: AuditEventType,
    actor: AdminActor,
    userId: string,
    tx: Prisma.TransactionClient,
    details: Prisma.InputJsonObject = {},
  ): Promise<void> {
    return this.audit.record(
      { type, userId, actorId: actor.id, client: actor.client, details },
      tx,
    );
  }
}

function sameRoles(current: readonly Role[], next: readonly Role[]): boolean {
  return current.length === next.length && next.every((role) => current.includes(role));
}
