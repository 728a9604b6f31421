import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import {
  DevelopmentMailbox,
  type MailboxMessage,
  type MailboxSearch,
} from '../development-mailbox';

@Injectable()
export class PrismaDevelopmentMailbox extends DevelopmentMailbox {
  constructor(private readonly prisma: PrismaService) {
    super();
  }

  async receive(message: Omit<MailboxMessage, 'receivedAt'>): Promise<void> {
    await this.prisma.mailboxMessage.createMany({ data: message, skipDuplicates: true });
  }

  search({ to, limit }: MailboxSearch): Promise<MailboxMessage[]> {
    return this.prisma.mailboxMessage.findMany({
      where: { to },
      orderBy: { receivedAt: 'desc' },
      take: limit,
    });
  }
}
