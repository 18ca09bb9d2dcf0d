/**
 * The 荣誉室 screen (/kiosk/) on a touch screen: the loop advances on its own (gently when reduced
 * motion is asked for), a tap opens an item in large type with the QR code of its page, 返回 and
 * the idle time bring the loop back; it is axe-clean, meets the 长辈版 figures it always shows,
 * reads as a plain list without JavaScript, works from a copy opened from the disk, and shows
 * nothing the publishing rules leave out. Time is the page's fake clock: no test waits.
 */
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { qrDrawing } from '../../src/lib/qr';
import { launchBrowser } from './browser';
import { elderFigureProblems } from './elder-figures';
import { axeViolations, baseUrl, horizontalOverflow, KIOSK_PAGE, newContext, newModeContext, outDir, WCAG_AA_TAGS, withPage } from './site';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The lobby's screen: a landscape touch screen. */
const LANDSCAPE = { viewport: { width: 1920, height: 1080 }, hasTouch: true } satisfies BrowserContextOptions;

const START = Date.parse('2026-06-01T09:00:00+08:00');

/** Opens the screen with the page's clock under the test's control, collecting what goes wrong. */
async function openKiosk(page: Page, url = `${baseUrl}${KIOSK_PAGE}`, { clock = true } = {}): Promise<{ problems: string[] }> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  // The page's clock stands still but when the test moves it: no timer fires on its own.
  if (clock) {
    await page.clock.install({ time: START });
    await page.clock.pauseAt(START + 1000);
  }
  await page.goto(url);
  return { problems };
}

const shown = (page: Page) => page.locator('[data-kiosk-item]:not([hidden])');
const shownTitle = (page: Page) => shown(page).locator('h2').innerText();
const seconds = async (page: Page, name: 'advance' | 'idle') => Number(await page.locator('[data-kiosk]').getAttribute(`data-${name}-seconds`));
const view = (page: Page) => page.locator('[data-kiosk]').getAttribute('data-view');

/** Every visible button and link smaller than 60 × 60 px. */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('button, a[href]')]
      .filter((el) => el.checkVisibility())
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 60 || box.height < 60)
      .map(({ el, box }) => `${el.textContent?.trim()}: ${Math.round(box.width)}×${Math.round(box.height)}`),
  );
}

