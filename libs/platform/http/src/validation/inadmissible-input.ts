import type { FieldError } from '../errors/domain-errors';

// PostgreSQL text cannot hold U+0000, and an unpaired surrogate has no UTF-8 encoding at all.
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Deeper than any DTO here; class-transformer recurses per level and overflows the stack at thousands. */
export const MAX_NESTING_DEPTH = 32;

/**
 * What no DTO rule should have to think of, by dotted field path: strings no text column can store,
 * and values nested deeper than `MAX_NESTING_DEPTH` (reported once, at their top-level field).
 */
export function inadmissibleInputErrors(value: unknown, field: string): FieldError[] {
  const errors: FieldError[] = [];
  // A loop, not recursion: the value may be nested thousands deep.
  const pending: [unknown, string, number][] = [[value, field, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [member, path, depth] = next;
    if (typeof member === 'string' && UNSTORABLE.test(member)) {
      errors.push({
        field: path,
        message: `${path || 'value'} must not contain NUL characters or unpaired surrogates`,
        code: 'unstorable_text',
      });
    } else if (member !== null && typeof member === 'object') {
      if (depth === MAX_NESTING_DEPTH) {
        const top = path.split('.')[0];
        errors.push({
          field: top,
          message: `${top || 'value'} is nested more than ${MAX_NESTING_DEPTH} levels deep`,
          code: 'too_deeply_nested',
        });
        return errors;
      }
      for (const [key, child] of Object.entries(member).reverse()) {
        pending.push([child, path ? `${path}.${key}` : key, depth + 1]);
      }
    }
  }
  return errors;
}
