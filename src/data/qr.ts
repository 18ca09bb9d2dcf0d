/** Page QR codes, drawn once and remembered in the site's cache folder (see cachedQrDrawing). */
import path from 'node:path';
import { cacheDir } from 'virtual:honor-roll/context';
import { cachedQrDrawing, labelQr } from '../lib/qr';

/** An `<svg>` QR code of `url`, `size` CSS pixels wide, labelled for screen readers. */
export async function qrSvg(url: string, options: { size?: number; label?: string } = {}): Promise<string> {
  return labelQr(await cachedQrDrawing(path.join(cacheDir, 'qr'), url), options);
}
