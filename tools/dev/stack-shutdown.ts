import type { Server } from 'node:http';
import { infraDown, type Component, type DownOptions } from '../infra';
import type { ServiceSupervisor } from './supervisor';

export interface StartedStack {
  gateway?: Server;
  supervisor?: ServiceSupervisor;
  /** The infrastructure this run started; what it found running is not its to stop. */
  startedNow: Component[];
}

/**
 * What Ctrl-C does: the gateway, then the services (which drain into the infrastructure), then the
 * infrastructure this run started, newest first. Resolves to the components it stopped.
 */
export async function stopStack(
  { gateway, supervisor, startedNow }: StartedStack,
  options: Pick<DownOptions, 'settings' | 'log'> = {},
): Promise<Component[]> {
  gateway?.close();
  await supervisor?.stopAll();
  return startedNow.length > 0 ? infraDown({ ...options, only: startedNow }) : [];
}

/**
 * Resolves at the first Ctrl-C (or SIGTERM). Each later one runs the next of `escalations`
 * instead of killing this process outright, which would leave a broker it has not yet stopped running.
 */
export function interrupted(escalations: (() => void)[]): Promise<void> {
  return new Promise((resolve) => {
    let count = 0;
    const onSignal = () => {
      if (count++ === 0) resolve();
      else escalations[Math.min(count - 2, escalations.length - 1)]?.();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
