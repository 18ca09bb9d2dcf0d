/**
 * The mark drawn beside an honour: a medal for an individual's, a pennant (锦旗) for a collective's,
 * carrying the first character of its level (国 省 市 县 局) in a colour of that level. Shape and
 * character tell the honour apart without colour; the text badges beside it say it in words.
 */
import type { HONOR_LEVELS, HONOR_SCOPES } from './labels';

export type HonorScope = keyof typeof HONOR_SCOPES;
export type HonorLevel = keyof typeof HONOR_LEVELS;

export interface HonorMark {
  shape: 'medal' | 'pennant';
  /** One character, white on `fill`. */
  glyph: string;
  /** `#rrggbb`: 4.5:1 under the white glyph, 3:1 against a white page. */
  fill: string;
}

/** By level, highest first: gold, red, blue, green, violet; grey for other and unstated levels. */
const LEVEL_MARKS: Record<HonorLevel, { glyph: string; fill: string }> = {
  national: { glyph: '国', fill: '#8a6a00' },
  provincial: { glyph: '省', fill: '#b3261e' },
  municipal: { glyph: '市', fill: '#1f4e9c' },
  district: { glyph: '县', fill: '#2f6b34' },
  bureau: { glyph: '局', fill: '#5b478f' },
  other: { glyph: '荣', fill: '#545454' },
};

export function honorMark(scope: HonorScope, level: HonorLevel | undefined): HonorMark {
  return { shape: scope === 'collective' ? 'pennant' : 'medal', ...LEVEL_MARKS[level ?? 'other'] };
}
