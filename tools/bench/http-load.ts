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

/** Keeps `connections` keep-alive connections busy for the duration; autocannon records the latencies. */
export async function measureLoad(target: LoadTarget, settings: LoadSettings): Promise<LoadResult> {
  assertLoopback(target.url);
  const base = { url: target.url, headers: target.headers, connections: settings.connections };
  if (settings.warmUpSeconds > 0) await autocannon({ ...base, duration: settings.warmUpSeconds });
  const result = await autocannon({ ...base, duration: settings.durationSeconds });
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
