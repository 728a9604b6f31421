import type { ComponentStatus } from '../infra';
import { startBanner, type ConfiguredApp, type RunningStack } from './banner';

const infra: ComponentStatus[] = [
  { component: 'postgres', healthy: true, managedBy: 'external', endpoint: '127.0.0.1:5432' },
  { component: 'redis', healthy: true, managedBy: 'capstone', endpoint: '127.0.0.1:6379' },
  { component: 'kafka', healthy: true, managedBy: 'capstone', endpoint: '127.0.0.1:9092' },
];

function app(name: string, port: number, environment: NodeJS.ProcessEnv = {}): ConfiguredApp {
  return { name, port, entry: 'main.js', environment: { NODE_ENV: 'development', ...environment } };
}

const apps = [app('auth-service', 3001), app('notification-service', 3006)];
const stack: RunningStack = { infra, startedNow: ['redis', 'kafka'], apps, gatewayPort: 8080 };
const banner = (changes: Partial<RunningStack> = {}) =>
  startBanner({ ...stack, ...changes }).join('\n');

describe('the banner npm start prints', () => {
  it('sends a browser to the mailbox and the queue dashboard through the gateway, behind the admin login', () => {
    expect(banner()).toMatch(
      /mailbox \(admin login\) +http:\/\/localhost:8080\/api\/notifications\/v1\/admin\/mailbox/,
    );
    expect(banner()).toMatch(
      /mail queue \(admin login\) +http:\/\/localhost:8080\/api\/notifications\/v1\/admin\/queues/,
    );
    expect(banner()).toContain('admin login: admin@capstone.local / capstone-dev-password');
  });

  it('names the seeded password only when the seed uses its public default', () => {
    const seeded = [app('notification-service', 3006, { SEED_ADMIN_PASSWORD: 'own secret' })];
    expect(banner({ apps: seeded })).not.toContain('own secret');
    expect(banner({ apps: seeded })).toContain('SEED_ADMIN_PASSWORD from .env');
  });

  it('leaves the mailbox out when SMTP_URL sends real email', () => {
    const smtp = [app('notification-service', 3006, { SMTP_URL: 'smtp://127.0.0.1:1025' })];
    expect(banner({ apps: smtp })).not.toContain('mailbox');
  });

  it('addresses the services directly when the gateway could not take its port', () => {
    const direct = banner({ gatewayPort: undefined });
    expect(direct).toContain('http://localhost:3006/api/notifications/v1/admin/mailbox');
    expect(direct).not.toContain('8080');
  });

  it('says a production-like start needs an admin token, and offers no login', () => {
    const production = [app('notification-service', 3006, { NODE_ENV: 'production' })];
    expect(banner({ apps: production })).toContain('mail queue (admin token)');
    expect(banner({ apps: production })).not.toContain('admin login:');
  });

  it("points clients at blog-service's RealWorld API and GraphQL through the gateway, and a browser at its API docs", () => {
    const withBlog = banner({ apps: [...apps, app('blog-service', 3002)] });
    expect(withBlog).toMatch(/RealWorld API +http:\/\/localhost:8080\/api\/articles/);
    expect(withBlog).toMatch(/GraphQL +http:\/\/localhost:8080\/graphql/);
    expect(withBlog).toMatch(/blog-service API +http:\/\/localhost:3002\/docs/);
  });

  it('addresses blog-service directly when the gateway could not take its port', () => {
    const direct = banner({ apps: [app('blog-service', 3002)], gatewayPort: undefined });
    expect(direct).toContain('http://localhost:3002/api/articles');
    expect(direct).toContain('http://localhost:3002/graphql');
  });

  it('names no blog addresses when blog-service is not part of the stack', () => {
    expect(banner()).not.toMatch(/RealWorld API|GraphQL/);
  });

  it("sends a browser to a seeded short link and clients to shortener-service's links API through the gateway, beside its API docs", () => {
    const withShortener = banner({ apps: [...apps, app('shortener-service', 3005)] });
    expect(withShortener).toMatch(/a short link \(seeded\) +http:\/\/localhost:8080\/s\/realworld/);
    expect(withShortener).toMatch(
      /short links API +http:\/\/localhost:8080\/api\/shortener\/v1\/links/,
    );
    expect(withShortener).toMatch(/shortener-service API +http:\/\/localhost:3005\/docs/);
  });

  it('addresses shortener-service directly when the gateway could not take its port', () => {
    const direct = banner({ apps: [app('shortener-service', 3005)], gatewayPort: undefined });
    expect(direct).toContain('http://localhost:3005/s/realworld');
    expect(direct).toContain('http://localhost:3005/api/shortener/v1/links');
  });

  it('names no short link when shortener-service is not part of the stack', () => {
    expect(banner()).not.toMatch(/short link/);
  });

  it('says Ctrl-C stops what this run started, and why each thing it found running stays up', () => {
    const lines = startBanner({ ...stack, startedNow: ['kafka'] });
    expect(lines).toContainEqual(
      expect.stringMatching(/Ctrl-C stops the services and the gateway and kafka /),
    );
    expect(lines).toContainEqual(expect.stringMatching(/postgres stays up: it is not capstone's/));
    expect(lines).toContainEqual(
      expect.stringMatching(
        /redis stays up: capstone started it before this run .* npm run infra -- down stops it/,
      ),
    );
    expect(lines.join('\n')).not.toMatch(/kafka stays up/);
  });
});
