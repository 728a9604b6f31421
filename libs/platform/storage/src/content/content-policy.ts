import { StorageError, StorageErrorCode } from '../storage-error';
import { imageTypes, sniffContentType, type ImageType } from './sniff-content-type';

/** What one kind of upload accepts, e.g. avatars: JPEG, PNG or WebP up to 2 MiB. */
export interface ContentPolicy {
  allowedTypes: readonly ImageType[];
  /** The largest accepted file, in bytes. */
  maxBytes: number;
}

/** What a file says it is: the client's Content-Type and size before an upload, the stored ones after. */
export interface DeclaredContent {
  contentType: string;
  size: number;
}

/**
 * Before a URL is issued: the declared type is allowed and the size within bounds. Returns the
 * type in its canonical form (`IMAGE/PNG; x=y` is `image/png`).
 */
export function checkDeclaredContent(policy: ContentPolicy, declared: DeclaredContent): ImageType {
  const contentType = mediaTypeOf(declared.contentType);
  const allowed = policy.allowedTypes.find((type) => type === contentType);
  if (!allowed) {
    throw new StorageError(
      StorageErrorCode.ContentTypeNotAllowed,
      `${contentType || 'a file without a type'} is not accepted; send ${listOf(policy.allowedTypes)}`,
    );
  }
  if (!Number.isSafeInteger(declared.size) || declared.size < 1) {
    throw new StorageError(StorageErrorCode.ContentEmpty, 'the file is empty');
  }
  if (declared.size > policy.maxBytes) {
    throw new StorageError(
      StorageErrorCode.ContentTooLarge,
      `the file is ${declared.size} bytes; at most ${policy.maxBytes} are accepted`,
    );
  }
  return allowed;
}

/**
 * The declared checks, then the evidence: the file's first bytes (`sniffLength` of them, or the
 * whole file) must be of the declared type. A text file sent as image/png fails here.
 */
export function checkContent(
  policy: ContentPolicy,
  declared: DeclaredContent,
  head: Uint8Array,
): ImageType {
  const contentType = checkDeclaredContent(policy, declared);
  const sniffed = sniffContentType(head);
  if (sniffed !== contentType) {
    throw new StorageError(
      StorageErrorCode.ContentTypeMismatch,
      `the file was sent as ${contentType} but its bytes are ${sniffed ?? `none of ${listOf(imageTypes)}`}`,
    );
  }
  return contentType;
}

/** `Image/PNG; charset=binary` → `image/png`: parameters and case say nothing about the type. */
export function mediaTypeOf(contentType: string): string {
  return contentType.split(';')[0].trim().toLowerCase();
}

function listOf(types: readonly string[]): string {
  return types.length > 1 ? `${types.slice(0, -1).join(', ')} or ${types.at(-1)}` : types.join('');
}
