import { randomInt } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 62^8 ≈ 2.2 × 10^14 codes: a collision is rare, and the unique index catches it when it happens. */
export const RANDOM_CODE_LENGTH = 8;

/** A random code from a CSPRNG: case matters, so `aB3` and `ab3` are different links. */
export function randomCode(): string {
  let code = '';
  for (let index = 0; index < RANDOM_CODE_LENGTH; index += 1) code += BASE62[randomInt(62)];
  return code;
}

/** Lower-case letters, digits and inner dashes: a custom slug reads the same however it is typed. */
export const CUSTOM_SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,62}[a-z0-9])?$/;

/** Paths the service or the gateway answers itself, and words that would mislead a visitor. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'api',
  'admin',
  'docs',
  'docs-json',
  'health',
  'metrics',
  'login',
  'logout',
  'qr',
  'static',
  'assets',
  'internal',
  'graphql',
  'stats',
  'favicon-ico',
  'robots-txt',
]);

export type SlugProblem = 'invalid' | 'reserved';

/** A custom slug as stored (lower case), or why it cannot be one. */
export function customSlug(requested: string): { slug: string } | { problem: SlugProblem } {
  const slug = requested.trim().toLowerCase();
  if (!CUSTOM_SLUG_PATTERN.test(slug)) return { problem: 'invalid' };
  if (RESERVED_SLUGS.has(slug)) return { problem: 'reserved' };
  return { slug };
}
