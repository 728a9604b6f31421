import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { PrismaTransactions } from '../../database/prisma-transactions';
import { MailPreferenceRepository } from '../mail-preference-repository';
import { MailPreferences } from '../mail-preferences';

@Injectable()
export class PrismaMailPreferenceRepository extends MailPreferenceRepository {
  constructor(private readonly txHost: TransactionHost<PrismaTransactions>) {
    super();
  }

  async find(userId: string): Promise<MailPreferences | null> {
    const row = await this.txHost.tx.mailPreference.findUnique({ where: { userId } });
    return row && new MailPreferences(row.nonEssentialEmail);
  }

  async save(userId: string, { nonEssentialEmail }: MailPreferences): Promise<void> {
    await this.txHost.tx.mailPreference.upsert({
      where: { userId },
      create: { userId, nonEssentialEmail },
      update: { nonEssentialEmail },
    });
  }
}
