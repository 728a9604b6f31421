import QRCode from 'qrcode';

export const QR_FORMATS = ['svg', 'png'] as const;
export type QrFormat = (typeof QR_FORMATS)[number];

/** Pixels a side. Small enough to render in milliseconds; the smallest still scans on a phone. */
export const QR_MIN_SIZE = 128;
export const QR_MAX_SIZE = 1024;

export const QR_CONTENT_TYPES: Record<QrFormat, string> = {
  svg: 'image/svg+xml',
  png: 'image/png',
};

/**
 * A QR code of a short URL, `size` pixels square with the standard four-module quiet zone. Level M
 * recovers from 15% damage: a printed code survives a scuff, and short URLs stay small versions.
 */
export function renderQrCode(
  text: string,
  format: QrFormat,
  size: number,
): Promise<string | Buffer> {
  const options = { width: size, margin: 4, errorCorrectionLevel: 'M' } as const;
  return format === 'svg'
    ? QRCode.toString(text, { ...options, type: 'svg' })
    : QRCode.toBuffer(text, { ...options, type: 'png' });
}
