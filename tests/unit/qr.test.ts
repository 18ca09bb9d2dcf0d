import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedQrDrawing, labelQr, qrDrawing, QR_DRAWING } from '../../src/lib/qr';

const URL_A = 'https://www.example.gov.cn/officers/wang-xiang/';
const URL_B = 'https://www.example.gov.cn/officers/zhang-jun/';

describe('labelQr', () => {
  it('names the square for a screen reader, escaping the label, at the size asked for', async () => {
    const svg = labelQr(await qrDrawing(URL_A), { size: 144, label: '“A&B”<的>二维码' });
    expect(svg).toMatch(/^<svg role="img" aria-label="“A&amp;B”&lt;的>二维码" width="144" height="144" class="qr-code" /);
    expect(labelQr(await qrDrawing(URL_A))).toContain('aria-label="本页网址的二维码" width="160" height="160"');
  });
});

describe('cachedQrDrawing', () => {
  it('draws an address once, then reads it back; another address gets its own drawing', async () => {
    const folder = path.join(mkdtempSync(path.join(os.tmpdir(), 'qr-')), 'qr');
    const a = await cachedQrDrawing(folder, URL_A);
    expect(a).toBe(await qrDrawing(URL_A));
    const [file] = readdirSync(folder);
    expect(readdirSync(folder)).toEqual([file]);
    // What is read back is the file, not a new drawing.
    const marked = a.replace('<svg ', '<svg data-kept="1" ');
    writeFileSync(path.join(folder, file!), marked);
    expect(await cachedQrDrawing(folder, URL_A)).toBe(marked);
    expect(await cachedQrDrawing(folder, URL_B)).toBe(await qrDrawing(URL_B));
    expect(readdirSync(folder)).toHaveLength(2);
  });

  it('draws again over a file that is not a whole drawing (a build stopped mid-write, an empty file)', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'qr-'));
    await cachedQrDrawing(folder, URL_A);
    const [file] = readdirSync(folder);
    for (const broken of ['', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29"><path', 'not a drawing']) {
      writeFileSync(path.join(folder, file!), broken);
      expect(await cachedQrDrawing(folder, URL_A)).toBe(await qrDrawing(URL_A));
      expect(readFileSync(path.join(folder, file!), 'utf8')).toBe(await qrDrawing(URL_A));
    }
  });

  it('still draws when the cache folder cannot be written', async () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'qr-'));
    // A file where the folder should be: neither reading nor writing the cache can work.
    const folder = path.join(parent, 'qr');
    writeFileSync(folder, '');
    chmodSync(folder, 0o400);
    expect(await cachedQrDrawing(folder, URL_A)).toBe(await qrDrawing(URL_A));
  });

  it('keys a drawing on the library version and options as well as the address', () => {
    expect(QR_DRAWING).toMatch(/^qrcode@\d+\.\d+\.\d+ \{.*"errorCorrectionLevel":"M".*\}$/);
  });
});
