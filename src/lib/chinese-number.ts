/**
 * Chinese presentation of figures, by one rule (the authoring guide's 「数字的显示方式」 quotes it):
 *
 * - below 1万 a figure is written in full: 386, 2100, 9999, 2.5;
 * - from 1万 on, it is written with 亿 or 万 when that needs at most one decimal — 1.2亿, 9.5万,
 *   12万, 34500万 — as GB/T 15835-2011 (出版物上数字用法) allows 万 and 亿 as units of large numbers;
 * - otherwise in full, digit for digit as the source gave it: 12345, 123456, 10500.
 *
 * So an exact figure is never rounded (no 1.2万 for 12345) and never shown with a tail of decimals
 * (no 1.2345万), and a figure a clerk wrote as 9.5万 (95000 in the file, or 9.5万 in a spreadsheet)
 * reads 9.5万 again. Figures read together, such as the labels of a chart's axis, share one unit:
 * 万 only when every one of them can be written in 万.
 */

/** How the source qualifies a figure: 余 (more than) or 约 (about). */
export type Approximation = 'over' | 'about';

/** A figure as the source states it. */
export interface Count {
  value: number;
  /** The counting word: 起, 人次, 辆次, 面, 封 … May be empty. */
  unit: string;
  approx: Approximation | null;
}

/** The large units, largest first. */
const SCALES = [
  { size: 100_000_000, name: '亿' },
  { size: 10_000, name: '万' },
] as const;

/** The figure in full, as JavaScript reads the source's digits back: 12345, 2.5, 0.125. */
function inFull(value: number): string {
  const text = String(value);
  // Exponent notation only for values no unit counts (below a millionth); write them out too.
  return text.includes('e') ? value.toFixed(20).replace(/\.?0+$/, '') : text;
}

/** Whether `value` is a whole or one-decimal number of `size`, and at least one of it. */
function fitsScale(value: number, size: number): boolean {
  const abs = Math.abs(value);
  // A tenth of the scale is a whole number, so the division is exact for integer figures.
  return abs >= size && Number.isInteger(abs / (size / 10));
}

/** `value` written in `size`: 95000 in 万 → 9.5万. */
function inScale(value: number, scale: (typeof SCALES)[number]): string {
  // Through tenths, so 1.2 is not 1.2000000000000002.
  return `${Math.round(value / (scale.size / 10)) / 10}${scale.name}`;
}

/**
 * Figures that are read together (a chart's axis), written with one shared unit: 万 or 亿 when every
 * figure other than 0 can be written so, else every one in full. [0, 20000, 40000] → 0, 2万, 4万;
 * [0, 5000, 10000] → 0, 5000, 10000.
 */
export function formatChineseNumbers(values: readonly number[]): string[] {
  const scale = SCALES.find(({ size }) => values.every((v) => v === 0 || fitsScale(v, size)) && values.some((v) => v !== 0));
  return values.map((v) => (scale && v !== 0 ? inScale(v, scale) : inFull(v)));
}

/** One figure: 2100 → 2100, 95000 → 9.5万, 12345 → 12345, 120000000 → 1.2亿. */
export function formatChineseNumber(value: number): string {
  return formatChineseNumbers([value])[0]!;
}

/** 9.5万余人次, 约60次, 386起. */
export function formatCount(count: Count): string {
  const number = formatChineseNumber(count.value);
  if (count.approx === 'over') return `${number}余${count.unit}`;
  if (count.approx === 'about') return `约${number}${count.unit}`;
  return `${number}${count.unit}`;
}
