import { z } from 'astro/zod';
import { enumValues, APPROXIMATIONS } from '../lib/labels';
import { parsedValue, readAs, textShape } from './parsed';

/** How the source qualifies a figure: `over` (余, more than) or `about` (约). */
export const approxSchema = z.enum(enumValues(APPROXIMATIONS));

/**
 * The largest figure: a trillion (万亿). YAML reads `.inf` and `1e308` as numbers; nothing a unit
 * counts comes near, and the Chinese formatting of such values is nonsense.
 */
export const MAX_FIGURE = 1e12;

/** A number written as text, as spreadsheets and careful authors quote it: `"95000"`, `"9.5"`. */
export const NUMBER_TEXT_PATTERN = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;

function readFigure(input: unknown): { ok: true; value: number } | { ok: false; reason: string } {
  if (typeof input === 'number') return { ok: true, value: input };
  if (typeof input === 'string' && NUMBER_TEXT_PATTERN.test(input)) return { ok: true, value: Number(input) };
  return { ok: false, reason: '应为数字' };
}

/** A non-negative figure. Quoted numbers from spreadsheets ("95000") are accepted too. */
export const figureSchema = parsedValue([z.number(readAs(readFigure)), textShape(readFigure, NUMBER_TEXT_PATTERN)], readFigure, 'figure').pipe(
  z.number().nonnegative('不能是负数').max(MAX_FIGURE, '请核对这个数字：不能超过一万亿'),
);
