/**
 * Printing: a profile fits one A4 page; the honours history prints without anything cut off at
 * the page edge; menus and the mode switch are not printed. The points boards (on the fictional
 * `points` fixture, intranet edition) print the same way; the yearly report is one sheet.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { baseUrl, newContext, withPage } from './site';

/** Pages in a PDF, counted from its page objects. */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

/** The points boards come from the fictional `points` fixture (the sample records no points). */
const pointsUrl = inject('pointsUrl');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('printing on A4', () => {
  it.each([
    ...['/officers/wang-xiang/', '/officers/zhang-junqiang/', '/officers/diao-aiqing/'].map((path) => [path, baseUrl]),
    // The yearly report (年考) is a sheet of its own.
    ['/points/2026/', pointsUrl],
  ])('prints %s on one page', async (path, site) => {
    const context = await newContext(browser, { viewport: { width: 1024, height: 768 } });
    await withPage(context, async (page) => {
      await page.goto(`${site}${path}`);
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
      expect(pdfPageCount(pdf)).toBe(1);
    });
    await context.close();
  });

  it.each([
    ...['/honors/', '/officers/wang-xiang/', '/stats/'].map((path) => [path, baseUrl]),
    ...['/points/2026-01/', '/points/2026-q1/', '/points/2026/'].map((path) => [path, pointsUrl]),
  ])('prints %s without content wider than the paper, and without menus', async (path, site) => {
    // A4 is 210 mm wide; with 15 mm margins 180 mm remain: 680 CSS pixels.
    const context = await newContext(browser, { viewport: { width: 680, height: 960 } });
    await withPage(context, async (page) => {
      await page.goto(`${site}${path}`);
      await page.emulateMedia({ media: 'print' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      for (const selector of ['nav[aria-label="主菜单"]', '#mode-toggle', 'nav[aria-label="面包屑"]', 'form[role="search"]', 'nav[aria-label="相关积分榜"]']) {
        expect(await page.locator(selector).isVisible(), selector).toBe(false);
      }
      expect(await page.locator('h1').isVisible()).toBe(true);
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      expect(pdfPageCount(pdf)).toBeGreaterThan(0);
    });
    await context.close();
  });
});

describe('printing the points boards on A4', () => {
  it('repeats the column headings when a long board runs over several pages', async () => {
    const context = await newContext(browser, { viewport: { width: 680, height: 960 } });
    await withPage(context, async (page) => {
      await page.goto(`${pointsUrl}/points/2026/`);
      // A synthetic board of 120 members, built from the real one's first row.
      await page.evaluate(() => {
        const body = document.querySelector('.board tbody')!;
        const row = body.querySelector('tr')!;
        for (let i = 0; i < 120; i++) body.append(row.cloneNode(true));
      });
      await page.emulateMedia({ media: 'print' });
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('.board thead')!).display)).toBe('table-header-group');
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      expect(pdfPageCount(pdf)).toBeGreaterThan(1);
    });
    await context.close();
  });
});
