import { setTimeout as delay } from 'node:timers/promises';

export interface PollOptions {
  timeoutMs: number;
  intervalMs?: number;
  progressEveryMs?: number;
  onProgress?: (elapsedMs: number) => void;
}

/** Re-checks an observable condition until it holds or the deadline passes; resolves to whether it held. */
export async function pollUntil(
  condition: () => boolean | Promise<boolean>,
  { timeoutMs, intervalMs = 200, progressEveryMs = 5_000, onProgress }: PollOptions,
): Promise<boolean> {
  const started = Date.now();
  let nextProgress = started + progressEveryMs;
  for (;;) {
    if (await condition()) return true;
    const now = Date.now();
    if (now - started >= timeoutMs) return false;
    if (onProgress && now >= nextProgress) {
      onProgress(now - started);
      nextProgress = now + progressEveryMs;
    }
    await delay(intervalMs);
  }
}
