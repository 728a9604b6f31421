import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { AppConfig } from '@capstone/platform/config';
import type { Environment } from '../config/environment';
import { PrismaClient } from '../generated/prisma/client';

/** shortener-service's only way into its database: the generated client over the pg driver adapter. */
@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  constructor(config: AppConfig<Environment>) {
    super({ adapter: new PrismaPg({ connectionString: config.get('DATABASE_URL') }) });
  }

  // Not onModuleDestroy: it runs before the workers and consumers stop, and their last queries reopened the pool.
  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
  }
}
