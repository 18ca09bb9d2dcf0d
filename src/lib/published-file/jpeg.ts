/**
 * Walks a JPEG's segments. sharp reports EXIF, XMP and IPTC, but not comment (COM) segments,
 * extended XMP, other application segments or data after the end-of-image marker, and a phone
 * number can sit in any of them. Each segment states its length; the entropy-coded data after a
 * start-of-scan is skipped byte by byte up to the next marker, so the walk is one linear pass.
 */
import { hasBytes, u16 } from './bytes';
import type { Findings } from './findings';
import { commentBlock, exifBlock, photoshopBlock, trailingBlock, unknownBlock, xmpBlock } from './metadata';
import { decodeUnlabelled } from './text-encoding';

const SOS = 0xda;
const EOI = 0xd9;
const COM = 0xfe;
const APP0 = 0xe0;
const APP15 = 0xef;

const XMP_ID = 'http://ns.adobe.com/xap/1.0/\0';
const XMP_EXTENSION_ID = 'http://ns.adobe.com/xmp/extension/\0';
/** Application segments that carry no text: JFIF, its thumbnail, ICC profiles, multi-picture index, Adobe colour. */
const HARMLESS = ['JFIF\0', 'JFXX\0', 'ICC_PROFILE\0', 'MPF\0', 'Adobe'];

/** Reads one application segment (APPn) into texts and problems. */
function applicationSegment(marker: number, data: Uint8Array, findings: Findings): void {
  const n = marker - APP0;
  if (n === 1 && (hasBytes(data, 'Exif\0\0') || hasBytes(data, 'Exif\0\xff'))) exifBlock(data.subarray(6), findings);
  else if (n === 1 && hasBytes(data, XMP_ID)) xmpBlock(data.subarray(XMP_ID.length), findings);
  // Extended XMP: a 32-byte GUID, the full length and this part's offset, then the part.
  else if (n === 1 && hasBytes(data, XMP_EXTENSION_ID)) xmpBlock(data.subarray(XMP_EXTENSION_ID.length + 40), findings, 'XMP（扩展部分）');
  else if (n === 13 && hasBytes(data, 'Photoshop 3.0\0')) photoshopBlock(data, findings);
  else if (!HARMLESS.some((id) => hasBytes(data, id))) unknownBlock(data, findings, `JPEG APP${n} 段`);
}

/** Walks a JPEG file's segments (the SOI marker is at 0). */
export function walkJpeg(bytes: Uint8Array, findings: Findings): void {
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) {
      findings.problem('unreadable', { detail: `JPEG 在第 ${at} 字节处结构错误` });
      return;
    }
    // Any number of 0xFF fill bytes may precede a marker.
    while (bytes[at] === 0xff) at++;
    const marker = bytes[at++];
    if (marker === undefined) break;
    if (marker === EOI) {
      trailingBlock(bytes.subarray(at), findings);
      return;
    }
    // Markers without a length: restart markers, TEM.
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue;
    const length = u16(bytes, at);
    if (length === undefined || length < 2 || at + length > bytes.length) break;
    const data = bytes.subarray(at + 2, at + length);
    at += length;
    if (marker >= APP0 && marker <= APP15) applicationSegment(marker, data, findings);
    else if (marker === COM) commentBlock(decodeUnlabelled(data), findings, 'JPEG 注释（COM）');
    else if (marker === SOS) {
      // Entropy-coded data: 0xFF is followed by 0x00 (a stuffed byte) or a restart marker inside it.
      while (at + 1 < bytes.length && !(bytes[at] === 0xff && bytes[at + 1] !== 0x00 && !(bytes[at + 1]! >= 0xd0 && bytes[at + 1]! <= 0xd7))) at++;
      if (at + 1 >= bytes.length) break;
    }
  }
  findings.problem('unreadable', { detail: 'JPEG 没有结束标记，文件可能被截断' });
}
