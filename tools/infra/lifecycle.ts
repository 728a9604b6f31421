import {
  components,
  type Component,
  type ComponentStatus,
  type Log,
  type UpResult,
} from './component';
import { componentDriver, componentDrivers, type DriverOptions } from './component-drivers';
import { componentStatus } from './component-status';
import { ensureComponent } from './ensure-component';
import { stopProcess } from './process/detached-process';
import { withInfraLock } from './process/infra-lock';
import { isRunning } from './process/process-identity';
import { forgetProcess, recordedProcess } from './process/process-registry';

export interface UpOptions extends DriverOptions {
  log?: Log;
}

export interface DownOptions {
  only?: Component[];
  log?: Log;
}

const defaultLog: Log = (line) => console.log(line);

/** Idempotent: whatever is already healthy is left alone, so a second `up` starts nothing. */
export function infraUp(options: UpOptions = {}): Promise<UpResult> {
  const log = options.log ?? defaultLog;
  return withInfraLock(log, async () => {
    const result: UpResult = { statuses: [], startedNow: [] };
    for (const driver of componentDrivers(options)) {
      const { status, startedNow } = await ensureComponent(driver, log);
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
  return withInfraLock(log, async () => {
    const stopped: Component[] = [];
    for (const component of chosen) {
      if (await stopManaged(component, log)) stopped.push(component);
    }
    return stopped;
  });
}

export function infraStatus(options: DriverOptions = {}): Promise<ComponentStatus[]> {
  return Promise.all(componentDrivers(options).map(componentStatus));
}

/** Starts one component if it is not running, e.g. Kafka again after a test stopped it. */
export function startComponent(
  component: Component,
  options: UpOptions = {},
): Promise<ComponentStatus> {
  const log = options.log ?? defaultLog;
  return withInfraLock(
    log,
    async () => (await ensureComponent(componentDriver(component, options), log)).status,
  );
}

/** Stops one component if capstone started it; resolves to whether anything was stopped. */
export function stopComponent(component: Component, options: { log?: Log } = {}): Promise<boolean> {
  const log = options.log ?? defaultLog;
  return withInfraLock(log, () => stopManaged(component, log));
}

async function stopManaged(component: Component, log: Log): Promise<boolean> {
  const recorded = recordedProcess(component);
  if (!recorded) return false;
  const running = isRunning(recorded);
  if (running) {
    log(`${component}: stopping (pid ${recorded.pid})`);
    await stopProcess(recorded);
  }
  forgetProcess(component);
  return running;
}
