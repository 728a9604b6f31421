import type { Response } from 'supertest';

/**
 * A 429's `Retry-After` is the rest of the window or lock, rounded up: at most its whole length,
 * and at least what remains of it when the answer arrived, for one that began at `began`.
 */
export function expectRetryAfterWithin(
  response: Response,
  lengthSeconds: number,
  began: number,
): void {
  const elapsedSeconds = (Date.now() - began) / 1000;
  const retryAfter = Number(response.headers['retry-after']);
  expect(retryAfter).toBeLessThanOrEqual(lengthSeconds);
  expect(retryAfter).toBeGreaterThanOrEqual(Math.max(Math.ceil(lengthSeconds - elapsedSeconds), 1));
}
