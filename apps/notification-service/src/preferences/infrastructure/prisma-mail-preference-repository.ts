import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import { MailPreferenceRepository } from '../mail-preference-repository';
import { MailPreferences } from '../mail-preferences';

@Injectable()
export class PrismaMailPreferenceRepository extends MailPreferenceRepository {
  constructor(private readonly prisma: PrismaService) {
    super();
  }

  async find(userId: string): Promise<MailPreferences | null> {
    const row = await this.prisma.mailPreference.findUnique({ where: { userId } });
    return row && new MailPreferences(row.nonEssentialEmail);
  }

  async save(userId: string, { nonEssentialEmail }: MailPreferences): Promise<void> {
    await this.prisma.mailPreference.upsert({
      where: { userId },
      create: { userId, nonEssentialEmail },
      update: { nonEssentialEmail },
    });
  }
}
