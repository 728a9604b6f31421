/** The Redis connection that rate limits and login locks are counted on, shared by every replica. */
export const RATE_LIMIT_STORE = Symbol('rate-limit-store');
