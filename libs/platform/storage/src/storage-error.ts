/** Stable codes a service maps to its own answer (a 404, or a 422 on the upload's field). */
export enum StorageErrorCode {
  ObjectNotFound = 'object_not_found',
  ContentTypeNotAllowed = 'content_type_not_allowed',
  ContentTooLarge = 'content_too_large',
  ContentEmpty = 'content_empty',
  ContentLengthMismatch = 'content_length_mismatch',
  ContentTypeMismatch = 'content_type_mismatch',
}

/** Why an object could not be read or an upload was refused. Transport-neutral: each API maps it its way. */
export class StorageError extends Error {
  override readonly name = 'StorageError';

  constructor(
    readonly code: StorageErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
