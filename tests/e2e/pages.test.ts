/**
 * The built sample site in a real browser: every page opens, reads without JavaScript, fits a
 * 360 px phone screen, has the landmarks of the shared layout, and loads without errors.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { baseUrl, newContext, newModeContext, pages, withPage } from './site';

let browser: Browser;
/** Phones first, and no JavaScript, as some readers browse. */
let noScript: BrowserContext;
let withScript: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
  noScript = await newContext(browser, { javaScriptEnabled: false });
  withScript = await newModeContext(browser, 'normal');
});

afterAll(async () => {
  await browser?.close();
});

/** The landmarks every page of the layout has, as `name → count`, for one readable diff. */
async function landmarks(page: Page): Promise<Record<string, number>> {
  return {
    'h1': await page.locator('h1').count(),
    'header (banner)': await page.getByRole('banner').count(),
    'nav[aria-label="主菜单"]': await page.locator('nav[aria-label="主菜单"]').count(),
    'main#main': await page.locator('main#main').count(),
    'main landmarks': await page.getByRole('main').count(),
    'footer (contentinfo)': await page.getByRole('contentinfo').count(),
    'skip link a[href="#main"]': await page.locator('body a[href="#main"]').count(),
  };
}

const ONE_OF_EACH = {
  'h1': 1,
  'header (banner)': 1,
  'nav[aria-label="主菜单"]': 1,
  'main#main': 1,
  'main landmarks': 1,
  'footer (contentinfo)': 1,
  'skip link a[href="#main"]': 1,
};

describe('the sample site in Chromium', () => {
  it('has pages to test', () => {
    expect(pages.length).toBeGreaterThan(30);
    expect(pages).toContain('/');
  });

  it.each(pages)('%s opens, reads without JavaScript and fits a 360 px screen', async (path) => {
    await withPage(noScript, async (page) => {
      const response = await page.goto(`${baseUrl}${path}`);
      expect(response?.status()).toBe(200);
      expect(await page.locator('h1').count()).toBe(1);
      expect((await page.locator('h1').innerText()).trim().length).toBeGreaterThan(0);
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, 'horizontal scrolling on a 360 px screen').toBeLessThanOrEqual(0);
    });
  });

  it.each(pages)('%s has one h1, the header, main menu, main, footer and skip link, and breadcrumbs off the home page', async (path) => {
    await withPage(noScript, async (page) => {
      await page.goto(`${baseUrl}${path}`);
      expect(await landmarks(page)).toEqual(ONE_OF_EACH);
      expect(await page.locator('nav[aria-label="面包屑"]').count(), 'breadcrumbs').toBe(path === '/' ? 0 : 1);
    });
  });

  it('answers an unknown address with the Chinese 404 page, in the same layout', async () => {
    await withPage(noScript, async (page) => {
      const response = await page.goto(`${baseUrl}/officers/no-such-person/`);
      expect(response?.status()).toBe(404);
      expect(await page.locator('h1').innerText()).toBe('页面不存在');
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      expect(await landmarks(page)).toEqual(ONE_OF_EACH);
    });
  });
});

describe('loading with JavaScript on', () => {
  it.each(pages)('%s logs no console error and has no failed request', async (path) => {
    await withPage(withScript, async (page) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} (${request.failure()?.errorText})`));
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
      });
      const response = await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
      expect(response?.status()).toBe(200);
      expect(problems).toEqual([]);
    });
  });
});

describe('relations a reader can follow', () => {
  it('a profile lists the honour 见义勇为表彰 and leads to its page', async () => {
    await withPage(noScript, async (page) => {
      await page.goto(`${baseUrl}/officers/wang-xiang/`);
      const link = page.locator('main a[href="/honors/wang-xiang-jianyiyongwei/"]');
      expect(await link.count()).toBeGreaterThanOrEqual(1);
      expect((await link.first().innerText()).trim()).toBe('见义勇为表彰');
      await link.first().click();
      await page.waitForURL(`${baseUrl}/honors/wang-xiang-jianyiyongwei/`);
      expect(await page.locator('h1').innerText()).toContain('见义勇为');
    });
  });

  it('a profile links to the letter of thanks written to the officer', async () => {
    await withPage(noScript, async (page) => {
      await page.goto(`${baseUrl}/officers/zhang-junqiang/`);
      const link = page.locator('main a[href="/letters/zhang-junqiang-ganxiexin/"]');
      expect(await link.count()).toBeGreaterThanOrEqual(1);
      expect(await link.first().isVisible()).toBe(true);
      await link.first().click();
      await page.waitForURL(`${baseUrl}/letters/zhang-junqiang-ganxiexin/`);
      expect(await page.locator('main').innerText()).toContain('2020年6月18日');
    });
  });
});
