import autocannon from 'autocannon';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LoadResult, LoadTarget } from './http-load';
import { assertLoopback } from './loopback-http';
import { percentile } from './percentile';

export interface PacedLoadSettings {
  connections: number;
  /** Requests a second offered, over all connections. */
  rate: number;
  durationSeconds: number;
  /** Groups of connections whose seconds start this far apart: the offered load comes in this many pulses a second. */
  pulsesPerSecond: number;
}

/**
 * A fixed offered rate spread over the second. autocannon's `overallRate` lets each connection send its
 * share of a second as soon as the second starts, so the whole second's requests arrive as one burst and the
 * p99 is the burst's length. Here the connections are split into `pulsesPerSecond` autocannon instances,
 * each offering its share of the rate and started 1 / pulsesPerSecond s after the one before, so the same
 * requests arrive in evenly spaced small bursts, nearer to independent clients. Every answer's own time is
 * recorded (autocannon's `response` event, microsecond resolution), not autocannon's per-instance histogram.
 */
export async function measurePaced(
  target: LoadTarget,
  { connections, rate, durationSeconds, pulsesPerSecond }: PacedLoadSettings,
): Promise<LoadResult> {
  assertLoopback(target.url);
  // No more pulses than connections; what does not divide evenly goes to the first pulses.
  const pulseCount = Math.min(pulsesPerSecond, connections);
  const shareOf = (total: number, index: number) =>
    Math.floor(total / pulseCount) + (index < total % pulseCount ? 1 : 0);
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let errors = 0;
  const pulses = Array.from({ length: pulseCount }, async (_, index) => {
    await sleep((index * 1000) / pulseCount);
    const pulseRate = shareOf(rate, index);
    let answered = 0;
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const instance = autocannon(
        {
          url: target.url,
          headers: target.headers,
          connections: shareOf(connections, index),
          overallRate: pulseRate,
          amount: pulseRate * durationSeconds,
          // Every sample is taken from the response event below, as it was measured.
          ignoreCoordinatedOmission: true,
        },
        (error) => (error ? reject(error) : resolve()),
      );
      instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
        answered += 1;
        latencies.push(responseTimeMs);
        statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
      });
      instance.on('reqError', () => (errors += 1));
    });
    // Answers a second while this pulse ran: the pulses' rates add up to the achieved rate.
    return answered / ((performance.now() - started) / 1000);
  });
  const achieved = (await Promise.all(pulses)).reduce((sum, pulseRate) => sum + pulseRate, 0);

  const succeeded = [...statuses].reduce(
    (sum, [status, count]) =>
      (target.status === undefined ? status >= 200 && status < 300 : status === target.status)
        ? sum + count
        : sum,
    0,
  );
  const failed = latencies.length - succeeded + errors;
  if (failed > 0)
    throw new Error(
      `${target.url}: ${failed} of ${latencies.length} paced requests failed (statuses ${JSON.stringify(Object.fromEntries(statuses))}, errors ${errors})`,
    );
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return {
    requestsPerSecond: achieved,
    p50Ms: round(percentile(latencies, 0.5)),
    p99Ms: round(percentile(latencies, 0.99)),
    requests: succeeded,
  };
}
