import { relative } from 'node:path';
import { repoRoot } from '../workspace/paths';
import type { ComponentDriver, ComponentStatus, Health, Log } from './component';
import { unhealthy } from './health';
import { InfraError } from './infra-error';
import { isListening, isLoopback } from './network';
import { pollUntil } from './poll';
import { launchDetached, type ManagedProcess } from './process/detached-process';
import { tailOf } from './process/log-tail';
import { isRunning } from './process/process-identity';
import type { ProcessRegistry } from './process/process-registry';

export interface EnsuredComponent {
  status: ComponentStatus;
  startedNow: boolean;
}

/** Leaves one component healthy: the process capstone already runs, a server found at the endpoint, or a new local one. */
export async function ensureComponent(
  driver: ComponentDriver,
  registry: ProcessRegistry,
  log: Log,
): Promise<EnsuredComponent> {
  let owned = registry.managed(driver.component);
  let startedNow = false;
  if (owned) {
    log(`${driver.component}: already running (pid ${owned.pid})`);
  } else {
    // Whatever was recorded is no longer that process: it died, or the machine restarted.
    registry.forget(driver.component);
    if (await isListening(driver.address)) {
      log(`${driver.component}: using the server at ${driver.endpoint}`);
    } else {
      owned = await startLocal(driver, registry, log);
      startedNow = true;
    }
  }
  const health = await waitUntilHealthy(driver, owned, log);
  const managedBy = owned ? 'capstone' : 'external';
  return {
    status: {
      component: driver.component,
      healthy: true,
      managedBy,
      endpoint: driver.endpoint,
      detail: health.detail,
    },
    startedNow,
  };
}

async function startLocal(
  driver: ComponentDriver,
  registry: ProcessRegistry,
  log: Log,
): Promise<ManagedProcess> {
  if (!isLoopback(driver.address.host)) {
    throw new InfraError(
      'NOT_LOCAL',
      `${driver.component} is not reachable at ${driver.endpoint}, and capstone only starts servers on this machine`,
    );
  }
  log(`${driver.component}: nothing at ${driver.endpoint}, starting one`);
  const launch = await driver.launch(log);
  const started = launchDetached(launch);
  registry.record(driver.component, started);
  log(
    `${driver.component}: started (pid ${started.pid}), logging to ${relative(repoRoot, launch.logFile)}`,
  );
  return started;
}

async function waitUntilHealthy(
  driver: ComponentDriver,
  owned: ManagedProcess | undefined,
  log: Log,
): Promise<Health> {
  let health: Health = { healthy: false, detail: 'not checked yet' };
  const healthy = await pollUntil(
    async () => {
      if (owned && !isRunning(owned)) {
        throw new InfraError(
          'START_FAILED',
          `${driver.component} exited before it became healthy; ${owned.logFile} ends with:\n${tailOf(owned.logFile)}`,
        );
      }
      health = await provisionThenProbe(driver, log);
      return health.healthy;
    },
    {
      timeoutMs: driver.startupTimeoutMs,
      intervalMs: 500,
      onProgress: (elapsedMs) =>
        log(
          `${driver.component}: waiting for it to become healthy (${Math.round(elapsedMs / 1000)}s): ${health.detail}`,
        ),
    },
  );
  if (healthy) return health;
  const logTail = owned ? `\n${owned.logFile} ends with:\n${tailOf(owned.logFile)}` : '';
  throw new InfraError(
    'NOT_READY',
    `${driver.component} at ${driver.endpoint} was not healthy within ${driver.startupTimeoutMs / 1000}s: ${health.detail}${logTail}`,
  );
}

/** Provisioning fails while a server is still starting; that is just "not healthy yet". */
async function provisionThenProbe(driver: ComponentDriver, log: Log): Promise<Health> {
  try {
    await driver.provision?.(log);
  } catch (error) {
    return unhealthy(error);
  }
  return driver.probe();
}
