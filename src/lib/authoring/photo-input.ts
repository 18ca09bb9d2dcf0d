/**
 * What `npm run photo` can read. sharp's prebuilt libvips decodes AVIF but not HEIC (the HEVC
 * codec is not in it), so an iPhone photo has to be recognised before decoding fails, to say what
 * to do instead of "not an image".
 */

/** Formats the installed sharp decodes, as clerks know them. */
export const READABLE_FORMATS = 'JPG、PNG、WebP、AVIF、GIF 或 TIFF';

/** ISO-BMFF brands of HEVC-coded HEIF files (HEIC): iPhones write `heic`; `mif1` files list it as compatible. */
const HEVC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);

/** Whether `bytes` start like a HEIC photo: an `ftyp` box naming an HEVC brand. */
export function isHeic(bytes: Uint8Array): boolean {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length < 16 || ascii(4, 8) !== 'ftyp') return false;
  const boxSize = Math.min(((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0, bytes.length);
  // The major brand, then (after the minor version) the compatible brands.
  const brands = [ascii(8, 12)];
  for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(ascii(at, at + 4));
  return brands.some((brand) => HEVC_BRANDS.has(brand));
}
