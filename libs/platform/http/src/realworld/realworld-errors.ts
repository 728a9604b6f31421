import type { ErrorMapper } from '../errors/error-mapper';

export interface RealWorldErrorOptions {
  /** Codes whose RealWorld wording is fixed by the spec, e.g. `article_not_found: { article: ['not found'] }`. */
  fixedAnswers?: Record<string, Record<string, string[]>>;
  /** Native field names a shared use case reports, as the RealWorld body calls them. */
  fieldNames?: Record<string, string>;
}

// Wording every RealWorld service shares: the token rules of the spec's conventions.
const tokenAnswers: Record<string, Record<string, string[]>> = {
  token_missing: { token: ['is missing'] },
  token_expired: { token: ['has expired'] },
};

/** RealWorld's `{"errors": {"<field>": ["<message>"]}}`, for every failure under its paths. */
export function realWorldErrors(options: RealWorldErrorOptions = {}): ErrorMapper {
  const fixedAnswers = { ...tokenAnswers, ...options.fixedAnswers };
  const fieldNames = options.fieldNames ?? {};
  return (error) => ({
    status: error.status,
    contentType: 'application/json; charset=utf-8',
    body: {
      errors:
        error.fieldErrors.length > 0
          ? error.fieldErrors.reduce<Record<string, string[]>>((byField, { field, message }) => {
              // The body wraps everything in a root key (`user`, `article`); clients key errors by the field itself.
              const key = fieldNames[field] ?? field.replace(/^[a-z]+\./, '');
              // The spec answers one message per field; the DTO's rules report the one it names first.
              return key in byField ? byField : { ...byField, [key]: [message] };
            }, {})
          : (fixedAnswers[error.code] ??
            tokenAnswer(error.code) ?? { [error.code]: [error.message] }),
    },
  });
}

function tokenAnswer(code: string): Record<string, string[]> | undefined {
  return code.startsWith('token_') ? { token: ['is invalid'] } : undefined;
}
