import { describe, expect, it } from 'vitest';
import { chooseSlides, KIOSK_LIMITS, readSeconds, relativePath, type KioskSource } from '../../src/lib/kiosk';
import { kioskConfigSchema, siteConfigSchema } from '../../src/schemas/site-config';
import { dataOf, issuesOf } from './helpers/schema-context';

const officer = (id: string, featured = false) => ({ id, data: { featured } });
const entries = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i + 1}` }));
const ids = (source: KioskSource, limits?: typeof KIOSK_LIMITS) => chooseSlides(source, limits).map((s) => ('id' in s ? s.id : s.kind));

describe('chooseSlides', () => {
  it('opens with the unit and its figures, then takes role models, honours and letters in turn', () => {
    const source = { officers: [officer('o1', true), officer('o2', true)], honors: entries('h', 3), letters: entries('l', 1), figures: true };
    expect(ids(source)).toEqual(['unit', 'figures', 'o1', 'h1', 'l1', 'o2', 'h2', 'h3']);
  });

  it('shows only the featured role models, in the catalog’s order, and every one when none is featured (as the home page)', () => {
    const officers = [officer('a', true), officer('b'), officer('c', true)];
    expect(ids({ officers, honors: [], letters: [], figures: false })).toEqual(['unit', 'a', 'c']);
    expect(ids({ officers: [officer('x'), officer('y')], honors: [], letters: [], figures: false })).toEqual(['unit', 'x', 'y']);
  });

  it('keeps to the limits, newest honours and letters first as the catalog gives them', () => {
    const slides = chooseSlides({ officers: [], honors: entries('h', 20), letters: entries('l', 20), figures: false });
    expect(slides.filter((s) => s.kind === 'honors').map((s) => ('id' in s ? s.id : ''))).toEqual(entries('h', KIOSK_LIMITS.honors).map((h) => h.id));
    expect(slides.filter((s) => s.kind === 'letters')).toHaveLength(KIOSK_LIMITS.letters);
  });

  it('has a slide even for a unit just started: its title card, no figures', () => {
    expect(chooseSlides({ officers: [], honors: [], letters: [], figures: false })).toEqual([{ kind: 'unit' }]);
  });
});

describe('relativePath', () => {
  it.each([
    ['/kiosk/', '/_astro/wang-xiang.abc.webp', '../_astro/wang-xiang.abc.webp'],
    ['/rongyu/kiosk/', '/rongyu/_astro/a.webp', '../_astro/a.webp'],
    ['/rongyu/kiosk/', '/rongyu/favicon.svg', '../favicon.svg'],
    ['/kiosk/', '/kiosk/', './'],
    ['/kiosk/', '/kiosk/a.png', './a.png'],
    ['/a/b/kiosk/', '/c/d.png', '../../../c/d.png'],
    ['/kiosk/', '/_image?href=%2Fsrc%2Fa.png&w=512', '../_image?href=%2Fsrc%2Fa.png&w=512'],
    ['/kiosk/', 'data:,', 'data:,'],
    ['/kiosk/', 'https://example.com/a.png', 'https://example.com/a.png'],
    ['/kiosk/', '//cdn.example.com/a.png', '//cdn.example.com/a.png'],
  ])('from %s, %s is %s', (from, target, expected) => {
    expect(relativePath(from, target)).toBe(expected);
    // Resolved as the browser resolves it, it is the same file.
    if (target.startsWith('/') && !target.startsWith('//')) expect(new URL(expected, `file:///D:/site${from}`).href).toBe(new URL(`.${target}`, 'file:///D:/site/').href);
  });
});

describe('readSeconds and kiosk timings in site.config.yaml', () => {
  it.each([
    [45, 45],
    ['45', 45],
    ['４５', 45],
    ['\u3000４５秒', 45],
    ['45 秒钟', 45],
    ['45s', 45],
    ['\u200b45\u00a0', 45],
  ])('reads %j as %i seconds', (typed, seconds) => {
    expect(readSeconds(typed)).toBe(seconds);
    expect(dataOf(kioskConfigSchema.safeParse({ idleSeconds: typed })).idleSeconds).toBe(seconds);
  });

  it('waits 60 seconds and shows each slide 10 seconds when the config says nothing', () => {
    expect(dataOf(siteConfigSchema.safeParse({ title: '荣誉榜', url: 'https://example.com' })).kiosk).toEqual({ idleSeconds: 60, advanceSeconds: 10 });
  });

  it.each([
    [{ idleSeconds: 5 }, 'idleSeconds', '应为 10 到 3600 之间的整数秒，如 60'],
    [{ idleSeconds: '一分钟' }, 'idleSeconds', '应为 10 到 3600 之间的整数秒，如 60'],
    [{ idleSeconds: 7200 }, 'idleSeconds', '应为 10 到 3600 之间的整数秒，如 60'],
    [{ advanceSeconds: 2.5 }, 'advanceSeconds', '应为 3 到 120 之间的整数秒，如 10'],
    [{ advanceSeconds: '-5' }, 'advanceSeconds', '应为 3 到 120 之间的整数秒，如 10'],
  ])('refuses %j with one message in Chinese', (config, field, message) => {
    expect(issuesOf(kioskConfigSchema.safeParse(config))).toMatchObject([{ path: field, message }]);
  });

  it('refuses a misspelt key instead of ignoring it', () => {
    expect(issuesOf(kioskConfigSchema.safeParse({ idleSecond: 30 }))).toMatchObject([{ code: 'unrecognized_keys' }]);
  });
});
