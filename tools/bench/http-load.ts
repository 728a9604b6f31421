import autocannon from 'autocannon';
import { assertLoopback } from './loopback-http';

export interface LoadTarget {
  url: string;
  headers?: Record<string, string>;
}

export interface LoadSettings {
  connections: number;
  /** Measured seconds, after the warm-up. */
  durationSeconds: number;
  /** Seconds of the same load first, unmeasured: JIT, connection pools and caches settle. */
  warmUpSeconds: number;
}

export interface LoadResult {
  /** Successful (2xx) responses per second over the measured window. */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** 2xx responses in the measured window. */
  requests: number;
}

const loadOf = (target: LoadTarget, { connections }: LoadSettings) => {
  assertLoopback(target.url);
  return { url: target.url, headers: target.headers, connections };
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
    duration: settings.durationSeconds,
  });
  // A failing route answers fast: its throughput would flatter the server, so it is no result at all.
  const failed = result.non2xx + result.errors;
  if (failed > 0)
    throw new Error(
      `${target.url}: ${failed} of ${result.requests.total} requests failed (non-2xx ${result.non2xx}, errors ${result.errors})`,
    );
  return {
    requestsPerSecond: result['2xx'] / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result['2xx'],
  };
}

/** Keeps `connections` keep-alive connections busy for the warm-up, then for the measured window. */
export async function measureLoad(target: LoadTarget, settings: LoadSettings): Promise<LoadResult> {
  await warmUp(target, settings);
  return measureWindow(target, settings);
}
