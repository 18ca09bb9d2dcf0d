/**
 * Reading the metadata blocks that image formats share — EXIF (a TIFF structure), IPTC-IIM,
 * Photoshop image resources and XMP — into texts and problems. sharp hands these over as raw
 * buffers (or not at all, depending on the format); what a privacy scan needs is the strings
 * inside them, so they are parsed here. Every reader is bounded by the block it is given: offsets
 * are checked, each IFD is visited once, and nothing is allocated beyond the block's own size.
 */
import { ascii, hasBytes, isPadding, slice, u16, u32 } from './bytes';
import type { Findings } from './findings';
import { readableRuns } from './strings';
import { decodeUnlabelled, decodeUtf16 } from './text-encoding';

/** Names of the EXIF and TIFF tags that hold text, for messages. */
const TAG_NAMES: Readonly<Record<number, string>> = {
  0x010d: 'DocumentName',
  0x010e: 'ImageDescription',
  0x010f: 'Make',
  0x0110: 'Model',
  0x011d: 'PageName',
  0x0131: 'Software',
  0x0132: 'DateTime',
  0x013b: 'Artist',
  0x013c: 'HostComputer',
  0x8298: 'Copyright',
  0x9003: 'DateTimeOriginal',
  0x9004: 'DateTimeDigitized',
  0x927c: 'MakerNote',
  0x9286: 'UserComment',
  0x9c9b: 'XPTitle',
  0x9c9c: 'XPComment',
  0x9c9d: 'XPAuthor',
  0x9c9e: 'XPKeywords',
  0x9c9f: 'XPSubject',
  0xa420: 'ImageUniqueID',
  0xa430: 'CameraOwnerName',
  0xa431: 'BodySerialNumber',
  0xa433: 'LensMake',
  0xa434: 'LensModel',
  0xa435: 'LensSerialNumber',
};

/** Tags that point at another IFD, and the kind of IFD they point at. */
const POINTERS: Readonly<Record<number, 'exif' | 'gps' | 'interop' | 'sub'>> = { 0x8769: 'exif', 0x8825: 'gps', 0xa005: 'interop', 0x014a: 'sub' };
/** Tags whose value is another metadata block rather than text. */
const XMP_TAG = 0x02bc;
const IPTC_TAG = 0x83bb;
const PHOTOSHOP_TAG = 0x8649;
const ICC_TAG = 0x8773;
/** Byte arrays known to hold no text: JPEG tables, version numbers, component layouts, colour filters. */
const BINARY_TAGS = new Set([0x015b, 0x9000, 0x9101, 0xa000, 0xa300, 0xa301, 0xa302]);
/** Tags whose bytes are text with an 8-byte character-set prefix (UserComment, GPS method and area). */
const PREFIXED_TEXT = new Set([0x9286]);
const GPS_PREFIXED_TEXT = new Set([0x1b, 0x1c]);
/** Windows Explorer's tags (XPTitle … XPSubject): UTF-16LE in a BYTE array. */
const isWindowsTag = (tag: number) => tag >= 0x9c9b && tag <= 0x9c9f;

/** Size in bytes of one value of each TIFF field type (1 BYTE … 13 IFD). */
const TYPE_SIZES = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4];

/** Most IFDs a file is walked through: IFD0, IFD1, Exif, GPS, Interop and a few sub-IFDs. */
const MAX_IFDS = 32;

/** What an EXIF block (or a whole TIFF file) holds, beyond the texts it added. */
export interface ExifSummary {
  /** Entries read in all IFDs. */
  entries: number;
  /** Whether there is a GPS IFD with any entry: where the photo was taken. */
  gps: boolean;
  /** Whether there is an Exif IFD (camera settings, dates, owner, serial numbers). */
  exifIfd: boolean;
  /** Text values found (descriptions, names, device, dates, comments), not counting readable runs in byte arrays. */
  texts: number;
  /** Whether the structure was cut off or pointed outside itself. */
  damaged: boolean;
  /** Metadata blocks stored as TIFF tags (TIFF files keep XMP and IPTC this way). */
  xmp: Uint8Array[];
  iptc: Uint8Array[];
  photoshop: Uint8Array[];
}

/** A UserComment-style value: an 8-byte character-set code, then the text. */
function prefixedText(value: Uint8Array, little: boolean): string {
  const code = ascii(value, 0, 8).replace(/\0+$/, '');
  const body = value.subarray(8);
  if (code === 'UNICODE') return decodeUtf16(body, little);
  return decodeUnlabelled(body);
}

/**
 * Reads a TIFF structure: an EXIF block (`Exif\0\0` and padding before it are skipped) or a
 * whole TIFF file. Text values go to `findings` as `exif` texts named by tag.
 */
