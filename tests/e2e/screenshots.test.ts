/**
 * One screenshot of every kind of page, at 390 px (a phone) and 1280 px (an office screen), in
 * both display modes, written into one folder with a contact sheet (`index.html`) — what whoever
 * changes a page looks at before committing. Default folder: test-results/screenshots/ (git
 * ignores it); `HONOR_ROLL_SHOTS=/dir` puts them elsewhere.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../build/harness';
import { launchBrowser } from './browser';
import { oneOfEachKind, pageKind } from './page-kinds';
import { baseUrl, KIOSK_PAGE, MODES, newModeContext, pages, posterPages, withPage, type Mode } from './site';

const SHOTS = process.env.HONOR_ROLL_SHOTS ?? path.join(PROJECT_ROOT, 'test-results', 'screenshots');
const WIDTHS = [390, 1280] as const;
const HEIGHT = { 390: 844, 1280: 800 } as const;

const pointsUrl = inject('pointsUrl');
const samplePaths = [...pages, ...posterPages, KIOSK_PAGE, '/404.html'];
/** The sample shows every kind but the points boards, which only the intranet edition of a unit with points has. */
const kinds = new Map([...oneOfEachKind(samplePaths)].map(([kind, p]) => [kind, `${baseUrl}${p}`]));
for (const [kind, p] of oneOfEachKind(['/points/'])) kinds.set(kind, `${pointsUrl}${p}`);

const shotName = (kind: string, width: number, mode: Mode) => `${kind}-${width}-${mode}.png`;

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
  // Shots of a kind of page that no longer exists would pass for current ones.
  for (const file of readdirSync(SHOTS)) if (file.endsWith('.png') || file === 'index.html') rmSync(path.join(SHOTS, file));
});

afterAll(async () => {
  await browser?.close();
  const rows = [...kinds].map(
    ([kind, url]) =>
      `<tr><th scope="row">${kind}<br><small>${new URL(url).pathname}</small></th>${WIDTHS.flatMap((w) => MODES.map((m) => `<td><a href="${shotName(kind, w, m)}"><img src="${shotName(kind, w, m)}" alt="${kind} ${w} ${m}" width="${w === 390 ? 195 : 320}"></a></td>`)).join('')}</tr>`,
  );
  const heads = WIDTHS.flatMap((w) => MODES.map((m) => `<th scope="col">${w} px · ${m === 'elder' ? '大字' : '普通'}</th>`)).join('');
  writeFileSync(
    path.join(SHOTS, 'index.html'),
    `<!doctype html><meta charset="utf-8"><title>Screenshots</title><style>td,th{vertical-align:top;padding:4px}</style><table><tr><th></th>${heads}</tr>${rows.join('\n')}</table>\n`,
  );
});

describe('screenshots of every kind of page', () => {
  it('knows the kind of every page the sample has', () => {
    expect(samplePaths.filter((p) => pageKind(p) === undefined)).toEqual([]);
    // The kinds a reviewer must always see.
    for (const kind of ['home', 'officers-list', 'officers-entry', 'honors-list', 'honors-entry', 'letters-entry', 'points']) expect([...kinds.keys()]).toContain(kind);
  });

  it.each([...kinds])('%s (%s) at 390 and 1280 px in both modes: a page fits its width and is not blank', async (kind, url) => {
    for (const mode of MODES) {
      const context = await newModeContext(browser, mode, { viewport: { width: 390, height: HEIGHT[390] } });
      try {
        await withPage(context, async (page) => {
          await page.goto(url);
          for (const width of WIDTHS) {
            await page.setViewportSize({ width, height: HEIGHT[width] });
            const file = path.join(SHOTS, shotName(kind, width, mode));
            await page.screenshot({ path: file, fullPage: true });
            const image = sharp(file);
            const { width: shotWidth } = await image.metadata();
            expect(shotWidth, `${file}: wider than the screen`).toBe(width);
            const { channels } = await image.stats();
            expect(Math.max(...channels.map((c) => c.stdev)), `${file}: one flat colour`).toBeGreaterThan(8);
          }
        });
      } finally {
        await context.close();
      }
    }
  });
});
