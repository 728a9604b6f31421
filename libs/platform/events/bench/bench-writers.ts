import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterPrisma } from '@nestjs-cls/transactional-adapter-prisma';
import { NestFactory } from '@nestjs/core';
import { PrismaPg } from '@prisma/adapter-pg';
import { setTimeout as delay } from 'node:timers/promises';
import { Outbox, TransactionsModule } from '../src';
import { PrismaClient } from '../test/prisma/generated/prisma/client';
import { registeredEvent } from '../test/support/users';
import { wallClockMs, type Committed } from './publish-stamps';

export interface WriteLoad {
  events: number;
  eventsPerTransaction: number;
  /** Events a second offered on a fixed schedule; left out, as fast as the writers can. */
  perSecond?: number;
}

type BenchTransactions = TransactionHost<TransactionalAdapterPrisma<PrismaClient>>;

/** Concurrent writers recording events through Outbox in ambient transactions, as a service's requests do. */
export class BenchWriters {
  private constructor(
    readonly prisma: PrismaClient,
    private readonly transactions: BenchTransactions,
    private readonly shutdown: () => Promise<void>,
    private readonly writers: number,
  ) {}

  static async open(databaseUrl: string, writers: number): Promise<BenchWriters> {
    // One pooled connection per writer, so 16 writers really hold 16 transactions open at once.
    const prisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString: databaseUrl, max: writers }),
    });
    const database = {
      module: class BenchDatabase {},
      providers: [{ provide: PrismaClient, useValue: prisma }],
      exports: [PrismaClient],
    };
    const app = await NestFactory.createApplicationContext(
      TransactionsModule.forRoot({ imports: [database], database: PrismaClient }),
      { logger: ['warn', 'error'] },
    );
    const stop = async () => {
      await app.close();
      await prisma.$disconnect();
    };
    return new BenchWriters(prisma, app.get(TransactionHost), stop, writers);
  }

  /** Opens every writer's connection, so no measured transaction pays for one. */
  async connect(): Promise<void> {
    await Promise.all(
      Array.from({ length: this.writers }, () =>
        this.transactions.withTransaction(() => this.transactions.tx.$executeRaw`SELECT 1`),
      ),
    );
  }

  async write({ events, eventsPerTransaction, perSecond }: WriteLoad): Promise<Committed[]> {
    const outbox = new Outbox(this.transactions);
    const committed: Committed[] = [];
    const startedAtMs = wallClockMs();
    let claimed = 0;
    const writer = async () => {
      while (claimed < events) {
        // At a fixed rate the transaction carrying event n starts n / perSecond seconds in, or at once if late.
        const dueInMs = perSecond ? startedAtMs + (claimed * 1000) / perSecond - wallClockMs() : 0;
        const batch = Array.from({ length: Math.min(eventsPerTransaction, events - claimed) }, () =>
          registeredEvent(),
        );
        claimed += batch.length;
        if (dueInMs > 0) await delay(dueInMs);
        let committedAtMs = 0;
        await this.transactions.withTransaction(async () => {
          await outbox.recordAll(batch);
          // Read as COMMIT is about to go out, so a relay in another process cannot publish before it.
          committedAtMs = wallClockMs();
        });
        for (const event of batch) committed.push({ id: event.id, committedAtMs });
      }
    };
    await Promise.all(Array.from({ length: this.writers }, writer));
    return committed;
  }

  stop(): Promise<void> {
    return this.shutdown();
  }
}
