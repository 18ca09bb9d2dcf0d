/**
 * QR codes of page addresses, drawn at build time as inline SVG (no image request, no script),
 * with an accessible name so a screen reader says what the square is.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import QRCode from 'qrcode';
import { writeFileAtomic } from './editor/write-file';

// Level M survives a crease or a smudge on a printed poster; a 2-module margin is enough on
// white paper and keeps the code large on a phone screen.
const OPTIONS = { type: 'svg', margin: 2, errorCorrectionLevel: 'M' } as const;

/** What the drawing of a given address depends on besides the address: a cache key's prefix. */
export const QR_DRAWING = `qrcode@${(createRequire(import.meta.url)('qrcode/package.json') as { version: string }).version} ${JSON.stringify(OPTIONS)}`;

/** The bare `<svg>` of `url`'s QR code, as the library draws it (≈ 0.5 ms: it tries all 8 masks). */
export function qrDrawing(url: string): Promise<string> {
  return QRCode.toString(url, OPTIONS);
}

/**
 * `qrDrawing(url)`, remembered in `folder` between builds. Every page carries a QR code, and
 * drawing them again cost ≈ 1.2 s of every rebuild of a 2,000-entry unit. A drawing is kept under
 * the hash of the address and of what draws it (`QR_DRAWING`), so a library upgrade or a new
 * address is drawn afresh; a file that is not a whole drawing is drawn again.
 */
export async function cachedQrDrawing(folder: string, url: string): Promise<string> {
  const file = path.join(folder, `${createHash('sha256').update(`${QR_DRAWING}\n${url}`).digest('hex').slice(0, 32)}.svg`);
  try {
    const kept = readFileSync(file, 'utf8');
    if (kept.startsWith('<svg ') && kept.trimEnd().endsWith('</svg>')) return kept;
  } catch {
    // Not drawn yet.
  }
  const drawing = await qrDrawing(url);
  try {
    // A build running at the same time never reads half a file.
    writeFileAtomic(file, drawing);
  } catch {
    // A cache that cannot be written only costs the next build the drawing again.
  }
  return drawing;
}

/** A drawing from `qrDrawing`, `size` CSS pixels wide and labelled for screen readers. */
export function labelQr(drawing: string, { size = 160, label = '本页网址的二维码' }: { size?: number; label?: string } = {}): string {
  const escaped = label.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return drawing.replace('<svg ', `<svg role="img" aria-label="${escaped}" width="${size}" height="${size}" class="qr-code" `);
}
