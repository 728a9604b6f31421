import {
  components,
  type Component,
  type ComponentStatus,
  type Log,
  type UpResult,
} from './component';
import { componentDriver, componentDrivers } from './component-drivers';
import { componentStatus } from './component-status';
import { ensureComponent } from './ensure-component';
import { infraPaths } from './infra-paths';
import { stopProcess, type ManagedProcess } from './process/detached-process';
import { withInfraLock } from './process/infra-lock';
import { isRunning } from './process/process-identity';
import { processRegistry, type ProcessRegistry } from './process/process-registry';
import { infraSettings, type InfraSettings } from './settings';

export interface InfraOptions {
  /** Settings that win over the environment's: how a test points infra at spare ports and a scratch data dir. */
  settings?: Partial<InfraSettings>;
}

export interface StatusOptions extends InfraOptions {
  /** Where service schemas are discovered; the workspace's prisma/ unless a test points elsewhere. */
  prismaDir?: string;
}

export interface UpOptions extends StatusOptions {
  /** Brings up only these components (default: all of them). */
  only?: Component[];
  log?: Log;
}

export interface DownOptions extends InfraOptions {
  only?: Component[];
  log?: Log;
}

const defaultLog: Log = (line) => console.log(line);

/** Idempotent: whatever is already healthy is left alone, so a second `up` starts nothing. */
export function infraUp(options: UpOptions = {}): Promise<UpResult> {
  const log = options.log ?? defaultLog;
  const settings = infraSettings(options.settings);
  const drivers = componentDrivers(settings, options.prismaDir).filter(
    (driver) => !options.only || options.only.includes(driver.component),
  );
  return withLock(settings, log, async (registry) => {
    const result: UpResult = { statuses: [], startedNow: [] };
    for (const driver of drivers) {
      const { status, startedNow } = await ensureComponent(driver, registry, log);
      result.statuses.push(status);
      if (startedNow) result.startedNow.push(driver.component);
    }
    return result;
  });
}

/** Stops only what capstone started (all of it, or `only` those), newest first; returns what it stopped. */
export function infraDown(options: DownOptions = {}): Promise<Component[]> {
  const log = options.log ?? defaultLog;
  const chosen = [...components]
    .reverse()
    .filter((component) => !options.only || options.only.includes(component));
  return withLock(infraSettings(options.settings), log, async (registry) => {
    const stopped: Component[] = [];
    for (const component of chosen) {
      if (await stopManaged(component, registry, log)) stopped.push(component);
    }
    return stopped;
  });
}

export function infraStatus(options: StatusOptions = {}): Promise<ComponentStatus[]> {
  const settings = infraSettings(options.settings);
  const registry = registryOf(settings);
  return Promise.all(
    componentDrivers(settings, options.prismaDir).map((driver) =>
      componentStatus(driver, registry),
    ),
  );
}

/** The process capstone started for a component, if it still runs. */
export function managedProcess(
  component: Component,
  options: InfraOptions = {},
): ManagedProcess | undefined {
  return registryOf(infraSettings(options.settings)).managed(component);
}

/** Starts one component if it is not running, e.g. Kafka again after a test stopped it. */
export function startComponent(
  component: Component,
  options: UpOptions = {},
): Promise<ComponentStatus> {
  const log = options.log ?? defaultLog;
  const settings = infraSettings(options.settings);
  const driver = componentDriver(component, settings, options.prismaDir);
  return withLock(
    settings,
    log,
    async (registry) => (await ensureComponent(driver, registry, log)).status,
  );
}

/** Stops one component if capstone started it; resolves to whether anything was stopped. */
export function stopComponent(
  component: Component,
  options: InfraOptions & { log?: Log } = {},
): Promise<boolean> {
  const log = options.log ?? defaultLog;
  return withLock(infraSettings(options.settings), log, (registry) =>
    stopManaged(component, registry, log),
  );
}

function registryOf(settings: InfraSettings): ProcessRegistry {
  return processRegistry(infraPaths(settings.dataDir).registryFile);
}

/** Every command that changes servers holds the data dir's lock while it reads and writes its registry. */
function withLock<T>(
  settings: InfraSettings,
  log: Log,
  work: (registry: ProcessRegistry) => Promise<T>,
): Promise<T> {
  const paths = infraPaths(settings.dataDir);
  return withInfraLock(paths.lockFile, log, () => work(processRegistry(paths.registryFile)));
}

async function stopManaged(
  component: Component,
  registry: ProcessRegistry,
  log: Log,
): Promise<boolean> {
  const recorded = registry.recorded(component);
  if (!recorded) return false;
  const running = isRunning(recorded);
  if (running) {
    log(`${component}: stopping (pid ${recorded.pid})`);
    await stopProcess(recorded);
  }
  registry.forget(component);
  return running;
}
