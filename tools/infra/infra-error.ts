export type InfraErrorCode =
  | 'INVALID_SETTING'
  | 'NOT_LOCAL'
  | 'PREREQUISITE_MISSING'
  | 'DOWNLOAD_FAILED'
  | 'START_FAILED'
  | 'NOT_READY'
  | 'LOCKED';

/** A failure a developer can act on: a stable code for tools, a message that says what to do next. */
export class InfraError extends Error {
  constructor(
    readonly code: InfraErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'InfraError';
  }
}

/** Connection failures to `localhost` arrive as an AggregateError (one per address tried) with no message of its own. */
export function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0)
    return error.errors.map(messageOf).join('; ');
  if (error instanceof Error)
    return error.message || (error as NodeJS.ErrnoException).code || error.name;
  return String(error);
}
