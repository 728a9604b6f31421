/**
 * `npm start`: the whole stack as local processes. Infrastructure up, database clients generated,
 * migrations applied, demo data seeded, every service built and started behind the gateway (the
 * same routes as nginx in Compose), then a table of URLs.
 * Ctrl-C, at any point, stops the services and whatever infrastructure this run started; the
 * banner names what it found running and leaves up.
 */
import type { Server } from 'node:http';
import { infraUp, type ComponentStatus } from '../infra';
import { binary, runCommand } from '../workspace/command';
import { databaseUrlFor, deployAll, generateClients, seedAll } from '../db';
import { syncSharedPrismaModels } from '../prisma-shared';
import { runnableApps, type RunnableApp } from './apps';
import { startBanner } from './banner';
import { startDevGateway } from './dev-gateway';
import { serviceEnvironment } from './service-environment';
import { interrupted, stopStack, type StartedStack } from './stack-shutdown';
import { ServiceSupervisor } from './supervisor';

process.env.NX_DAEMON = 'false';
process.env.NX_TUI = 'false';

const gatewayPort = Number(process.env.GATEWAY_PORT ?? 8080);
const log = (line: string) => console.log(`  ${line}`);

function phase(title: string): void {
  console.log(`\n▶ ${title}`);
}

async function main(): Promise<void> {
  const supervisor = new ServiceSupervisor();
  process.once('exit', () => supervisor.killAll());
  // Listening from the first moment: a Ctrl-C while Kafka starts or the services build must still
  // stop what this run started, not end the process and leave a broker behind.
  const stopRequested = interrupted([
    () => {
      log('Ctrl-C again: the services are killed without draining; the infrastructure still stops');
      supervisor.killAll();
    },
    () => {
      log('leaving now: `npm run infra -- down` stops the infrastructure still running');
      process.exit(130);
    },
  ]);

  let stopping = false;
  void stopRequested.then(() => (stopping = true));

  phase('Infrastructure');
  // Resolves only once every component is healthy; otherwise it throws and nothing else starts.
  const { statuses, startedNow } = await infraUp({ log });
  const stack: StartedStack = { supervisor, startedNow };
  // Ctrl-C while the infrastructure came up: build and start nothing on top of what now stops.
  const running = stopping ? Promise.resolve() : startServices(stack, statuses);
  // Once Ctrl-C has been pressed a half-done start-up may still fail; that failure is no news.
  running.catch(() => undefined);
  try {
    await Promise.race([running.then(() => stopRequested), stopRequested]);
  } finally {
    console.log('\nStopping…');
    await stopStack(stack, { log });
  }
}

async function startServices(stack: StartedStack, statuses: ComponentStatus[]): Promise<void> {
  phase('Database clients, migrations and demo data');
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
    for (const app of apps) stack.supervisor?.start(app.name, app.entry, app.environment);
    stack.gateway = await openGateway(apps);
  }
  const banner = startBanner({
    infra: statuses,
    startedNow: stack.startedNow,
    apps,
    gatewayPort: stack.gateway && gatewayPort,
  });
  console.log(`\n${banner.join('\n')}`);
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

main().then(
  // The gateway or a late child may still hold the event loop open.
  () => process.exit(0),
  (error: unknown) => {
    console.error(`\n✗ ${(error as Error).message}`);
    process.exit(1);
  },
);
