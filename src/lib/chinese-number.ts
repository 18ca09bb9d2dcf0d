/**
 * Chinese presentation of counts: 95000 people "over" → 9.5万余人次, 386 → 386起, 1.2亿.
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

const WAN = 10_000;
const YI = 100_000_000;

/** Up to four decimals, trailing zeros dropped: 9.5, 1.2345, 3. */
function trimDecimals(n: number): string {
  return n.toFixed(4).replace(/\.?0+$/, '');
}

/** 2100 → 2100, 95000 → 9.5万, 120000000 → 1.2亿. Values under 10,000 are written out in full. */
export function formatChineseNumber(value: number): string {
  // Decide the unit on the rounded value, so 99,999,999.99 reads 1亿, not 10000万.
  const abs = Math.abs(value);
  if (abs >= YI || Number(trimDecimals(abs / WAN)) >= WAN) return `${trimDecimals(value / YI)}亿`;
  if (abs >= WAN || Number(trimDecimals(abs)) >= WAN) return `${trimDecimals(value / WAN)}万`;
  return trimDecimals(value);
}

/** 9.5万余人次, 约60次, 386起. */
export function formatCount(count: Count): string {
  const number = formatChineseNumber(count.value);
  if (count.approx === 'over') return `${number}余${count.unit}`;
  if (count.approx === 'about') return `约${number}${count.unit}`;
  return `${number}${count.unit}`;
}
