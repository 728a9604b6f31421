import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { AppConfig } from '@capstone/platform/config';
import type { Environment } from '../config/environment';
import { sqlStatements } from './database-metrics';
import { PrismaClient } from '../generated/prisma/client';

/** blog-service's only way into its database: the generated client over the pg driver adapter. */
@Injectable()
export class PrismaService
  extends PrismaClient<{ adapter: PrismaPg; log: [{ emit: 'event'; level: 'query' }] }>
  implements OnApplicationShutdown
{
  constructor(config: AppConfig<Environment>) {
    super({
      adapter: new PrismaPg({ connectionString: config.get('DATABASE_URL') }),
      log: [{ emit: 'event', level: 'query' }],
    });
    this.$on('query', () => sqlStatements.inc());
  }

  // Not onModuleDestroy: it runs before the workers and consumers stop, and their last queries reopened the pool.
  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
  }
}
