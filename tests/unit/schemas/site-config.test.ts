import { describe, expect, it } from 'vitest';
import { siteThemeColor } from '../../../src/lib/themes';
import { DEFAULT_NAV, siteConfigSchema } from '../../../src/schemas/site-config';
import { dataOf, issuesOf } from '../helpers/schema-context';

const minimal = { title: '海陵巡特警荣誉榜', url: 'https://example.com' };

describe('site config schema', () => {
  it('fills in the defaults: root base, theme colour, no filing numbers, nothing allow-listed, default point categories unpublished, no rotation, the 荣誉室 screen’s timings, every section in the menu', () => {
    expect(dataOf(siteConfigSchema.safeParse(minimal))).toEqual({
      ...minimal,
      base: '/',
      theme: 'police-blue',
      filing: { reminder: true },
      contact: {},
      privacy: { allow: [] },
      points: { categories: ['固定党日学习', '志愿服务', '业务工作'], publish: false },
      studyRotation: { weekday: 1, stations: [], hosts: [] },
      kiosk: { idleSeconds: 60, advanceSeconds: 10 },
      nav: DEFAULT_NAV,
    });
  });

  it.each([
    [{ theme: 'party-red' }, '#c8161d'],
    [{ theme: 'neutral' }, '#44505c'],
    [{}, '#1f4e9c'],
    // The unit's own colour wins over the preset.
    [{ theme: 'fire-red', themeColor: '#006400' }, '#006400'],
  ])('draws %j in %s', (theme, color) => {
    expect(siteThemeColor(dataOf(siteConfigSchema.safeParse({ ...minimal, ...theme })))).toBe(color);
  });

  it('lists every section of the site in the default menu', () => {
    expect(DEFAULT_NAV.map((n) => n.href)).toEqual(['/', '/officers/', '/honors/', '/letters/', '/stats/', '/activities/', '/units/']);
  });

  it.each([
    ['/', '/'],
    ['', '/'],
    ['/rongyu', '/rongyu/'],
    ['rongyu', '/rongyu/'],
    ['/rongyu/', '/rongyu/'],
    ['rongyu/', '/rongyu/'],
    ['/a/b', '/a/b/'],
    ['  /rongyu  ', '/rongyu/'],
  ])('normalises the base %j to %j', (base, expected) => {
    expect(dataOf(siteConfigSchema.safeParse({ ...minimal, base })).base).toBe(expected);
  });

  it.each(['/荣誉/', '/rong yu/', '//rongyu', '/a//b', '/rongyu?x=1'])('rejects the base %j', (base) => {
    expect(issuesOf(siteConfigSchema.safeParse({ ...minimal, base }))).toEqual([
      { path: 'base', code: 'custom', message: '只能包含字母、数字、-、_ 和 /，如 /rongyu/' },
    ]);
  });

  it('rejects a long invalid base quickly (no catastrophic backtracking)', () => {
    const started = performance.now();
    // 29 characters: enough to take seconds with a backtracking pattern, without hanging the run.
    const result = siteConfigSchema.safeParse({ ...minimal, base: '/rongyu-site-honor-roll-2020!' });
    expect(result.success).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('rejects a url without its scheme with one message, not two', () => {
    expect(issuesOf(siteConfigSchema.safeParse({ ...minimal, url: 'example.com' }))).toMatchObject([
      { path: 'url', message: '应为以 http:// 或 https:// 开头的完整网址，如 https://www.example.gov.cn' },
    ]);
  });

  it('rejects a url that is not a web address', () => {
    expect(issuesOf(siteConfigSchema.safeParse({ ...minimal, url: 'ftp://example.com' }))).toMatchObject([
      { path: 'url', message: '应为以 http:// 或 https:// 开头的完整网址，如 https://www.example.gov.cn' },
    ]);
  });

  it.each(['1f4e9c', '#1f4e9', 'blue', '#1f4e9cff'])('rejects the theme colour %j', (themeColor) => {
    expect(issuesOf(siteConfigSchema.safeParse({ ...minimal, themeColor }))).toEqual([
      { path: 'themeColor', code: 'invalid_string', message: '应为 # 加 6 位十六进制颜色，如 #1f4e9c' },
    ]);
  });

  it('rejects a logo that is not a path in public/', () => {
    expect(issuesOf(siteConfigSchema.safeParse({ ...minimal, logo: 'logo.svg' }))).toMatchObject([{ path: 'logo' }]);
  });

  it('accepts site paths and full URLs in the menu, and nothing else', () => {
    const nav = [
      { label: '首页', href: '/' },
      { label: '政府网站', href: 'https://www.gov.cn' },
    ];
    expect(dataOf(siteConfigSchema.safeParse({ ...minimal, nav })).nav).toEqual(nav);
    expect(issuesOf(siteConfigSchema.safeParse({ ...minimal, nav: [{ label: '首页', href: 'officers/' }] }))).toMatchObject([
      { path: 'nav.0.href', message: '应以 / 开头（站内路径）或以 http(s):// 开头' },
    ]);
    expect(issuesOf(siteConfigSchema.safeParse({ ...minimal, nav: [] }))).toMatchObject([{ path: 'nav', message: '至少要有一项' }]);
  });

  it('accepts filing numbers and rejects unknown ones', () => {
    const filing = { icp: '苏ICP备12345678号', psb: '苏公网安备 32120000000000号', siteCode: '3212000000' };
    expect(dataOf(siteConfigSchema.safeParse({ ...minimal, filing })).filing).toEqual({ ...filing, reminder: true });
    expect(dataOf(siteConfigSchema.safeParse({ ...minimal, filing: { reminder: false } })).filing).toEqual({ reminder: false });
    expect(issuesOf(siteConfigSchema.safeParse({ ...minimal, filing: { beian: 'x' } }))).toMatchObject([
      { path: 'filing', code: 'unrecognized_keys' },
    ]);
  });

  it('rejects a config without title and url', () => {
    expect(issuesOf(siteConfigSchema.safeParse({})).map((i) => [i.path, i.code])).toEqual([
      ['title', 'invalid_type'],
      ['url', 'invalid_type'],
    ]);
  });
});
