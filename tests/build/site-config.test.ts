/**
 * The one config file shapes the whole site: base path, unit name, filing numbers, menu — and it
 * never has to name a content id.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { listOutput, readPage, type BuildResult } from './harness';
import { htmlProblems } from './html-validate';
import { findBrokenLinks } from './link-check';
import { buildMinimalSite } from './shared-builds';

describe('a site deployed under a sub-path with its own config', () => {
  let build: BuildResult;
  beforeAll(async () => {
    // Its config and the unit's own images of the 公安备案 icon and the 党政机关网站标识, in the
    // site's public/, are given in shared-builds.ts.
    build = await buildMinimalSite();
  });

  it('builds', () => {
    expect(build.status, build.output).toBe(0);
  });

  it('prefixes every internal link and image with the base path', () => {
    for (const page of ['', 'officers', 'officers/test-officer', 'units/test-station', 'honors/test-honor']) {
      const html = readPage(build.outDir, page);
      for (const a of html.querySelectorAll('a')) {
        const href = a.getAttribute('href') ?? '';
        if (href.startsWith('/')) expect(href, `${page}: ${href}`).toMatch(/^\/rongyu\//);
        else expect(href, `${page}: ${href}`).toMatch(/^(https?:|#)/);
      }
      // Content images from the build, the footer's from public/.
      for (const img of html.querySelectorAll('img')) expect(img.getAttribute('src')).toMatch(/^\/rongyu\/(_astro\/|[a-z-]+\.png$)/);
    }
    expect(listOutput(build.outDir)).toContain('officers/test-officer/index.html');
  });

  it('every internal link, image and fragment resolves', () => {
    expect(findBrokenLinks(build.outDir, { base: '/rongyu/' })).toEqual([]);
  });

  it('renders an entry written in MDX like one written in Markdown', () => {
    const page = readPage(build.outDir, 'letters/mdx-letter');
    expect(page.querySelectorAll('article .prose h2').map((h) => h.text)).toContain('留言原文');
    expect(page.querySelector('article strong')?.text).toBe('用 MDX 写的');
  });

  it('has no html-validate errors on any page', async () => {
    expect(await htmlProblems(build.outDir)).toEqual([]);
  });

  it('names the unit from the content when the config does not', () => {
    expect(readPage(build.outDir, '').querySelector('.site-header .unit-name')?.text).toBe('测试大队');
  });

  it('shows the configured menu and filing numbers', () => {
    const home = readPage(build.outDir, '');
    expect(home.querySelectorAll('nav[aria-label="主菜单"] a').map((a) => a.text.trim())).toEqual(['首页', '人物']);
    expect(home.querySelector('.site-footer')?.text).toContain('苏ICP备00000000号');
    expect(home.querySelector('.site-footer')?.text).toContain('网站标识码：3200000000');
  });

  it('shows the unit’s 公安备案 icon and 党政机关网站标识 from its public/, under the base path', () => {
    const footer = readPage(build.outDir, 'officers').querySelector('.site-footer .gov-footer')!;
    const psb = footer.querySelectorAll('a').find((a) => a.text.includes('苏公网安备'))!;
    expect(psb.getAttribute('href')).toBe('https://beian.mps.gov.cn/#/query/webSearch?code=32120202000123');
    // Decorative beside the number it stands for; the mark's image is the link's only content.
    expect(psb.querySelector('img')?.getAttribute('src')).toBe('/rongyu/gongan-beian.png');
    expect(psb.querySelector('img')?.getAttribute('alt')).toBe('');
    const badge = footer.querySelector('.gov-badge a')!;
    expect(badge.getAttribute('href')).toBe('https://bszs.conac.cn/sitename?method=show&id=FIXTURE');
    expect(badge.querySelector('img')?.getAttribute('src')).toBe('/rongyu/dangzheng-biaoshi.png');
    expect(badge.querySelector('img')?.getAttribute('alt')).toBe('党政机关网站标识');
    expect(footer.querySelector('.gov-jiucuo a')?.getAttribute('href')).toBe(
      'https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=3200000000&url=https%3A%2F%2Ffixture.example%2Frongyu%2Fofficers%2F',
    );
    expect(listOutput(build.outDir)).toEqual(expect.arrayContaining(['gongan-beian.png', 'dangzheng-biaoshi.png']));
  });
});
