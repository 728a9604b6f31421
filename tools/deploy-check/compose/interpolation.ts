export interface Interpolated {
  readonly value: unknown;
  /** Variables that only an environment could fill in: `${VAR}` without a default, or `${VAR:?}`. */
  readonly unresolved: readonly { readonly path: string; readonly variable: string }[];
}

// $$ is a literal dollar; ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?error}, ${NAME:+alt} and $NAME.
const VARIABLE = /\$(?:(\$)|\{([A-Za-z_]\w*)(?:(:?[-?+])([^}]*))?\}|([A-Za-z_]\w*))/g;

/**
 * Interpolates every string value the way `docker compose` does with an empty environment, so the
 * checks see what a fresh clone without a .env file would run. Keys are never interpolated.
 */
export function interpolateWithDefaults(value: unknown, path = ''): Interpolated {
  if (typeof value === 'string') {
    return interpolateString(value, path);
  }
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [String(index), item])
    : typeof value === 'object' && value !== null
      ? Object.entries(value)
      : [];
  if (entries.length === 0) {
    return { value, unresolved: [] };
  }
  const results = entries.map(([key, item]) => {
    const itemPath = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    return [key, interpolateWithDefaults(item, itemPath)] as const;
  });
  const unresolved = results.flatMap(([, result]) => result.unresolved);
  const interpolated = Array.isArray(value)
    ? results.map(([, result]) => result.value)
    : Object.fromEntries(results.map(([key, result]) => [key, result.value]));
  return { value: interpolated, unresolved };
}

function interpolateString(text: string, path: string): Interpolated {
  const unresolved: { path: string; variable: string }[] = [];
  const value = text.replace(
    VARIABLE,
    (
      _match,
      dollar?: string,
      braced?: string,
      operator?: string,
      argument?: string,
      bare?: string,
    ) => {
      if (dollar) {
        return '$';
      }
      const variable = braced ?? bare ?? '';
      if (operator === ':-' || operator === '-') {
        return argument ?? '';
      }
      if (operator === ':+' || operator === '+') {
        return '';
      }
      unresolved.push({ path, variable });
      return '';
    },
  );
  return { value, unresolved };
}
