/**
 * The minimal targets answer with the document the real route answered, handed over in this
 * variable, so every target serialises and sends the same bytes.
 */
export const DOCUMENT_VARIABLE = 'BENCH_DOCUMENT';

export function documentFromEnvironment(): unknown {
  const json = process.env[DOCUMENT_VARIABLE];
  if (json === undefined) throw new Error(`${DOCUMENT_VARIABLE} is not set`);
  return JSON.parse(json);
}

/** Where every target answers it: the real one is auth-service's OpenID discovery document. */
export const DOCUMENT_PATH = '/.well-known/openid-configuration';
