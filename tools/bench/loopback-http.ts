/** Benchmarks load only this machine: never someone else's server, never through a proxy. */
export function assertLoopback(url: string): URL {
  const target = new URL(url);
  if (target.hostname !== '127.0.0.1')
    throw new Error(`benchmarks only call 127.0.0.1, not ${target.hostname}`);
  return target;
}

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

/** One request, timed: for set-up steps and for latencies measured one call at a time (logins). */
export async function call({
  url,
  method = 'GET',
  headers = {},
  body,
}: HttpCall): Promise<HttpAnswer> {
  const target = assertLoopback(url);
  const started = performance.now();
  const response = await fetch(target, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text, latencyMs: performance.now() - started };
}
