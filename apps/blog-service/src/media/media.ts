import type { MediaPurpose, MediaStatus } from '../generated/prisma/enums';

export type { MediaPurpose, MediaStatus };

export const MEDIA_PURPOSES = ['cover', 'avatar'] as const satisfies readonly MediaPurpose[];

/** The resized copies made of every image, by name: what a list shows, and what a page shows. */
export const THUMBNAIL_VARIANTS = ['small', 'large'] as const;
export type ThumbnailVariant = (typeof THUMBNAIL_VARIANTS)[number];

// Type aliases, not interfaces: Prisma takes them as JSON values.
export type StoredThumbnail = { key: string; width: number; height: number };

/** What `Media.thumbnails` holds once an image is ready. */
export type StoredThumbnails = Record<ThumbnailVariant, StoredThumbnail>;

/** Where each object of one upload lives in the bucket: all under the media id, nothing else. */
export const objectKeys = {
  original: (mediaId: string) => `media/${mediaId}/original`,
  thumbnail: (mediaId: string, variant: ThumbnailVariant) => `media/${mediaId}/${variant}.webp`,
};

// Links are stable paths on the API's own origin that redirect to a fresh presigned URL: cached
// JSON (an author's profile, an article) never holds a URL that expires, and the bucket stays private.
export function mediaLink(mediaId: string, variant: ThumbnailVariant): string {
  return `/api/blog/v1/media/${mediaId}/${variant}`;
}

export type ImageLinks = Record<ThumbnailVariant, string>;

/** The links of a ready image's thumbnails; only ready media can be attached, so an id is enough. */
export function imageLinksOf(mediaId: string): ImageLinks {
  return { small: mediaLink(mediaId, 'small'), large: mediaLink(mediaId, 'large') };
}
