import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { PrismaTransactions } from '../../database/prisma-transactions';
import {
  DevelopmentMailbox,
  type MailboxMessage,
  type MailboxSearch,
} from '../development-mailbox';

@Injectable()
export class PrismaDevelopmentMailbox extends DevelopmentMailbox {
  constructor(private readonly txHost: TransactionHost<PrismaTransactions>) {
    super();
  }

  async receive(message: Omit<MailboxMessage, 'receivedAt'>): Promise<void> {
    await this.txHost.tx.mailboxMessage.createMany({ data: message, skipDuplicates: true });
  }

  search({ to, limit }: MailboxSearch): Promise<MailboxMessage[]> {
    return this.txHost.tx.mailboxMessage.findMany({
      where: { to },
      orderBy: { receivedAt: 'desc' },
      take: limit,
    });
  }
}
