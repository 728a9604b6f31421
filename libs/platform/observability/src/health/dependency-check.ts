import { Kafka, logLevel } from 'kafkajs';

/** One real dependency `/health/ready` asks; the probe rejects when the dependency cannot serve. */
export interface DependencyCheck {
  name: string;
  probe(): Promise<unknown>;
}

/** Pass the service's own query, e.g. `() => pool.query('SELECT 1')` or `() => prisma.$queryRaw\`SELECT 1\``. */
export function postgresCheck(selectOne: () => Promise<unknown>): DependencyCheck {
  return { name: 'postgres', probe: selectOne };
}

/** Pings through the service's own client, so a broken connection pool shows up, not only a dead server. */
export function redisCheck(client: { ping(): Promise<unknown> }): DependencyCheck {
  return { name: 'redis', probe: () => client.ping() };
}

/** Asks the cluster for its brokers over a fresh admin connection that neither retries nor logs. */
export function kafkaCheck(brokers: string[]): DependencyCheck {
  const kafka = new Kafka({
    clientId: 'readiness-probe',
    brokers,
    connectionTimeout: 1000,
    requestTimeout: 2000,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  });
  return {
    name: 'kafka',
    async probe() {
      const admin = kafka.admin();
      try {
        await admin.connect();
        await admin.describeCluster();
      } finally {
        await admin.disconnect();
      }
    },
  };
}
