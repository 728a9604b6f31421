import { setTimeout as delay } from 'node:timers/promises';
import type { PrismaClient } from '../test/prisma/generated/prisma/client';

export interface Committed {
  id: string;
  /** Our clock, read as the transaction asked to commit: COMMIT's round trip counts as latency. */
  committedAtMs: number;
}

export interface Published {
  latenciesMs: number[];
  /** Distinct `published_at` values: every row of one relay batch gets the same stamp. */
  stamps: number;
  /** On our clock, like every time here. */
  lastPublishedAtMs: number;
}

/** Epoch milliseconds with sub-millisecond resolution, from the monotonic clock. */
export function wallClockMs(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * Postgres's clock minus ours, from the quickest of a few round trips (its midpoint is closest to
 * the server's reading). Both clocks are usually the same host's, but a remote server need not agree.
 */
export async function databaseClockOffset(prisma: PrismaClient, samples = 10): Promise<number> {
  let best = { roundTripMs: Number.POSITIVE_INFINITY, offsetMs: 0 };
  for (let sample = 0; sample < samples; sample += 1) {
    const sentAtMs = wallClockMs();
    const [{ now }] = await prisma.$queryRaw<{ now: number }[]>`
      SELECT extract(epoch FROM clock_timestamp())::float8 * 1000 AS now`;
    const receivedAtMs = wallClockMs();
    if (receivedAtMs - sentAtMs < best.roundTripMs)
      best = {
        roundTripMs: receivedAtMs - sentAtMs,
        offsetMs: now - (sentAtMs + receivedAtMs) / 2,
      };
  }
  return best.offsetMs;
}

/**
 * Waits until the relay has stamped every committed row, then pairs each commit with its stamp.
 * `published_at` is set by the UPDATE the relay runs only after Kafka acknowledged the batch (acks=-1),
 * so it is the acknowledgement time plus at most one round trip to Postgres, to the millisecond.
 */
export async function commitToPublish(
  prisma: PrismaClient,
  committed: readonly Committed[],
  clockOffsetMs: number,
  withinMs: number,
): Promise<Published> {
  const ids = committed.map((row) => row.id);
  const deadline = Date.now() + withinMs;
  for (;;) {
    const [{ waiting }] = await prisma.$queryRaw<{ waiting: number }[]>`
      SELECT count(*)::int AS waiting FROM outbox_event
       WHERE id = ANY(${ids}::uuid[]) AND published_at IS NULL`;
    if (waiting === 0) break;
    if (Date.now() > deadline)
      throw new Error(`${waiting} of ${ids.length} events unpublished after ${withinMs} ms`);
    // Polled: the relay stamps rows in its own session and announces nothing to other sessions.
    await delay(20);
  }
  const rows = await prisma.$queryRaw<{ id: string; published_ms: number }[]>`
    SELECT id::text, extract(epoch FROM published_at)::float8 * 1000 AS published_ms
      FROM outbox_event WHERE id = ANY(${ids}::uuid[])`;
  if (rows.length !== ids.length)
    throw new Error(`${ids.length - rows.length} committed events have no outbox row`);
  const publishedAt = new Map(rows.map((row) => [row.id, row.published_ms - clockOffsetMs]));
  return {
    latenciesMs: committed.map((row) => (publishedAt.get(row.id) as number) - row.committedAtMs),
    stamps: new Set(rows.map((row) => row.published_ms)).size,
    lastPublishedAtMs: Math.max(...publishedAt.values()),
  };
}
