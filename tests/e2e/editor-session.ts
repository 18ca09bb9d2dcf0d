/**
 * What the editor's browser tests share besides the editor itself (tests/build/editor-process.ts):
 * a browser context that fails any request leaving this PC, and axe-core run with the contrast it
 * could only measure (its "incomplete" results) held to WCAG AA too.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { axeViolations, WCAG_AA_TAGS } from './site';

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

/** axe-core's WCAG 2.1 A/AA findings on the open editor page, low contrast axe measured but left "incomplete" included. */
export function editorAxeFindings(page: Page): Promise<string[]> {
  return axeViolations(page, { tags: WCAG_AA_TAGS });
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
/**
 * Waits until the page preview under the form shows `target`. The preview may open the page
 * before the dev server has read the files just saved (a picture takes longer than text; on a busy
 * machine, seconds), and a page opened too early stays as it was: it is loaded again until the
 * target shows, for up to 40 s.
 */
export async function untilPreviewShows(page: Page, target: Locator): Promise<void> {
  for (let tries = 0; (await target.count()) === 0 && tries < 20; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    if ((await target.count()) === 0) await page.locator('.page-frame').evaluate((frame) => (frame as HTMLIFrameElement).contentWindow?.location.reload());
  }
  // Within the test's time, saying what the preview shows instead (an Astro error names itself in the title).
  if ((await target.count()) === 0) {
    const shown = await page.locator('.page-frame').evaluate((frame) => (frame as HTMLIFrameElement).contentDocument?.title ?? '');
    throw new Error(`the page preview did not show the saved page within 40 s; it shows “${shown}”`);
  }
}

export async function saveForm(page: Page): Promise<string> {
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const status = page.locator('.save-status');
  await until(async () => /已保存|没有保存/.test(await status.innerText()), 20_000);
  return status.innerText();
}
