import { infraStatus, infraUp, startComponent, stopComponent } from './workspace-tools';

/** Brings Postgres, Redis, Kafka and S3 up unless they already are (after `npm test` they are: a no-op). */
export async function ensureTestInfrastructure(): Promise<void> {
  const { statuses } = await infraUp({ log: () => undefined });
  const unhealthy = statuses.filter((status) => !status.healthy);
  if (unhealthy.length > 0) {
    throw new Error(
      `test infrastructure is not healthy: ${unhealthy.map((s) => `${s.component} (${s.detail})`).join(', ')}`,
    );
  }
}

/** The broker `npm run infra` started, which a disruptive test may stop and start again. */
export interface ManagedKafka {
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** Undefined when Kafka is external: a test must never stop a broker it does not own. */
export async function managedKafka(): Promise<ManagedKafka | undefined> {
  const kafka = (await infraStatus()).find((status) => status.component === 'kafka');
  if (kafka?.managedBy !== 'capstone') return undefined;
  const quiet = { log: () => undefined };
  return {
    async stop() {
      await stopComponent('kafka', quiet);
    },
    async start() {
      const status = await startComponent('kafka', quiet);
      if (!status.healthy) throw new Error(`Kafka did not come back: ${status.detail}`);
    },
  };
}
