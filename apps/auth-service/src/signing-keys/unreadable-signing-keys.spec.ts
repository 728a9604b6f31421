import { Logger } from '@nestjs/common';
import {
  createTestDatabase,
  servicePrismaProject,
  type TestDatabase,
} from '@capstone/platform/testing';
import { decodeProtectedHeader, type JWK } from 'jose';
import { execFile } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { registerAndLogIn } from '../../test/accounts';
import { startAuthService, type AuthServiceUnderTest } from '../../test/auth-service';
import { PrismaService } from '../database/prisma.service';
import { RETIRE_UNREADABLE_COMMAND } from './signing-key-startup';

const run = promisify(execFile);
const workspace = join(__dirname, '../../../..');

/** What a second clone, or a deleted `.data/`, leaves: keys sealed under a key this start lacks. */
interface ForeignKeys {
  database: TestDatabase;
  kid: string;
  accessToken: string;
}

describe('signing keys sealed under another SIGNING_KEY_ENCRYPTION_KEY', () => {
  const databases: TestDatabase[] = [];
  let service: AuthServiceUnderTest | undefined;

  afterEach(async () => {
    jest.restoreAllMocks();
    await service?.close();
    service = undefined;
  });
  afterAll(() => Promise.all(databases.map((database) => database.drop())));

  async function keysSealedElsewhere(): Promise<ForeignKeys> {
    const database = await createTestDatabase(servicePrismaProject('auth'));
    databases.push(database);
    const elsewhere = await startAuthService('foreign-keys', { database });
    try {
      const { accessToken } = await registerAndLogIn(elsewhere);
      return { database, kid: decodeProtectedHeader(accessToken).kid ?? '', accessToken };
    } finally {
      await elsewhere.close();
    }
  }

  const jwksKids = async (under: AuthServiceUnderTest) =>
    ((await under.http.get('/.well-known/jwks.json').expect(200)).body.keys as JWK[]).map(
      (key) => key.kid,
    );

  it('in development, retires them with a warning and an audit entry and signs with a new key, still publishing the old one', async () => {
    const foreign = await keysSealedElsewhere();
    const warn = jest.spyOn(Logger.prototype, 'warn');

    service = await startAuthService('foreign-keys-dev', {
      database: foreign.database,
      environment: { NODE_ENV: 'development' },
    });

    const { accessToken } = await registerAndLogIn(service);
    const newKid = decodeProtectedHeader(accessToken).kid;
    expect(newKid).not.toBe(foreign.kid);
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining(`retired signing keys ${foreign.kid}`),
    );
    // Its public half is stored in the clear, so tokens it signed verify until they expire.
    expect(await jwksKids(service)).toEqual([foreign.kid, newKid]);
    await service.http
      .get('/api/auth/v1/account')
      .set('Authorization', `Bearer ${foreign.accessToken}`)
      .expect(200);
    const stored = await service.app.get(PrismaService).signingKey.findUnique({
      where: { kid: foreign.kid },
    });
    expect(stored?.retiredAt).not.toBeNull();
    // The repair leaves the same audit entry the operator's command does.
    const audited = await service.app.get(PrismaService).auditEvent.findMany({
      where: { type: 'signing_key.rotated' },
    });
    expect(audited.map((entry) => entry.details)).toContainEqual(
      expect.objectContaining({ kid: newKid, retiredUnreadable: [foreign.kid] }),
    );
  });

  it('in production, refuses to start, naming the cause and the remedy', async () => {
    const foreign = await keysSealedElsewhere();

    const start = run('node', ['-r', '@swc-node/register', 'apps/auth-service/src/main.ts'], {
      cwd: workspace,
      // A service that started anyway would listen until killed: that fails the test, not hangs it.
      timeout: 45_000,
      env: {
        ...process.env,
        SWC_NODE_PROJECT: 'tsconfig.scripts.json',
        NODE_ENV: 'production',
        PORT: String(randomInt(40_000, 60_000)),
        DATABASE_URL: foreign.database.url,
        SIGNING_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      },
    });

    const failure = await start.then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain(
      `signing keys ${foreign.kid} cannot be opened: they were sealed under another SIGNING_KEY_ENCRYPTION_KEY`,
    );
    expect(failure?.stderr).toContain(RETIRE_UNREADABLE_COMMAND);
  });

  it('starts in production once the rotate command has retired them, and signs with the new key', async () => {
    const foreign = await keysSealedElsewhere();
    const environment = {
      NODE_ENV: 'production',
      SIGNING_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    };
    const rotate = (...args: string[]) =>
      run('npm', ['run', '--silent', 'auth:rotate-keys', '--', ...args], {
        cwd: workspace,
        env: { ...process.env, ...environment, DATABASE_URL: foreign.database.url },
      });

    const { stdout } = await rotate('--retire-unreadable');
    expect(stdout).toContain(`retired ${foreign.kid}, which this key cannot open`);
    expect((await rotate('--retire-unreadable')).stdout).toContain('nothing retired');

    service = await startAuthService('foreign-keys-repaired', {
      database: foreign.database,
      environment,
    });
    const { accessToken } = await registerAndLogIn(service);
    const [, newKid] = /published (\S+);/.exec(stdout) ?? [];
    expect(decodeProtectedHeader(accessToken).kid).toBe(newKid);
  });
});
