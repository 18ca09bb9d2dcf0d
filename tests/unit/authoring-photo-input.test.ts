import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { isHeic } from '../../src/lib/authoring/photo-input';

/** The first box of an ISO-BMFF file: `ftyp` with a major brand and compatible brands. */
function ftyp(major: string, ...compatible: string[]): Buffer {
  const brands = [major, '\0\0\0\0', ...compatible].join('');
  const size = Buffer.alloc(4);
  size.writeUInt32BE(8 + brands.length);
  return Buffer.concat([size, Buffer.from(`ftyp${brands}`, 'latin1'), Buffer.alloc(32)]);
}

describe('isHeic', () => {
  it('recognises an iPhone photo by its brands', () => {
    expect(isHeic(ftyp('heic', 'mif1', 'heic'))).toBe(true);
    expect(isHeic(ftyp('mif1', 'mif1', 'heix'))).toBe(true);
  });

  it('does not take AVIF (which sharp reads), JPEG or a short file for HEIC', async () => {
    const avif = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } }).avif().toBuffer();
    expect(isHeic(avif)).toBe(false);
    expect(isHeic(ftyp('avif', 'mif1', 'avif'))).toBe(false);
    expect(isHeic(await sharp(avif).jpeg().toBuffer())).toBe(false);
    expect(isHeic(Buffer.from('ftyp'))).toBe(false);
  });
});
