/**
 * Colour maths for the configured theme colour: WCAG 2.x contrast, and the two palettes (normal
 * and 适老化 "elder" mode) derived from it. Any theme colour an editor picks must still give
 * readable text, so the palette adjusts the colour instead of trusting it.
 */
import { memo } from './memo';

/** An sRGB colour as three 0–255 channels. */
type Rgb = readonly [number, number, number];

const HEX = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i;

const WHITE = '#ffffff';
const BLACK = '#000000';
/** Body text of normal mode: near-black reads softer than pure black on white. */
const DARK_TEXT = '#1a1a1a';

/** WCAG AA for body text. */
const AA = 4.5;
/** WCAG AAA for body text: the floor of elder mode. */
const AAA = 7;
/** WCAG 1.4.11 non-text contrast, for borders that outline controls. */
const NON_TEXT = 3;

/** How far toward white the theme is mixed for panels: a faint tint of the theme. */
const SURFACE_TINT = 0.94;
/** Steps from the colour to black or white in `ensureContrast`; 1% keeps the hue where it can. */
const STEPS = 100;

function parseHex(color: string): Rgb {
  const match = HEX.exec(color.trim());
  if (!match) throw new Error(`颜色“${color}”应写成 # 加 6 位十六进制，如 #1f4e9c`);
  return [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16)];
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('')}`;
}

/** `amount` 0 gives `from`, 1 gives `to`; mixed per channel in sRGB and rounded to whole values. */
function mix(from: Rgb, to: Rgb, amount: number): string {
  const channel = (i: 0 | 1 | 2) => from[i] + (to[i] - from[i]) * amount;
  return toHex([channel(0), channel(1), channel(2)]);
}

/** WCAG 2.x relative luminance, 0 (black) to 1 (white). */
function luminance(color: string): number {
  const [r, g, b] = parseHex(color);
  return 0.2126 * linearChannel(r) + 0.7152 * linearChannel(g) + 0.0722 * linearChannel(b);
}

function linearChannel(channel: number): number {
  const c = channel / 255;
  // WCAG writes 0.03928 (from an sRGB draft) where sRGB has 0.04045; no 8-bit value lies between.
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2.x contrast ratio of two `#rrggbb` colours, from 1 (same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** '#ffffff' or '#1a1a1a', whichever contrasts more with the background (dark text on a tie). */
export function readableTextOn(background: string): string {
  return contrastRatio(WHITE, background) > contrastRatio(DARK_TEXT, background) ? WHITE : DARK_TEXT;
}

/**
 * `color` (lower-cased) if it already reaches `min` against `against`; otherwise the colour mixed in
 * 1% steps toward black (when `against` is light) or white (when it is dark) until it does. When
 * no mix can reach `min` (a mid grey cannot give 7:1 either way) the result is pure black or white,
 * the best there is.
 */
export function ensureContrast(color: string, against: string, min: number): string {
  const from = parseHex(color);
  const start = toHex(from);
  if (contrastRatio(start, against) >= min) return start;
  // "Light" means black contrasts with it more than white does.
  const target = contrastRatio(BLACK, against) >= contrastRatio(WHITE, against) ? BLACK : WHITE;
  const to = parseHex(target);
  for (let step = 1; step < STEPS; step++) {
    const mixed = mix(from, to, step / STEPS);
    if (contrastRatio(mixed, against) >= min) return mixed;
  }
  return target;
}

/** The colours of one display mode, by role. Every value is `#rrggbb` lower-case. */
export interface PaletteColors {
  /** Theme colour as a fill (header, buttons), adjusted so `onTheme` text reads on it. */
  theme: string;
  /** Text on a `theme` fill. */
  onTheme: string;
  /** Links and accents on `background` and `surface`. */
  link: string;
  /** Body text. */
  text: string;
  /** Secondary text (dates, sources), still readable on `background` and `surface`. */
  muted: string;
  /** Page background. */
  background: string;
  /** Panels and cards: a faint tint of the theme. */
  surface: string;
  /** Outlines of cards and controls, at least 3:1 against `background` and `surface`. */
  border: string;
}

