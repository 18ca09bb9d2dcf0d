/**
 * The points boards (月晒·季评·年考): each unit enters its members' points once per month; a
 * quarter's and a year's totals are sums of those months, computed here and never entered twice.
 * Members are ranked by total with standard competition ranking (1, 1, 3), ties in a stable order.
 */
import { compareIds } from './entry-id';
import { enclosingPeriods, makePointsPeriod, parsePointsPeriod, periodContainsMonth, type PointsPeriod } from './points-period';

/** What the boards read of a points file; collection entries fit it as they are. */
export interface PointsFileLike {
  id: string;
  data: {
    unit: { id: string };
    /** `YYYY-MM`. */
    month: string;
    entries: readonly { officer: { id: string }; points: Readonly<Record<string, number>>; note?: string | undefined }[];
  };
}

/** One member's line on a board. */
export interface BoardRow {
  officer: string;
  /** Points per category, in the order of `Board.categories`. */
  points: number[];
  total: number;
  /** 1-based; members with the same total share a rank, and the next rank skips (1, 1, 3). */
  rank: number;
  /** Whether another member has the same rank. */
  tied: boolean;
  /** Remarks of the months counted, oldest first. */
  notes: string[];
}

/** One unit's ranking for one period. */
export interface Board {
  unit: string;
  period: PointsPeriod;
  categories: readonly string[];
  /** Keys of the months that had points (`2021-03`), oldest first. */
  months: string[];
  rows: BoardRow[];
}

/** Sums without floating-point noise: 0.1 + 0.2 is 0.3 here. */
function add(a: number, b: number): number {
  return Number((a + b).toPrecision(12));
}

/**
 * Standard competition ranking of rows already sorted by total, highest first: equal totals share
 * the rank of the first of them, and the next total's rank counts everyone above it.
 */
export function rankByTotal<R extends { total: number }>(rows: readonly R[]): (R & { rank: number; tied: boolean })[] {
  return rows.map((row, index) => {
    let first = index;
    while (first > 0 && rows[first - 1]!.total === row.total) first--;
    const tied = (index > 0 && rows[index - 1]!.total === row.total) || (index + 1 < rows.length && rows[index + 1]!.total === row.total);
    return { ...row, rank: first + 1, tied };
  });
}

/** The board of one unit for a month, a quarter or a year, from the unit's monthly files. */
export function buildBoard(files: readonly PointsFileLike[], unit: string, period: PointsPeriod, categories: readonly string[]): Board {
  const counted = files
    .filter((f) => f.data.unit.id === unit && periodContainsMonth(period, f.data.month))
    .sort((a, b) => compareIds(a.data.month, b.data.month));
  const totals = new Map<string, { points: number[]; notes: string[] }>();
  for (const file of counted) {
    for (const entry of file.data.entries) {
      const line = totals.get(entry.officer.id) ?? { points: categories.map(() => 0), notes: [] };
      categories.forEach((category, i) => {
        line.points[i] = add(line.points[i]!, entry.points[category] ?? 0);
      });
      if (entry.note) line.notes.push(entry.note);
      totals.set(entry.officer.id, line);
    }
  }
  const rows = [...totals.entries()]
    .map(([officer, line]) => ({ officer, ...line, total: line.points.reduce(add, 0) }))
    .sort((a, b) => b.total - a.total || compareIds(a.officer, b.officer));
  return { unit, period, categories, months: [...new Set(counted.map((f) => f.data.month))], rows: rankByTotal(rows) };
}

/** Every period that has points — the months entered, and the quarters and years they make up — newest first. */
export function pointsPeriods(files: readonly PointsFileLike[]): PointsPeriod[] {
  const periods = new Map<string, PointsPeriod>();
  for (const file of files) {
    const month = parsePointsPeriod(file.data.month);
    if (!month.ok) continue;
    for (const period of [month.value, ...enclosingPeriods(file.data.month)]) periods.set(period.key, period);
  }
  // Newest first; within a year the year itself first, then quarters, then months, newest first.
  const order = (p: PointsPeriod) => [p.year, p.kind === 'year' ? 99 : p.kind === 'quarter' ? 50 + p.quarter! : p.month!];
  return [...periods.values()].sort((a, b) => {
    const [ay, ap] = order(a);
    const [by, bp] = order(b);
    return by! - ay! || bp! - ap!;
  });
}

/** The boards of a period: one per unit that has points in it, in the given unit order. */
export function boardsOf(files: readonly PointsFileLike[], period: PointsPeriod, categories: readonly string[], unitOrder: readonly string[]): Board[] {
  const units = new Set(files.filter((f) => periodContainsMonth(period, f.data.month)).map((f) => f.data.unit.id));
  const rank = (id: string) => (unitOrder.includes(id) ? unitOrder.indexOf(id) : unitOrder.length);
  return [...units].sort((a, b) => rank(a) - rank(b) || compareIds(a, b)).map((unit) => buildBoard(files, unit, period, categories));
}

/** One month of a member's record, for the chart and table on their profile. */
export interface HistoryPoint {
  month: PointsPeriod;
  unit: string;
  points: number[];
  total: number;
}

/** A member's months, oldest first (a member who moved units has each month once, where scored). */
export function officerHistory(files: readonly PointsFileLike[], officer: string, categories: readonly string[]): HistoryPoint[] {
  return files
    .flatMap((file) => {
      const entry = file.data.entries.find((e) => e.officer.id === officer);
      if (!entry) return [];
      const points = categories.map((c) => entry.points[c] ?? 0);
      const [, year, month] = /^(\d{4})-(\d{2})$/.exec(file.data.month) ?? [];
      if (!year) return [];
      return [{ month: makePointsPeriod(Number(year), { month: Number(month) }), unit: file.data.unit.id, points, total: points.reduce(add, 0) }];
    })
    .sort((a, b) => compareIds(a.month.key, b.month.key));
}

/** 王祥 → 王*, 张军强 → 张**: the surname stays, the rest is hidden. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/** A number of points as shown: whole numbers plain, others to at most two decimals. */
export function formatPoints(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0+$/, '');
}
