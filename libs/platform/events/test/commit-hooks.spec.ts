import { createTestDatabase, type TestDatabase } from '@capstone/platform/testing';
import { Propagation, TransactionHost } from '@nestjs-cls/transactional';
import { PrismaPg } from '@prisma/adapter-pg';
import { randomUUID } from 'node:crypto';
import { afterCommit, AfterCommitOutsideHookedTransaction, withCommitHooks } from '../src';
import { PrismaClient } from './prisma/generated/prisma/client';
import {
  eventsTestProject,
  testTransactions,
  type TestTransactions,
} from './support/events-test-bed';

describe('hooks after commit', () => {
  let database: TestDatabase;
  let prisma: PrismaClient;
  /** A session of its own: it sees only what has committed. */
  let observer: PrismaClient;
  let transactions: TestTransactions;

  beforeAll(async () => {
    database = await createTestDatabase(eventsTestProject);
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    observer = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    transactions = (await testTransactions(prisma)).get(TransactionHost);
  });

  afterAll(async () => {
    await Promise.all([prisma.$disconnect(), observer.$disconnect()]);
    await database.drop();
  });

  const addUser = async (username: string) => {
    const id = randomUUID();
    await transactions.tx.user.create({ data: { id, username, email: `${username}@example.com` } });
    return id;
  };
  const visibleToOthers = async (id: string) =>
    (await observer.user.findUnique({ where: { id } })) !== null;

  it('runs a hook once the transaction has committed, when other sessions see its rows', async () => {
    const seen: boolean[] = [];
    let id = '';

    await withCommitHooks(transactions, async () => {
      id = await addUser('committed-ada');
      await afterCommit(transactions, async () => {
        seen.push(await visibleToOthers(id));
      });
      seen.push(await visibleToOthers(id));
    });

    expect(seen).toEqual([false, true]);
  });

  it('runs no hook when the transaction rolls back', async () => {
    const ran: string[] = [];

    await expect(
      withCommitHooks(transactions, async () => {
        await addUser('rolled-back-bob');
        await afterCommit(transactions, async () => {
          ran.push('hook');
        });
        throw new Error('the change is refused');
      }),
    ).rejects.toThrow('the change is refused');

    expect(ran).toEqual([]);
  });

  it('makes the hooks of joined work wait for the outermost commit, in the order they were added', async () => {
    const events: string[] = [];

    await withCommitHooks(transactions, async () => {
      const id = await addUser('outer-cleo');
      await withCommitHooks(transactions, async () => {
        await afterCommit(transactions, async () => {
          events.push(`inner hook, committed: ${await visibleToOthers(id)}`);
        });
      });
      events.push('inner work done');
      await afterCommit(transactions, async () => {
        events.push('outer hook');
      });
    });

    expect(events).toEqual(['inner work done', 'inner hook, committed: true', 'outer hook']);
  });

  it('runs a hook at once outside any transaction', async () => {
    const ran: string[] = [];

    await afterCommit(transactions, async () => {
      ran.push('hook');
    });

    expect(ran).toEqual(['hook']);
  });

  it('refuses a hook in a transaction opened without hooks, which nothing would run', async () => {
    await expect(
      transactions.withTransaction(() => afterCommit(transactions, async () => undefined)),
    ).rejects.toBeInstanceOf(AfterCommitOutsideHookedTransaction);
  });

  it('keeps a failing hook from failing committed work, and still runs the hooks after it', async () => {
    const ran: string[] = [];

    const result = await withCommitHooks(transactions, async () => {
      await afterCommit(transactions, async () => {
        throw new Error('cache unreachable');
      });
      await afterCommit(transactions, async () => {
        ran.push('second hook');
      });
      return 'done';
    });

    expect(result).toBe('done');
    expect(ran).toEqual(['second hook']);
  });

  it('counts a transaction of its own inside a hooked one as joined: its hooks wait for the outer commit', async () => {
    const events: string[] = [];

    await withCommitHooks(transactions, async () => {
      await transactions.withTransaction(Propagation.RequiresNew, async () => {
        await afterCommit(transactions, async () => {
          events.push('hook');
        });
      });
      events.push('outer work done');
    });

    expect(events).toEqual(['outer work done', 'hook']);
  });
});
