/**
 * Bounds-checked reads over a byte array. The container walkers read offsets and lengths written
 * by whoever made the file, so every read says "not there" (undefined) instead of throwing or
 * reading past the end: a crafted or truncated file must end the walk, never the build.
 */

/** An unsigned 16-bit integer at `at`, big- or little-endian; undefined past the end. */
export function u16(bytes: Uint8Array, at: number, little = false): number | undefined {
  if (at < 0 || at + 2 > bytes.length) return undefined;
  return little ? bytes[at]! | (bytes[at + 1]! << 8) : (bytes[at]! << 8) | bytes[at + 1]!;
}

/** An unsigned 32-bit integer at `at`, big- or little-endian; undefined past the end. */
export function u32(bytes: Uint8Array, at: number, little = false): number | undefined {
  if (at < 0 || at + 4 > bytes.length) return undefined;
  const [a, b, c, d] = little ? [bytes[at + 3]!, bytes[at + 2]!, bytes[at + 1]!, bytes[at]!] : [bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!];
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

/** The bytes from `at` to `at + length`, or undefined when they are not all there. */
export function slice(bytes: Uint8Array, at: number, length: number): Uint8Array | undefined {
  if (at < 0 || length < 0 || at + length > bytes.length) return undefined;
  return bytes.subarray(at, at + length);
}

/** Bytes read as Latin-1 characters (one per byte): four-character codes, signatures, keywords. */
export function ascii(bytes: Uint8Array, at = 0, length = bytes.length - at): string {
  const part = bytes.subarray(Math.max(0, at), Math.max(0, at + length));
  return Buffer.from(part.buffer, part.byteOffset, part.byteLength).toString('latin1');
}

/** Whether `bytes` hold `signature` (a Latin-1 string or byte values) at `at`. */
export function hasBytes(bytes: Uint8Array, signature: string | readonly number[], at = 0): boolean {
  const expected = typeof signature === 'string' ? Array.from(signature, (c) => c.charCodeAt(0)) : signature;
  if (at + expected.length > bytes.length) return false;
  return expected.every((value, i) => bytes[at + i] === value);
}

/** Whether every byte is 0x00 or every byte is 0xFF: padding some writers leave after an image. */
export function isPadding(bytes: Uint8Array): boolean {
  return bytes.every((b) => b === 0) || bytes.every((b) => b === 0xff);
}
