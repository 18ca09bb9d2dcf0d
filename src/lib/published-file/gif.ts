/**
 * Walks a GIF's blocks. sharp does not report GIF comment extensions, XMP application extensions
 * or plain-text extensions at all. Every block is a known header followed by length-prefixed
 * sub-blocks ending with a zero, so the walk is one linear pass over the file.
 */
import { ascii } from './bytes';
import type { Findings } from './findings';
import { commentBlock, trailingBlock, unknownBlock, xmpBlock } from './metadata';
import { decodeUnlabelled } from './text-encoding';

/** Application extensions that carry no text: animation loops and colour profiles. */
const HARMLESS_APPLICATIONS = new Set(['NETSCAPE2.0', 'ANIMEXTS1.0', 'ICCRGBG1012']);

/**
 * Reads the sub-blocks from `at`; returns their data (when `collect`, else nothing: image data is
 * only skipped) and where the terminator ends.
 */
function subBlocks(bytes: Uint8Array, at: number, collect = true): { data: Uint8Array; end: number } | undefined {
  const parts: Uint8Array[] = [];
  while (at < bytes.length) {
    const size = bytes[at]!;
    if (size === 0) return { data: Buffer.concat(parts), end: at + 1 };
    if (at + 1 + size > bytes.length) return undefined;
    if (collect) parts.push(bytes.subarray(at + 1, at + 1 + size));
    at += 1 + size;
  }
  return undefined;
}

/**
 * XMP in GIF is written raw, not in sub-blocks, followed by a "magic trailer" (0x01, 0xFF, 0xFE …
 * 0x00) that lets GIF readers skip it as if it were sub-blocks: the packet ends where it starts.
 */
function gifXmp(bytes: Uint8Array, from: number, end: number): Uint8Array {
  const raw = bytes.subarray(from, end);
  for (let i = 0; i + 2 < raw.length; i++) {
    if (raw[i] === 0x01 && raw[i + 1] === 0xff && raw[i + 2] === 0xfe) return raw.subarray(0, i);
  }
  return raw;
}

/** Walks a GIF file (header, logical screen descriptor, blocks, trailer). */
export function walkGif(bytes: Uint8Array, findings: Findings): void {
  const packed = bytes[10] ?? 0;
  // The global colour table follows the 13-byte header when its flag is set.
  let at = 13 + (packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0);
  let frame = 0;
  while (at < bytes.length) {
    const introducer = bytes[at];
    if (introducer === 0x3b) return trailingBlock(bytes.subarray(at + 1), findings);
    if (introducer === 0x2c) {
      // Image descriptor: 10 bytes, a local colour table, the LZW code size, then image data.
      const local = bytes[at + 9] ?? 0;
      at += 10 + (local & 0x80 ? 3 * 2 ** ((local & 0x07) + 1) : 0) + 1;
      const image = subBlocks(bytes, at, false);
      if (!image) break;
      at = image.end;
      frame++;
      continue;
    }
    if (introducer !== 0x21) break;
    const label = bytes[at + 1];
    const blocks = subBlocks(bytes, at + 2);
    if (!blocks) break;
    if (label === 0xfe) commentBlock(decodeUnlabelled(blocks.data), findings, 'GIF 注释');
    // Plain-text extension: a 12-byte grid description, then the text to draw.
    else if (label === 0x01) commentBlock(decodeUnlabelled(blocks.data.subarray(12)), findings, 'GIF 文字块');
    else if (label === 0xff) {
      const application = ascii(blocks.data, 0, 11);
      if (application === 'XMP DataXMP') xmpBlock(gifXmp(bytes, at + 2 + 12, blocks.end), findings);
      else if (!HARMLESS_APPLICATIONS.has(application)) unknownBlock(blocks.data, findings, `GIF 应用扩展“${application.trim()}”`);
    }
    at = blocks.end;
  }
  findings.problem('unreadable', { detail: frame === 0 ? 'GIF 结构错误' : 'GIF 没有结束标记，文件可能被截断' });
}