/** Banners are drawn in a fixed deep red that holds 7:1 with white, whatever the theme. */
const BANNER = '#8b1a1a';

/**
 * A palette as the CSS custom properties the stylesheets use: `--c-<role>` (`onTheme` →
 * `--c-on-theme`), plus `--c-banner`, written as declarations for a `:root` rule. The one place
 * these names are made, so a stylesheet's `var(--c-…)` can be checked against them.
 */
export function paletteDeclarations(colors: PaletteColors): string {
  return Object.entries({ ...colors, banner: BANNER })
    .map(([role, value]) => `--c-${role.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}:${value}`)
    .join(';');
}

/**
 * The stylesheet that colours a site: the normal palette, the elder palette in 大字模式, and the
 * elder palette for readers whose system asks for more contrast unless they chose the normal mode.
 */
export function paletteStyles(theme: string): string {
  const { normal, elder } = themePalette(theme);
  return `:root{${paletteDeclarations(normal)}}:root[data-mode='elder']{${paletteDeclarations(elder)}}@media (prefers-contrast: more){:root:not([data-mode='normal']){${paletteDeclarations(elder)}}}`;
}

/** The normal palette and the 适老化 (elder) palette of one theme colour. */
export interface ThemePalette {
  /** Every text pair at least 4.5:1 (WCAG AA). */
  normal: PaletteColors;
  /** Every text pair at least 7:1 (WCAG AAA). */
  elder: PaletteColors;
}

/** Mixes until `color` reaches `min` against every one of the (all light) backgrounds. */
function ensureContrastOnAll(color: string, against: readonly string[], min: number): string {
  // Each pass only darkens, so a colour fixed for a later background still suits the earlier ones;
  // the loop is a guard rather than something the light backgrounds here ever need twice.
  let result = color;
  for (let pass = 0; pass < against.length; pass++) {
    for (const background of against) result = ensureContrast(result, background, min);
  }
  return result;
}

interface ModeSpec {
  min: number;
  text: string;
  /** Text on the theme fill, chosen for the (unadjusted) theme colour. */
  onThemeOf: (theme: string) => string;
  muted: string;
  border: string;
  borderMin: number;
}

function paletteFor(theme: string, spec: ModeSpec): PaletteColors {
  const rgb = parseHex(theme);
  const background = WHITE;
  const surface = mix(rgb, parseHex(WHITE), SURFACE_TINT);
  const onTheme = spec.onThemeOf(theme);
  const backgrounds = [background, surface] as const;
  return {
    theme: ensureContrast(theme, onTheme, spec.min),
    onTheme,
    link: ensureContrastOnAll(theme, backgrounds, spec.min),
    text: ensureContrastOnAll(spec.text, backgrounds, spec.min),
    muted: ensureContrastOnAll(spec.muted, backgrounds, spec.min),
    background,
    surface,
    border: ensureContrastOnAll(spec.border, backgrounds, spec.borderMin),
  };
}

/**
 * Both palettes of a `#rrggbb` theme colour. The theme keeps its hue but is darkened or lightened
 * as far as needed for its text; links are the theme darkened to read on white and on the tinted
 * surface. Normal mode meets 4.5:1 for every text pair, elder mode 7:1 with pure black text.
 */
export function themePalette(theme: string): ThemePalette {
  // Every page asks for its site's palette: searching for contrast 2,500 times cost ≈ 0.4 s a build.
  return palettes.get(theme, () => ({
    normal: paletteFor(theme, {
      min: AA,
      text: DARK_TEXT,
      onThemeOf: readableTextOn,
      muted: '#555555',
      border: '#8c8c8c',
      borderMin: NON_TEXT,
    }),
    elder: paletteFor(theme, {
      min: AAA,
      text: BLACK,
      onThemeOf: (color) => (contrastRatio(WHITE, color) > contrastRatio(BLACK, color) ? WHITE : BLACK),
      muted: '#404040',
      // Elder mode outlines controls more strongly than the 3:1 minimum.
      border: '#666666',
      borderMin: AA,
    }),
  }));
}

const palettes = memo<ThemePalette>(16);
