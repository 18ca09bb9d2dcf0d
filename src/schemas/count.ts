import { z } from 'astro/zod';
import { enumValues, APPROXIMATIONS } from '../lib/labels';

/** How the source qualifies a figure: `over` (余, more than) or `about` (约). */
export const approxSchema = z.enum(enumValues(APPROXIMATIONS)).describe('约数');

/**
 * The largest figure: a trillion (万亿). YAML reads `.inf` and `1e308` as numbers; nothing a unit
 * counts comes near, and the Chinese formatting of such values is nonsense.
 */
export const MAX_FIGURE = 1e12;

/** A non-negative figure. Quoted numbers from spreadsheets ("95000") are accepted too. */
export const figureSchema = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value),
  z.number({ invalid_type_error: '应为数字' }).nonnegative('不能是负数').max(MAX_FIGURE, '请核对这个数字：不能超过一万亿'),
);
