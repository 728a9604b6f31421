import { Agent, request } from 'node:http';

// Keep-alive, as a gateway or a service client holds connections open.
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

export interface HttpCall {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: unknown;
}

export interface HttpAnswer {
  status: number;
  body: string;
  /** Milliseconds from sending to the last byte. */
  latencyMs: number;
}

/** One request, to 127.0.0.1 only: a benchmark must never load someone else's server. */
export function call({ url, method = 'GET', headers = {}, body }: HttpCall): Promise<HttpAnswer> {
  const target = new URL(url);
  if (target.hostname !== '127.0.0.1')
    throw new Error(`benchmarks only call 127.0.0.1, not ${target.hostname}`);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const outgoing = request(
      target,
      {
        method,
        agent,
        headers: payload ? { 'content-type': 'application/json', ...headers } : headers,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
            latencyMs: Number(process.hrtime.bigint() - started) / 1e6,
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

export interface Throughput {
  requests: number;
  failures: number;
  seconds: number;
  requestsPerSecond: number;
}

/**
 * Sends `requests` copies of a call from `concurrency` loops, stopping early at `maxSeconds`.
 * A response other than `expectedStatus` counts as a failure, not as throughput.
 */
export async function measureThroughput(
  template: HttpCall,
  {
    requests,
    concurrency,
    maxSeconds,
    expectedStatus = 200,
  }: { requests: number; concurrency: number; maxSeconds: number; expectedStatus?: number },
): Promise<Throughput> {
  let sent = 0;
  let succeeded = 0;
  let failures = 0;
  const started = process.hrtime.bigint();
  const deadline = Date.now() + maxSeconds * 1000;
  const loop = async () => {
    while (sent < requests && Date.now() < deadline) {
      sent += 1;
      const answer = await call(template);
      if (answer.status === expectedStatus) succeeded += 1;
      else failures += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { requests: succeeded, failures, seconds, requestsPerSecond: succeeded / seconds };
}

/** The value below which `fraction` of the samples fall (nearest rank). */
export function percentile(samples: readonly number[], fraction: number): number {
  if (samples.length === 0) throw new RangeError('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}
