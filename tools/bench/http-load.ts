import autocannon from 'autocannon';
import { assertLoopback } from './loopback-http';

export interface LoadTarget {
  url: string;
  headers?: Record<string, string>;
  /** The one status every answer must have, e.g. 302 for a redirect; any 2xx when absent. */
  status?: number;
}

export interface LoadSettings {
  connections: number;
  /** Measured seconds, after the warm-up. */
  durationSeconds: number;
  /** Seconds of the same load first, unmeasured: JIT, connection pools and caches settle. */
  warmUpSeconds: number;
  /**
   * Requests a second over all connections (autocannon's `overallRate`); absent, as fast as answers
   * come. With a rate, the window is exactly rate × durationSeconds requests, each one waited for.
   */
  overallRate?: number;
}

export interface LoadResult {
  /** Successful responses (2xx, or the target's status) per second over the measured window. */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Successful responses in the measured window. */
  requests: number;
}

const loadOf = (target: LoadTarget, { connections, overallRate }: LoadSettings) => {
  assertLoopback(target.url);
  return { url: target.url, headers: target.headers, connections, overallRate };
};

/** `warmUpSeconds` of the load, unmeasured. */
export async function warmUp(target: LoadTarget, settings: LoadSettings): Promise<void> {
  if (settings.warmUpSeconds > 0)
    await autocannon({ ...loadOf(target, settings), duration: settings.warmUpSeconds });
}

/** The measured window alone, `durationSeconds` long: for callers that read the server between warm-up and it. */
export async function measureWindow(
  target: LoadTarget,
  settings: LoadSettings,
): Promise<LoadResult> {
  const result = await autocannon({
    ...loadOf(target, settings),
    // A count, not a time, at a fixed rate: no request is cut off in flight, so every one is counted.
    // autocannon's coordinated-omission correction is off there: it takes 1 ms (ceil(1 / a
    // connection's requests a second)) as the interval between requests, and so records one made-up
    // sample for every millisecond of each slow answer, though a connection sends its share of each
    // second back to back, as soon as the answer before arrives.
    ...(settings.overallRate === undefined
      ? { duration: settings.durationSeconds }
      : {
          amount: Math.round(settings.overallRate * settings.durationSeconds),
          ignoreCoordinatedOmission: true,
        }),
  });
  const succeeded =
    target.status === undefined
      ? result['2xx']
      : (result.statusCodeStats?.[`${target.status}`]?.count ?? 0);
  // A failing route answers fast: its throughput would flatter the server, so it is no result at all.
  const failed = result.requests.total - succeeded + result.errors;
  if (failed > 0)
    throw new Error(
      `${target.url}: ${failed} of ${result.requests.total} requests failed (statuses ${JSON.stringify(result.statusCodeStats)}, errors ${result.errors})`,
    );
  return {
    requestsPerSecond: succeeded / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: succeeded,
  };
}

/** Keeps `connections` keep-alive connections busy for the warm-up, then for the measured window. */
export async function measureLoad(target: LoadTarget, settings: LoadSettings): Promise<LoadResult> {
  await warmUp(target, settings);
  return measureWindow(target, settings);
}
