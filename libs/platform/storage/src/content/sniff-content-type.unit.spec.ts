import { sniffContentType, sniffLength } from './sniff-content-type';

const bytes = (hex: string) => Uint8Array.from(Buffer.from(hex.replace(/\s/g, ''), 'hex'));
const text = (value: string) => new TextEncoder().encode(value);

describe('sniffContentType', () => {
  it.each([
    ['image/jpeg', 'ffd8ffe0 00104a46 49460001'],
    ['image/png', '89504e47 0d0a1a0a 0000000d'],
    ['image/gif', '47494638 39610100 01008000'],
    ['image/gif', '47494638 37610100 01008000'],
    ['image/webp', '52494646 24000000 57454250'],
  ])('recognises %s by its signature', (type, header) => {
    expect(sniffContentType(bytes(header))).toBe(type);
  });

  it('tells WebP from other RIFF files only from all sniffLength bytes', () => {
    const webp = bytes('52494646 24000000 57454250');
    expect(sniffContentType(webp.subarray(0, sniffLength))).toBe('image/webp');
    expect(sniffContentType(webp.subarray(0, sniffLength - 1))).toBeUndefined();
  });

  it('calls a RIFF container that is not WebP (a WAV file) nothing it knows', () => {
    expect(sniffContentType(bytes('52494646 24000000 57415645'))).toBeUndefined();
  });

  it('calls text, SVG and HTML nothing it knows, whatever they claim to be', () => {
    expect(sniffContentType(text('hello, I am a PNG'))).toBeUndefined();
    expect(sniffContentType(text('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
    expect(sniffContentType(text('<!doctype html><script>'))).toBeUndefined();
  });

  it('calls an empty or truncated file nothing it knows', () => {
    expect(sniffContentType(new Uint8Array())).toBeUndefined();
    expect(sniffContentType(bytes('89504e47'))).toBeUndefined();
  });
});
