/**
 * Excluded entries leave no trace in the public build: drafts, embargoed and internal entries,
 * officers without consent, and everything that cannot stand without them. Each canary entry
 * carries a unique marker (CANARY…) in its text; none may appear in any output file.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { allHtml, buildFixture, everyOutputFile, FIXTURES, listOutput, readPage, type BuildResult } from './harness';
import { buildPublishingSite } from './shared-builds';
import { htmlProblems } from './html-validate';
import { findBrokenLinks } from './link-check';

const CANARIES = [
  'CANARYDRAFT',
  'CANARYNOCONSENT',
  'CANARYCASCADE',
  'CANARYINTERNALUNIT',
  'CANARYCHILD',
  'CANARYEMBARGO',
  'CANARYHONORCASCADE',
  'CANARYINTERNALLETTER',
  'CANARYLETTERCASCADE',
  'CANARYSTATS',
  'CANARYACTIVITY',
  'CANARYACTIVITYCASCADE',
];

const EXCLUDED_PAGES = [
  'officers/canary-draft',
  'officers/canary-no-consent',
  'officers/canary-internal-unit-member',
  'units/canary-internal-unit',
  'units/canary-child-of-internal',
  'honors/canary-embargoed',
  'honors/canary-only-no-consent',
  'letters/canary-internal-letter',
  'letters/canary-letter-cascade',
  'stats/canary-internal-unit-stats',
  'activities/canary-internal-activity',
  'activities/canary-activity-cascade',
];

/**
 * The pages the intranet edition has and the public one does not, with the mark each must carry:
 * the badge and the reason, knock-on exclusions naming what they depend on.
 */
const INTERNAL_ONLY_PAGES: [page: string, label: string, reason: string][] = [
  ['officers/canary-no-consent', '未同意公开', '本人尚未同意公开，此页只在内部版本显示。'],
  ['officers/canary-internal-unit-member', '内部', '所在单位“内部单位CANARYINTERNALUNIT”标为内部，此页只在内部版本显示。'],
  ['units/canary-internal-unit', '内部', '此单位标为内部，只在内部版本显示。'],
  ['units/canary-child-of-internal', '内部', '上级单位“内部单位CANARYINTERNALUNIT”标为内部，此页只在内部版本显示。'],
  ['honors/canary-only-no-consent', '未同意公开', '获奖人物“未同意人物CANARYNOCONSENT”尚未同意公开，此页只在内部版本显示。'],
  ['letters/canary-internal-letter', '内部', '此感谢信标为内部，只在内部版本显示。'],
  ['letters/canary-letter-cascade', '未同意公开', '致谢人物“未同意人物CANARYNOCONSENT”尚未同意公开，此页只在内部版本显示。'],
  ['stats/canary-internal-unit-stats', '内部', '所属单位“内部单位CANARYINTERNALUNIT”标为内部，此页只在内部版本显示。'],
  ['activities/canary-internal-activity', '内部', '此活动标为内部，只在内部版本显示。'],
  ['activities/canary-activity-cascade', '内部', '举办单位“内部单位的下属CANARYCHILD”不在公开版本中，此页只在内部版本显示。'],
];

/** Pages both editions have, with a share panel: in the intranet edition they keep it. */
const SHARED_PAGES = ['officers/test-officer', 'honors/shared-honor', 'letters/test-letter', 'units/root-unit'];

