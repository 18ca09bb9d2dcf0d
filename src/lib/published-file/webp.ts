/**
 * Walks a WebP file's RIFF chunks. sharp reports EXIF and XMP, but not other chunks or data past
 * the RIFF size, where anything can be kept. Each chunk states its size (padded to even), so the
 * walk is linear.
 */
import { ascii, u32 } from './bytes';
import type { Findings } from './findings';
import { exifBlock, trailingBlock, unknownBlock, xmpBlock } from './metadata';

/** Chunks of pixels, animation and colour profile. */
const HARMLESS = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ANIM', 'ANMF', 'ICCP']);

/** Walks a WebP file (`RIFF`, size, `WEBP`, chunks). */
export function walkWebp(bytes: Uint8Array, findings: Findings): void {
  const riffEnd = 8 + (u32(bytes, 4, true) ?? 0);
  if (riffEnd > bytes.length) findings.problem('unreadable', { detail: 'WebP 比它声明的长度短，文件可能被截断' });
  const end = Math.min(riffEnd, bytes.length);
  let at = 12;
  while (at + 8 <= end) {
    const type = ascii(bytes, at, 4);
    const size = u32(bytes, at + 4, true)!;
    if (at + 8 + size > end) findings.problem('unreadable', { detail: `WebP ${type.trim()} 块不完整` });
    const data = bytes.subarray(at + 8, Math.min(at + 8 + size, end));
    at += 8 + size + (size % 2);
    if (type === 'EXIF') exifBlock(data, findings);
    else if (type === 'XMP ') xmpBlock(data, findings);
    else if (!HARMLESS.has(type)) unknownBlock(data, findings, `WebP ${type.trim()} 块`);
  }
  trailingBlock(bytes.subarray(Math.max(end, at)), findings);
}
