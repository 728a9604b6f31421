import type { FieldError } from '../errors/domain-errors';

// PostgreSQL text cannot hold U+0000, and an unpaired surrogate has no UTF-8 encoding at all.
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every string in a request value that no text column can store, by its dotted field path. */
export function unstorableTextErrors(value: unknown, field: string): FieldError[] {
  if (typeof value === 'string') {
    return UNSTORABLE.test(value)
      ? [
          {
            field,
            message: `${field || 'value'} must not contain NUL characters or unpaired surrogates`,
            code: 'unstorable_text',
          },
        ]
      : [];
  }
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, member]) =>
    unstorableTextErrors(member, field ? `${field}.${key}` : key),
  );
}
