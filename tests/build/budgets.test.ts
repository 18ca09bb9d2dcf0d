/**
 * The page-weight budgets, on the built sample site (README, "Budgets"):
 * - JavaScript on a profile page: only the mode switch and the share buttons, bytes reported;
 * - every page ≤ 30 KB of HTML after gzip;
 * - no image file wider than twice the widest it is displayed;
 * - every <img> has width and height (no layout shift);
 * - a first visit to the home page downloads ≤ 300 KB in all.
 * And the same HTML budget on a 400-entry synthetic unit, where the lists run to several pages.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticSite } from '../../scripts/bench/synthetic';
import { largestDisplayedPx, srcsetCandidates } from './budgets';
import { buildSample, buildSite, listOutput, readPage, type BuildResult } from './harness';

const KB = 1024;
const HTML_BUDGET = 30 * KB;
const HOME_BUDGET = 300 * KB;

function pagesOf(outDir: string) {
  return listOutput(outDir).filter((f) => f.endsWith('.html'));
}
const gzipped = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
/** The file of a URL on a page (`dir/index.html`): from the site's root, or relative to the page (the 荣誉室 screen's pictures). */
const fileOf = (outDir: string, url: string, page = 'index.html') => path.join(outDir, decodeURI(new URL(url, `http://site/${page}`).pathname.replace(/^\//, '')));

let sample: BuildResult;
beforeAll(async () => {
  sample = await buildSample();
});

describe('largestDisplayedPx', () => {
  it('takes the widest size of any condition, in the larger reading mode', () => {
    expect(largestDisplayedPx('(min-width: 40rem) 16rem, 10rem')).toBeCloseTo(16 * 24);
    // 100vw applies only below 40rem: at most 40rem wide.
    expect(largestDisplayedPx('(min-width: 40rem) 15rem, 100vw')).toBeCloseTo(40 * 24);
    expect(largestDisplayedPx('62mm')).toBeCloseTo(234.3, 1);
  });
});

describe('budgets on the sample site', () => {
  it('builds', () => {
    expect(sample.status, sample.output).toBe(0);
  });

  it('ships no JavaScript on a profile page but the mode switch and the share buttons', () => {
    const page = readPage(sample.outDir, 'officers/wang-xiang');
    const scripts = page.querySelectorAll('script');
    const bytes = { mode: 0, share: 0 };
    for (const script of scripts) {
      // Inline only: a script file would be a second request.
      expect(script.getAttribute('src')).toBeUndefined();
      const text = script.text;
      if (text.includes('honor-roll:mode')) bytes.mode += Buffer.byteLength(text);
      else if (text.includes('.share-url')) bytes.share += Buffer.byteLength(text);
      else throw new Error(`unexpected script on the profile page: ${text.slice(0, 80)}`);
    }
    // The exact bytes, as the README reports them: a change shows up here first.
    console.log(`JavaScript on a profile page: ${bytes.mode + bytes.share} bytes (mode switch ${bytes.mode}, share ${bytes.share})`);
    expect(bytes.mode).toBeGreaterThan(0);
    expect(bytes.share).toBeGreaterThan(0);
    expect(bytes.mode + bytes.share).toBeLessThanOrEqual(2 * KB);
  });

  it('keeps every page under 30 KB of HTML after gzip', () => {
    const sizes = pagesOf(sample.outDir).map((f) => ({ f, bytes: gzipped(path.join(sample.outDir, f)) }));
    expect(sizes.length).toBeGreaterThan(50);
    expect(sizes.filter((s) => s.bytes > HTML_BUDGET)).toEqual([]);
  });

  it('serves no image wider than twice the widest it is displayed, and every <img> has width and height', async () => {
    let checked = 0;
    for (const file of pagesOf(sample.outDir)) {
      for (const img of parse(readFileSync(path.join(sample.outDir, file), 'utf8')).querySelectorAll('img')) {
        const where = `${file}: ${img.getAttribute('src')}`;
        expect(img.getAttribute('width'), where).toMatch(/^\d+$/);
        expect(img.getAttribute('height'), where).toMatch(/^\d+$/);
        const sizes = img.getAttribute('sizes');
        const displayed = sizes ? largestDisplayedPx(sizes) : Number(img.getAttribute('width'));
        const urls = [img.getAttribute('src')!, ...srcsetCandidates(img.getAttribute('srcset') ?? '').map((c) => c.url)];
        for (const url of urls.filter((u) => !u.startsWith('data:'))) {
          const { width } = await sharp(fileOf(sample.outDir, url, file)).metadata();
          expect(width, `${where} → ${url} (${width}px, displayed at most ${Math.round(displayed)}px)`).toBeLessThanOrEqual(2 * displayed);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('downloads at most 300 KB on a first visit to the home page', async () => {
    const home = parse(readFileSync(path.join(sample.outDir, 'index.html'), 'utf8'));
    // What a browser fetches: the page, its stylesheets and scripts, its icon, and for each image
    // the largest file its srcset offers (an upper bound: a phone takes a smaller one).
    let total = gzipped(path.join(sample.outDir, 'index.html'));
    const parts: string[] = [`index.html ${total}`];
    for (const link of home.querySelectorAll('link[rel~="stylesheet"], link[rel~="icon"], script[src]')) {
      const url = link.getAttribute('href') ?? link.getAttribute('src')!;
      const file = fileOf(sample.outDir, url);
      const bytes = /\.(css|js|svg)$/.test(file) ? gzipped(file) : readFileSync(file).length;
      total += bytes;
      parts.push(`${url} ${bytes}`);
    }
    for (const img of home.querySelectorAll('img')) {
      const candidates = srcsetCandidates(img.getAttribute('srcset') ?? '');
      const url = candidates.length > 0 ? candidates.sort((a, b) => b.width - a.width)[0]!.url : img.getAttribute('src')!;
      const bytes = readFileSync(fileOf(sample.outDir, url)).length;
      total += bytes;
      parts.push(`${url} ${bytes}`);
    }
    console.log(`home page, first visit: ${total} bytes (${parts.join(', ')})`);
    expect(total).toBeLessThanOrEqual(HOME_BUDGET);
  });
});

describe('lists of a 400-entry unit', () => {
  let synthetic: BuildResult;
  beforeAll(async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-budget-'));
    await writeSyntheticSite(path.join(work, 'site'), 400);
    synthetic = await buildSite(path.join(work, 'site'), { outDir: path.join(work, 'dist'), env: {} });
  }, 300_000);

  it('splits long lists into pages linked both ways, every entry on exactly one page', () => {
    expect(synthetic.status, synthetic.output).toBe(0);
    const files = listOutput(synthetic.outDir);
    const hrefsOn = (page: string, selector: string) => readPage(synthetic.outDir, page).querySelectorAll(selector).map((a) => a.getAttribute('href'));
    // 180 honours, 100 a page; drafts and internal ones are not published.
    expect(files).toContain('honors/page/2/index.html');
    expect(files).not.toContain('honors/page/3/index.html');
    const first = hrefsOn('honors', '.timeline h3 a');
    const second = hrefsOn('honors/page/2', '.timeline h3 a');
    expect(first).toHaveLength(100);
    expect(new Set([...first, ...second]).size).toBe(first.length + second.length);
    const published = files.filter((f) => /^honors\/honor-\d+\/index\.html$/.test(f));
    expect(first.length + second.length).toBe(published.length);
    // Navigation: page 1 links to page 2 as next, page 2 back to page 1, and marks itself.
    expect(hrefsOn('honors', 'nav.pagination a[rel="next"]')).toEqual(['/honors/page/2/']);
    expect(hrefsOn('honors/page/2', 'nav.pagination a[rel="prev"]')).toEqual(['/honors/']);
    expect(readPage(synthetic.outDir, 'honors/page/2').querySelector('nav.pagination a[aria-current="page"]')?.text.trim()).toBe('2');
    expect(readPage(synthetic.outDir, 'honors/page/2').querySelector('h1')?.text).toBe('荣誉（第 2 页）');
    // Officers (80, 48 a page) and a filter page with more than a page of entries paginate too.
    expect(files).toContain('officers/page/2/index.html');
    const bigFacet = files.find((f) => /^honors\/(years|levels|scopes)\/[^/]+\/page\/2\/index\.html$/.test(f));
    expect(bigFacet).toBeDefined();
  });

  it('keeps every page under 30 KB of HTML after gzip', () => {
    const sizes = pagesOf(synthetic.outDir).map((f) => ({ f, bytes: gzipped(path.join(synthetic.outDir, f)) }));
    expect(sizes.filter((s) => s.bytes > HTML_BUDGET)).toEqual([]);
  });
});
