import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { AppConfig } from '@capstone/platform/config';
import type { Environment } from '../config/environment';
import { PrismaService } from '../database/prisma.service';

const SWEEP_INTERVAL_MS = 3_600_000;
// Small slices: no statement holds many row locks, or the consumer's inserts waiting, for long.
const SLICE = 5_000;
const DAY_MS = 86_400_000;

/**
 * Individual clicks exist for the CSV export and are kept CLICK_RETENTION_DAYS; the hourly and
 * daily counters are kept for good. Every instance sweeps hourly: concurrent sweeps only overlap.
 */
@Injectable()
export class ClickRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ClickRetention.name);
  private readonly retentionMs: number;
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<number>;

  constructor(
    private readonly prisma: PrismaService,
    config: AppConfig<Environment>,
  ) {
    this.retentionMs = config.get('CLICK_RETENTION_DAYS') * DAY_MS;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sweep().catch((error: unknown) =>
        this.logger.warn(`click retention sweep failed (${(error as Error).message})`),
      );
    }, SWEEP_INTERVAL_MS).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping?.catch(() => undefined);
  }

  /** Deletes the clicks older than the retention; resolves with how many went. */
  sweep(now = new Date()): Promise<number> {
    this.sweeping ??= this.deleteBefore(new Date(now.getTime() - this.retentionMs)).finally(
      () => (this.sweeping = undefined),
    );
    return this.sweeping;
  }

  private async deleteBefore(cutoff: Date): Promise<number> {
    let deleted = 0;
    for (;;) {
      const slice = await this.prisma.$executeRaw`
        DELETE FROM click WHERE id IN (SELECT id FROM click WHERE at < ${cutoff} LIMIT ${SLICE})`;
      deleted += slice;
      if (slice < SLICE) return deleted;
    }
  }
}
