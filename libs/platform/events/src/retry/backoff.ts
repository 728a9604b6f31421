export interface BackoffPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
}

/** Exponential delay for the nth consecutive failure (1-based), never above the cap. */
export function backoffDelay(failures: number, policy: BackoffPolicy): number {
  return Math.min(policy.initialDelayMs * 2 ** Math.max(0, failures - 1), policy.maxDelayMs);
}