export function readExif(block: Uint8Array, findings: Findings, label = 'EXIF'): ExifSummary {
  const summary: ExifSummary = { entries: 0, gps: false, exifIfd: false, texts: 0, damaged: false, xmp: [], iptc: [], photoshop: [] };
  // Writers put `Exif\0\0`, an offset (HEIF) or nothing before the TIFF header.
  let start = -1;
  for (let at = 0; at < Math.min(block.length - 3, 16) && start < 0; at++) {
    if (hasBytes(block, [0x49, 0x49, 0x2a, 0x00], at) || hasBytes(block, [0x4d, 0x4d, 0x00, 0x2a], at)) start = at;
  }
  if (start < 0) {
    summary.damaged = true;
    return summary;
  }
  const tiff = block.subarray(start);
  const little = tiff[0] === 0x49;
  const queue: { offset: number; kind: 'main' | 'exif' | 'gps' | 'interop' | 'sub' }[] = [{ offset: u32(tiff, 4, little) ?? 0, kind: 'main' }];
  const visited = new Set<number>();
  // Values of a real file do not overlap, so reading more than twice the block means a crafted
  // file pointing many entries at the same bytes: stop there rather than read them again and again.
  let readable = 2 * tiff.length;

  for (let walked = 0; queue.length > 0 && walked < MAX_IFDS; walked++) {
    const { offset, kind } = queue.shift()!;
    if (offset === 0 || visited.has(offset)) continue;
    visited.add(offset);
    const count = u16(tiff, offset, little);
    if (count === undefined) {
      summary.damaged = true;
      continue;
    }
    for (let i = 0; i < count; i++) {
      const entry = offset + 2 + i * 12;
      const tag = u16(tiff, entry, little);
      const type = u16(tiff, entry + 2, little);
      const n = u32(tiff, entry + 4, little);
      if (tag === undefined || type === undefined || n === undefined || entry + 12 > tiff.length) {
        summary.damaged = true;
        break;
      }
      summary.entries++;
      const length = (TYPE_SIZES[type] ?? 0) * n;
      const at = length <= 4 ? entry + 8 : (u32(tiff, entry + 8, little) ?? -1);
      const value = length > 0 ? slice(tiff, at, length) : undefined;
      if (!value) {
        summary.damaged ||= length > 0;
        continue;
      }
      if (kind === 'gps') summary.gps = true;
      if (kind === 'exif') summary.exifIfd = true;
      readable -= value.length;
      if (readable < 0) {
        summary.damaged = true;
        break;
      }

      const pointer = kind === 'gps' ? undefined : POINTERS[tag];
      if (pointer && (type === 4 || type === 13)) {
        for (let k = 0; k < n && queue.length < MAX_IFDS; k++) queue.push({ offset: u32(value, k * 4, little) ?? 0, kind: pointer });
        continue;
      }
      const name = kind === 'gps' ? `GPS 0x${tag.toString(16)}` : (TAG_NAMES[tag] ?? `0x${tag.toString(16).padStart(4, '0')}`);
      const where = `${label} ${name}`;
      const before = findings.texts.length;
      if (kind !== 'gps' && tag === XMP_TAG) summary.xmp.push(value);
      else if (kind !== 'gps' && tag === IPTC_TAG) summary.iptc.push(value);
      else if (kind !== 'gps' && tag === PHOTOSHOP_TAG) summary.photoshop.push(value);
      else if (kind !== 'gps' && (tag === ICC_TAG || BINARY_TAGS.has(tag))) continue;
      else if (type === 2) findings.text('exif', where, decodeUnlabelled(value));
      else if ((kind === 'gps' ? GPS_PREFIXED_TEXT : PREFIXED_TEXT).has(tag) && value.length > 8) findings.text('exif', where, prefixedText(value, little));
      else if (kind !== 'gps' && isWindowsTag(tag)) findings.text('exif', where, decodeUtf16(value, true));
      // Other byte arrays (a maker note, a vendor's private tag) are read for any text they carry.
      else if ((type === 1 || type === 6 || type === 7) && value.length >= 8) {
        unknownBlock(value, findings, where);
        continue;
      }
      summary.texts += findings.texts.length - before;
    }
    if (kind === 'main' || kind === 'sub') queue.push({ offset: u32(tiff, offset + 2 + count * 12, little) ?? 0, kind });
  }
  return summary;
}

