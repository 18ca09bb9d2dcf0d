import { describe, expect, it } from 'vitest';
import { contrastRatio, ensureContrast, readableTextOn, themePalette, type PaletteColors } from '../../src/lib/color';
import { THEME_PRESETS } from '../../src/lib/themes';

const HEX = /^#[0-9a-f]{6}$/;

describe('contrastRatio', () => {
  it.each([
    { a: '#000000', b: '#ffffff', ratio: 21 },
    { a: '#ffffff', b: '#ffffff', ratio: 1 },
    { a: '#1f4e9c', b: '#1f4e9c', ratio: 1 },
  ])('gives $ratio for $a on $b', ({ a, b, ratio }) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 10);
  });

  it.each([
    // Reference values from the WebAIM contrast checker.
    { a: '#767676', b: '#ffffff', ratio: 4.54 },
    { a: '#777777', b: '#ffffff', ratio: 4.48 },
    { a: '#595959', b: '#ffffff', ratio: 7 },
    { a: '#0000ff', b: '#ffffff', ratio: 8.59 },
    { a: '#ff0000', b: '#000000', ratio: 5.25 },
  ])('matches the WCAG 2 value $ratio for $a on $b', ({ a, b, ratio }) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 2);
  });

  it('does not depend on the order of the two colours', () => {
    expect(contrastRatio('#ffcc00', '#1a1a1a')).toBe(contrastRatio('#1a1a1a', '#ffcc00'));
  });

  it('reads upper-case hex digits', () => {
    expect(contrastRatio('#1F4E9C', '#FFFFFF')).toBe(contrastRatio('#1f4e9c', '#ffffff'));
  });

  it.each(['1f4e9c', '#1f4e9', '#fff', 'blue', '#1f4e9cff', '#gggggg'])('rejects %j with a hint on how to write a colour', (bad) => {
    expect(() => contrastRatio(bad, '#ffffff')).toThrow(`颜色“${bad}”应写成 # 加 6 位十六进制，如 #1f4e9c`);
  });
});

describe('readableTextOn', () => {
  it.each([
    { background: '#ffffff', text: '#1a1a1a' },
    { background: '#000000', text: '#ffffff' },
    { background: '#1f4e9c', text: '#ffffff' },
    { background: '#d32f2f', text: '#ffffff' },
    { background: '#ffcc00', text: '#1a1a1a' },
    { background: '#e0f0ff', text: '#1a1a1a' },
  ])('puts $text on $background', ({ background, text }) => {
    expect(readableTextOn(background)).toBe(text);
  });

  it('picks whichever text colour contrasts more, even on a mid grey', () => {
    const text = readableTextOn('#808080');
    const other = text === '#ffffff' ? '#1a1a1a' : '#ffffff';
    expect(contrastRatio(text, '#808080')).toBeGreaterThan(contrastRatio(other, '#808080'));
  });
});

describe('ensureContrast', () => {
  it('returns a colour that already reaches the ratio unchanged, in lower case', () => {
    expect(ensureContrast('#1F4E9C', '#ffffff', 4.5)).toBe('#1f4e9c');
  });

  it.each([
    { color: '#ffcc00', against: '#ffffff', min: 4.5 },
    { color: '#ffcc00', against: '#ffffff', min: 7 },
    { color: '#e0f0ff', against: '#f2f4f9', min: 4.5 },
    { color: '#ffffff', against: '#ffffff', min: 4.5 },
    { color: '#d32f2f', against: '#ffffff', min: 7 },
  ])('darkens $color until it reaches $min on the light $against', ({ color, against, min }) => {
    const result = ensureContrast(color, against, min);
    expect(result).toMatch(HEX);
    expect(contrastRatio(result, against)).toBeGreaterThanOrEqual(min);
    expect(contrastRatio(result, '#000000')).toBeLessThan(contrastRatio(color, '#000000'));
  });

  it.each([
    { color: '#1f4e9c', against: '#000000', min: 4.5 },
    { color: '#1f4e9c', against: '#1a1a1a', min: 7 },
    { color: '#000000', against: '#000000', min: 4.5 },
  ])('lightens $color until it reaches $min on the dark $against', ({ color, against, min }) => {
    const result = ensureContrast(color, against, min);
    expect(result).toMatch(HEX);
    expect(contrastRatio(result, against)).toBeGreaterThanOrEqual(min);
    expect(contrastRatio(result, '#ffffff')).toBeLessThan(contrastRatio(color, '#ffffff'));
  });

  it('mixes only as far as needed, keeping as much of the colour as it can', () => {
    const result = ensureContrast('#ffcc00', '#ffffff', 4.5);
    expect(contrastRatio(result, '#ffffff')).toBeLessThan(4.8);
    // Still a yellow-brown: red above green above blue.
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(result.slice(i, i + 2), 16));
    expect(r).toBeGreaterThan(g!);
    expect(g).toBeGreaterThan(b!);
  });

  it('gives pure black or white when no mix can reach the ratio', () => {
    // Neither black (4.7:1) nor white (4.5:1) reaches 7:1 on this grey.
    expect(ensureContrast('#777777', '#777777', 7)).toBe('#000000');
  });
});

