/**
 * Image files built byte by byte, for the published-file tests: sharp makes the images, and
 * these helpers add what sharp never writes — PNG text chunks (with correct CRCs), JPEG comment
 * and application segments, GIF comment and application extensions, WebP chunks.
 */
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';

/** A small solid image in `format`, clean (sharp writes no metadata unless asked). */
export function solid(format: 'jpeg' | 'png' | 'webp' | 'avif' | 'gif' | 'tiff'): Promise<Buffer> {
  return sharp({ create: { width: 8, height: 8, channels: 3, background: '#1f4e9c' } })
    [format]()
    .toBuffer();
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as PNG computes it (over the chunk type and data). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const u32be = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
const u32le = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};

/** One PNG chunk: length, type, data, CRC. */
export function pngChunk(type: string, data: Uint8Array | string): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), typeof data === 'string' ? Buffer.from(data, 'latin1') : data]);
  return Buffer.concat([u32be(body.length - 4), body, u32be(crc32(body))]);
}

/** tEXt: keyword, NUL, Latin-1 text (writers in China put UTF-8 there). */
export const tEXt = (keyword: string, text: string) => pngChunk('tEXt', Buffer.concat([Buffer.from(`${keyword}\0`, 'latin1'), Buffer.from(text, 'utf8')]));
/** zTXt: keyword, NUL, method 0, zlib-compressed text. */
export const zTXt = (keyword: string, text: string | Uint8Array) =>
  pngChunk('zTXt', Buffer.concat([Buffer.from(`${keyword}\0\0`, 'latin1'), deflateSync(typeof text === 'string' ? Buffer.from(text, 'utf8') : text)]));
/** iTXt: keyword, NUL, compression flag and method, language, NUL, translated keyword, NUL, UTF-8 text. */
export const iTXt = (keyword: string, text: string, compressed = false) =>
  pngChunk(
    'iTXt',
    Buffer.concat([
      Buffer.from(`${keyword}\0${compressed ? '\x01' : '\0'}\0zh\0`, 'latin1'),
      Buffer.from('说明\0', 'utf8'),
      compressed ? deflateSync(Buffer.from(text, 'utf8')) : Buffer.from(text, 'utf8'),
    ]),
  );

/** A PNG with `chunks` inserted before IEND (its last 12 bytes). */
export function withPngChunks(png: Buffer, ...chunks: Buffer[]): Buffer {
  return Buffer.concat([png.subarray(0, png.length - 12), ...chunks, png.subarray(png.length - 12)]);
}

/** One JPEG marker segment: 0xFF, marker, length (including itself), data. */
export function jpegSegment(marker: number, data: Uint8Array | string): Buffer {
  const body = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(body.length + 2);
  return Buffer.concat([Buffer.from([0xff, marker]), length, body]);
}

/** A JPEG with `segments` inserted right after SOI. */
export function withJpegSegments(jpeg: Buffer, ...segments: Buffer[]): Buffer {
  return Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)]);
}

/** Data split into GIF sub-blocks of at most 255 bytes, with the terminator. */
export function gifSubBlocks(data: Uint8Array | string): Buffer {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  const parts: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += 255) {
    const part = bytes.subarray(at, at + 255);
    parts.push(Buffer.from([part.length]), part);
  }
  return Buffer.concat([...parts, Buffer.from([0])]);
}

/** A GIF comment extension. */
export const gifComment = (text: string) => Buffer.concat([Buffer.from([0x21, 0xfe]), gifSubBlocks(text)]);

/** A GIF XMP application extension: the packet raw, then the 258-byte "magic trailer". */
export function gifXmp(packet: string): Buffer {
  const trailer = Buffer.from([0x01, ...Array.from({ length: 256 }, (_, i) => 0xff - i), 0x00]);
  return Buffer.concat([Buffer.from([0x21, 0xff, 0x0b]), Buffer.from('XMP DataXMP', 'latin1'), Buffer.from(packet, 'utf8'), trailer]);
}

/** A GIF with `blocks` inserted after the header and global colour table (before the first block). */
export function withGifBlocks(gif: Buffer, ...blocks: Buffer[]): Buffer {
  const packed = gif[10]!;
  const start = 13 + (packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0);
  return Buffer.concat([gif.subarray(0, start), ...blocks, gif.subarray(start)]);
}

