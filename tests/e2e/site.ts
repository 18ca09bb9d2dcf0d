/**
 * What the browser tests share: the served site, its pages, the two display modes, and small
 * probes run inside the page (axe-core, overflow, focus).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { inject } from 'vitest';
import { listOutput } from '../build/harness';

export const baseUrl = inject('baseUrl');
export const outDir = inject('outDir');

const allPages = listOutput(outDir)
  .filter((f) => f.endsWith('index.html'))
  .map((f) => `/${f.replace(/index\.html$/, '')}`);

/** The 荣誉室 screen: a page of its own, without the site's header, menu or footer (kiosk.test.ts). */
export const KIOSK_PAGE = '/kiosk/';

/** Every page of the site's layout, as URL paths (`/`, `/officers/wang-xiang/`). */
export const pages: string[] = allPages.filter((p) => !p.endsWith('/poster/') && p !== KIOSK_PAGE);

/** The printable A4 posters: a sheet of paper, without the site's header, menu or mode switch. */
export const posterPages: string[] = allPages.filter((p) => p.endsWith('/poster/'));

/** Where the reader's choice of display mode is kept. */
export const MODE_STORAGE_KEY = 'honor-roll:mode';

/** 普通 (normal) and 适老化 (large text, high contrast). */
export const MODES = ['normal', 'elder'] as const;
export type Mode = (typeof MODES)[number];

/** A phone screen, the way most readers come. */
export const PHONE = { width: 360, height: 740 } as const;

/**
 * A browser context on a phone screen. A static local site answers at once, so a missing element
 * fails in seconds, not after Playwright's default 30.
 */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', ...options });
  context.setDefaultTimeout(5_000);
  return context;
}

/**
 * A browser context with JavaScript on in the given mode. Elder mode is stored before any page
 * script runs, as if the reader had chosen it on an earlier visit.
 */
export async function newModeContext(browser: Browser, mode: Mode, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await newContext(browser, options);
  if (mode === 'elder') {
    await context.addInitScript(
      ([key]) => {
        try {
          localStorage.setItem(key!, 'elder');
        } catch {
          // about:blank has no storage
        }
      },
      [MODE_STORAGE_KEY],
    );
  }
  return context;
}

/** Opens a page, runs `use`, and closes the page even when an assertion fails. */
export async function withPage<T>(context: BrowserContext, use: (page: Page) => Promise<T>): Promise<T> {
  const page = await context.newPage();
  try {
    return await use(page);
  } finally {
    await page.close();
  }
}

/** The `data-mode` of `<html>`, or null. */
export function modeOf(page: Page): Promise<string | null> {
  return page.evaluate(() => document.documentElement.getAttribute('data-mode'));
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.0 and 2.1 levels A and AA rules. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core on the open page; one line per violation: `rule (impact): target, target`.
 * `tags` limits the run to rules with those tags; `impacts` keeps only violations of those impacts.
 * Both together run every rule once and keep a violation that has one of the tags or one of the
 * impacts (WCAG A/AA, and anything serious beyond the WCAG tags, in one pass over the page).
 * Text whose contrast axe could only list as "incomplete" (over a gradient, an image or another
 * element) but did measure below the ratio it expected is a failure too: an invisible button was
 * once reported only there. `rules` runs those rules alone.
 */
export async function axeViolations(page: Page, { tags, impacts, rules }: { tags?: string[]; impacts?: string[]; rules?: string[] } = {}): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not
  // govern: an injected <script> would (rightly) be refused.
  await page.evaluate(axeSource);
  return page.evaluate(
    async ({ tags, impacts, rules }) => {
      interface AxeNode {
        target: unknown[];
        any: { data?: { contrastRatio?: number; expectedContrastRatio?: string } | null }[];
      }
      interface AxeResult {
        violations: { id: string; impact: string | null; tags: string[]; nodes: AxeNode[] }[];
        incomplete: { id: string; nodes: AxeNode[] }[];
      }
      const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResult> } }).axe;
      const result = await axe.run(document, {
        resultTypes: ['violations', 'incomplete'],
        ...(rules ? { runOnly: { type: 'rule', values: rules } } : tags && !impacts ? { runOnly: { type: 'tag', values: tags } } : {}),
      });
      const tagged = (v: { tags: string[] }) => !!tags && v.tags.some((t) => tags.includes(t));
      const violations = result.violations
        .filter((v) => (tags && impacts ? tagged(v) || impacts.includes(v.impact ?? '') : !impacts || impacts.includes(v.impact ?? '')))
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
      const lowContrast = result.incomplete
        .filter((r) => r.id === 'color-contrast' || r.id === 'color-contrast-enhanced')
        .flatMap((r) => r.nodes.flatMap((n) => n.any.map((check) => ({ rule: r.id, target: n.target, ratio: check.data?.contrastRatio, expected: Number.parseFloat(check.data?.expectedContrastRatio ?? '4.5') }))))
        .filter(({ ratio, expected }) => typeof ratio === 'number' && ratio > 0 && ratio < expected)
        .map(({ rule, target, ratio, expected }) => `${rule} (incomplete, measured ${ratio}, needs ${expected}): ${JSON.stringify(target)}`);
      return [...violations, ...lowContrast];
    },
    { tags, impacts, rules },
  );
}

/**
 * How far the page is wider than the screen (0 or less: no horizontal scrolling), and which
 * elements stick out past the right edge, so a failure says where to look.
 */
export function horizontalOverflow(page: Page): Promise<{ overflow: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')} (right edge ${Math.round(el.getBoundingClientRect().right)}px)`;
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && el.checkVisibility())
      // Only the outermost element that sticks out; its children follow from it.
      .filter((el, _, all) => !all.some((other) => other !== el && other.contains(el)))
      .slice(0, 5)
      .map(describe);
    return { overflow: root.scrollWidth - width, culprits };
  });
}
