import { setTimeout as delay } from 'node:timers/promises';

export interface DeadlineOptions {
  timeoutMs?: number;
  /** Pause between attempts; short, because the deadline, not the interval, bounds the wait. */
  intervalMs?: number;
}

/**
 * Retries `attempt` until it returns without throwing, then resolves with its result. Assertions
 * inside it read as the outcome being waited for; past the deadline the last failure is rethrown.
 */
export async function eventually<T>(
  attempt: () => T | Promise<T>,
  options: DeadlineOptions = {},
): Promise<T> {
  const { timeoutMs = 10_000, intervalMs = 25 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() >= deadline) {
        throw Object.assign(error as Error, {
          message: `still failing after ${timeoutMs} ms: ${(error as Error).message}`,
        });
      }
      await delay(intervalMs);
    }
  }
}
