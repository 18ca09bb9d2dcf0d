/**
 * Sharing, checked on real output: share metadata on every page, share images of the right size
 * that really show Chinese text, QR codes that decode to the page's canonical address, and a
 * feed and sitemap of exactly the public pages — under a sub-path, as many units deploy.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, everyOutputFile, listOutput, readPage, type BuildResult } from './harness';
import { buildPublishingSite, copyBuild, noFontsConfig } from './shared-builds';

const SITE = 'https://fixture.example';
const BASE = '/rongyu/';

let build: BuildResult;
let pages: string[];

beforeAll(async () => {
  // Under BASE, built with no fonts at all for fontconfig (shared-builds.ts buildPublishingSite):
  // the share cards must not depend on the machine's fonts.
  build = await buildPublishingSite();
  pages = listOutput(build.outDir).filter((f) => f.endsWith('index.html'));
});

/** `officers/x/index.html` → https://fixture.example/rongyu/officers/x/ */
const canonicalOf = (file: string) => `${SITE}${BASE}${file.replace(/index\.html$/, '')}`;
const meta = (file: string, property: string) => readPage(build.outDir, file).querySelector(`meta[property="${property}"], meta[name="${property}"]`)?.getAttribute('content');
/** The file behind an absolute URL of the site. */
const fileOf = (url: string) => path.join(build.outDir, new URL(url).pathname.slice(BASE.length));

