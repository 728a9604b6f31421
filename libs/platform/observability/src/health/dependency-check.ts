/** One real dependency `/health/ready` asks; the probe rejects when the dependency cannot serve. */
export interface DependencyCheck {
  name: string;
  /**
   * Whether the service can serve without it (default true). A tolerated dependency that is down
   * marks the instance degraded instead of unready: pulling every pod would not bring it back.
   */
  required?: boolean;
  probe(): Promise<unknown>;
}

/** The service keeps serving while this dependency is down (e.g. Kafka behind the outbox). */
export function tolerated(check: DependencyCheck): DependencyCheck {
  // Not a spread: a check may be a class instance whose probe lives on its prototype.
  return { name: check.name, required: false, probe: () => check.probe() };
}

/** Pass the service's own query, e.g. `() => pool.query('SELECT 1')` or `() => prisma.$queryRaw\`SELECT 1\``. */
export function postgresCheck(selectOne: () => Promise<unknown>): DependencyCheck {
  return { name: 'postgres', probe: selectOne };
}

/** Pings through the service's own client, so a broken connection pool shows up, not only a dead server. */
export function redisCheck(client: { ping(): Promise<unknown> }): DependencyCheck {
  return { name: 'redis', probe: () => client.ping() };
}
