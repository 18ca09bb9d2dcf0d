/**
 * The built sample site in a real browser: every page opens, reads without JavaScript, fits a
 * 360 px phone screen, has the landmarks of the shared layout, and loads without errors.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { baseUrl, horizontalOverflow, MODES, modeOf, newContext, newModeContext, pages, PHONE, withPage } from './site';

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

/** Where an element is drawn, in CSS pixels of the page. */
async function box(page: Page, selector: string): Promise<{ left: number; right: number; top: number; bottom: number }> {
  const rect = await page.locator(selector).first().boundingBox();
  if (!rect) throw new Error(`${selector} is not drawn`);
  return { left: rect.x, right: rect.x + rect.width, top: rect.y, bottom: rect.y + rect.height };
}

describe('the home page and the profiles, composed', () => {
  it.each([320, 390, 1280].flatMap((width) => MODES.map((mode) => [width, mode] as const)))('the home page and a profile fit %i px in %s mode without sideways scrolling', async (width, mode) => {
    const context = await newModeContext(browser, mode, { viewport: { width, height: 800 } });
    for (const path of ['/', '/officers/wang-xiang/', '/officers/zhang-junqiang/']) {
      await withPage(context, async (page) => {
        await page.goto(`${baseUrl}${path}`);
        expect(await modeOf(page)).toBe(mode === 'elder' ? 'elder' : null);
        expect(await horizontalOverflow(page), `${path} at ${width} px`).toEqual({ overflow: 0, culprits: [] });
      });
    }
    await context.close();
  });

  it('leads the home page with the unit at 1280 px: the masthead, the figures, the role models side by side, then the latest honours beside the letters', async () => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    await withPage(context, async (page) => {
      await page.goto(`${baseUrl}/`);
      const hero = await box(page, '.home-hero');
      expect(await page.locator('.home-hero h1').innerText()).toBe('泰州市公安局海陵分局巡特警大队');
      // The unit's name is the largest text on the page.
      const sizes = await page.evaluate(() => ['.home-hero h1', '#officers-heading', '.site-title'].map((s) => parseFloat(getComputedStyle(document.querySelector(s)!).fontSize)));
      expect(sizes[0]).toBeGreaterThan(Math.max(...sizes.slice(1)));
      const figures = await box(page, '#figures');
      expect(figures.top).toBeGreaterThanOrEqual(hero.bottom - 1);
      // The masthead and the figures run the width of the window, their text in the page's column.
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('.home-hero')!).boxShadow)).toMatch(/rgb/);
      const cards = page.locator('#officers .officer-card');
      expect(await cards.count()).toBe(2);
      const [first, second] = [await cards.nth(0).boundingBox(), await cards.nth(1).boundingBox()];
      expect(Math.abs(first!.y - second!.y), 'two role models side by side').toBeLessThan(1);
      expect(await cards.nth(0).locator('img').boundingBox().then((b) => b!.height)).toBeGreaterThan(250);
      const honors = await box(page, '#honors-heading');
      const letters = await box(page, '#letters-heading');
      expect(honors.top).toBeGreaterThan((await box(page, '#officers')).bottom - 1);
      expect(Math.abs(honors.top - letters.top), 'the headings of honours and letters on one line').toBeLessThan(2);
      expect(letters.left).toBeGreaterThan(honors.right);
      expect(await page.locator('#honors .honor-item svg.honor-mark').count()).toBe(await page.locator('#honors .honor-item').count());
    });
    await context.close();
  });

  it('reads the home page as one column on a 390 px phone, in the order of the 1280 px layout', async () => {
    const context = await newContext(browser, { viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    await withPage(context, async (page) => {
      await page.goto(`${baseUrl}/`);
      const order = ['.home-hero', '#figures', '#officers', '#honors', '#letters', '#activities', '#units'];
      const boxes = await Promise.all(order.map((s) => box(page, s)));
      for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.top, `${order[i]} below ${order[i - 1]}`).toBeGreaterThanOrEqual(boxes[i - 1]!.bottom - 1);
      // A role model on a phone: the portrait beside the name, not above it.
      const card = page.locator('#officers .officer-card').first();
      const [img, name] = [await card.locator('img').boundingBox(), await card.locator('h3').boundingBox()];
      expect(name!.x).toBeGreaterThan(img!.x + img!.width - 1);
    });
    await context.close();
  });

  it('shows the portrait, the name, the post and the deed of a profile above the fold of a 360 × 740 phone', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    await withPage(context, async (page) => {
      await page.goto(`${baseUrl}/officers/wang-xiang/`);
      const portrait = await box(page, '.profile-head .portrait');
      const name = await box(page, '.profile-head h1');
      const post = await box(page, '.profile-post');
      const deed = await box(page, '.profile-deed');
      expect(name.left, 'the name beside the portrait').toBeGreaterThanOrEqual(portrait.right);
      expect(post.top).toBeGreaterThanOrEqual(name.bottom - 1);
      expect(deed.top).toBeGreaterThanOrEqual(Math.max(portrait.bottom, post.bottom) - 1);
      expect(deed.bottom, 'the deed above the fold').toBeLessThanOrEqual(PHONE.height);
      expect(await page.locator('.profile-post').innerText()).toContain('东进警务工作服务站');
      // Honours, with their marks, come before the story.
      expect((await box(page, '#honors')).bottom).toBeLessThanOrEqual((await box(page, '#story')).top);
    });
    await context.close();
  });

  it('sets the portrait of a profile beside the name at 1280 px, the honours and the story in the name’s column', async () => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    await withPage(context, async (page) => {
      await page.goto(`${baseUrl}/officers/wang-xiang/`);
      const portrait = await box(page, '.profile-head .portrait');
      const name = await box(page, '.profile-head h1');
      const story = await box(page, '#story');
      expect(portrait.right - portrait.left).toBeGreaterThan(250);
      expect(Math.abs(story.left - name.left), 'the story starts under the name').toBeLessThan(2);
      expect(portrait.bottom).toBeLessThan(900);
    });
    await context.close();
  });

  it.each(MODES)('sets running Chinese text for reading in %s mode: line height 1.75 to 1.95, at most 40 characters a line, strict line breaking, balanced headings', async (mode) => {
    const context = await newModeContext(browser, mode, { viewport: { width: 1280, height: 900 } });
    await withPage(context, async (page) => {
      await page.goto(`${baseUrl}/officers/zhang-junqiang/`);
      const text = await page.evaluate(() => {
        const p = document.querySelector('#story p')!;
        const style = getComputedStyle(p);
        const size = parseFloat(style.fontSize);
        return {
          leading: parseFloat(style.lineHeight) / size,
          characters: p.getBoundingClientRect().width / size,
          lineBreak: style.lineBreak,
          heading: getComputedStyle(document.querySelector('h1')!).textWrap,
        };
      });
      expect(text.leading).toBeGreaterThanOrEqual(1.75);
      expect(text.leading).toBeLessThanOrEqual(1.95);
      expect(text.characters).toBeLessThanOrEqual(40);
      expect(text.lineBreak).toBe('strict');
      expect(text.heading).toMatch(/balance/);
    });
    await context.close();
  });
});
