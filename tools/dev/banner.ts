import type { Component, ComponentStatus } from '../infra';
import type { RunnableApp } from './apps';

export type ConfiguredApp = RunnableApp & { environment: NodeJS.ProcessEnv };

export interface RunningStack {
  infra: ComponentStatus[];
  /** What this run started, and so what Ctrl-C stops. */
  startedNow: Component[];
  apps: ConfiguredApp[];
  /** Undefined when the gateway could not take its port. */
  gatewayPort?: number;
}

type Row = [name: string, address: string];

const adminPath = '/api/notifications/v1/admin';
// prisma/auth/seed.ts uses it whenever SEED_ADMIN_PASSWORD is unset.
const seedDefaultPassword = 'capstone-dev-password';
// One of the demo links prisma/shortener/seed.ts makes.
const seededShortLinkPath = '/s/realworld';

/** What `npm start` prints once everything is up: where to go, and what Ctrl-C will and will not stop. */
export function startBanner(stack: RunningStack): string[] {
  const browser = [...browserRows(stack), ...shortLinkRows(stack)];
  const clients = clientRows(stack);
  const width = Math.max(...[...browser, ...clients].map(([name]) => name.length));
  const line = ([name, address]: Row) => `│   ${name.padEnd(width)}  ${address}`;
  return [
    '┌─ Capstone is running ' + '─'.repeat(40),
    '│ open in a browser',
    ...browser.map(line),
    ...adminLoginLines(stack.apps),
    '│ for clients',
    ...clients.map(line),
    `└─ Ctrl-C stops ${stoppedOnInterrupt(stack)} ` + '─'.repeat(10),
    ...staysUp(stack),
    ...(stack.apps.length === 0 ? ['No services yet: infrastructure only.'] : []),
  ];
}

function browserRows({ apps, gatewayPort }: RunningStack): Row[] {
  const docs = apps.map((app): Row => [`${app.name} API`, `http://localhost:${app.port}/docs`]);
  const notification = apps.find((app) => app.name === 'notification-service');
  if (!notification) return docs;
  // Through the gateway when it is up: the origin a client of the stack uses.
  const origin = `http://localhost:${gatewayPort ?? notification.port}`;
  const access =
    notification.environment.NODE_ENV === 'development' ? 'admin login' : 'admin token';
  return [
    ...docs,
    // Without SMTP_URL, notification-service keeps every email in its development mailbox.
    ...(notification.environment.SMTP_URL
      ? []
      : [[`mailbox (${access})`, `${origin}${adminPath}/mailbox`] as Row]),
    [`mail queue (${access})`, `${origin}${adminPath}/queues`],
  ];
}

function adminLoginLines(apps: ConfiguredApp[]): string[] {
  const notification = apps.find((app) => app.name === 'notification-service');
  if (notification?.environment.NODE_ENV !== 'development') return [];
  const { SEED_ADMIN_EMAIL, SEED_ADMIN_PASSWORD } = notification.environment;
  const password = SEED_ADMIN_PASSWORD ? 'SEED_ADMIN_PASSWORD from .env' : seedDefaultPassword;
  return [`│   admin login: ${SEED_ADMIN_EMAIL ?? 'admin@capstone.local'} / ${password}`];
}

function clientRows(stack: RunningStack): Row[] {
  const { infra, gatewayPort } = stack;
  return [
    ...(gatewayPort === undefined
      ? []
      : [['gateway (the API)', `http://localhost:${gatewayPort}`] as Row]),
    ...blogRows(stack),
    ...shortenerApiRows(stack),
    ...infra.map((status): Row => [status.component, status.endpoint]),
  ];
}

function blogRows({ apps, gatewayPort }: RunningStack): Row[] {
  const blog = apps.find((app) => app.name === 'blog-service');
  if (!blog) return [];
  // The gateway composes the RealWorld API: users from auth-service, articles from blog-service.
  const origin = `http://localhost:${gatewayPort ?? blog.port}`;
  return [
    ['RealWorld API', `${origin}/api/articles`],
    ['GraphQL', `${origin}/graphql`],
  ];
}

/** Through the gateway when it is up, where SHORT_LINK_BASE_URL's default puts the short links. */
function shortenerOrigin({ apps, gatewayPort }: RunningStack): string | undefined {
  const shortener = apps.find((app) => app.name === 'shortener-service');
  return shortener && `http://localhost:${gatewayPort ?? shortener.port}`;
}

function shortLinkRows(stack: RunningStack): Row[] {
  const origin = shortenerOrigin(stack);
  return origin ? [['a short link (seeded)', `${origin}${seededShortLinkPath}`]] : [];
}

function shortenerApiRows(stack: RunningStack): Row[] {
  const origin = shortenerOrigin(stack);
  return origin ? [['short links API', `${origin}/api/shortener/v1/links`]] : [];
}

function stoppedOnInterrupt({ apps, startedNow }: RunningStack): string {
  const parts = [
    ...(apps.length > 0 ? ['the services and the gateway'] : []),
    ...(startedNow.length > 0 ? [startedNow.join(', ')] : []),
  ];
  return parts.length > 0 ? parts.join(' and ') : 'nothing: this run started nothing';
}

/** Whatever this run found already running is left as it was found, and the banner says so. */
function staysUp({ infra, startedNow }: RunningStack): string[] {
  return infra
    .filter((status) => !startedNow.includes(status.component))
    .map((status) =>
      status.managedBy === 'capstone'
        ? `  ${status.component} stays up: capstone started it before this run (npm test, npm run infra -- up or an earlier start) and keeps it for the next; npm run infra -- down stops it`
        : `  ${status.component} stays up: it is not capstone's (found at ${status.endpoint})`,
    );
}
