/**
 * Sharing in the browser: the share panel's copy and share buttons, what remains without
 * JavaScript, and posters that print on exactly one A4 page with nothing cut off.
 */
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { readPage } from '../build/harness';
import { baseUrl, newContext, outDir, pages, posterPages as posters, withPage } from './site';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}


describe('posters', () => {
  it('exist for every profile and for the whole site', () => {
    const profiles = pages.filter((p) => /^\/officers\/[a-z0-9-]+\/$/.test(p));
    expect(posters).toContain('/poster/');
    expect(posters.length).toBe(profiles.length + 1);
  });

  it.each(posters)('%s prints on one A4 page with nothing cut off', async (path) => {
    const context = await newContext(browser, { viewport: { width: 1024, height: 1400 } });
    await withPage(context, async (page) => {
      await page.goto(`${baseUrl}${path}`);
      await page.emulateMedia({ media: 'print' });
      // The sheet hides what does not fit: content taller than the sheet would be lost on paper.
      const clipped = await page.evaluate(() => {
        const sheet = document.querySelector('.sheet')!;
        return sheet.scrollHeight - sheet.clientHeight;
      });
      expect(clipped).toBeLessThanOrEqual(0);
      expect(await page.locator('.sheet svg.qr-code').isVisible()).toBe(true);
      expect(await page.locator('.poster-tools').isVisible()).toBe(false);
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
      expect(pdfPageCount(pdf)).toBe(1);
    });
    await context.close();
  });

  it('offers a print button when JavaScript is on', async () => {
    const context = await newContext(browser);
    await withPage(context, async (page) => {
      await page.goto(`${baseUrl}/officers/wang-xiang/poster/`);
      expect(await page.getByRole('button', { name: '打印海报' }).isVisible()).toBe(true);
    });
    await context.close();
  });
});

describe('the share panel', () => {
  it('copies the page address', async () => {
    const context = await newContext(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    await withPage(context, async (page) => {
      await page.goto(`${baseUrl}/officers/wang-xiang/`);
      await page.getByRole('button', { name: '复制网址' }).click();
      await expect.poll(() => page.locator('.share-status').innerText()).toContain('网址已复制');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('https://example.com/officers/wang-xiang/');
    });
    await context.close();
  });

  it('opens the system share sheet where the browser has one, with the title and address', async () => {
    const context = await newContext(browser);
    await context.addInitScript(() => {
      (navigator as Navigator & { share: (data?: ShareData) => Promise<void> }).share = async (data) => {
        (window as unknown as { shared: ShareData | undefined }).shared = data;
      };
    });
    await withPage(context, async (page) => {
      await page.goto(`${baseUrl}/honors/wang-xiang-jianyiyongwei/`);
      await page.getByRole('button', { name: '分享到…' }).click();
      expect(await page.evaluate(() => (window as unknown as { shared: ShareData }).shared)).toEqual({
        title: '见义勇为表彰',
        url: 'https://example.com/honors/wang-xiang-jianyiyongwei/',
      });
    });
    await context.close();
  });

  it('hides the share button where the browser has no share sheet', async () => {
    const context = await newContext(browser);
    await withPage(context, async (page) => {
      await page.goto(`${baseUrl}/letters/zhang-junqiang-ganxiexin/`);
      const hasShare = await page.evaluate(() => typeof navigator.share === 'function');
      expect(await page.locator('[data-share-native]').isVisible()).toBe(hasShare);
    });
    await context.close();
  });

  it('without JavaScript, still shows the address and the QR code, and no dead buttons', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    await withPage(context, async (page) => {
      await page.goto(`${baseUrl}/units/dongjin/`);
      expect(await page.locator('#share-url').inputValue()).toBe('https://example.com/units/dongjin/');
      expect(await page.locator('.share svg.qr-code').isVisible()).toBe(true);
      expect(await page.locator('.share button:visible').count()).toBe(0);
    });
    await context.close();
  });
});

describe('share images', () => {
  it.each([
    ['/officers/wang-xiang/', 'a card with a portrait', 'image/jpeg', 'jpeg'],
    ['/honors/wang-xiang-jianyiyongwei/', 'a text-only card', 'image/png', 'png'],
  ])('%s links to %s the server sends as %s, 1200×630', async (path, _kind, type, format) => {
    const image = readPage(outDir, path.slice(1)).querySelector('meta[property="og:image"]')?.getAttribute('content');
    expect(image).toMatch(format === 'jpeg' ? /^https:\/\/example\.com\/share\/officers\/wang-xiang\.jpg$/ : /\/share\/honors\/wang-xiang-jianyiyongwei\.png$/);
    const response = await fetch(`${baseUrl}${new URL(image!).pathname}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual([format, 1200, 630]);
  });
});
