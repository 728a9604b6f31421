import type { ErrorMapper } from '@capstone/platform/http';

// Codes whose RealWorld wording is fixed by the spec and its reference implementations.
const fixedAnswers: Record<string, Record<string, string[]>> = {
  invalid_credentials: { credentials: ['invalid'] },
  token_missing: { token: ['is missing'] },
  token_expired: { token: ['has expired'] },
};

// Native field names a shared use case reports, as the RealWorld body calls them.
const facadeFieldNames: Record<string, string> = { newPassword: 'password' };

/** RealWorld's `{"errors": {"<field>": ["<message>"]}}`, for every failure under its paths. */
export const realWorldErrors: ErrorMapper = (error) => ({
  status: error.status,
  contentType: 'application/json; charset=utf-8',
  body: {
    errors:
      error.fieldErrors.length > 0
        ? error.fieldErrors.reduce<Record<string, string[]>>((byField, { field, message }) => {
            // The body wraps everything in `user`; clients key errors by the field itself.
            const key = facadeFieldNames[field] ?? field.replace(/^user\./, '');
            // The spec answers one message per field; the DTO's rules report the one it names first.
            return key in byField ? byField : { ...byField, [key]: [message] };
          }, {})
        : (fixedAnswers[error.code] ??
          tokenAnswer(error.code) ?? { [error.code]: [error.message] }),
  },
});

function tokenAnswer(code: string): Record<string, string[]> | undefined {
  return code.startsWith('token_') ? { token: ['is invalid'] } : undefined;
}
