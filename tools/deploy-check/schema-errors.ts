import type { ErrorObject } from 'ajv';

export interface SchemaViolation {
  /** Dotted path to the offending value, e.g. services.redis.healthcheck.interval. */
  readonly path: string;
  readonly message: string;
}

interface LocatedError {
  readonly error: ErrorObject;
  readonly pointer: string;
}

/**
 * Turns Ajv's errors into one message per offending value. A value that fails every branch of a
 * oneOf gets an error per branch; the branch that got deepest into the value explains the mistake.
 */
export function describeSchemaErrors(errors: readonly ErrorObject[]): SchemaViolation[] {
  const located = errors.map((error) => ({ error, pointer: pointerOf(error) }));
  const explaining = located.filter((candidate) => !isExplainedElsewhere(candidate, located));

  const messages = new Map<string, string[]>();
  const add = (pointer: string, message: string) => {
    const forPointer = messages.get(pointer) ?? [];
    messages.set(pointer, forPointer.includes(message) ? forPointer : [...forPointer, message]);
  };
  for (const { error, pointer } of explaining.filter(({ error }) => error.keyword !== 'type')) {
    add(pointer, messageOf(error));
  }
  // Each failed branch names one type it wanted; together they say what the value may be.
  const typeErrors = explaining.filter(({ error }) => error.keyword === 'type');
  for (const pointer of new Set(typeErrors.map(({ pointer }) => pointer))) {
    const types = typeErrors
      .filter((typeError) => typeError.pointer === pointer)
      .flatMap(({ error }) => [error.params['type']].flat());
    add(pointer, `must be ${alternatives([...new Set(types.map(String))])}`);
  }

  return [...messages].flatMap(([pointer, forPointer]) =>
    forPointer.map((message) => ({ path: dottedPath(pointer), message })),
  );
}

/** Branch summaries (oneOf, anyOf) and wrong-branch type errors give way to a more specific error. */
function isExplainedElsewhere(
  { error, pointer }: LocatedError,
  all: readonly LocatedError[],
): boolean {
  const deeper = all.some((other) => other.pointer.startsWith(`${pointer}/`));
  if (error.keyword === 'type') {
    return deeper;
  }
  if (error.keyword === 'oneOf' || error.keyword === 'anyOf') {
    return deeper || all.some((other) => other.pointer === pointer && other.error !== error);
  }
  return false;
}

function alternatives(words: readonly string[]): string {
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : words.join('');
}

function pointerOf(error: ErrorObject): string {
  // Ajv reports an unknown key on the object holding it; point at the key itself.
  return error.keyword === 'additionalProperties'
    ? `${error.instancePath}/${String(error.params['additionalProperty'])}`
    : error.instancePath;
}

function messageOf(error: ErrorObject): string {
  switch (error.keyword) {
    case 'additionalProperties':
      return 'is not a key the schema defines';
    case 'enum':
      return `must be one of: ${(error.params['allowedValues'] as unknown[]).join(', ')}`;
    default:
      return error.message ?? `breaks the schema's "${error.keyword}" rule`;
  }
}

function dottedPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce(
      (path, segment) =>
        /^\d+$/.test(segment) ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment,
      '',
    );
}
