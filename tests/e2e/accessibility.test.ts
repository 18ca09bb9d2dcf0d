/**
 * Every page meets WCAG 2.1 A and AA as far as axe-core can tell, in the normal and the 适老化
 * mode, and reflows to a 320 px screen in both without horizontal scrolling (WCAG 1.4.10). In the
 * 适老化 mode every page also meets the MIIT 长辈版 figures on a 390 px phone (elder-figures.ts).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { paletteStyles, themePalette } from '../../src/lib/color';
import { THEME_PRESETS } from '../../src/lib/themes';
import { launchBrowser } from './browser';
import { elderFigureProblems } from './elder-figures';
import { axeViolations, baseUrl, horizontalOverflow, MODES, modeOf, newModeContext, pages, posterPages, WCAG_AA_TAGS, withPage, type Mode } from './site';

let browser: Browser;
const contexts = new Map<Mode, BrowserContext>();

beforeAll(async () => {
  browser = await launchBrowser();
  for (const mode of MODES) contexts.set(mode, await newModeContext(browser, mode));
});

afterAll(async () => {
  await browser?.close();
});

/** The mode the page must show, so an elder-mode test cannot pass on a normal page. */
async function expectMode(mode: Mode, actual: string | null): Promise<void> {
  if (mode === 'elder') expect(actual, 'html[data-mode] in 适老化 mode').toBe('elder');
  else expect(actual === null || actual === 'normal', `html[data-mode] is ${actual} in normal mode`).toBe(true);
}

/** In 适老化 mode, the 长辈版 figures on a common phone width: text, spacing, targets, cues. */
async function expectElderFigures(mode: Mode, page: Page, where: string): Promise<void> {
  if (mode !== 'elder') return;
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await elderFigureProblems(page), `${where}: 长辈版 figures in 大字模式 at 390 px`).toEqual([]);
}

describe.each(MODES)('in %s mode', (mode) => {
  // One visit per page and mode: axe (in the normal mode also every other rule, for anything
  // serious beyond the WCAG tags), the 长辈版 figures in 适老化 mode, then the reflow at 320 and
  // 360 px.
  it.each(pages)('%s has no WCAG 2.1 A/AA violations (axe-core), meets the 长辈版 figures in 适老化 mode and scrolls only vertically at 320 px and 360 px', async (path) => {
    await withPage(contexts.get(mode)!, async (page) => {
      await page.goto(`${baseUrl}${path}`);
      await expectMode(mode, await modeOf(page));
      expect(await axeViolations(page, { tags: WCAG_AA_TAGS, ...(mode === 'normal' ? { impacts: ['serious', 'critical'] } : {}) })).toEqual([]);
      await expectElderFigures(mode, page, path);
      for (const width of [320, 360]) {
        await page.setViewportSize({ width, height: 740 });
        const { overflow, culprits } = await horizontalOverflow(page);
        expect(overflow, `${width} px: page is ${overflow}px too wide; sticking out: ${culprits.join('; ')}`).toBeLessThanOrEqual(0);
      }
    });
  });
});

describe('every theme preset', () => {
  // A preset changes the palette stylesheet and nothing else (paletteStyles in src/lib/color.ts),
  // so each is shown on the built sample by laying its stylesheet over the site's own.
  const presetPages = ['/', pages.find((p) => /^\/officers\/[^/]+\/$/.test(p) && !p.includes('/page/'))!, '/honors/', '/letters/'];
  const presetContexts = new Map<Mode, BrowserContext>();
  beforeAll(async () => {
    // The pages' Content-Security-Policy would (rightly) refuse the added stylesheet.
    for (const mode of MODES) presetContexts.set(mode, await newModeContext(browser, mode, { bypassCSP: true }));
  });

  it.each(Object.entries(THEME_PRESETS))('%s reads at 4.5:1 in the normal mode and 7:1 in 适老化 mode on the home page, a profile and the lists', async (_key, preset) => {
    const palette = themePalette(preset.color);
    for (const mode of MODES) {
      for (const path of presetPages) {
        await withPage(presetContexts.get(mode)!, async (page) => {
          await page.goto(`${baseUrl}${path}`);
          await page.addStyleTag({ content: paletteStyles(preset.color) });
          // The preset's colours are the ones in use, so the run below cannot pass on the site's own.
          expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--c-theme').trim())).toBe(palette[mode].theme);
          expect(await axeViolations(page, { rules: [mode === 'elder' ? 'color-contrast-enhanced' : 'color-contrast'] }), `${mode} ${path}`).toEqual([]);
        });
      }
    }
  });
});

