import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfiguration } from '@capstone/platform/config';
import type { z } from 'zod';
import { repoRoot } from '../workspace/paths';
import { runnableApps } from './apps';
import { serviceEnvironment, type EnvironmentFiles } from './service-environment';

describe('the environment npm start gives a service', () => {
  let dir: string;
  let files: EnvironmentFiles;
  const app = { name: 'auth-service', port: 3001, database: 'auth', entry: 'main.js' };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'capstone-env-'));
    files = {
      example: join(dir, '.env.example'),
      devSecrets: join(dir, 'data', 'dev-secrets.env'),
      local: join(dir, '.env'),
    };
    writeFileSync(
      files.example,
      'LOG_LEVEL=info\nJWT_AUDIENCE=capstone\nSIGNING_KEY_ENCRYPTION_KEY=\nDATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres\n',
    );
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('starts from the documented defaults and points the service at its own database and port', () => {
    const env = serviceEnvironment(app, files);
    expect(env).toMatchObject({ JWT_AUDIENCE: 'capstone', PORT: '3001' });
    expect(env.DATABASE_URL).toBe('postgresql://postgres@127.0.0.1:5432/auth');
  });

  it('lets the developer .env override a default', () => {
    writeFileSync(files.local, 'LOG_LEVEL=debug\n');
    expect(serviceEnvironment(app, files).LOG_LEVEL).toBe('debug');
  });

  it('generates an empty secret once and reuses it on the next start', () => {
    const first = serviceEnvironment(app, files).SIGNING_KEY_ENCRYPTION_KEY;
    expect(Buffer.from(first ?? '', 'base64')).toHaveLength(32);
    expect(serviceEnvironment(app, files).SIGNING_KEY_ENCRYPTION_KEY).toBe(first);
    expect(readFileSync(files.devSecrets, 'utf8')).toContain(`SIGNING_KEY_ENCRYPTION_KEY=${first}`);
  });
});

describe("the workspace's .env.example", () => {
  const example = join(repoRoot, '.env.example');
  const apps = runnableApps();
  const schemas = new Map<string, z.ZodObject>();

  beforeAll(async () => {
    for (const { name } of apps) {
      const file = join(repoRoot, 'apps', name, 'src', 'config', 'environment.ts');
      const { environmentSchema } = (await import(file)) as { environmentSchema: z.ZodObject };
      schemas.set(name, environmentSchema);
    }
  });

  it('documents every variable of every service, set or commented out', () => {
    const documented = readFileSync(example, 'utf8');
    const undocumented = [...schemas].flatMap(([name, schema]) =>
      Object.keys(schema.shape)
        .filter((key) => !new RegExp(`^(# ?)?${key}=`, 'm').test(documented))
        .map((key) => `${name}: ${key}`),
    );
    expect(undocumented).toEqual([]);
  });

  it('gives every service under npm start an environment it starts with, with no .env and an empty shell', () => {
    const dir = mkdtempSync(join(tmpdir(), 'capstone-env-'));
    const shell = process.env;
    process.env = {};
    try {
      const files = { example, devSecrets: join(dir, 'dev-secrets.env'), local: join(dir, '.env') };
      for (const app of apps) {
        const schema = schemas.get(app.name) as z.ZodObject;
        expect(() => loadConfiguration(schema, serviceEnvironment(app, files))).not.toThrow();
      }
    } finally {
      process.env = shell;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
