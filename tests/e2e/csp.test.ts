/**
 * The Content-Security-Policy holds: every page declares one without 'unsafe-inline' or
 * 'unsafe-eval' for scripts, and browsing every page and running a search triggers no violation.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { baseUrl, KIOSK_PAGE, newContext, pages, posterPages, withPage } from './site';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Collects the page's CSP violations, as the browser reports them to the page. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

describe('Content-Security-Policy', () => {
  it.each([...pages, ...posterPages, KIOSK_PAGE])('%s has a strict policy and no violation', async (path) => {
    const context = await newContext(browser);
    await withPage(context, async (page) => {
      const violations = await watchViolations(page);
      await page.goto(`${baseUrl}${path}`);
      const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      expect(policy).toContain("default-src 'self'");
      const scriptSrc = policy!.split(';').find((d) => d.trim().startsWith('script-src'))!;
      expect(scriptSrc).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
      expect(policy).not.toContain("'unsafe-inline'");
      await page.waitForLoadState('networkidle');
      expect(await violations()).toEqual([]);
    });
    await context.close();
  });

  it('lets a search run (Pagefind, its worker and WebAssembly) without any violation', async () => {
    const context = await newContext(browser);
    await withPage(context, async (page) => {
      const violations = await watchViolations(page);
      await page.goto(`${baseUrl}/search/?q=${encodeURIComponent('见义勇为')}`);
      await page.locator('.search-result').first().waitFor();
      await page.locator('summary').click();
      await page.getByLabel('荣誉（8）').check();
      await page.waitForLoadState('networkidle');
      expect(await violations()).toEqual([]);
    });
    await context.close();
  });

  it('really enforces the policy: an injected inline script is refused', async () => {
    const context = await newContext(browser);
    await withPage(context, async (page) => {
      const violations = await watchViolations(page);
      await page.goto(`${baseUrl}/`);
      await expect(page.addScriptTag({ content: 'window.injected = true;' })).rejects.toThrow(/Content Security Policy/);
      expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
      expect((await violations()).some((v) => v.startsWith('script-src'))).toBe(true);
    });
    await context.close();
  });
});
