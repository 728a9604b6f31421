import type { ProcessLaunch } from './process/detached-process';
import type { SocketAddress } from './network';

export type Component = 'postgres' | 'redis' | 'kafka' | 's3';

/** Start order; `down` walks it backwards. */
export const components: readonly Component[] = ['postgres', 'redis', 'kafka', 's3'];

export interface ComponentStatus {
  component: Component;
  healthy: boolean;
  managedBy: 'external' | 'capstone' | 'none';
  endpoint: string;
  detail?: string;
}

export interface UpResult {
  statuses: ComponentStatus[];
  startedNow: Component[];
}

export type Log = (line: string) => void;

/** What one look at a server found. */
export interface Health {
  healthy: boolean;
  detail: string;
}

/** How the lifecycle works with one kind of server: check it, start a local one, make it ready. */
export interface ComponentDriver {
  readonly component: Component;
  readonly endpoint: string;
  /** Where a running server is looked for, and where a local one would listen. */
  readonly address: SocketAddress;
  /** How long a freshly started local server may take to become healthy. */
  readonly startupTimeoutMs: number;
  probe(): Promise<Health>;
  /** Prepares a local server (download, initialise, configure) and says how to run it. */
  launch(log: Log): Promise<ProcessLaunch>;
  /** Idempotent set-up that `up` repeats until the probe passes (Postgres: the service databases). */
  provision?(log: Log): Promise<void>;
}
