import sharpService from 'astro/assets/services/sharp';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import imageService, { isWidthOnly } from '../../src/data/image-service';

// Astro hands the service its config with the service's own options under `service.config`.
const config = { service: { entrypoint: '', config: {} } } as unknown as Parameters<typeof imageService.transform>[2];

/** A photo as a phone saves it: 600×800 as shown, stored 800×600 with EXIF orientation 6 and GPS. */
async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 800, height: 600, channels: 3, background: '#6688aa' } })
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Make: 'PhoneMaker' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '32/1 29/1 0/1' } })
    .jpeg()
    .toBuffer();
}

async function variant(input: Uint8Array, transform: Record<string, unknown>) {
  const { data, format } = await imageService.transform(input, { src: 'x.jpg', ...transform }, config);
  return { format, meta: await sharp(data).metadata() };
}

/** The transforms Astro hands the service for `<Image widths>`: its own srcset, with the heights it fills in. */
async function srcsetTransforms(input: Buffer, widths: number[]) {
  const { width, height } = await sharp(input).rotate().metadata().then((m) => (m.orientation && m.orientation >= 5 ? { width: m.height!, height: m.width! } : { width: m.width!, height: m.height! }));
  const src = { src: '/x.jpg', width, height, format: 'jpg' as const };
  const options = await imageService.validateOptions!({ src, widths, width: Math.max(...widths), format: 'webp' }, config);
  // At build time Astro passes the original's path as `src` (generate.js: `{ ...options, src: originalImagePath }`).
  return (await imageService.getSrcSet!(options, config)).map((entry) => ({ ...entry.transform, src: '/x.jpg' }));
}

describe('isWidthOnly', () => {
  it('takes a width in a raster format, and leaves crops, a height alone, backgrounds, qualities and SVG to Astro', () => {
    expect(isWidthOnly({ src: 'x', width: 256, format: 'webp' })).toBe(true);
    expect(isWidthOnly({ src: 'x', width: 256, format: 'jpg' })).toBe(true);
    for (const extra of [{ fit: 'cover' }, { background: '#fff' }, { quality: 50 }, { format: 'svg' }, { width: undefined, height: 100 }]) {
      expect(isWidthOnly({ src: 'x', width: 256, format: 'webp', ...extra }), JSON.stringify(extra)).toBe(false);
    }
  });
});

describe('the image service', () => {
  it('makes every width of one picture upright, at that width, without its metadata', async () => {
    const input = await phonePhoto();
    for (const width of [128, 256, 512]) {
      const { format, meta } = await variant(input, { width, format: 'webp' });
      expect(format).toBe('webp');
      expect([meta.format, meta.width, meta.height]).toEqual(['webp', width, Math.round((width * 800) / 600)]);
      expect([meta.exif, meta.xmp, meta.icc, meta.orientation]).toEqual([undefined, undefined, undefined, undefined]);
    }
  });

  it('makes the variants of Astro’s own srcset itself, the sizes Astro’s service makes, within a few per cent of its bytes', async () => {
    const input = await phonePhoto();
    const transforms = await srcsetTransforms(input, [256, 512]);
    expect(transforms.map((t) => [t.width, t.height])).toEqual([[256, 342], [512, 683]]);
    for (const transform of transforms) {
      expect(isWidthOnly(transform)).toBe(true);
      const ours = await imageService.transform(input, transform, config);
      const astro = await sharpService.transform(input, transform, config);
      const [a, b] = await Promise.all([sharp(ours.data).metadata(), sharp(astro.data).metadata()]);
      expect([a.width, a.height]).toEqual([b.width, b.height]);
      // Encoded here (WebP effort 2), not handed on: the bytes differ, the size barely.
      expect(Buffer.compare(ours.data, astro.data)).not.toBe(0);
      expect(ours.data.length / astro.data.length).toBeLessThan(1.3);
    }
  });

  it('keeps transparency, and reads a 16-bit PNG', async () => {
    const png = await sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 0, b: 255, alpha: 0.5 } } }).png().toBuffer();
    expect((await variant(png, { width: 150, format: 'webp' })).meta).toMatchObject({ width: 150, height: 100, hasAlpha: true });
    const deep = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#336699' } }).toColourspace('rgb16').png().toBuffer();
    expect((await sharp(deep).metadata()).depth).toBe('ushort');
    const { meta } = await variant(deep, { width: 150, format: 'png' });
    expect([meta.width, meta.height, meta.depth]).toEqual([150, 100, 'uchar']);
  });

  it('leaves an animated GIF to Astro’s service, which keeps its frames', async () => {
    const frame = (background: string) => sharp({ create: { width: 40, height: 80, channels: 3, background } }).png().toBuffer();
    const animated = await sharp([await frame('#ff0000'), await frame('#0000ff')], { join: { animated: true } }).gif({ loop: 0 }).toBuffer();
    expect((await sharp(animated).metadata()).pages).toBe(2);
    const { meta } = await variant(animated, { width: 20, format: 'webp' });
    expect([meta.width, meta.pages]).toEqual([20, 2]);
  });

  it('says what is wrong with a file that is no picture, as Astro’s service does', async () => {
    await expect(imageService.transform(Buffer.from('not a picture'), { src: 'x.jpg', width: 100, format: 'webp' }, config)).rejects.toThrow();
  });
});