describe('printable posters, on screen', () => {
  it.each(posterPages)('%s has no WCAG 2.1 A/AA violations and reflows to 320 px', async (path) => {
    await withPage(contexts.get('normal')!, async (page) => {
      await page.goto(`${baseUrl}${path}`);
      expect(await axeViolations(page, { tags: WCAG_AA_TAGS })).toEqual([]);
      for (const width of [320, 360]) {
        await page.setViewportSize({ width, height: 740 });
        const { overflow, culprits } = await horizontalOverflow(page);
        expect(overflow, `${width} px: sticking out: ${culprits.join('; ')}`).toBeLessThanOrEqual(0);
      }
    });
  });
});

describe('the points boards and the study schedule (fictional fixture, intranet edition)', () => {
  const pointsUrl = inject('pointsUrl');
  // officer-bing did not consent: his profile carries the 未同意公开 mark, the boards the 内部 one.
  const boardPages = ['/points/', '/points/2026-01/', '/points/2026-q1/', '/points/2026/', '/officers/officer-jia/', '/officers/officer-bing/', '/activities/schedule/', '/units/station-b/'];

  it.each(boardPages)('%s has no WCAG 2.1 A/AA violations in either mode, meets the 长辈版 figures in 适老化 mode and reflows to 320 px', async (path) => {
    for (const mode of MODES) {
      await withPage(contexts.get(mode)!, async (page) => {
        await page.goto(`${pointsUrl}${path}`);
        expect(await axeViolations(page, { tags: WCAG_AA_TAGS }), mode).toEqual([]);
        await expectElderFigures(mode, page, path);
        for (const width of [320, 360]) {
          await page.setViewportSize({ width, height: 740 });
          const { overflow, culprits } = await horizontalOverflow(page);
          expect(overflow, `${mode}, ${width} px: sticking out: ${culprits.join('; ')}`).toBeLessThanOrEqual(0);
        }
      });
    }
  });
});

describe('the government-site footer (the publishing fixture, every item configured, under /rongyu/)', () => {
  const fixtureUrl = inject('fixtureUrl');

  it.each(MODES)('in %s mode: axe-clean, centred at 320 and 1280 px without scrolling sideways, printed without the 找错 link', async (mode) => {
    await withPage(contexts.get(mode)!, async (page) => {
      await page.goto(`${fixtureUrl}officers/test-officer/`);
      await expectMode(mode, await modeOf(page));
      expect(await axeViolations(page, { tags: WCAG_AA_TAGS })).toEqual([]);
      const footer = page.locator('.gov-footer');
      expect(await footer.getByRole('link', { name: '苏ICP备12345678号-1' }).getAttribute('href')).toBe('https://beian.miit.gov.cn/');
      for (const width of [320, 1280]) {
        await page.setViewportSize({ width, height: 740 });
        const { overflow, culprits } = await horizontalOverflow(page);
        expect(overflow, `${width} px: sticking out: ${culprits.join('; ')}`).toBeLessThanOrEqual(0);
        // How far each row's text is from the footer's middle, in px.
        const offCentre = await footer.evaluate((el) => {
          const box = el.getBoundingClientRect();
          return [...el.querySelectorAll('p')].map((p) => {
            const range = document.createRange();
            range.selectNodeContents(p);
            const text = range.getBoundingClientRect();
            return Math.round(Math.abs(text.left + text.width / 2 - (box.left + box.width / 2)));
          });
        });
        expect(offCentre, `${width} px: one per row`).toHaveLength(5);
        for (const offset of offCentre) expect(offset, `${width} px: ${offCentre.join(', ')}`).toBeLessThanOrEqual(2);
      }
      await page.emulateMedia({ media: 'print' });
      expect(await footer.getByText('苏公网安备 32120202000123号').isVisible()).toBe(true);
      expect(await footer.getByRole('link', { name: '我为政府网站找错' }).isVisible()).toBe(false);
      await page.emulateMedia({ media: 'screen' });
    });
  });
});
