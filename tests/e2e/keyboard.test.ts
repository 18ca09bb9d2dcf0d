/**
 * Every page works from the keyboard: the first Tab lands on the skip link, Tab reaches every
 * visible link and button, and the focused element always shows where it is.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { baseUrl, newModeContext, pages, withPage } from './site';

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
  // Keyboard readers are mostly on a computer.
  context = await newModeContext(browser, 'normal', { viewport: { width: 1024, height: 768 } });
});

afterAll(async () => {
  await browser?.close();
});

interface Focused {
  /** Index among the page's visible links and buttons, or null for anything else. */
  index: number | null;
  description: string;
  /** An outline (not `none`, not transparent, wider than 0) or a box-shadow. */
  indicated: boolean;
  /** The whole element is on the screen. */
  onScreen: boolean;
  isSkipLink: boolean;
}

/**
 * Marks the visible links and buttons a keyboard must reach, and says what they are. Links and
 * buttons taken out of the tab order inside `aria-hidden` (a repeated image link) are left out.
 */
function markTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const targets = [...document.querySelectorAll<HTMLElement>('a[href], button:not(:disabled)')].filter(
      (el) => el.checkVisibility({ visibilityProperty: true }) && !(el.tabIndex < 0 && el.closest('[aria-hidden="true"]')),
    );
    return targets.map((el, i) => {
      el.setAttribute('data-e2e-target', String(i));
      return `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"${el.getAttribute('href') ? ` → ${el.getAttribute('href')}` : ''}`;
    });
  });
}

/** Presses Tab and reports the element that took focus; null when focus left the page or came round again. */
async function tab(page: Page): Promise<Focused | null> {
  await page.keyboard.press('Tab');
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return null;
    if (el.hasAttribute('data-e2e-visited')) return null;
    el.setAttribute('data-e2e-visited', '');
    const style = getComputedStyle(el);
    const transparent = /^(transparent|rgba\(.*,\s*0\))$/.test(style.outlineColor);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && !transparent;
    const shadow = style.boxShadow !== 'none';
    const box = el.getBoundingClientRect();
    const onScreen = box.left >= 0 && box.top >= 0 && box.right <= window.innerWidth && box.bottom <= window.innerHeight && box.width > 0;
    const index = el.getAttribute('data-e2e-target');
    return {
      index: index === null ? null : Number(index),
      description: `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"${el.getAttribute('href') ? ` → ${el.getAttribute('href')}` : ''}`,
      indicated: outline || shadow,
      onScreen,
      isSkipLink: el.matches('a[href="#main"]'),
    };
  });
}

describe('keyboard', () => {
  it.each(pages)('%s: Tab starts at the skip link, reaches every link and button, and shows focus', async (path) => {
    await withPage(context, async (page) => {
      await page.goto(`${baseUrl}${path}`);
      const targets = await markTargets(page);
      expect(targets.length).toBeGreaterThan(0);

      const first = await tab(page);
      expect(first?.isSkipLink, `first Tab focused ${first?.description}`).toBe(true);
      expect(first?.onScreen, 'the focused skip link shows on the screen').toBe(true);

      const reached = new Set<number>();
      const unmarked: string[] = [];
      let focused: Focused | null = first;
      for (let presses = 0; focused && presses < targets.length + 50; presses++) {
        if (focused.index !== null) reached.add(focused.index);
        if (!focused.indicated) unmarked.push(focused.description);
        focused = await tab(page);
      }

      const missed = targets.filter((_, i) => !reached.has(i));
      expect(missed, 'visible links and buttons that Tab never reaches').toEqual([]);
      expect(unmarked, 'focused elements without an outline or box-shadow').toEqual([]);
    });
  });
});
