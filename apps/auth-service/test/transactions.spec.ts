import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@capstone/platform/config';
import { PrismaPg } from '@prisma/adapter-pg';
import { Client } from 'pg';
import { PasswordHasher } from '../src/accounts/password-hasher';
import type { Environment } from '../src/config/environment';
import { PrismaService } from '../src/database/prisma.service';
import { PrismaClient } from '../src/generated/prisma/client';
import { mailTo, newClientIp, register, tokenInLink } from './accounts';
import { startAuthService, type AuthServiceUnderTest } from './auth-service';

/** The service's client on a pool of one connection that it waits for at most a second. */
@Injectable()
class SingleConnectionPrisma extends PrismaClient implements OnApplicationShutdown {
  constructor(config: AppConfig<Environment>) {
    super({
      adapter: new PrismaPg({
        connectionString: config.get('DATABASE_URL'),
        max: 1,
        connectionTimeoutMillis: 1_000,
      }),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
  }
}

/** Before each hash, asks Postgres (on a connection of its own) how many transactions sit open. */
@Injectable()
class TransactionWatchingHasher extends PasswordHasher {
  readonly openTransactionsAtHash: number[] = [];
  private readonly databaseUrl: string;

  constructor(config: AppConfig<Environment>) {
    super();
    this.databaseUrl = config.get('DATABASE_URL');
  }

  override async hash(password: string): Promise<string> {
    this.openTransactionsAtHash.push(await this.openTransactions());
    return super.hash(password);
  }

  private async openTransactions(): Promise<number> {
    const client = new Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ open: number }>(
        `SELECT count(*)::int AS open FROM pg_stat_activity
          WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
      );
      return rows[0].open;
    } finally {
      await client.end();
    }
  }
}

async function resetToken(service: AuthServiceUnderTest, email: string): Promise<string> {
  await service.http
    .post('/api/auth/v1/password-reset')
    .set('X-Forwarded-For', newClientIp())
    .send({ email })
    .expect(202);
  const mail = await mailTo(service, email, 'password-reset');
  if (mail.template !== 'password-reset') throw new Error('unexpected template');
  return tokenInLink(mail.variables.resetUrl);
}

const confirmReset = (service: AuthServiceUnderTest, token: string, password: string) =>
  service.http.post('/api/auth/v1/password-reset/confirm').send({ token, password });

describe('transactions', () => {
  let service: AuthServiceUnderTest;
  let hasher: TransactionWatchingHasher;

  beforeAll(async () => {
    service = await startAuthService('transactions', {
      overrides: (builder) =>
        builder
          .overrideProvider(PrismaService)
          .useClass(SingleConnectionPrisma)
          .overrideProvider(PasswordHasher)
          .useClass(TransactionWatchingHasher),
    });
    hasher = service.app.get(PasswordHasher);
  });

  afterAll(() => service.close());

  // A query outside the transaction while it holds the pool's last connection waits for itself.
  it('resets a password on a pool of one connection: nothing queries beside the open transaction', async () => {
    const account = await register(service);
    const token = await resetToken(service, account.email);

    await confirmReset(service, token, 'a fresh and unguessable phrase').expect(204);
  });

  it('hashes the new password before the reset opens its transaction', async () => {
    const account = await register(service);
    const token = await resetToken(service, account.email);
    hasher.openTransactionsAtHash.length = 0;

    await confirmReset(service, token, 'another fresh and unguessable phrase').expect(204);
    expect(hasher.openTransactionsAtHash).toEqual([0]);
  });
});
