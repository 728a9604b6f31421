import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { AppConfig } from '@capstone/platform/config';
import type { Environment } from '../config/environment';
import { PrismaClient } from '../generated/prisma/client';

/** auth-service's only way into its database: the generated client over the pg driver adapter. */
@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  constructor(config: AppConfig<Environment>) {
    super({ adapter: new PrismaPg({ connectionString: config.get('DATABASE_URL') }) });
  }

  // Not onModuleDestroy: that runs before the outbox relay, consumers and workers stop, and their
  // last queries would reopen the pool.
  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
  }
}
