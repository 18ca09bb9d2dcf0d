/**
 * Turning bytes into text the way the people who made them meant it. Files from Chinese Windows
 * PCs are often GBK, Notepad's "Unicode" is UTF-16 with a byte-order mark, and cameras and old
 * editors write metadata in whatever they like: a privacy scan that decoded all of it as UTF-8
 * would read names as replacement characters and miss them.
 */
import iconv from 'iconv-lite';

/** A text file's content and the encoding it was read in. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

/** Control characters other than tab, line feed, vertical tab, form feed, carriage return and escape. */
function isStrayControl(byte: number): boolean {
  return (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0b && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) || byte === 0x7f;
}

/**
 * The text of a file, or undefined when it is not text. A byte-order mark decides; otherwise a
 * NUL byte or more than 1 % stray control characters mean binary, and the rest is read as
 * strict UTF-8, else as GB18030 (GBK's superset) when that decodes without a replacement character.
 */
export function decodeTextFile(bytes: Uint8Array): DecodedText | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf-16be');
  let stray = 0;
  for (const byte of bytes) {
    if (byte === 0) return undefined;
    if (isStrayControl(byte)) stray++;
  }
  if (stray > Math.max(1, bytes.length / 100)) return undefined;
  return utf8(bytes) ?? gb18030(bytes);
}

function utf8(bytes: Uint8Array): DecodedText | undefined {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return undefined;
  }
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedText | undefined {
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
  } catch {
    return undefined;
  }
}

function gb18030(bytes: Uint8Array): DecodedText | undefined {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  return text.includes('\uFFFD') ? undefined : { text, encoding: 'gb18030' };
}

/**
 * A metadata string whose encoding nobody recorded (EXIF ASCII, PNG tEXt, IPTC without a
 * character set, JPEG comments): UTF-8 if it is valid UTF-8, else GB18030 if that reads cleanly,
 * else Latin-1 — which every byte sequence is, so nothing is ever dropped.
 */
export function decodeUnlabelled(bytes: Uint8Array): string {
  const text = utf8(bytes)?.text ?? gb18030(bytes)?.text ?? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  // NULs pad fixed-size fields and end C strings; they are not part of what anyone wrote.
  return text.replace(/\0+/g, ' ').trim();
}

/** UTF-16 text in the given byte order, without failing on an odd byte or a lone surrogate. */
export function decodeUtf16(bytes: Uint8Array, little: boolean): string {
  return new TextDecoder(little ? 'utf-16le' : 'utf-16be')
    .decode(bytes.subarray(0, bytes.length - (bytes.length % 2)))
    .replace(/\0+/g, ' ')
    .trim();
}
