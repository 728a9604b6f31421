/** The types whose first bytes this library recognises: what a browser shows as an image without plugins. */
export const imageTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;

export type ImageType = (typeof imageTypes)[number];

/** How many leading bytes `sniffContentType` needs to tell every type apart (WebP's is the longest). */
export const sniffLength = 12;

const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));

// Each type's signature: the bytes expected at an offset (null where any byte may stand).
const signatures: ReadonlyArray<{ type: ImageType; bytes: ReadonlyArray<number | null> }> = [
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, ...ascii('PNG'), 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/gif', bytes: ascii('GIF87a') },
  { type: 'image/gif', bytes: ascii('GIF89a') },
  // A RIFF container: its four-byte length, then the WEBP form type.
  { type: 'image/webp', bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('WEBP')] },
];

/**
 * The real type of a file from its first bytes, whatever its name or declared type says; undefined
 * when they are none of `imageTypes`. A client's Content-Type is a claim, its bytes are evidence.
 */
export function sniffContentType(head: Uint8Array): ImageType | undefined {
  return signatures.find(({ bytes }) =>
    bytes.every((expected, offset) => expected === null || head[offset] === expected),
  )?.type;
}
