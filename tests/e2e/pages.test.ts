/**
 * The built sample site in a real browser: every page opens, reads without JavaScript, fits a
 * 360 px phone screen, and has no serious accessibility violations (axe-core).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { listOutput } from '../build/harness';
import { launchBrowser } from './browser';

const baseUrl = inject('baseUrl');
const outDir = inject('outDir');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Every page of the built site, as URL paths. */
const pages = listOutput(outDir)
  .filter((f) => f.endsWith('index.html'))
  .map((f) => `/${f.replace(/index\.html$/, '')}`);

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
  // Phones first: a 360 px wide screen, and no JavaScript, as some readers browse.
  context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false, locale: 'zh-CN' });
});

afterAll(async () => {
  await browser?.close();
});

describe('the sample site in Chromium', () => {
  it('has pages to test', () => {
    expect(pages.length).toBeGreaterThan(30);
  });

  it.each(pages)('%s opens, reads without JavaScript and fits a 360 px screen', async (path) => {
    const page = await context.newPage();
    const response = await page.goto(`${baseUrl}${path}`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').count()).toBe(1);
    expect((await page.locator('h1').innerText()).trim().length).toBeGreaterThan(0);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'horizontal scrolling on a 360 px screen').toBeLessThanOrEqual(0);
    await page.close();
  });

  it('answers an unknown address with the Chinese 404 page', async () => {
    const page = await context.newPage();
    const response = await page.goto(`${baseUrl}/officers/no-such-person/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('页面不存在');
    await page.close();
  });
});

describe('accessibility (axe-core)', () => {
  it.each(pages)('%s has no serious or critical violations', async (path) => {
    const jsContext = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await jsContext.newPage();
    await page.goto(`${baseUrl}${path}`);
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
      const result = await axe.run(document);
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
    });
    expect(violations).toEqual([]);
    await jsContext.close();
  });
});