describe('themePalette', () => {
  // The presets a unit picks by name, and custom colours from the easy to the hopeless.
  const THEMES = [...Object.values(THEME_PRESETS).map((preset) => preset.color), '#ffcc00', '#e0f0ff', '#000000', '#ffffff', '#d32f2f', '#777777', '#00ff00', '#1F4E9C'];

  /** Every text/background pair of a mode. */
  const textPairs = (c: PaletteColors) => ({
    'theme/onTheme': [c.theme, c.onTheme],
    'link/background': [c.link, c.background],
    'link/surface': [c.link, c.surface],
    'text/background': [c.text, c.background],
    'text/surface': [c.text, c.surface],
    'muted/background': [c.muted, c.background],
    'muted/surface': [c.muted, c.surface],
  });

  const cases = THEMES.flatMap((theme) => [
    { theme, mode: 'normal' as const, min: 4.5 },
    { theme, mode: 'elder' as const, min: 7 },
  ]);

  it.each(cases)('gives every text pair of $theme at least $min:1 in $mode mode', ({ theme, mode, min }) => {
    const colors = themePalette(theme)[mode];
    const failing = Object.entries(textPairs(colors))
      .map(([pair, [fg, bg]]) => ({ pair, ratio: contrastRatio(fg!, bg!) }))
      .filter(({ ratio }) => ratio < min);
    expect(failing).toEqual([]);
  });

  it.each(cases)('outlines controls on $theme in $mode mode with at least 3:1 borders', ({ theme, mode }) => {
    const colors = themePalette(theme)[mode];
    expect(contrastRatio(colors.border, colors.background)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(colors.border, colors.surface)).toBeGreaterThanOrEqual(3);
  });

  it.each(THEMES)('writes every colour of %s as lower-case #rrggbb', (theme) => {
    const { normal, elder } = themePalette(theme);
    for (const value of [...Object.values(normal), ...Object.values(elder)]) expect(value).toMatch(HEX);
  });

  it.each(THEMES)('puts the text readableTextOn chooses on the %s fill in normal mode', (theme) => {
    expect(themePalette(theme).normal.onTheme).toBe(readableTextOn(theme));
  });

  it('keeps a theme colour that already reads well, police blue, as it is', () => {
    const { normal, elder } = themePalette('#1f4e9c');
    expect(normal).toMatchObject({ theme: '#1f4e9c', onTheme: '#ffffff', link: '#1f4e9c' });
    expect(elder).toMatchObject({ theme: '#1f4e9c', onTheme: '#ffffff', link: '#1f4e9c' });
  });

  it('darkens a light theme colour for links but keeps it as a fill under dark text', () => {
    const { normal } = themePalette('#ffcc00');
    expect(normal.theme).toBe('#ffcc00');
    expect(normal.onTheme).toBe('#1a1a1a');
    expect(normal.link).not.toBe('#ffcc00');
  });

  it('darkens the mid red fill in elder mode, where white text needs 7:1', () => {
    const { normal, elder } = themePalette('#d32f2f');
    expect(normal.theme).toBe('#d32f2f');
    expect(elder.theme).not.toBe('#d32f2f');
    expect(elder.onTheme).toBe('#ffffff');
  });

  it('uses a white page with near-black text in normal mode and pure black text in elder mode', () => {
    const { normal, elder } = themePalette('#1f4e9c');
    expect(normal).toMatchObject({ background: '#ffffff', text: '#1a1a1a' });
    expect(elder).toMatchObject({ background: '#ffffff', text: '#000000' });
  });

  it('tints the surface with the theme colour', () => {
    const { surface } = themePalette('#1f4e9c').normal;
    expect(surface).not.toBe('#ffffff');
    // Bluish: blue channel highest.
    expect(parseInt(surface.slice(5, 7), 16)).toBeGreaterThan(parseInt(surface.slice(1, 3), 16));
  });

  it('gives the same palette for the same colour written in upper case', () => {
    expect(themePalette('#1F4E9C')).toEqual(themePalette('#1f4e9c'));
  });
});
