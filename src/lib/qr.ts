/**
 * QR codes of page addresses, drawn at build time as inline SVG (no image request, no script),
 * with an accessible name so a screen reader says what the square is.
 */
import QRCode from 'qrcode';

/** An `<svg>` QR code of `url`, `size` CSS pixels wide, labelled for screen readers. */
export async function qrSvg(url: string, { size = 160, label = '本页网址的二维码' }: { size?: number; label?: string } = {}): Promise<string> {
  // Level M survives a crease or a smudge on a printed poster; a 2-module margin is enough on
  // white paper and keeps the code large on a phone screen.
  const svg = await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  const escaped = label.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return svg.replace('<svg ', `<svg role="img" aria-label="${escaped}" width="${size}" height="${size}" class="qr-code" `);
}
