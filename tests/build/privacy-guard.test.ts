/**
 * The privacy guard on the finished site: it passes a clean build, and it stops a build — before
 * anything is published — when personal data, a trace of an unpublished entry or image metadata
 * reaches the output. The check refuses what it can see first, with the file and the line; the
 * guard is tested on real output with leaks put in, in every form the site publishes.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkSite } from '../../src/lib/check/check-site';
import { publishedAndExcluded, toCanaryEntry } from '../../src/lib/check/hidden-traces';
import { publishedContactAllow } from '../../src/lib/gov-footer';
import { openGuardCache, rulesKey } from '../../src/lib/guard-cache';
import { cachedRules, guardSite, hashesOf } from '../../src/lib/guard-site';
import { leakCanaries } from '../../src/lib/leak-canaries';
import { BUILD_TIME, buildFixture, FIXTURES, listOutput, type BuildResult } from './harness';
import { buildPublishingSite, photoWithGps } from './shared-builds';

const letter = readFileSync(path.join(FIXTURES, 'publishing', 'content', 'letters', 'test-letter.md'), 'utf8');

describe('the privacy guard', () => {
  let clean: BuildResult;
  let gps: Buffer;

  it('passes the canary fixture with an allow-listed public number, and no output image carries metadata or is an original', async () => {
    // The shared public build (shared-builds.ts buildPublishingSite): a phone photo with its GPS
    // position beside a unit and as a profile's portrait (a PNG), and a public number in the
    // description that the config's privacy.allow names.
    const build = await buildPublishingSite();
    clean = build;
    gps = readFileSync(path.join(build.siteDir, 'content', 'units', 'root-unit.jpg'));
    for (const photo of [gps, readFileSync(path.join(build.siteDir, 'content', 'officers', 'test-officer.png'))]) expect((await sharp(photo).metadata()).exif).toBeDefined();
    expect(build.status, build.output).toBe(0);
    expect(build.output).toContain('隐私检查通过');
    expect(readFileSync(path.join(build.outDir, 'index.html'), 'utf8')).toContain('服务热线 138 1234 5678');
    const images = listOutput(build.outDir).filter((f) => /\.(jpe?g|png|webp|avif)$/.test(f));
    expect(images.length).toBeGreaterThan(3);
    for (const file of images) {
      const meta = await sharp(path.join(build.outDir, file)).metadata();
      expect([file, meta.exif, meta.xmp, meta.iptc]).toEqual([file, undefined, undefined, undefined]);
      expect(readFileSync(path.join(build.outDir, file)).equals(gps), file).toBe(false);
    }
  });

  /**
   * What the check cannot see reaching the finished site (a template, a later build step): leaks
   * put into copies of the real output, in the forms the site publishes, each read by the guard.
   */
  it.each([
    ['a hidden name split by markup in a page', 'letters/test-letter/index.html', (html: string) => html.replace('</main>', '<p>感谢未同意人物CANARY<b>NO</b>CONSENT</p></main>')],
    ['a mobile in a page’s text split by inline markup', 'letters/test-letter/index.html', (html: string) => html.replace('</main>', '<p>电话139<span>1234</span>5678</p></main>')],
    ['a full-width mobile in a page attribute', 'letters/test-letter/index.html', (html: string) => html.replace('<main', '<main title="电话１３９１２３４５６７８"')],
    ['a hidden name in the search index (compressed)', 'pagefind/fragment', (bytes: Buffer) => gzipSync(Buffer.concat([gunzipSync(bytes), Buffer.from('未同意人物CANARYNOCONSENT')]))],
    ['an ID number in a feed as escaped markup', 'rss.xml', (xml: string) => xml.replace('</channel>', '<item><description>身份证&lt;b&gt;321202&lt;/b&gt;198001010020</description></item></channel>')],
    ['a hidden person’s id in an image file name', '_astro/canary-no-consent-cert.Ab12Cd.webp', null],
    ['an image with EXIF', '_astro/photo.Ab12Cd.jpg', 'gps'],
    ['an original copied as it is', '_astro/root-unit.Ab12Cd.jpg', 'gps'],
    ['an SVG with a script', '_astro/mark.Ab12Cd.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("/")</script></svg>'],
    ['a gzip of a page with a mobile', 'old.html.gz', '<html><body>电话13912345678</body></html>'],
  ] as const)('finds %s in real output', async (_name, target, change) => {
    expect(clean.status).toBe(0);
    const checked = await checkSite({ root: clean.siteDir, contentDir: path.join(clean.siteDir, 'content'), configFile: path.join(clean.siteDir, 'site.config.yaml'), publicDir: path.join(clean.siteDir, 'public'), now: new Date(BUILD_TIME) });
    const { excluded, published } = publishedAndExcluded(checked.content.entries, { now: new Date(BUILD_TIME), audience: 'public' });
    // As the build runs it: the allow-list, and the footer's published contacts are the unit's own.
    const allow = checked.config.ok ? [...checked.config.config.privacy.allow, ...publishedContactAllow(checked.config.config)] : [];
    const rules = { canaries: leakCanaries(excluded.map(toCanaryEntry), published.map(toCanaryEntry)), allow, originals: hashesOf(path.join(clean.siteDir, 'content')) };
    const site = path.join(mkdtempSync(path.join(os.tmpdir(), 'honor-roll-guard-')), 'dist');
    cpSync(clean.outDir, site, { recursive: true });
    // As a rebuild runs it: with what the previous build found clean. The changed file must be read again.
    const cacheDir = path.join(path.dirname(site), 'guard-cache');
    const firstBuild = openGuardCache(cacheDir, rulesKey(cachedRules(rules), 'test'));
    expect(await guardSite(site, rules, firstBuild)).toEqual([]);
    firstBuild.save();
    const file = target === 'pagefind/fragment' ? `pagefind/fragment/${readdirSync(path.join(site, 'pagefind', 'fragment'))[0]}` : target;
    const absolute = path.join(site, file);
    if (typeof change === 'function') {
      const before = readFileSync(absolute);
      writeFileSync(absolute, target === 'pagefind/fragment' ? (change as (b: Buffer) => Buffer)(before) : (change as (t: string) => string)(before.toString('utf8')));
    } else if (change === 'gps') writeFileSync(absolute, gps);
    else if (change === null) writeFileSync(absolute, await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } }).webp().toBuffer());
    else writeFileSync(absolute, file.endsWith('.gz') ? gzipSync(change) : change);
    const rebuild = openGuardCache(cacheDir, rulesKey(cachedRules(rules), 'test'));
    const findings = await guardSite(site, rules, rebuild);
    expect(findings.map((f) => f.file)).toContain(file);
    expect(rebuild.reused).toBeGreaterThan(10);
  });

  it('stops the build already at the check when a public entry names a person who did not consent, however the name is spaced', async () => {
    const build = await buildFixture('publishing', {
      files: { 'content/letters/test-letter.md': letter.replace('测试感谢。', '感谢未同意人物 CANARY\u200bNOCONSENT。') },
    });
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('未生成网站');
    expect(build.output).toMatch(/\[unpublished-trace\] \S*letters\/test-letter\.md:8/);
    expect(build.output).toContain('出现了未公开条目 officers/canary-no-consent（未同意公开）的姓名');
    expect(build.output).toContain('consent: true');
    expect(existsSync(build.outDir)).toBe(false);
  });

  it('stops the build already at the check on a mobile number in a text file of public/', async () => {
    const build = await buildFixture('publishing', { files: { 'public/contact.txt': '联系我们：１３８\u00a01234\u00a05678\n' } });
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('未生成网站');
    expect(build.output).toMatch(/\[personal-data\] \S*public\/contact\.txt/);
    expect(build.output).toContain('含有手机号码（138 **** 5678）');
    expect(build.output).not.toContain('13812345678');
    expect(existsSync(build.outDir)).toBe(false);
  });

  it('stops the build already at the check on a mobile number in the site description', async () => {
    const build = await buildFixture('publishing', {
      files: { 'site.config.yaml': 'title: 测试单位荣誉榜\nurl: https://fixture.example\ndescription: 联系我们：13812345678\n' },
    });
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('未生成网站');
    expect(build.output).toMatch(/\[personal-data\] \S*site\.config\.yaml:3/);
    expect(build.output).not.toContain('13812345678');
    expect(existsSync(build.outDir)).toBe(false);
  });

  it('stops the build already at the check on an image with EXIF in the public folder', async () => {
    const build = await buildFixture('publishing', { files: { 'public/banner.jpg': await photoWithGps(400, 300) } });
    expect(build.status).not.toBe(0);
    expect(build.output).toMatch(/\[public-file\] \S*public\/banner\.jpg/);
    expect(build.output).toContain('图片带有 EXIF 信息');
    expect(existsSync(build.outDir)).toBe(false);
  });
});
