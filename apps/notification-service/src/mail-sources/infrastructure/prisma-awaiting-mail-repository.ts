import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { PrismaTransactions } from '../../database/prisma-transactions';
import {
  AwaitingMailRepository,
  type AwaitingMail,
  type MailContent,
} from '../awaiting-mail-repository';

@Injectable()
export class PrismaAwaitingMailRepository extends AwaitingMailRepository {
  constructor(private readonly txHost: TransactionHost<PrismaTransactions>) {
    super();
  }

  async lock(userId: string): Promise<void> {
    await this.txHost.tx
      .$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`awaiting-mail:${userId}`}, 0))`;
  }

  async park({ cause, recipientUserId, content }: AwaitingMail): Promise<void> {
    await this.txHost.tx.awaitingMail.createMany({
      data: {
        eventId: cause.id,
        template: content.template,
        recipientUserId,
        variables: content.variables,
        occurredAt: new Date(cause.occurredAt),
      },
      skipDuplicates: true,
    });
  }

  async takeFor(recipientUserId: string): Promise<AwaitingMail[]> {
    const rows = await this.txHost.tx.awaitingMail.findMany({
      where: { recipientUserId },
      orderBy: { occurredAt: 'asc' },
    });
    // The caller holds this user's lock, so nothing was parked for them since the read.
    await this.txHost.tx.awaitingMail.deleteMany({ where: { recipientUserId } });
    return rows.map((row) => ({
      cause: { id: row.eventId, occurredAt: row.occurredAt.toISOString() },
      recipientUserId,
      // Written by park from a typed MailContent; the mail contract checks it again when it is enqueued.
      content: { template: row.template, variables: row.variables } as MailContent,
    }));
  }
}
