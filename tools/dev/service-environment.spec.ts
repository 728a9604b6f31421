import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
