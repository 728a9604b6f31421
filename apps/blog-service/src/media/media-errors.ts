import { NotFoundError, ValidationError } from '@capstone/platform/http';
import { StorageError, StorageErrorCode } from '@capstone/platform/storage';

/** To anyone but its owner, a media id names nothing: whether it exists is not told. */
export function mediaNotFound(mediaId: string): NotFoundError {
  return new NotFoundError(`No media ${mediaId} of yours`, { code: 'media_not_found' });
}

/** A media id sent in a body that cannot be used there: the field is at fault, not the URL. */
export function unusableMedia(code: string, message: string): ValidationError {
  return new ValidationError([{ field: 'mediaId', message, code }], message, { code });
}

// What the client announced, by the storage check it failed; the rest concern the upload itself.
const fieldOfCode: Partial<Record<StorageErrorCode, string>> = {
  [StorageErrorCode.ContentTypeNotAllowed]: 'contentType',
  [StorageErrorCode.ContentTooLarge]: 'byteSize',
  [StorageErrorCode.ContentEmpty]: 'byteSize',
};

/** A refused upload as the client sees it: a 422 with the storage check's code. */
export function uploadRefused(error: StorageError): ValidationError {
  // "Object" is storage's word; to the client, the upload it was to make is missing.
  const code =
    error.code === StorageErrorCode.ObjectNotFound ? 'upload_missing' : (error.code as string);
  const field = fieldOfCode[error.code];
  return new ValidationError(
    field ? [{ field, message: error.message, code }] : [],
    error.message,
    {
      code,
    },
  );
}

export function isStorageError(error: unknown, code?: StorageErrorCode): error is StorageError {
  return error instanceof StorageError && (code === undefined || error.code === code);
}
