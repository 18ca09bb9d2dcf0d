/**
 * Periods of the points system (月晒·季评·年考): a month (`2021-03`), a quarter (`2021-Q1`) or a
 * year (`2021`). Points are entered per month only; quarters and years are always computed from
 * the months they contain, so one name (`pointsPeriod`) and one key serve the honours field, the
 * boards and their URLs.
 */

export type PointsPeriodKind = 'month' | 'quarter' | 'year';

export interface PointsPeriod {
  kind: PointsPeriodKind;
  year: number;
  /** 1–4 for a quarter, null otherwise. */
  quarter: number | null;
  /** 1–12 for a month, null otherwise. */
  month: number | null;
  /** Canonical text, as authors write it: `2021`, `2021-Q1`, `2021-03`. */
  key: string;
}

/** How a period is written: `2021`, `2021-Q1` (or `2021-q1`), `2021-03` (or `2021-3`). */
export const POINTS_PERIOD_PATTERN = /^(\d{4})(?:-(?:[Qq]([1-4])|(\d{1,2})))?$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** Builds a period from its parts, with its canonical key. */
export function makePointsPeriod(year: number, part: { quarter?: number; month?: number } = {}): PointsPeriod {
  if (part.month !== undefined) return { kind: 'month', year, quarter: null, month: part.month, key: `${year}-${pad(part.month)}` };
  if (part.quarter !== undefined) return { kind: 'quarter', year, quarter: part.quarter, month: null, key: `${year}-Q${part.quarter}` };
  return { kind: 'year', year, quarter: null, month: null, key: String(year) };
}

/** Reads `2021`, `2021-Q1` (or `2021-q1`) or `2021-03` (or `2021-3`); the reason in Chinese otherwise. */
export function parsePointsPeriod(input: unknown): { ok: true; value: PointsPeriod } | { ok: false; reason: string } {
  const text = typeof input === 'number' ? String(input) : typeof input === 'string' ? input.trim() : null;
  const match = text === null ? null : POINTS_PERIOD_PATTERN.exec(text);
  if (!match) return { ok: false, reason: `${text === null ? '这个值' : `“${text}”`}不是积分期间，应写成 2021（年度）、2021-Q1（季度）或 2021-03（月份）` };
  const year = Number(match[1]);
  if (year < 1900 || year > 2200) return { ok: false, reason: `年份 ${year} 不在合理范围内` };
  if (match[2] !== undefined) return { ok: true, value: makePointsPeriod(year, { quarter: Number(match[2]) }) };
  if (match[3] !== undefined) {
    const month = Number(match[3]);
    if (month < 1 || month > 12) return { ok: false, reason: `月份 ${month} 不存在（应为 1–12）` };
    return { ok: true, value: makePointsPeriod(year, { month }) };
  }
  return { ok: true, value: makePointsPeriod(year) };
}

const QUARTER_NAMES = ['一', '二', '三', '四'];

/** 2021年3月 / 2021年第一季度 / 2021年度. */
export function formatPointsPeriod(period: PointsPeriod): string {
  if (period.kind === 'month') return `${period.year}年${period.month}月`;
  if (period.kind === 'quarter') return `${period.year}年第${QUARTER_NAMES[period.quarter! - 1]}季度`;
  return `${period.year}年度`;
}

/** What the unit calls a board of this kind: 月晒, 季评, 年考. */
export const BOARD_NAMES: Record<PointsPeriodKind, string> = { month: '月晒', quarter: '季评', year: '年考' };

/** The last part of the board's URL: `2021-03`, `2021-q1`, `2021` (lower case, as every URL of the site). */
export function pointsPeriodSlug(period: PointsPeriod): string {
  return period.key.toLowerCase();
}

/** The quarter (1–4) a month (1–12) belongs to. */
export function quarterOf(month: number): number {
  return Math.ceil(month / 3);
}

/** Whether `month` (a month period's key, `2021-03`) lies inside `period`. */
export function periodContainsMonth(period: PointsPeriod, monthKey: string): boolean {
  const parsed = parsePointsPeriod(monthKey);
  if (!parsed.ok || parsed.value.kind !== 'month') return false;
  const month = parsed.value;
  if (month.year !== period.year) return false;
  if (period.kind === 'year') return true;
  if (period.kind === 'quarter') return quarterOf(month.month!) === period.quarter;
  return month.month === period.month;
}

/** The quarter and year a month belongs to: the periods computed from it. */
export function enclosingPeriods(monthKey: string): PointsPeriod[] {
  const parsed = parsePointsPeriod(monthKey);
  if (!parsed.ok || parsed.value.kind !== 'month') return [];
  const { year, month } = parsed.value;
  return [makePointsPeriod(year, { quarter: quarterOf(month!) }), makePointsPeriod(year)];
}
