import { setTimeout as delay } from 'node:timers/promises';

/** Waits out a backoff delay, returning early (without throwing) when shutdown aborts the signal. */
export async function pause(ms: number, signal: AbortSignal): Promise<void> {
  try {
    await delay(ms, undefined, { signal });
  } catch (error) {
    if (!signal.aborted) throw error;
  }
}