describe('the 荣誉室 screen', () => {
  it('advances one item at a time after data-advance-seconds, round and back to the start', async () => {
    const context = await newContext(browser, LANDSCAPE);
    await withPage(context, async (page) => {
      const { problems } = await openKiosk(page);
      const advance = await seconds(page, 'advance');
      expect(advance).toBe(10);
      const total = await page.locator('[data-kiosk-item]').count();
      expect(total).toBeGreaterThan(5);
      expect(await shown(page).count()).toBe(1);
      expect(await page.locator('[data-kiosk-counter]').innerText()).toBe(`1 / ${total}`);
      const first = await shownTitle(page);
      await page.clock.runFor(advance * 1000 - 100);
      expect(await shownTitle(page)).toBe(first);
      await page.clock.runFor(200);
      expect(await page.locator('[data-kiosk-counter]').innerText()).toBe(`2 / ${total}`);
      expect(await shownTitle(page)).not.toBe(first);
      expect(await shown(page).count()).toBe(1);
      // After the last item, the first again.
      await page.clock.runFor(advance * 1000 * (total - 1));
      expect(await page.locator('[data-kiosk-counter]').innerText()).toBe(`1 / ${total}`);
      expect(await shownTitle(page)).toBe(first);
      // 暂停 holds the item; 下一项 and 上一项 step by hand.
      await page.getByRole('button', { name: '暂停' }).tap();
      await page.clock.runFor(advance * 1000 * 3);
      expect(await shownTitle(page)).toBe(first);
      await page.getByRole('button', { name: '下一项' }).tap();
      expect(await page.locator('[data-kiosk-counter]').innerText()).toBe(`2 / ${total}`);
      await page.getByRole('button', { name: '上一项' }).tap();
      await page.getByRole('button', { name: '上一项' }).tap();
      expect(await page.locator('[data-kiosk-counter]').innerText()).toBe(`${total} / ${total}`);
      expect(problems).toEqual([]);
    });
    await context.close();
  });

  it('with reduced motion asked for, changes without a fade and at half the pace', async () => {
    const context = await newContext(browser, { ...LANDSCAPE, reducedMotion: 'reduce' });
    await withPage(context, async (page) => {
      await openKiosk(page);
      const advance = await seconds(page, 'advance');
      const first = await shownTitle(page);
      await page.clock.runFor(advance * 1000 + 100);
      expect(await shownTitle(page)).toBe(first);
      await page.clock.runFor(advance * 1000);
      expect(await shownTitle(page)).not.toBe(first);
      expect(await shown(page).evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
    });
    await context.close();
    // Without the request, each slide after the first fades in.
    const moving = await newContext(browser, LANDSCAPE);
    await withPage(moving, async (page) => {
      await openKiosk(page);
      expect(await shown(page).evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
      await page.clock.runFor((await seconds(page, 'advance')) * 1000);
      expect(await shown(page).evaluate((el) => getComputedStyle(el).animationName)).toBe('kiosk-in');
    });
    await moving.close();
  });

  it('opens a tapped role model in large type with the QR code of the page’s address, and 返回 (or Esc) brings the loop back', async () => {
    const context = await newContext(browser, LANDSCAPE);
    await withPage(context, async (page) => {
      const { problems } = await openKiosk(page);
      const advance = await seconds(page, 'advance');
      while (!(await shown(page).getAttribute('id'))!.startsWith('k-officers-')) await page.getByRole('button', { name: '下一项' }).tap();
      const id = (await shown(page).getAttribute('id'))!.replace('k-officers-', '');
      const name = await shownTitle(page);
      const qr = shown(page).getByRole('img', { name: `“${name}”网页的二维码` });
      expect(await qr.isVisible()).toBe(false);

      await shown(page).getByRole('button', { name: `打开：${name}` }).tap();
      expect(await view(page)).toBe('item');
      expect(await qr.isVisible()).toBe(true);
      // The code a phone reads is the profile's public address (the sample's url is https://example.com).
      const url = `https://example.com/officers/${id}/`;
      expect(await shown(page).locator('.kiosk-url').innerText()).toBe(url);
      const drawn = /<path stroke="[^"]*" d="([^"]+)"/.exec(await qrDrawing(url))![1];
      expect(await qr.locator('path[stroke]').getAttribute('d')).toBe(drawn);
      const qrBox = (await qr.boundingBox())!;
      expect(Math.min(qrBox.width, qrBox.height)).toBeGreaterThanOrEqual(240);
      // Large type: the name at 48 px or more, nothing under 24 px (18 pt).
      expect(await shown(page).locator('h2').evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(48);
      expect(await elderFigureProblems(page)).toEqual([]);
      // The loop stands still while an item is open.
      await page.clock.runFor(advance * 1000 * 2);
      expect(await shownTitle(page)).toBe(name);
      expect(await page.getByRole('button', { name: '下一项' }).isVisible()).toBe(false);

      await page.getByRole('button', { name: '返回' }).tap();
      expect(await view(page)).toBe('loop');
      expect(await qr.isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: '返回' }).isVisible()).toBe(false);
      await page.clock.runFor(advance * 1000 + 100);
      expect(await shownTitle(page)).not.toBe(name);
      // With a keyboard after all, Esc is 返回.
      await shown(page).locator('[data-kiosk-open]').tap();
      await page.keyboard.press('Escape');
      expect(await view(page)).toBe('loop');
      expect(problems).toEqual([]);
    });
    await context.close();
  });

  it('returns to the running loop after data-idle-seconds untouched, each touch starting the count again', async () => {
    const context = await newContext(browser, LANDSCAPE);
    await withPage(context, async (page) => {
      await openKiosk(page);
      const idle = await seconds(page, 'idle');
      expect(idle).toBe(60);
      await shown(page).locator('[data-kiosk-open]').tap();
      expect(await view(page)).toBe('item');
      await page.clock.runFor(idle * 1000 - 1000);
      // A touch on the open item: another full idle period.
      await page.touchscreen.tap(960, 600);
      await page.clock.runFor(idle * 1000 - 1000);
      expect(await view(page)).toBe('item');
      await page.clock.runFor(2000);
      expect(await view(page)).toBe('loop');
      expect(await page.getByRole('button', { name: '暂停' }).isVisible()).toBe(true);

      // A paused loop starts again too.
      await page.getByRole('button', { name: '暂停' }).tap();
      const held = await shownTitle(page);
      await page.clock.runFor(idle * 1000 - 1000);
      expect(await shownTitle(page)).toBe(held);
      await page.clock.runFor(2000 + (await seconds(page, 'advance')) * 1000);
      expect(await shownTitle(page)).not.toBe(held);
      expect(await page.getByRole('button', { name: '暂停' }).isVisible()).toBe(true);
    });
    await context.close();
  });

  it('is axe-clean at 7:1 in the loop and with an item open, with every control at least 60 × 60 px, on a landscape, a portrait and a phone screen', async () => {
    // The screen is always in 大字模式 (a reader's stored choice of the normal mode does not apply).
    const context = await newModeContext(browser, 'normal', LANDSCAPE);
    await withPage(context, async (page) => {
      // axe waits on timers of its own: the real clock, and the loop held by 暂停 (each tap below
      // starts its minute of idle time again).
      const { problems } = await openKiosk(page, undefined, { clock: false });
      await page.getByRole('button', { name: '暂停' }).tap();
      expect(await page.evaluate(() => document.documentElement.dataset.mode)).toBe('elder');
      for (const size of [
        { width: 1920, height: 1080 },
        { width: 1080, height: 1920 },
        { width: 390, height: 844 },
      ]) {
        await page.setViewportSize(size);
        for (const open of [false, true]) {
          const where = `${size.width}×${size.height}, ${open ? 'item open' : 'loop'}`;
          if (open) await shown(page).locator('[data-kiosk-open]').tap();
          // A slide fades in (0.8 s): half-way, its text is paler than it is, and axe measures
          // what it sees. On a busy machine the tap's fade may still run here.
          await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
          expect(await axeViolations(page, { tags: WCAG_AA_TAGS }), where).toEqual([]);
          expect(await axeViolations(page, { rules: ['color-contrast-enhanced'] }), where).toEqual([]);
          expect(await smallTargets(page), where).toEqual([]);
          expect(await elderFigureProblems(page), where).toEqual([]);
          expect((await horizontalOverflow(page)).overflow, where).toBeLessThanOrEqual(0);
          if (open) {
            // 返回 starts the loop again: hold it.
            await page.getByRole('button', { name: '返回' }).tap();
            await page.getByRole('button', { name: '暂停' }).tap();
          }
        }
        await page.getByRole('button', { name: '下一项' }).tap();
      }
      expect(problems).toEqual([]);
    });
    await context.close();
  });

  it('reads without JavaScript as a plain list of every item with its QR code, axe-clean and fitting 320 px', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false, viewport: { width: 320, height: 740 } });
    await withPage(context, async (page) => {
      await page.goto(`${baseUrl}${KIOSK_PAGE}`);
      const items = page.locator('[data-kiosk-item]');
      const total = await items.count();
      expect(total).toBeGreaterThan(5);
      for (let i = 0; i < total; i++) {
        expect(await items.nth(i).locator('h2').isVisible()).toBe(true);
        expect(await items.nth(i).locator('.kiosk-qr svg').isVisible()).toBe(true);
      }
      expect(await page.getByRole('button').count()).toBe(0);
      expect((await horizontalOverflow(page)).overflow).toBeLessThanOrEqual(0);
    });
    await context.close();
    // axe needs JavaScript of its own: the page served without its script instead.
    const axeContext = await newContext(browser, { viewport: { width: 320, height: 740 } });
    await withPage(axeContext, async (page) => {
      await page.route(`${baseUrl}${KIOSK_PAGE}`, async (route) => {
        const response = await route.fetch();
        const html = await response.text();
        expect(html).toMatch(/<script type="module">/);
        await route.fulfill({ response, body: html.replace(/<script type="module">[\s\S]*?<\/script>/, '') });
      });
      await page.goto(`${baseUrl}${KIOSK_PAGE}`);
      expect(await page.locator('.kiosk-live').count()).toBe(0);
      expect(await axeViolations(page, { tags: WCAG_AA_TAGS })).toEqual([]);
      expect(await axeViolations(page, { rules: ['color-contrast-enhanced'] })).toEqual([]);
    });
    await axeContext.close();
  });

  it('works from a copy of the built site opened from the disk (file://): pictures, loop and QR codes, no error', async () => {
    const context = await newContext(browser, LANDSCAPE);
    await withPage(context, async (page) => {
      const { problems } = await openKiosk(page, pathToFileURL(path.join(outDir, 'kiosk', 'index.html')).href);
      const pictures = await page.evaluate(() => [...document.images].map((img) => ({ src: img.getAttribute('src'), loaded: img.complete && img.naturalWidth > 0 })));
      expect(pictures.length).toBeGreaterThan(0);
      for (const picture of pictures) expect(picture, picture.src ?? '').toMatchObject({ loaded: true });
      expect(await page.locator('link[rel="stylesheet"], script[src]').count()).toBe(0);
      const first = await shownTitle(page);
      await page.clock.runFor((await seconds(page, 'advance')) * 1000);
      expect(await shownTitle(page)).not.toBe(first);
      await shown(page).locator('[data-kiosk-open]').tap();
      expect(await shown(page).locator('.kiosk-qr svg').isVisible()).toBe(true);
      expect(problems).toEqual([]);
    });
    await context.close();
  });

  it('shows no excluded entry (the publishing fixture: drafts, embargoed, internal, no consent, and what hangs on them)', async () => {
    const fixtureUrl = inject('fixtureUrl');
    const context = await newContext(browser, LANDSCAPE);
    await withPage(context, async (page) => {
      const { problems } = await openKiosk(page, `${fixtureUrl}kiosk/`);
      const html = await page.content();
      expect(await page.locator('[data-kiosk-item] h2').allInnerTexts()).toContain('测试民警');
      expect(html).not.toMatch(/CANARY/i);
      for (const id of ['canary-draft', 'canary-no-consent', 'canary-internal', 'canary-embargoed', 'canary-only-no-consent', 'canary-letter-cascade', 'canary-child-of-internal'])
        expect(html).not.toContain(id);
      // Under the fixture's base path the pictures still load, named relative to the page.
      expect(await page.evaluate(() => [...document.images].every((img) => img.naturalWidth > 0))).toBe(true);
      expect(problems).toEqual([]);
    });
    await context.close();
  });
});
