/**
 * Walks an ICO (or CUR) file's directory. Each icon is a BMP (no metadata) or a whole PNG, which
 * can carry text chunks and EXIF like any PNG; sharp does not read ICO at all. Real icons hold a
 * handful of sizes; a directory claiming more than 64 is not read further, and an image several
 * entries point at is read once.
 */
import { hasBytes, slice, u16, u32 } from './bytes';
import type { Findings } from './findings';

const MAX_ICONS = 64;

/** Walks an ICO directory; `inspectPng` reads each embedded PNG as a file of its own. */
export async function walkIco(bytes: Uint8Array, findings: Findings, inspectPng: (png: Uint8Array, label: string) => Promise<void>): Promise<void> {
  const count = u16(bytes, 4, true) ?? 0;
  if (count > MAX_ICONS) findings.problem('unreadable', { detail: `图标文件声称有 ${count} 张图片，只读取前 ${MAX_ICONS} 张` });
  const seen = new Set<number>();
  for (let i = 0; i < Math.min(count, MAX_ICONS); i++) {
    const entry = 6 + i * 16;
    const size = u32(bytes, entry + 8, true);
    const offset = u32(bytes, entry + 12, true);
    const image = size === undefined || offset === undefined ? undefined : slice(bytes, offset, size);
    if (!image) {
      findings.problem('unreadable', { detail: `图标第 ${i + 1} 张图片超出文件范围` });
      continue;
    }
    if (seen.has(offset!)) continue;
    seen.add(offset!);
    if (hasBytes(image, [0x89, 0x50, 0x4e, 0x47])) await inspectPng(image, `图标第 ${i + 1} 张图片`);
  }
}
