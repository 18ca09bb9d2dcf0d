import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cardFormat } from '../../src/lib/share-card';

describe('cardFormat', () => {
  it('makes a card with a portrait a JPEG at quality 82, served as .jpg', () => {
    expect(cardFormat(true)).toEqual({ format: 'jpeg', options: { quality: 82 }, extension: '.jpg', contentType: 'image/jpeg' });
  });

  it('keeps a text-only card a PNG, whose letters JPEG would blur', () => {
    expect(cardFormat(false)).toEqual({ format: 'png', options: { compressionLevel: 6 }, extension: '.png', contentType: 'image/png' });
  });

  it.each([true, false])('encodes (portrait: %s) to what its extension and content type name, with no metadata', async (hasPortrait) => {
    const { format, options, extension, contentType } = cardFormat(hasPortrait);
    // As the worker does it (src/data/share-images-worker.mjs).
    const bytes = await sharp({ create: { width: 120, height: 63, channels: 4, background: '#1f4e9c' } })
      .flatten({ background: '#ffffff' })
      .toFormat(format, options)
      .toBuffer();
    const meta = await sharp(bytes).metadata();
    expect(meta.format).toBe(format);
    expect(contentType).toBe(`image/${meta.format}`);
    expect(extension).toBe(meta.format === 'jpeg' ? '.jpg' : `.${meta.format}`);
    expect([meta.width, meta.height]).toEqual([120, 63]);
    expect([meta.exif, meta.xmp, meta.iptc, meta.icc]).toEqual([undefined, undefined, undefined, undefined]);
  });
});
