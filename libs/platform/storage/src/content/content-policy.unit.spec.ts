import { StorageError, StorageErrorCode } from '../storage-error';
import { checkContent, checkDeclaredContent, type ContentPolicy } from './content-policy';

const avatars: ContentPolicy = { allowedTypes: ['image/jpeg', 'image/png'], maxBytes: 1_000 };
const pngHeader = Uint8Array.from(Buffer.from('89504e470d0a1a0a0000000d', 'hex'));
const gifHeader = new TextEncoder().encode('GIF89a\x01\x00\x01\x00\x80\x00');

function codeOf(check: () => unknown): StorageErrorCode | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (!(error instanceof StorageError)) throw error;
    return error.code;
  }
}

describe('checkDeclaredContent', () => {
  it('accepts an allowed type within the size limit, returning it in canonical form', () => {
    expect(
      checkDeclaredContent(avatars, { contentType: 'Image/PNG; charset=binary', size: 1_000 }),
    ).toBe('image/png');
  });

  it('refuses a type outside the allow-list, naming the ones it takes', () => {
    expect(() => checkDeclaredContent(avatars, { contentType: 'image/svg+xml', size: 10 })).toThrow(
      'image/svg+xml is not accepted; send image/jpeg or image/png',
    );
    expect(codeOf(() => checkDeclaredContent(avatars, { contentType: '', size: 10 }))).toBe(
      StorageErrorCode.ContentTypeNotAllowed,
    );
  });

  it('refuses a file one byte over the limit', () => {
    expect(
      codeOf(() => checkDeclaredContent(avatars, { contentType: 'image/png', size: 1_001 })),
    ).toBe(StorageErrorCode.ContentTooLarge);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a size of %s as empty', (size) => {
    expect(codeOf(() => checkDeclaredContent(avatars, { contentType: 'image/png', size }))).toBe(
      StorageErrorCode.ContentEmpty,
    );
  });
});

describe('checkContent', () => {
  it('accepts bytes of the declared type', () => {
    expect(checkContent(avatars, { contentType: 'image/png', size: 500 }, pngHeader)).toBe(
      'image/png',
    );
  });

  it('refuses a GIF declared as PNG, saying what the bytes are', () => {
    expect(() => checkContent(avatars, { contentType: 'image/png', size: 500 }, gifHeader)).toThrow(
      'the file was sent as image/png but its bytes are image/gif',
    );
  });

  it('refuses text declared as PNG as a type mismatch', () => {
    const text = new TextEncoder().encode('definitely an image');
    expect(
      codeOf(() => checkContent(avatars, { contentType: 'image/png', size: text.length }, text)),
    ).toBe(StorageErrorCode.ContentTypeMismatch);
  });

  it('applies the declared checks first: real PNG bytes over the limit are still too large', () => {
    expect(
      codeOf(() => checkContent(avatars, { contentType: 'image/png', size: 5_000 }, pngHeader)),
    ).toBe(StorageErrorCode.ContentTooLarge);
  });
});