/** One RIFF chunk: four-character code, little-endian size, data, a pad byte to even length. */
export function riffChunk(type: string, data: Uint8Array | string): Buffer {
  const body = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  return Buffer.concat([Buffer.from(type, 'latin1'), u32le(body.length), body, body.length % 2 ? Buffer.from([0]) : Buffer.alloc(0)]);
}

/** A WebP with `chunks` appended and the RIFF size corrected. */
export function withWebpChunks(webp: Buffer, ...chunks: Buffer[]): Buffer {
  const out = Buffer.concat([webp, ...chunks]);
  out.writeUInt32LE(out.length - 8, 4);
  return out;
}

/**
 * A minimal EXIF block (`II*\0`, one IFD0), built without sharp to control every byte: a string
 * value is an ASCII tag (written as UTF-8, as Chinese phones do), a Buffer an UNDEFINED one;
 * `gps` adds a GPS IFD with a latitude reference.
 */
export function exifBlock(tags: Record<number, string | Buffer>, { gps = false } = {}): Buffer {
  const entries = Object.entries(tags).map(([tag, value]) => ({
    tag: Number(tag),
    type: typeof value === 'string' ? 2 : 7,
    data: typeof value === 'string' ? Buffer.from(`${value}\0`, 'utf8') : value,
  }));
  const count = entries.length + (gps ? 1 : 0);
  const ifdSize = 2 + count * 12 + 4;
  const gpsOffset = 8 + ifdSize;
  const gpsSize = gps ? 2 + 12 + 4 : 0;
  let dataAt = gpsOffset + gpsSize;
  const ifd = Buffer.alloc(ifdSize);
  ifd.writeUInt16LE(count, 0);
  const data: Buffer[] = [];
  entries.forEach(({ tag, type, data: value }, i) => {
    const at = 2 + i * 12;
    ifd.writeUInt16LE(tag, at);
    ifd.writeUInt16LE(type, at + 2);
    ifd.writeUInt32LE(value.length, at + 4);
    if (value.length <= 4) value.copy(ifd, at + 8);
    else {
      ifd.writeUInt32LE(dataAt, at + 8);
      data.push(value);
      dataAt += value.length;
    }
  });
  const gpsIfd = Buffer.alloc(gpsSize);
  if (gps) {
    const at = 2 + entries.length * 12;
    ifd.writeUInt16LE(0x8825, at);
    ifd.writeUInt16LE(4, at + 2);
    ifd.writeUInt32LE(1, at + 4);
    ifd.writeUInt32LE(gpsOffset, at + 8);
    gpsIfd.writeUInt16LE(1, 0);
    gpsIfd.writeUInt16LE(1, 2); // GPSLatitudeRef, ASCII "N"
    gpsIfd.writeUInt16LE(2, 4);
    gpsIfd.writeUInt32LE(2, 6);
    gpsIfd.write('N\0', 10, 'latin1');
  }
  return Buffer.concat([Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00]), ifd, gpsIfd, ...data]);
}

/** IPTC-IIM datasets of record 2 (2:120 caption, 2:80 by-line …), each `0x1C 2 n length data`. */
export function iptcBlock(datasets: Record<number, string>): Buffer {
  return Buffer.concat(
    Object.entries(datasets).map(([dataset, text]) => {
      const data = Buffer.from(text, 'utf8');
      const head = Buffer.from([0x1c, 2, Number(dataset), 0, 0]);
      head.writeUInt16BE(data.length, 3);
      return Buffer.concat([head, data]);
    }),
  );
}

/** Photoshop image resources (JPEG APP13) holding one IPTC resource (0x0404). */
export function photoshopIptc(iptc: Buffer): Buffer {
  const size = u32be(iptc.length);
  return Buffer.concat([
    Buffer.from('Photoshop 3.0\0', 'latin1'),
    Buffer.from('8BIM', 'latin1'),
    Buffer.from([0x04, 0x04, 0, 0]),
    size,
    iptc,
    iptc.length % 2 ? Buffer.from([0]) : Buffer.alloc(0),
  ]);
}

/** An XMP packet with `creator` as dc:creator. */
export function xmpPacket(creator: string): string {
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${creator}</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
}
