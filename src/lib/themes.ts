/**
 * The theme presets a unit picks by name in site.config.yaml (`theme: party-red`), and the colour
 * a site is drawn in. Each preset is one colour: the palettes of both display modes are derived
 * from it (src/lib/color.ts), so every preset meets the contrast rules the way any custom
 * `themeColor` does.
 */
import { normalizeText } from './normalize-text';

export const THEME_PRESETS = {
  /** The default: the blue of police uniforms and signage. */
  'police-blue': { label: '公安蓝', color: '#1f4e9c' },
  /** For party-building (党建) pages and units that lead with them. */
  'party-red': { label: '党建红', color: '#c8161d' },
  /** Fire and rescue: the orange-red of 消防 vehicles, darkened where text needs it. */
  'fire-red': { label: '消防红', color: '#d5401c' },
  /** A quiet slate for hospitals, offices, or any unit that wants no strong colour. */
  neutral: { label: '素雅灰', color: '#44505c' },
} as const;

export type ThemePreset = keyof typeof THEME_PRESETS;

export const DEFAULT_THEME: ThemePreset = 'police-blue';

/** The colour a site is drawn in: its own `themeColor` when it gives one, else its preset's. */
export function siteThemeColor(config: { theme: ThemePreset; themeColor?: string | undefined }): string {
  return config.themeColor ?? THEME_PRESETS[config.theme].color;
}

/**
 * The preset a clerk named in Chinese (公安蓝) or by code (party-red), if any: typed in full width,
 * padded with a full-width space or pasted with invisible characters too.
 */
export function presetNamed(typed: string): ThemePreset | undefined {
  const name = normalizeText(typed, { origins: false }).text.trim();
  return (Object.keys(THEME_PRESETS) as ThemePreset[]).find((key) => key === name || THEME_PRESETS[key].label === name);
}
