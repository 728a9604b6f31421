import sharp from 'sharp';
import { renderThumbnails, UnreadableImageError, type RenderedThumbnail } from './thumbnails';

function photo(width: number, height: number, format: 'jpeg' | 'png' = 'jpeg'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#e76f51' } })
    .toFormat(format)
    .toBuffer();
}

const sizes = (thumbnails: RenderedThumbnail[]) =>
  Object.fromEntries(thumbnails.map(({ variant, width, height }) => [variant, [width, height]]));

describe('renderThumbnails', () => {
  it('shrinks a cover into each box, keeping its shape, as WebP', async () => {
    const thumbnails = await renderThumbnails(await photo(1600, 1200), 'cover');

    expect(sizes(thumbnails)).toEqual({ small: [160, 120], large: [800, 600] });
    for (const { bytes, width, height } of thumbnails) {
      expect(await sharp(bytes).metadata()).toMatchObject({ format: 'webp', width, height });
    }
  });

  it('crops an avatar square', async () => {
    const thumbnails = await renderThumbnails(await photo(1200, 900, 'png'), 'avatar');

    expect(sizes(thumbnails)).toEqual({ small: [160, 160], large: [800, 800] });
  });

  it('never enlarges a small image', async () => {
    expect(sizes(await renderThumbnails(await photo(300, 200), 'cover'))).toEqual({
      small: [160, 107],
      large: [300, 200],
    });
    expect(sizes(await renderThumbnails(await photo(120, 90), 'avatar'))).toEqual({
      small: [90, 90],
      large: [90, 90],
    });
  });

  it('turns a photo upright by its EXIF orientation and keeps none of its metadata', async () => {
    // Stored landscape, with orientation 6: a camera held upright, to be turned 90° clockwise.
    const sideways = await sharp(await photo(1000, 500))
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    expect((await sharp(sideways).metadata()).orientation).toBe(6);

    const thumbnails = await renderThumbnails(sideways, 'cover');

    expect(sizes(thumbnails)).toEqual({ small: [80, 160], large: [400, 800] });
    const large = await sharp(thumbnails[1].bytes).metadata();
    expect(large.orientation).toBeUndefined();
    expect(large.exif).toBeUndefined();
    expect(large.icc).toBeUndefined();
  });

  it('refuses bytes that only start like an image as unreadable', async () => {
    const png = await photo(64, 64, 'png');
    const corrupt = Buffer.concat([png.subarray(0, 16), Buffer.alloc(png.length - 16, 0x5a)]);

    await expect(renderThumbnails(corrupt, 'cover')).rejects.toThrow(UnreadableImageError);
  });

  it('refuses a file cut short', async () => {
    const jpeg = await photo(400, 300);

    await expect(
      renderThumbnails(jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'avatar'),
    ).rejects.toThrow('the image cannot be read');
  });
});
