/**
 * The 适老化 switch: a pressed-state button in the header that turns on large text and high
 * contrast, remembers the choice from page to page (applied before the page shows), turns it off
 * again, and stays out of sight without JavaScript.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { elderFigureProblems } from './elder-figures';
import { baseUrl, MODE_STORAGE_KEY, modeOf, newContext, withPage } from './site';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

function stored(page: Page): Promise<string | null> {
  return page.evaluate((key) => localStorage.getItem(key), MODE_STORAGE_KEY);
}

/** `data-mode` on `<html>` at the moment `<body>` was first parsed: what the first paint shows. */
function modeWhenBodyAppeared(page: Page): Promise<string | null | undefined> {
  return page.evaluate(() => (window as unknown as { __modeWhenBodyAppeared?: string | null }).__modeWhenBodyAppeared);
}

describe('the 适老化 mode switch', () => {
  it('switches on, persists across pages from the first paint, and switches off', async () => {
    const context = await newContext(browser);
    // Records the mode as soon as <body> exists, before any deferred or module script can run.
    await context.addInitScript(() => {
      const record = window as unknown as { __modeWhenBodyAppeared?: string | null };
      const observer = new MutationObserver(() => {
        if (document.body && !('__modeWhenBodyAppeared' in record)) {
          record.__modeWhenBodyAppeared = document.documentElement.getAttribute('data-mode');
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    try {
      await withPage(context, async (page) => {
        await page.goto(`${baseUrl}/`);
        const toggle = page.locator('header #mode-toggle');
        expect(await toggle.count(), '#mode-toggle in the header').toBe(1);
        expect(await toggle.evaluate((el) => el.tagName)).toBe('BUTTON');
        expect(await toggle.isVisible(), 'the switch is shown when JavaScript runs').toBe(true);
        expect(await toggle.getAttribute('aria-pressed')).toBe('false');
        expect(await modeOf(page)).not.toBe('elder');

        await toggle.click();
        expect(await modeOf(page)).toBe('elder');
        expect(await toggle.getAttribute('aria-pressed')).toBe('true');
        expect(await stored(page)).toBe('elder');

        await page.goto(`${baseUrl}/officers/`);
        expect(await modeWhenBodyAppeared(page), 'elder mode set before the body is parsed').toBe('elder');
        expect(await modeOf(page)).toBe('elder');
        expect(await page.locator('header #mode-toggle').getAttribute('aria-pressed')).toBe('true');

        await page.locator('header #mode-toggle').click();
        const mode = await modeOf(page);
        expect(mode === null || mode === 'normal', `data-mode after switching off: ${mode}`).toBe(true);
        expect(await page.locator('header #mode-toggle').getAttribute('aria-pressed')).toBe('false');
        expect(await stored(page)).toBe('normal');

        await page.goto(`${baseUrl}/honors/`);
        const after = await modeOf(page);
        expect(after === null || after === 'normal', `data-mode on the next page: ${after}`).toBe(true);
        expect(await page.locator('header #mode-toggle').getAttribute('aria-pressed')).toBe('false');
      });
    } finally {
      await context.close();
    }
  });

  it('makes the text larger, to the 长辈版 figures the normal mode does not meet', async () => {
    const context = await newContext(browser, { viewport: { width: 390, height: 844 } });
    try {
      await withPage(context, async (page) => {
        await page.goto(`${baseUrl}/officers/wang-xiang/`);
        const fontSize = () => page.locator('main').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
        const normal = await fontSize();
        // The probe tells the modes apart: normal text and 44 px targets fall short of 长辈版.
        const before = await elderFigureProblems(page);
        expect(before.some((line) => line.includes('needs 24 px (18 pt)')), before.join('\n')).toBe(true);
        expect(before.some((line) => line.includes('needs 60×60')), before.join('\n')).toBe(true);
        await page.locator('#mode-toggle').click();
        expect(await fontSize()).toBeGreaterThanOrEqual(24);
        expect(await fontSize()).toBeGreaterThan(normal);
        expect(await elderFigureProblems(page)).toEqual([]);
      });
    } finally {
      await context.close();
    }
  });

  it('is not shown without JavaScript, and the page still reads', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    try {
      await withPage(context, async (page) => {
        await page.goto(`${baseUrl}/`);
        expect(await page.locator('#mode-toggle').isVisible()).toBe(false);
        expect(await page.locator('main').isVisible()).toBe(true);
        expect((await page.locator('main').innerText()).trim().length).toBeGreaterThan(20);
      });
    } finally {
      await context.close();
    }
  });
});
