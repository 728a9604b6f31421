/**
 * `npm start`: the whole stack as local processes. Infrastructure up, database clients generated,
 * migrations applied, demo data seeded, every service built and started behind the gateway (the
 * same routes as nginx in Compose), then a table of URLs.
 * Ctrl-C stops the services and whatever infrastructure this run started.
 */
import { infraDown, infraUp, type Component } from '../infra';
import { binary, runCommand } from '../workspace/command';
import { databaseUrlFor, deployAll, generateClients, seedAll } from '../db';
import { syncSharedPrismaModels } from '../prisma-shared';
import type { Server } from 'node:http';
import { runnableApps, type RunnableApp } from './apps';
import { startDevGateway } from './dev-gateway';
import { serviceEnvironment } from './service-environment';
import { ServiceSupervisor } from './supervisor';

process.env.NX_DAEMON = 'false';
process.env.NX_TUI = 'false';

const gatewayPort = Number(process.env.GATEWAY_PORT ?? 8080);

function phase(title: string): void {
  console.log(`\n▶ ${title}`);
}

async function main(): Promise<void> {
  phase('Infrastructure');
  // Resolves only once every component is healthy; otherwise it throws and nothing else starts.
  const { statuses, startedNow } = await infraUp({ log: (line) => console.log(`  ${line}`) });

  phase('Database clients, migrations and demo data');
  const log = (line: string) => console.log(`  ${line}`);
  syncSharedPrismaModels();
  await generateClients(undefined, log);
  await deployAll(undefined, log);
  // Each environment is read once: reading it opens the env files and may write the development secrets.
  const apps = runnableApps().map((app) => ({ ...app, environment: serviceEnvironment(app) }));
  await seedAll(
    (project) => {
      const owner = apps.find((app) => app.database === project.database);
      return owner
        ? owner.environment
        : { ...process.env, DATABASE_URL: databaseUrlFor(project.database) };
    },
    undefined,
    log,
  );

  const supervisor = new ServiceSupervisor();
  process.once('exit', () => supervisor.killAll());
  if (apps.length > 0) {
    phase(`Building ${apps.length} services`);
    const build = await runCommand(binary('nx'), [
      'run-many',
      '-t',
      'build',
      '-p',
      ...apps.map((app) => app.name),
    ]);
    if (build.exitCode !== 0) throw new Error('the build failed; see the output above');

    phase('Starting services');
    for (const app of apps) {
      supervisor.start(app.name, app.entry, app.environment);
    }
  }
  const gateway = apps.length > 0 ? await openGateway(apps) : undefined;

  printUrls(
    statuses.map((s) => [s.component, s.endpoint]),
    apps,
    gateway !== undefined,
  );
  await untilInterrupted();

  console.log('\nStopping…');
  gateway?.close();
  await supervisor.stopAll();
  await stopStartedInfra(startedNow);
}

/** The same routes as the nginx gateway in Compose; a busy port leaves the services reachable directly. */
async function openGateway(apps: RunnableApp[]): Promise<Server | undefined> {
  try {
    return await startDevGateway(gatewayPort, new Map(apps.map((app) => [app.name, app.port])));
  } catch (error) {
    console.warn(`  gateway not started on port ${gatewayPort}: ${(error as Error).message}`);
    return undefined;
  }
}

type ConfiguredApp = RunnableApp & { environment: NodeJS.ProcessEnv };

function printUrls(infra: [string, string][], apps: ConfiguredApp[], gatewayUp: boolean): void {
  const rows: [string, string][] = [
    ...infra,
    ...(gatewayUp ? [['gateway', `http://localhost:${gatewayPort}`] as [string, string]] : []),
    ...apps.map((app): [string, string] => [app.name, `http://localhost:${app.port}/docs`]),
    // Without SMTP_URL, notification-service keeps every email in its development mailbox.
    ...apps
      .filter((app) => app.name === 'notification-service' && !app.environment.SMTP_URL)
      .map((app): [string, string] => [
        'mailbox (admin token)',
        `http://localhost:${app.port}/api/notifications/v1/admin/mailbox`,
      ]),
  ];
  console.log('\n┌─ Capstone is running ' + '─'.repeat(40));
  for (const [name, url] of rows) console.log(`│ ${name.padEnd(24)} ${url}`);
  console.log('└─ Ctrl-C stops everything ' + '─'.repeat(35));
  if (apps.length === 0) console.log('No services yet: infrastructure only.');
}

function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}

async function stopStartedInfra(startedNow: Component[]): Promise<void> {
  if (startedNow.length > 0)
    await infraDown({ only: startedNow, log: (line) => console.log(`  ${line}`) });
}

main().catch((error: unknown) => {
  console.error(`\n✗ ${(error as Error).message}`);
  process.exit(1);
});
