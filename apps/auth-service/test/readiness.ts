import { eventually } from '@capstone/platform/testing';
import type { AuthServiceUnderTest } from './auth-service';

/** `/health/ready` as a kubelet sees it: the status code and the body. */
export async function readiness(service: AuthServiceUnderTest) {
  const response = await service.http.get('/health/ready');
  return { status: response.status, body: response.body };
}

/** What `/metrics` says of a dependency, 1 up or 0 down; undefined when it has no such series. */
export async function dependencyUpMetric(
  service: AuthServiceUnderTest,
  dependency: string,
  required: boolean,
): Promise<number | undefined> {
  const { text } = await service.http.get('/metrics').expect(200);
  const series = new RegExp(
    `^dependency_up\\{dependency="${dependency}",required="${required}"\\} (\\d+)$`,
    'm',
  ).exec(text);
  return series ? Number(series[1]) : undefined;
}

/** The answer while Postgres, Redis and Kafka all serve. */
export const everythingUp = {
  status: 200,
  body: {
    status: 'ready',
    dependencies: { postgres: 'up', redis: 'up', kafka: 'up' },
    degraded: [],
  },
};

/** Waits, within the deadline, until `/health/ready` answers exactly this; returns every status code seen meanwhile. */
export async function readinessBecomes(
  service: AuthServiceUnderTest,
  expected: { status: number; body: unknown },
  timeoutMs = 15_000,
): Promise<number[]> {
  const codesSeen: number[] = [];
  await eventually(
    async () => {
      const answer = await readiness(service);
      codesSeen.push(answer.status);
      expect(answer).toEqual(expected);
    },
    { timeoutMs, intervalMs: 250 },
  );
  return codesSeen;
}
