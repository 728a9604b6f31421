/** A value the probe puts where a well-behaved client puts a valid one, named for the failure message. */
export interface HostileValue<T> {
  name: string;
  value: T;
}

const named = <T>(entries: Record<string, T>): HostileValue<T>[] =>
  Object.entries(entries).map(([name, value]) => ({ name, value }));

/**
 * Strings for every string field: sizes past the body limit and past any column, text the database
 * or a header may choke on, and the classic injections.
 */
export const hostileStrings = named({
  'an empty string': '',
  'only whitespace': ' \t ',
  // Below the body limit, so it reaches validation and the database.
  'a 10 000-character string': 'a'.repeat(10_000),
  // Above every body limit: 413, never 500.
  'a 1 MB string': 'a'.repeat(1024 * 1024),
  emoji: '🦄💥👩🏽‍💻',
  'right-to-left text': '\u202Eevil\u202C مرحبا',
  'a NUL byte': 'probe\u0000probe',
  'a lone surrogate': 'probe\uD800',
  'combining marks': 'Z̷̢̛̤a̸̲͐l̵̨̈́g̵̱̈́o̶̺̍',
  'SQL injection': "' OR 1=1 --",
  'a script tag': '<script>alert(1)</script>',
  'path traversal': '../../etc/passwd',
  'CRLF header injection': 'probe\r\nSet-Cookie: probe=1',
  'a format string': '%s%n%x${jndi:ldap://probe}{{7*7}}',
});

/** Values of the wrong JSON type, by the type the schema expects. */
export function wrongTypes(expected: string): HostileValue<unknown>[] {
  const all = named<unknown>({
    null: null,
    'a string': 'probe',
    'a numeric string': '1',
    'a number': 12345,
    'a negative number': -1,
    'a huge number': 1e308,
    'a boolean': true,
    'an array': [],
    'an object': {},
    'a query operator object': { $gt: '' },
  });
  const sameType: Record<string, string[]> = {
    string: ['a string', 'a numeric string'],
    number: ['a number', 'a negative number', 'a huge number'],
    integer: ['a number', 'a negative number'],
    boolean: ['a boolean'],
    array: ['an array'],
    object: ['an object', 'a query operator object'],
  };
  return all.filter(({ name }) => !(sameType[expected] ?? []).includes(name));
}

/** Raw, already percent-encoded path segments. */
export const hostilePathSegments = named({
  'a well-formed UUID that names nothing': '01933b7e-8f1a-7c3e-9a4b-2d5e6f708199',
  'not a UUID': 'not-a-uuid',
  zero: '0',
  'a negative number': '-1',
  'a 1000-character id': 'a'.repeat(1000),
  'an encoded slash': 'a%2Fb',
  'encoded path traversal': '..%2F..%2Fetc%2Fpasswd',
  'an encoded NUL byte': 'probe%00',
  'an encoded emoji': '%F0%9F%A6%84',
  'encoded SQL injection': "'%20OR%201%3D1%20--",
  'an encoded CRLF': 'probe%0D%0ASet-Cookie:%20probe=1',
  'broken percent-encoding': '%ZZ',
  'overlong UTF-8': '%C0%AF',
});

/** Raw, already percent-encoded query values; `probe[$gt]` style keys are built by the caller. */
export const hostileQueryValues = named({
  empty: '',
  negative: '-1',
  zero: '0',
  'a fraction': '1.5',
  huge: '99999999999999999999',
  'beyond a double': '1e309',
  NaN: 'NaN',
  Infinity: 'Infinity',
  'a word': 'probe',
  'a date past the last JavaScript date': '%2B275760-09-13T00%3A00%3A00.001Z',
  'an impossible date': '2026-13-45T99%3A99%3A99Z',
  'a 2000-character value': 'a'.repeat(2000),
  'an encoded NUL byte': 'probe%00',
  'encoded SQL injection': "'%20OR%201%3D1%20--",
  'broken percent-encoding': '%ZZ',
});

/** ASCII only: a header value outside Latin-1 cannot be sent at all. */
export const hostileHeaderValues = named({
  'a word': 'probe',
  'empty list members': ', , ,',
  'an address out of range': '999.999.999.999',
  'a 4000-character value': 'a'.repeat(4000),
  'SQL injection': "' OR 1=1 --",
});
