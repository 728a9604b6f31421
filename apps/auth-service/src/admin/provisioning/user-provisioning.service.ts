import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { UserRegistered, UserRoleChanged } from '@capstone/contracts';
import { Outbox } from '@capstone/platform/events';
import { ValidationError } from '@capstone/platform/http';
import { v7 as uuidv7 } from 'uuid';
import { PasswordHasher } from '../../accounts/password-hasher';
import { passwordProblems } from '../../accounts/password-policy';
import { publicProfileOf } from '../../accounts/user';
import { UserRepository } from '../../accounts/user-repository';
import { AuditEventType } from '../../audit/audit-event-type';
import { AuditLog } from '../../audit/audit-log';
import type { Role } from '@capstone/platform/auth';
import { Clock } from '../../shared/clock';
import { EVENT_SOURCE } from '../../shared/event-source';
import { ManagedUserRepository } from '../managed-user.repository';

export interface ProvisionedAccount {
  email: string;
  username: string;
  password: string;
  admin: boolean;
}

export type ProvisioningOutcome = 'created' | 'promoted' | 'unchanged';

/**
 * Accounts made by an operator rather than by sign-up: the first admin and the demo users.
 * Idempotent, so the seed can run on every start: an existing account keeps its password and is
 * only promoted when it should be an admin. Other services learn of it through the usual events.
 */
@Injectable()
export class UserProvisioning {
  constructor(
    private readonly transactions: TransactionHost,
    private readonly accounts: UserRepository,
    private readonly managedUsers: ManagedUserRepository,
    private readonly hasher: PasswordHasher,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async ensure(account: ProvisionedAccount): Promise<ProvisioningOutcome> {
    const existing = await this.accounts.findByEmail(account.email);
    if (existing)
      return existing.roles.includes('admin') || !account.admin
        ? 'unchanged'
        : this.promote(existing);

    const problems = passwordProblems(account.password, account);
    if (problems.length > 0) throw new ValidationError(problems);
    const passwordHash = await this.hasher.hash(account.password);
    const roles: Role[] = account.admin ? ['user', 'admin'] : ['user'];
    const now = this.clock.now();

    await this.transactions.withTransaction(async () => {
      const { id } = await this.accounts.create({
        id: uuidv7(),
        email: account.email,
        username: account.username,
        passwordHash,
        createdAt: now,
      });
      // Operators vouch for these addresses: there is no inbox to send a verification link to.
      const verified = await this.accounts.markEmailVerified(id, now);
      await this.managedUsers.setRoles(id, roles);
      await this.outbox.record(
        UserRegistered.create({
          source: EVENT_SOURCE,
          subject: id,
          data: { ...publicProfileOf(verified), roles, emailVerified: true },
        }),
      );
      await this.audit.record({
        type: AuditEventType.Registered,
        userId: id,
        details: { via: 'provisioning', roles },
      });
    });
    return 'created';
  }

  private async promote(user: { id: string; roles: Role[] }): Promise<ProvisioningOutcome> {
    const roles: Role[] = ['user', 'admin'];
    await this.transactions.withTransaction(async () => {
      await this.managedUsers.setRoles(user.id, roles);
      await this.outbox.record(
        UserRoleChanged.create({
          source: EVENT_SOURCE,
          subject: user.id,
          data: { userId: user.id, roles },
        }),
      );
      await this.audit.record({
        type: AuditEventType.RoleChanged,
        userId: user.id,
        details: { via: 'provisioning', from: user.roles, to: roles },
      });
    });
    return 'promoted';
  }
}
