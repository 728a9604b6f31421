import sharp, { type ResizeOptions } from 'sharp';
import { THUMBNAIL_VARIANTS, type MediaPurpose, type ThumbnailVariant } from './media';

/** The longest edge of each variant, in pixels. */
export const THUMBNAIL_EDGES: Record<ThumbnailVariant, number> = { small: 160, large: 800 };

// A decompression bomb (a small file of huge dimensions) is refused before it is decoded.
const MAX_INPUT_PIXELS = 40_000_000;

export interface RenderedThumbnail {
  variant: ThumbnailVariant;
  bytes: Buffer;
  width: number;
  height: number;
  contentType: 'image/webp';
}

/** The bytes cannot be decoded as an image: retrying cannot change that. */
export class UnreadableImageError extends Error {
  override readonly name = 'UnreadableImageError';
}

/**
 * Every variant of an uploaded image as WebP: turned upright by its EXIF orientation, then
 * stripped of all metadata (sharp writes none unless asked), so no location or camera leaves
 * with it. Avatars are cropped square; covers keep their shape. Nothing is enlarged.
 */
export async function renderThumbnails(
  original: Buffer,
  purpose: MediaPurpose,
): Promise<RenderedThumbnail[]> {
  // 'truncated': a file cut short is refused, a benign warning (odd EXIF) is not.
  const image = sharp(original, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'truncated' });
  try {
    const { autoOrient } = await image.metadata();
    return await Promise.all(
      THUMBNAIL_VARIANTS.map(async (variant) => {
        const { data, info } = await image
          .clone()
          .autoOrient()
          .resize(boxOf(purpose, THUMBNAIL_EDGES[variant], autoOrient))
          .webp({ quality: 80 })
          .toBuffer({ resolveWithObject: true });
        return {
          variant,
          bytes: data,
          width: info.width,
          height: info.height,
          contentType: 'image/webp' as const,
        };
      }),
    );
  } catch (error) {
    throw new UnreadableImageError(`the image cannot be read: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

function boxOf(
  purpose: MediaPurpose,
  edge: number,
  upright: { width: number; height: number },
): ResizeOptions {
  if (purpose === 'cover')
    return { width: edge, height: edge, fit: 'inside', withoutEnlargement: true };
  // A square as large as the edge allows, but no larger than the image's shorter side.
  const side = Math.min(edge, upright.width, upright.height);
  return { width: side, height: side, fit: 'cover' };
}