async function decodeQr(svg: string): Promise<string | undefined> {
  const { data, info } = await sharp(Buffer.from(svg)).resize(400, 400, { kernel: 'nearest' }).flatten({ background: '#ffffff' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data;
}

describe('share metadata', () => {
  it('builds', () => {
    expect(build.status, build.output).toBe(0);
    expect(pages.length).toBeGreaterThan(20);
  });

  it('gives every page a canonical URL, title, description and an absolute og:image of 1200×630 that exists', async () => {
    // The 荣誉室 screen is a lobby display, not a page to share (noindex: publishing.test.ts).
    for (const file of pages.filter((f) => f !== 'kiosk/index.html')) {
      const html = readPage(build.outDir, file);
      const isPoster = file.endsWith('poster/index.html');
      expect(html.querySelector('link[rel="canonical"]')?.getAttribute('href'), file).toBe(isPoster ? canonicalOf(file.replace('poster/', '')) : canonicalOf(file));
      if (isPoster) continue;
      for (const property of ['og:title', 'og:description', 'og:url', 'og:image', 'og:type', 'twitter:card', 'twitter:image', 'description']) {
        expect(meta(file, property), `${property} on ${file}`).toBeTruthy();
      }
      const image = meta(file, 'og:image')!;
      expect(image, file).toMatch(new RegExp(`^${SITE}${BASE}share/.+\\.(png|jpg)$`));
      expect(meta(file, 'twitter:image'), file).toBe(image);
      const size = await sharp(fileOf(image)).metadata();
      expect([size.width, size.height], image).toEqual([1200, 630]);
      // What the extension names (a server sends the type by it), and no metadata.
      expect(size.format, image).toBe(image.endsWith('.jpg') ? 'jpeg' : 'png');
      expect([size.exif, size.xmp, size.iptc, size.icc, size.comments], image).toEqual([undefined, undefined, undefined, undefined, undefined]);
    }
  });

  it('uses the entry summary as the description and the entry card as the image of a profile', () => {
    expect(meta('officers/test-officer/index.html', 'og:description')).toBe('测试用人物。');
    expect(meta('officers/test-officer/index.html', 'og:image')).toBe(`${SITE}${BASE}share/officers/test-officer.jpg`);
    expect(meta('honors/test-honor/index.html', 'og:image')).toBe(`${SITE}${BASE}share/honors/test-honor.png`);
    expect(meta('letters/test-letter/index.html', 'og:image')).toBe(`${SITE}${BASE}share/letters/test-letter.png`);
  });

  it('has a share card for every public profile, honour and letter, and none for excluded ones', () => {
    const cards = listOutput(build.outDir).filter((f) => f.startsWith('share/'));
    expect(cards).toEqual(
      expect.arrayContaining(['share/site.png', 'share/officers/test-officer.jpg', 'share/honors/shared-honor.png', 'share/letters/test-letter.png']),
    );
    expect(cards.filter((f) => f.includes('canary'))).toEqual([]);
    // One file per card, in one format: no stale PNG beside a profile's JPEG.
    expect(new Set(cards.map((f) => f.replace(/\.(png|jpg)$/, ''))).size).toBe(cards.length);
  });

  it('makes a card with a portrait a JPEG and a text-only card a PNG', async () => {
    const photo = readFileSync(path.join(build.outDir, 'share/officers/test-officer.jpg'));
    expect(photo.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(await sharp(photo).metadata()).toMatchObject({ format: 'jpeg', width: 1200, height: 630, channels: 3 });
    const text = readFileSync(path.join(build.outDir, 'share/honors/shared-honor.png'));
    expect(text.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(await sharp(text).metadata()).toMatchObject({ format: 'png', width: 1200, height: 630 });
  });

  it('links to no share image that does not exist, from any page, feed or file of the site', () => {
    const linked = new Set<string>();
    for (const { text } of everyOutputFile(build.outDir)) {
      // With the base or without it (a link without it would be dead too).
      for (const match of text.matchAll(/(?:\/rongyu)?\/share\/[\w/.-]+?\.(?:png|jpg|jpeg|webp)\b/g)) linked.add(match[0]);
    }
    expect(linked.size).toBeGreaterThan(3);
    const cards = new Set(listOutput(build.outDir).filter((f) => f.startsWith('share/')).map((f) => `${BASE}${f}`));
    expect([...linked].filter((link) => !cards.has(link))).toEqual([]);
  });
});

describe('share images', () => {
  /** The title band of a card with a portrait: right of the picture, under the kind label. */
  const titleRegion = (file: string) =>
    sharp(path.join(build.outDir, file)).extract({ left: 470, top: 120, width: 680, height: 110 }).greyscale().raw().toBuffer();

  it('draws the Chinese title as glyphs, with no CJK font installed on the machine', async () => {
    const title = await titleRegion('share/officers/test-officer.jpg');
    const dark = [...title].filter((v) => v < 128).length / title.length;
    // Text, not a blank band and not a solid block.
    expect(dark).toBeGreaterThan(0.03);
    expect(dark).toBeLessThan(0.6);
  });

  it('draws different characters differently (empty boxes would all look the same)', async () => {
    // The profile card's title is 测试民警, the site card's 测试大队: the same band of each (the
    // last two characters, 民警 and 大队) must differ. Missing glyphs would be identical boxes.
    const a = await sharp(path.join(build.outDir, 'share/officers/test-officer.jpg')).extract({ left: 640, top: 120, width: 170, height: 110 }).greyscale().raw().toBuffer();
    const b = await sharp(path.join(build.outDir, 'share/site.png')).extract({ left: 240, top: 120, width: 170, height: 110 }).greyscale().raw().toBuffer();
    let different = 0;
    for (let i = 0; i < a.length; i++) if (Math.abs(a[i]! - b[i]!) > 64) different++;
    expect(different / a.length).toBeGreaterThan(0.02);
  });

  it('is reused from the cache when nothing changed', async () => {
    // The same site built again over its output and cache, in a copy: other files read the first build.
    const copy = copyBuild(build);
    const cache = path.join(path.dirname(copy.outDir), 'cache', 'share-cards');
    const before = readdirSync(cache).map((f) => [f, statSync(path.join(cache, f)).mtimeMs] as const);
    expect(before.length).toBeGreaterThan(3);
    // Each card is cached under its format's extension: an old PNG is never served as a JPEG.
    expect(new Set(before.map(([f]) => path.extname(f)))).toEqual(new Set(['.jpg', '.png']));
    const again = await buildSite(copy.siteDir, {
      outDir: copy.outDir,
      env: { FONTCONFIG_FILE: noFontsConfig(), HONOR_ROLL_CACHE_DIR: path.join(path.dirname(copy.outDir), 'cache') },
    });
    expect(again.status, again.output).toBe(0);
    // The privacy guard, too, reads again only what changed (src/lib/guard-cache.ts).
    expect(again.output).toMatch(/其中 [1-9]\d* 个文件与上次检查时相同，沿用上次的结果/);
    const after = readdirSync(cache).map((f) => [f, statSync(path.join(cache, f)).mtimeMs] as const);
    expect(after).toEqual(before);
  });
});

describe('QR codes', () => {
  it('decodes, on every profile, honour, letter and unit page, to that page’s canonical URL', async () => {
    const entryPages = pages.filter((f) => /^(officers|honors|letters|units)\/[a-z0-9-]+\/index\.html$/.test(f));
    expect(entryPages.length).toBeGreaterThan(5);
    for (const file of entryPages) {
      const svg = readPage(build.outDir, file).querySelector('.share svg.qr-code');
      expect(svg, file).toBeTruthy();
      expect(await decodeQr(svg!.toString()), file).toBe(canonicalOf(file));
    }
  });

  it('decodes on the 荣誉室 screen, for every item, to the canonical URL of its page', async () => {
    const items = readPage(build.outDir, 'kiosk').querySelectorAll('[data-kiosk-item]');
    const decoded = await Promise.all(items.map(async (item) => [item.id, await decodeQr(item.querySelector('svg.qr-code')!.toString())]));
    expect(Object.fromEntries(decoded)).toEqual({
      'k-unit': `${SITE}${BASE}`,
      'k-figures': `${SITE}${BASE}stats/test-period/`,
      'k-officers-test-officer': `${SITE}${BASE}officers/test-officer/`,
      'k-honors-test-honor': `${SITE}${BASE}honors/test-honor/`,
      'k-letters-test-letter': `${SITE}${BASE}letters/test-letter/`,
      'k-honors-shared-honor': `${SITE}${BASE}honors/shared-honor/`,
      'k-honors-test-collective': `${SITE}${BASE}honors/test-collective/`,
    });
  });

  it('decodes on a poster to the page it advertises', async () => {
    const svg = readPage(build.outDir, 'officers/test-officer/poster').querySelector('svg.qr-code');
    expect(await decodeQr(svg!.toString())).toBe(`${SITE}${BASE}officers/test-officer/`);
  });
});

describe('feed, sitemap and robots.txt', () => {
  const xml = new XMLParser({ ignoreAttributes: false });

  it('lists exactly the public profiles, honours and letters in the RSS feed', () => {
    const feed = xml.parse(readFileSync(path.join(build.outDir, 'rss.xml'), 'utf8'));
    const links = ([] as { link: string }[]).concat(feed.rss.channel.item).map((item) => item.link).sort();
    const expected = pages
      .filter((f) => /^(officers|honors|letters)\/[a-z0-9-]+\/index\.html$/.test(f))
      .map(canonicalOf)
      .sort();
    expect(links).toEqual(expected);
    expect(links.some((l) => l.includes('canary'))).toBe(false);
  });

  it('lists exactly the public pages in the sitemap, without the search page, the posters and the 荣誉室 screen', () => {
    const index = xml.parse(readFileSync(path.join(build.outDir, 'sitemap-index.xml'), 'utf8'));
    const sitemaps = ([] as { loc: string }[]).concat(index.sitemapindex.sitemap).map((s) => s.loc);
    const urls = sitemaps.flatMap((loc) => ([] as { loc: string }[]).concat(xml.parse(readFileSync(fileOf(loc), 'utf8')).urlset.url).map((u) => u.loc));
    const expected = pages.filter((f) => !/^(search|poster|kiosk)\/|\/poster\//.test(f)).map(canonicalOf);
    expect(urls.sort()).toEqual(expected.sort());
  });

  it('points robots.txt at the sitemap', () => {
    expect(readFileSync(path.join(build.outDir, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}${BASE}sitemap-index.xml`);
  });
});
