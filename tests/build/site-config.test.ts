/**
 * The one config file shapes the whole site: base path, unit name, filing numbers, menu — and it
 * never has to name a content id.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, listOutput, readPage, type BuildResult } from './harness';
import { htmlProblems } from './html-validate';
import { findBrokenLinks } from './link-check';

describe('a site deployed under a sub-path with its own config', () => {
  let build: BuildResult;
  beforeAll(async () => {
    build = await buildFixture('minimal', {
      files: {
        'site.config.yaml': [
          'title: 子路径测试',
          'url: https://fixture.example',
          'base: /rongyu',
          'filing:',
          '  icp: 苏ICP备00000000号',
          '  siteCode: "3200000000"',
          'nav:',
          '  - { label: 首页, href: / }',
          '  - { label: 人物, href: /officers/ }',
        ].join('\n'),
      },
    });
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
      for (const img of html.querySelectorAll('img')) expect(img.getAttribute('src')).toMatch(/^\/rongyu\/_astro\//);
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
});
