import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { PrismaTransactions } from '../../database/prisma-transactions';
import type { Recipient as RecipientRow } from '../../generated/prisma/client';
import type { Recipient } from '../recipient';
import { RecipientRepository } from '../recipient-repository';

@Injectable()
export class PrismaRecipientRepository extends RecipientRepository {
  constructor(private readonly txHost: TransactionHost<PrismaTransactions>) {
    super();
  }

  async find(userId: string): Promise<Recipient | null> {
    const row = await this.txHost.tx.recipient.findUnique({ where: { userId } });
    return row && toRecipient(row);
  }

  async save({ userId, status, address, profileVersion }: Recipient): Promise<void> {
    const row = {
      status,
      email: address?.email ?? null,
      username: address?.username ?? null,
      profileVersion: profileVersion === null ? null : BigInt(profileVersion),
    };
    await this.txHost.tx.recipient.upsert({
      where: { userId },
      create: { userId, ...row },
      update: row,
    });
  }
}

function toRecipient({ userId, status, email, username, profileVersion }: RecipientRow): Recipient {
  return {
    userId,
    status,
    address: email !== null && username !== null ? { email, username } : null,
    profileVersion: profileVersion === null ? null : Number(profileVersion),
  };
}
