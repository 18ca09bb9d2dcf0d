/**
 * What the editor's browser tests share besides the editor itself (tests/build/editor-process.ts):
 * a browser context that fails any request leaving this PC, and axe-core run with the contrast it
 * could only measure (its "incomplete" results) held to WCAG AA too.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|\[::1\]|localhost)$/;

/**
 * A browser context in which every request to anything but this PC is refused and recorded: the
 * editor must work with the network cable pulled.
 */
export async function loopbackContext(browser: Browser, width: number): Promise<{ context: BrowserContext; foreign: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
  const foreign: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (LOOPBACK.test(url.hostname)) return route.continue();
    foreign.push(url.href);
    return route.abort('blockedbyclient');
  });
  return { context, foreign };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core's WCAG 2.1 A/AA violations on the open page, one line each, plus every text whose
 * contrast axe measured below 4.5:1 but only listed as "incomplete" (a gradient, an overlap).
 */
export async function editorAxeFindings(page: Page): Promise<string[]> {
  // Through the DevTools protocol, which the editor's Content-Security-Policy does not govern.
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    interface AxeNode {
      target: unknown[];
      any: { data?: { contrastRatio?: number } | null }[];
    }
    interface AxeResult {
      violations: { id: string; impact: string | null; nodes: AxeNode[] }[];
      incomplete: { id: string; nodes: AxeNode[] }[];
    }
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations', 'incomplete'], runOnly: { type: 'tag', values: tags } });
    const violations = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
    const lowContrast = result.incomplete
      .filter((r) => r.id === 'color-contrast')
      .flatMap((r) => r.nodes)
      .flatMap((n) => n.any.map((check) => [n.target, check.data?.contrastRatio] as const))
      .filter(([, ratio]) => typeof ratio === 'number' && ratio > 0 && ratio < 4.5)
      .map(([target, ratio]) => `color-contrast (incomplete, measured ${ratio}): ${JSON.stringify(target)}`);
    return [...violations, ...lowContrast];
  }, WCAG_AA_TAGS);
}

/** Waits until `check` holds, for at most `ms`. */
export async function until(check: () => Promise<boolean> | boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Presses 保存 and waits for the answer: 已保存 or 没有保存. */
export async function saveForm(page: Page): Promise<string> {
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const status = page.locator('.save-status');
  await until(async () => /已保存|没有保存/.test(await status.innerText()), 20_000);
  return status.innerText();
}