// The public edition is the build sharing.test.ts and privacy-guard.test.ts read too: under /rongyu/,
// with the changes to the fixture listed at shared-builds.ts buildPublishingSite.
describe('the public build of a site with excluded entries', () => {
  let build: BuildResult;
  beforeAll(async () => {
    build = await buildPublishingSite();
  });

  it('succeeds', () => {
    expect(build.status, build.output).toBe(0);
  });

  it.each(EXCLUDED_PAGES)('has no page for %s', (page) => {
    expect(listOutput(build.outDir)).not.toContain(`${page}/index.html`);
  });

  it('contains no canary text, id or image of an excluded entry in any file, search index included', () => {
    const files = everyOutputFile(build.outDir);
    expect(files.length).toBeGreaterThan(10);
    // The index is read: a public entry's words are in it.
    expect(files.filter((f) => f.file.startsWith('pagefind/fragment/')).some((f) => f.text.includes('测试民警'))).toBe(true);
    for (const { file, text } of files) {
      for (const canary of CANARIES) expect(text.includes(canary), `${canary} in ${file}`).toBe(false);
      for (const page of EXCLUDED_PAGES) {
        const id = page.split('/')[1]!;
        expect(text.includes(id), `${id} in ${file}`).toBe(false);
      }
    }
    // The excluded officer's portrait is a red square; no image derived from it is emitted.
    expect(listOutput(build.outDir).filter((f) => f.includes('canary'))).toEqual([]);
  });

  it('shows a picture of a public entry’s body re-encoded, sized and without the GPS it came with; the draft’s body picture and both originals are nowhere', async () => {
    const source = (name: string) => readFileSync(path.join(FIXTURES, 'publishing', 'content', 'officers', name));
    // As they are in the fixture: phone photos carrying a position (so the assertions below can fail).
    // The EXIF's pointer to its GPS block is tag 0x8825, in either byte order.
    const gpsTag = (exif: Buffer | undefined) => !!exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));
    for (const name of ['test-officer-scene.jpg', 'canary-draft-scene.jpg']) expect(gpsTag((await sharp(source(name)).metadata()).exif), name).toBe(true);
    const image = readPage(build.outDir, 'officers/test-officer').querySelector('img[alt="测试民警在路口执勤"]')!;
    expect([image.getAttribute('width'), image.getAttribute('height')]).toEqual(['160', '120']);
    const published = path.join(build.outDir, image.getAttribute('src')!.replace(/^\/(rongyu\/)?/, ''));
    const metadata = await sharp(readFileSync(published)).metadata();
    expect([metadata.format, metadata.exif, metadata.xmp]).toEqual(['webp', undefined, undefined]);
    // The original Astro emits next to it is pruned: only the re-encoded copy is published.
    expect(listOutput(build.outDir).filter((f) => f.includes('scene'))).toEqual([path.relative(build.outDir, published).split(path.sep).join('/')]);
    const originals = new Set(['test-officer-scene.jpg', 'canary-draft-scene.jpg'].map((name) => createHash('sha256').update(source(name)).digest('hex')));
    for (const file of listOutput(build.outDir)) expect(originals.has(createHash('sha256').update(readFileSync(path.join(build.outDir, file))).digest('hex')), file).toBe(false);
  });

  it('keeps a shared honour but lists only the consenting recipient', () => {
    const page = readPage(build.outDir, 'honors/shared-honor');
    const officerLinks = page.querySelectorAll('article a').filter((a) => a.getAttribute('href')?.startsWith('/rongyu/officers/'));
    expect(officerLinks.map((a) => a.getAttribute('href'))).toEqual(['/rongyu/officers/test-officer/']);
  });

  it('keeps an activity whose host did not consent, without naming the host', () => {
    const page = readPage(build.outDir, 'activities/hosted-by-no-consent');
    const terms = page.querySelectorAll('dt').map((dt) => dt.text);
    expect(terms).toContain('地点');
    expect(terms).not.toContain('主持');
  });

  it('counts only published entries', () => {
    expect(readPage(build.outDir, 'officers').text).toContain('共 1 人');
    // test-honor, test-collective, shared-honor
    expect(readPage(build.outDir, 'honors').text).toContain('共 3 项');
    expect(readPage(build.outDir, 'letters').text).toContain('共 1 件');
  });

  // An excluded entry must not leave a link to its missing page behind.
  it('every internal link, image and fragment resolves', () => {
    expect(findBrokenLinks(build.outDir, { base: '/rongyu/' })).toEqual([]);
  });

  it('has no html-validate errors on any page', async () => {
    expect(await htmlProblems(build.outDir)).toEqual([]);
  });

  it('does not list an excluded unit among the children of its parent', () => {
    const root = readPage(build.outDir, 'units/root-unit');
    expect(root.querySelectorAll('a').map((a) => a.getAttribute('href'))).not.toContain('/rongyu/units/canary-internal-unit/');
  });

  it('has a 荣誉室 screen of the published entries only, featured canaries or not, the role model with his portrait', () => {
    const kiosk = readPage(build.outDir, 'kiosk');
    expect(kiosk.querySelectorAll('[data-kiosk-item]').map((item) => item.id)).toEqual([
      'k-unit',
      'k-figures',
      'k-officers-test-officer',
      'k-honors-test-honor',
      'k-letters-test-letter',
      'k-honors-shared-honor',
      // Undated: after the dated ones, as on the timeline.
      'k-honors-test-collective',
    ]);
    expect(kiosk.querySelector('#k-honors-shared-honor .kiosk-facts')?.text).toContain('测试民警');
    expect(kiosk.querySelectorAll('.kiosk-url').map((url) => url.text)).toContain('https://fixture.example/rongyu/officers/test-officer/');
    expect(kiosk.querySelectorAll('.kiosk-qr svg[role="img"]')).toHaveLength(7);
  });

  it('keeps the 荣誉室 screen out of the sitemap and the search index (it repeats the entry pages), with noindex', () => {
    const kiosk = readPage(build.outDir, 'kiosk');
    expect(kiosk.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex, nofollow');
    expect(kiosk.querySelector('[data-pagefind-body]')).toBeNull();
    const sitemap = readFileSync(path.join(build.outDir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://fixture.example/rongyu/officers/test-officer/</loc>');
    expect(sitemap).not.toContain('kiosk');
    const index = everyOutputFile(build.outDir).filter((f) => f.file.startsWith('pagefind/'));
    // Pagefind's index names a page by its path in the output folder, without the base.
    expect(index.some((f) => f.text.includes('/officers/test-officer/'))).toBe(true);
    expect(index.filter((f) => f.text.includes('/kiosk/')).map((f) => f.file)).toEqual([]);
  });

  it('builds the 荣誉室 screen to work from a copy on the disk: its style and script inline, its pictures named relative to it', () => {
    const kiosk = readPage(build.outDir, 'kiosk');
    expect(kiosk.querySelectorAll('link[rel="stylesheet"], script[src]')).toHaveLength(0);
    expect(kiosk.querySelectorAll('style')).toHaveLength(1);
    expect(kiosk.querySelectorAll('script')).toHaveLength(1);
    const pictures = kiosk.querySelectorAll('img').map((img) => img.getAttribute('src')!);
    expect(pictures).toEqual([expect.stringMatching(/^\.\.\/_astro\/test-officer\.[\w-]+\.webp$/)]);
    // The profile's own file: the screen makes no image of its own.
    expect(readPage(build.outDir, 'officers/test-officer').querySelector('main img')?.getAttribute('srcset')).toContain(`/rongyu${pictures[0]!.slice(2)}`);
    expect(kiosk.querySelector('link[rel="icon"]')?.getAttribute('href')).toBe('../favicon.svg');
    expect(listOutput(build.outDir)).toContain('favicon.svg');
  });

  it('shows no internal banner and no noindex on the public edition', () => {
    const home = readPage(build.outDir, '');
    expect(home.querySelector('.internal-banner')).toBeNull();
    expect(home.querySelector('meta[name="robots"]')).toBeNull();
  });

  // The fixture's config gives every item as a Chinese IME types it (full-width digits, ＠, －).
  it('shows the government-site items in the footer, centred, normalised, each linked as inspectors expect', () => {
    const footer = readPage(build.outDir, 'officers/test-officer').querySelector('footer .gov-footer')!;
    expect(footer.querySelectorAll('p').map((p) => p.text.replace(/\s+/g, ' ').trim())).toEqual([
      '主办单位：测试市公安局',
      '联系电话：0523-86881234 地址：测试市测试路１号 电子邮箱：jingwu@fixture.example',
      '苏ICP备12345678号-1 苏公网安备 32120202000123号',
      '网站标识码：3212000001 我为政府网站找错',
      '党政机关网站标识',
    ]);
    const links = Object.fromEntries(footer.querySelectorAll('a').map((a) => [a.text.trim(), a.getAttribute('href')]));
    expect(links).toEqual({
      'jingwu@fixture.example': 'mailto:jingwu@fixture.example',
      '苏ICP备12345678号-1': 'https://beian.miit.gov.cn/',
      '苏公网安备 32120202000123号': 'https://beian.mps.gov.cn/#/query/webSearch?code=32120202000123',
      // The page's own address, so the report names the page.
      我为政府网站找错: 'https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=3212000001&url=https%3A%2F%2Ffixture.example%2Frongyu%2Fofficers%2Ftest-officer%2F',
      党政机关网站标识: 'https://bszs.conac.cn/sitename?method=show&id=FIXTURE',
    });
    // No image the unit did not supply, and never the issuer's external script.
    expect(footer.querySelectorAll('img')).toHaveLength(0);
    expect(allHtml(build.outDir)).not.toMatch(/<script[^>]+src="https?:/);
  });

  it('publishes the unit’s own mailbox past the privacy guard, and has no footer reminder left', () => {
    expect(build.output).toContain('隐私检查通过');
    expect(build.output).not.toContain('[gov-footer]');
  });

  it('marks nothing 未同意公开 or 内部 on any page of the public edition', () => {
    const html = allHtml(build.outDir);
    expect(html).toContain('测试民警');
    // (未同意公开 itself is in a public activity's summary: the marks are found by their class and sentence.)
    for (const trace of ['internal-only', '只在内部版本显示']) expect(html).not.toContain(trace);
  });
});

describe('the publishing rules follow the build time', () => {
  // The boundary itself (23:59:59 and 00:00 Beijing time) is asserted in-process, on the same
  // rule, in tests/unit/publishing.test.ts; this build shows the real loader's publishDate and
  // HONOR_ROLL_NOW reach it (read as UTC, the date would still be embargoed at 00:00 Beijing).
  it('publishes an embargoed honour from 00:00 Beijing time on its publishDate', async () => {
    const build = await buildFixture('publishing', { env: { HONOR_ROLL_NOW: '2026-07-01T00:00:00+08:00' } });
    expect(build.status, build.output).toBe(0);
    expect(listOutput(build.outDir)).toContain('honors/canary-embargoed/index.html');
  });
});

// `--audience internal`, the other way to ask for this edition, is built in points.test.ts.
describe('the intranet edition (HONOR_ROLL_AUDIENCE=internal)', () => {
  let build: BuildResult;
  let files: string[];
  beforeAll(async () => {
    build = await buildFixture('publishing', { env: { HONOR_ROLL_AUDIENCE: 'internal' } });
    files = listOutput(build.outDir);
  });

  it('says plainly that no points are recorded yet, for a unit whose content has no points folder', () => {
    expect(build.status, build.output).toBe(0);
    expect(readPage(build.outDir, 'points').querySelector('.notice')?.text).toBe('本单位尚未录入积分。');
    expect(files.filter((f) => f.startsWith('points/'))).toEqual(['points/index.html', 'points/index.html.gz']);
    expect(readPage(build.outDir, '').querySelectorAll('nav[aria-label="主菜单"] a').map((a) => a.text.trim())).toContain('积分');
    expect(build.output).not.toContain('does not exist or is empty');
  });

  it('includes internal entries, but never drafts or embargoed ones', () => {
    expect(build.status, build.output).toBe(0);
    expect(files).toContain('letters/canary-internal-letter/index.html');
    expect(files).toContain('units/canary-internal-unit/index.html');
    expect(files).not.toContain('officers/canary-draft/index.html');
    expect(files).not.toContain('honors/canary-embargoed/index.html');
  });

  it('marks every page 内部 and noindex', () => {
    expect(build.status, build.output).toBe(0);
    const pages = files.filter((f) => f.endsWith('.html'));
    for (const page of pages) {
      const html = readPage(build.outDir, page);
      expect(html.querySelector('meta[name="robots"]')?.getAttribute('content'), page).toContain('noindex');
      if (!page.endsWith('poster/index.html')) expect(html.querySelector('.internal-banner')?.text, page).toContain('内部版本');
    }
    expect(readFileSync(path.join(build.outDir, 'robots.txt'), 'utf8')).toContain('Disallow: /');
    expect(files.some((f) => f.startsWith('sitemap'))).toBe(false);
  });

  it('has a mark for every page the public edition leaves out and this one shows', () => {
    const shownHere = EXCLUDED_PAGES.filter((page) => files.includes(`${page}/index.html`));
    expect(shownHere.sort()).toEqual(INTERNAL_ONLY_PAGES.map(([page]) => page).sort());
  });

  it.each(INTERNAL_ONLY_PAGES)('marks %s %s, saying why', (page, label, reason) => {
    const html = readPage(build.outDir, page);
    const marks = html.querySelectorAll('main .internal-only');
    expect(marks).toHaveLength(1);
    expect(marks[0]!.querySelector('.internal-only-label')?.text).toBe(label);
    expect(marks[0]!.text).toContain(reason);
    expect(marks[0]!.getAttribute('role')).toBe('note');
    // Above the entry's heading, where it is seen first.
    const main = html.querySelector('main')!.innerHTML;
    expect(main.indexOf('class="internal-only"')).toBeLessThan(main.indexOf('<h1'));
  });

  it.each(INTERNAL_ONLY_PAGES)('gives %s no share panel, QR code, public address, poster or share card', (page) => {
    const text = readFileSync(path.join(build.outDir, page, 'index.html'), 'utf8');
    const html = readPage(build.outDir, page);
    for (const selector of ['.share', '.qr', 'input.share-url', '[data-share-copy]', '[data-share-native]', 'a[href$="/poster/"]', 'link[rel="canonical"]', 'meta[property="og:url"]', 'meta[property^="og:image"]', 'meta[name="twitter:image"]']) {
      expect(html.querySelector(selector), selector).toBeNull();
    }
    expect(text).not.toContain('https://fixture.example');
    const [collection, id] = page.split('/');
    // In either format: a profile with a photo would have a .jpg card.
    expect(files.filter((f) => f.startsWith(`share/${collection}/${id}.`))).toEqual([]);
    expect(files).not.toContain(`${page}/poster/index.html`);
  });

  it.each(SHARED_PAGES)('keeps the share panel, QR code and share card of %s, which the public site has too', (page) => {
    const html = readPage(build.outDir, page);
    expect(html.querySelector('.internal-only')).toBeNull();
    expect(html.querySelector('.share .qr svg')).not.toBeNull();
    expect(html.querySelector('input.share-url')?.getAttribute('value')).toBe(`https://fixture.example/${page}/`);
    expect(html.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`https://fixture.example/${page}/`);
    const image = html.querySelector('meta[property="og:image"]')?.getAttribute('content');
    // test-officer has a photo: its card is a JPEG.
    const card = `share/${page}.${page.startsWith('officers/') ? 'jpg' : 'png'}`;
    expect(image).toBe(page.startsWith('units/') ? 'https://fixture.example/share/site.png' : `https://fixture.example/${card}`);
    if (!page.startsWith('units/')) expect(files).toContain(card);
  });

  it('keeps the poster of a profile the public site has too', () => {
    const html = readPage(build.outDir, 'officers/test-officer');
    expect(html.querySelector('.share a[href="/officers/test-officer/poster/"]')).not.toBeNull();
    expect(files).toContain('officers/test-officer/poster/index.html');
  });

  it('puts a badge next to entries the public edition leaves out, on lists and where they are named', () => {
    const badgesBy = (page: string, itemSelector: string) =>
      Object.fromEntries(
        readPage(build.outDir, page)
          .querySelectorAll(itemSelector)
          .map((item) => [item.querySelector('a')?.getAttribute('href'), item.querySelector('.internal-only-badge')?.text ?? null]),
      );
    expect(badgesBy('officers', '.officer-card')).toEqual({
      '/officers/canary-internal-unit-member/': '内部',
      '/officers/canary-no-consent/': '未同意公开',
      '/officers/test-officer/': null,
    });
    expect(badgesBy('units', '.card')).toMatchObject({ '/units/canary-internal-unit/': '内部', '/units/root-unit/': null, '/units/test-station/': null });
    expect(badgesBy('activities', '.timeline > li')).toMatchObject({
      '/activities/canary-internal-activity/': '内部',
      '/activities/canary-activity-cascade/': '内部',
      '/activities/test-activity/': null,
    });
    // A public honour one of whose recipients did not consent: the intranet names both.
    const recipients = readPage(build.outDir, 'honors/shared-honor').querySelector('.facts dd')!;
    expect(recipients.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual(['/officers/test-officer/', '/officers/canary-no-consent/']);
    expect(recipients.querySelectorAll('.internal-only-badge').map((b) => b.text)).toEqual(['未同意公开']);
  });

  it('shows the featured role model who did not consent on the 荣誉室 screen with why, but no QR code or address', () => {
    const item = readPage(build.outDir, 'kiosk').querySelector('#k-officers-canary-no-consent')!;
    expect(item.querySelector('h2')?.text).toBe('未同意人物CANARYNOCONSENT');
    expect(item.querySelector('.kiosk-note')?.text).toBe('本人尚未同意公开，此页只在内部版本显示。没有公开网址，不提供二维码。');
    expect(item.querySelector('.kiosk-qr')).toBeNull();
    expect(item.text).not.toContain('https://fixture.example');
    expect(readPage(build.outDir, 'kiosk').querySelector('#k-honors-shared-honor .kiosk-url')?.text).toBe('https://fixture.example/honors/shared-honor/');
  });

  it('shows the 党政机关网站标识 as text without its link, and no 我为政府网站找错 link', () => {
    const footer = readPage(build.outDir, '').querySelector('footer .gov-footer')!;
    expect(footer.querySelector('.gov-badge')?.text.trim()).toBe('党政机关网站');
    expect(footer.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([
      'mailto:jingwu@fixture.example',
      'https://beian.miit.gov.cn/',
      'https://beian.mps.gov.cn/#/query/webSearch?code=32120202000123',
    ]);
    expect(footer.text).toContain('网站标识码：3212000001');
  });

  it('links the feed only to entries the public site has', () => {
    const feed = readFileSync(path.join(build.outDir, 'rss.xml'), 'utf8');
    expect(feed).toContain('https://fixture.example/officers/test-officer/');
    for (const [page] of INTERNAL_ONLY_PAGES) expect(feed).not.toContain(page);
  });

  it('every internal link, image and fragment resolves', () => {
    expect(findBrokenLinks(build.outDir, { base: '/' })).toEqual([]);
  });

  it('has no html-validate errors on any page', async () => {
    expect(await htmlProblems(build.outDir)).toEqual([]);
  });
});
