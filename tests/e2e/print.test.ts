/**
 * Printing: a profile fits one A4 page; the honours history prints without anything cut off at
 * the page edge; menus and the mode switch are not printed.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { baseUrl, newContext, withPage } from './site';

/** Pages in a PDF, counted from its page objects. */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('printing on A4', () => {
  it.each(['/officers/wang-xiang/', '/officers/zhang-junqiang/', '/officers/diao-aiqing/'])('prints the profile %s on one page', async (path) => {
    const context = await newContext(browser, { viewport: { width: 1024, height: 768 } });
    await withPage(context, async (page) => {
      await page.goto(`${baseUrl}${path}`);
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
      expect(pdfPageCount(pdf)).toBe(1);
    });
    await context.close();
  });

  it.each(['/honors/', '/officers/wang-xiang/', '/stats/'])('prints %s without content wider than the paper, and without menus', async (path) => {
    // A4 is 210 mm wide; with 15 mm margins 180 mm remain: 680 CSS pixels.
    const context = await newContext(browser, { viewport: { width: 680, height: 960 } });
    await withPage(context, async (page) => {
      await page.goto(`${baseUrl}${path}`);
      await page.emulateMedia({ media: 'print' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      for (const selector of ['nav[aria-label="主菜单"]', '#mode-toggle', 'nav[aria-label="面包屑"]', 'form[role="search"]']) {
        expect(await page.locator(selector).isVisible(), selector).toBe(false);
      }
      expect(await page.locator('h1').isVisible()).toBe(true);
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      expect(pdfPageCount(pdf)).toBeGreaterThan(0);
    });
    await context.close();
  });
});