/** Reads IPTC-IIM datasets (`0x1C record dataset length data`); returns how many were read. */
export function readIptc(block: Uint8Array, findings: Findings): number {
  let count = 0;
  let utf8 = false;
  for (let at = 0; at + 5 <= block.length && block[at] === 0x1c;) {
    const record = block[at + 1]!;
    const dataset = block[at + 2]!;
    let length = u16(block, at + 3)!;
    at += 5;
    // An extended dataset stores the length of its length in the low 15 bits.
    if (length & 0x8000) {
      const size = length & 0x7fff;
      if (size > 4 || at + size > block.length) break;
      length = 0;
      for (let k = 0; k < size; k++) length = length * 256 + block[at + k]!;
      at += size;
    }
    const data = slice(block, at, length) ?? block.subarray(at);
    at += length;
    count++;
    // 1:90 is the coded character set; `ESC % G` declares UTF-8.
    if (record === 1 && dataset === 90) utf8 = hasBytes(data, [0x1b, 0x25, 0x47]);
    if (record === 2 && dataset !== 0) {
      findings.text('iptc', `IPTC ${record}:${dataset}`, utf8 ? new TextDecoder().decode(data) : decodeUnlabelled(data));
    }
  }
  return count;
}

/** What a Photoshop image-resource block held. */
export interface PhotoshopSummary {
  iptc: Uint8Array[];
  exif: Uint8Array[];
  xmp: Uint8Array[];
}

/**
 * Reads Photoshop image resources (JPEG APP13, TIFF tag 34377): `8BIM`, an id, a padded Pascal
 * name, a size and the data. Only IPTC (0x0404), EXIF (0x0422) and XMP (0x0424) matter here.
 */
export function readPhotoshop(block: Uint8Array): PhotoshopSummary {
  const found: PhotoshopSummary = { iptc: [], exif: [], xmp: [] };
  let at = hasBytes(block, 'Photoshop 3.0\0') ? 14 : 0;
  while (at + 12 <= block.length && hasBytes(block, '8BIM', at)) {
    const id = u16(block, at + 4)!;
    const nameLength = block[at + 6]!;
    at += 6 + 1 + nameLength + ((1 + nameLength) % 2);
    const size = u32(block, at);
    if (size === undefined) break;
    const data = slice(block, at + 4, size) ?? block.subarray(at + 4);
    at += 4 + size + (size % 2);
    if (id === 0x0404) found.iptc.push(data);
    else if (id === 0x0422) found.exif.push(data);
    else if (id === 0x0424) found.xmp.push(data);
  }
  return found;
}

/** An EXIF block in an image: its texts, and a problem naming GPS when there is a position. */
export function exifBlock(block: Uint8Array, findings: Findings, label = 'EXIF'): void {
  const summary = readExif(block, findings, label);
  findings.problem('image-exif', summary.gps ? { message: '图片带有 EXIF 信息，其中有拍摄位置（GPS）' } : {});
  embeddedBlocks(summary, findings);
}

/** XMP and IPTC stored inside an EXIF or TIFF structure. */
export function embeddedBlocks(summary: Pick<ExifSummary, 'xmp' | 'iptc' | 'photoshop'>, findings: Findings): void {
  for (const xmp of summary.xmp) xmpBlock(xmp, findings);
  for (const iptc of summary.iptc) iptcBlock(iptc, findings);
  for (const resources of summary.photoshop) photoshopBlock(resources, findings);
}

/** An XMP packet: the whole packet is text to read (names, captions, editing history). */
export function xmpBlock(block: Uint8Array | string, findings: Findings, where = 'XMP'): void {
  findings.text('xmp', where, typeof block === 'string' ? block : decodeUnlabelled(block));
  findings.problem('image-xmp');
}

/** An IPTC-IIM block. */
export function iptcBlock(block: Uint8Array, findings: Findings): void {
  readIptc(block, findings);
  findings.problem('image-iptc');
}

/** Photoshop image resources: their IPTC, EXIF and XMP. */
export function photoshopBlock(block: Uint8Array, findings: Findings): void {
  const found = readPhotoshop(block);
  for (const exif of found.exif) exifBlock(exif, findings);
  embeddedBlocks({ xmp: found.xmp, iptc: found.iptc, photoshop: [] }, findings);
}

/** A text comment stored in an image (PNG text chunk, JPEG COM, GIF comment). */
export function commentBlock(text: string, findings: Findings, where: string): void {
  findings.text('comment', where, text);
  findings.problem('image-comment', { detail: where });
}

/** A block of unknown purpose: not a problem in itself, but any readable text in it is read. */
export function unknownBlock(block: Uint8Array, findings: Findings, where: string): void {
  for (const run of readableRuns(block, findings.budget.remaining)) findings.text('strings', where, run);
}

/** Bytes after the end of an image: padding is tolerated, anything else is a problem and read. */
export function trailingBlock(block: Uint8Array, findings: Findings): void {
  if (block.length === 0 || isPadding(block)) return;
  findings.problem('image-trailing-data', { detail: `${block.length} 字节` });
  unknownBlock(block, findings, '图片末尾的附加数据');
}
