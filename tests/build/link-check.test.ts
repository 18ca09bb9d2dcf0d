/**
 * The link checker on tiny hand-written output folders (no Astro build): what it accepts, what it
 * reports, and how it reads the base path.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBrokenLinks, parseSrcset } from './link-check';

const folders: string[] = [];

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** Writes a synthetic output folder: relative file path → content. */
function site(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-links-'));
  folders.push(dir);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/** A minimal page around `body`. */
function html(body: string, head = ''): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}

const PNG = 'not really a png';

describe('findBrokenLinks', () => {
  it('accepts a site whose links, assets and fragments all resolve', () => {
    const dir = site({
      'index.html': html(
        [
          '<a href="#main">跳到正文</a>',
          '<main id="main">',
          '<a href="/officers/">人物</a>',
          '<a href="officers/">人物（相对）</a>',
          '<a href="/officers/wang-xiang/#honors">荣誉</a>',
          '<a href="/officers/wang-xiang/index.html">直接文件</a>',
          '<a href="/officers/?page=2">带查询</a>',
          '<a href="#">顶部</a> <a href="#top">顶部</a>',
          '<a href="https://beian.miit.gov.cn/">备案</a>',
          '<a href="//cdn.example/x.js">外部</a>',
          '<a href="mailto:a@example.com">邮件</a> <a href="tel:110">电话</a>',
          '<img src="/_astro/a.webp" srcset="/_astro/a.webp 1x, /_astro/a@2x.webp 2x" alt="">',
          '<picture><source srcset="/_astro/a.avif 400w, /_astro/a@2x.avif 800w" type="image/avif"><img src="data:image/gif;base64,R0lGOD" alt=""></picture>',
          '<script src="/_astro/page.js"></script>',
          '</main>',
        ].join('\n'),
        '<link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/_astro/site.css"><link rel="canonical" href="https://example.com/">',
      ),
      // `a[name]` counts as a fragment target too (#old).
      'officers/index.html': html('<a href="../">首页</a> <a href="wang-xiang/">王祥</a> <a href="./#list">列表</a><ul id="list"></ul><a name="old"></a>'),
      'officers/wang-xiang/index.html': html('<h2 id="honors">荣誉</h2><a href="../../#main">首页正文</a><a href="/officers/#old">旧锚点</a>'),
      '_astro/a.webp': PNG,
      '_astro/a@2x.webp': PNG,
      '_astro/a.avif': PNG,
      '_astro/a@2x.avif': PNG,
      '_astro/page.js': '',
      '_astro/site.css': '',
      'favicon.svg': '<svg/>',
    });
    expect(findBrokenLinks(dir, { base: '/' })).toEqual([]);
  });

  it('reports a link to a page that was not built, and hints at a missing trailing slash', () => {
    const dir = site({
      'index.html': html('<a href="/officers/li-si/">李四</a> <a href="/officers">人物</a> <a href="/officers/">人物</a>'),
      'officers/index.html': html('<h1>人物</h1>'),
    });
    expect(findBrokenLinks(dir, { base: '/' })).toEqual([
      '/ → /officers/li-si/ (no file officers/li-si/index.html in the build)',
      '/ → /officers (no file officers in the build; did you mean /officers/?)',
    ]);
  });

  it('reports a missing image, stylesheet and script, resolved relative to the page', () => {
    const dir = site({
      'officers/wang-xiang/index.html': html(
        '<img src="portrait.webp" alt="头像"> <script src="/_astro/gone.js"></script>',
        '<link rel="stylesheet" href="../../_astro/gone.css">',
      ),
    });
    expect(findBrokenLinks(dir, { base: '/' })).toEqual([
      '/officers/wang-xiang/ → ../../_astro/gone.css (no file _astro/gone.css in the build)',
      '/officers/wang-xiang/ → portrait.webp (no file officers/wang-xiang/portrait.webp in the build)',
      '/officers/wang-xiang/ → /_astro/gone.js (no file _astro/gone.js in the build)',
    ]);
  });

  it('reports a fragment with no element of that id, on the same page or another, and lists the ids there are', () => {
    const dir = site({
      'index.html': html('<a href="#content">正文</a> <main id="main"></main> <a href="/honors/#y2020">2020年</a>'),
      'honors/index.html': html('<h2 id="y2021">2021年</h2><h2 id="undated">日期未注明</h2>'),
    });
    expect(findBrokenLinks(dir, { base: '/' })).toEqual([
      '/ → #content (no element with id "content" on this page; available: main)',
      '/ → /honors/#y2020 (no element with id "y2020" on /honors/; available: y2021, undated)',
    ]);
  });

  it('reports each srcset candidate that is missing, not just the src', () => {
    const dir = site({
      'index.html': html(
        '<picture><source srcset="/_astro/a.avif 1x, /_astro/a@2x.avif 2x"><img src="/_astro/a.webp" srcset="/_astro/a.webp 400w,/_astro/a-800.webp 800w" alt=""></picture>',
      ),
      '_astro/a.avif': PNG,
      '_astro/a.webp': PNG,
    });
    expect(findBrokenLinks(dir, { base: '/' })).toEqual([
      '/ → /_astro/a-800.webp (no file _astro/a-800.webp in the build)',
      '/ → /_astro/a@2x.avif (no file _astro/a@2x.avif in the build)',
    ]);
  });

  it('reads links under the base path, and reports links that leave it', () => {
    const dir = site({
      'index.html': html(
        [
          '<a href="/rongyu/officers/">人物</a>',
          '<a href="officers/">人物（相对）</a>',
          '<img src="/rongyu/_astro/a.webp" alt="">',
          '<a href="/officers/">忘了子路径</a>',
          '<a href="/rongyu">没有斜杠</a>',
          '<a href="../">上一级</a>',
        ].join(''),
      ),
      'officers/index.html': html('<a href="/rongyu/#top">首页</a> <a href="../">首页</a> <a href="/rongyu/officers/#missing">锚点</a>'),
      '_astro/a.webp': PNG,
    });
    const expected = [
      '/rongyu/ → /officers/ (outside the base path /rongyu/)',
      '/rongyu/ → /rongyu (outside the base path /rongyu/; did you mean /rongyu/?)',
      '/rongyu/ → ../ (outside the base path /rongyu/)',
      '/rongyu/officers/ → /rongyu/officers/#missing (no element with id "missing" on this page; it has no ids)',
    ];
    expect(findBrokenLinks(dir, { base: '/rongyu/' })).toEqual(expected);
    // The config may write the base without slashes.
    expect(findBrokenLinks(dir, { base: 'rongyu' })).toEqual(expected);
  });

  it('resolves percent-encoded Chinese paths and fragments', () => {
    const dir = site({
      'index.html': html('<a href="/%E8%8D%A3%E8%AA%89/#%E4%BA%8C%E7%AD%89%E5%8A%9F">荣誉</a> <a href="/荣誉/#三等功">荣誉</a>'),
      '荣誉/index.html': html('<h2 id="二等功">二等功</h2>'),
    });
    expect(findBrokenLinks(dir, { base: '/' })).toEqual(['/ → /荣誉/#三等功 (no element with id "三等功" on /荣誉/; available: 二等功)']);
  });

  it('refuses to pass an output folder with no pages, as a failed build leaves', () => {
    const missing = path.join(os.tmpdir(), 'honor-roll-no-such-dist');
    expect(() => findBrokenLinks(missing, { base: '/' })).toThrow(`findBrokenLinks: no HTML pages in ${missing}; did the build fail?`);
    expect(() => findBrokenLinks(site({ 'favicon.svg': '<svg/>' }), { base: '/' })).toThrow(/no HTML pages/);
  });
});

describe('parseSrcset', () => {
  it.each([
    ['/a.webp', ['/a.webp']],
    ['/a.webp 1x, /b.webp 2x', ['/a.webp', '/b.webp']],
    ['/a.webp 400w,/b.webp 800w', ['/a.webp', '/b.webp']],
    ['  /a.webp,  /b.webp 2x ,', ['/a.webp', '/b.webp']],
    ['/img?w=400,h=300 1x, /b.webp 2x', ['/img?w=400,h=300', '/b.webp']],
    ['', []],
  ])('%j → %j', (srcset, urls) => {
    expect(parseSrcset(srcset)).toEqual(urls);
  });
});
