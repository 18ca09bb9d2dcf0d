/**
 * Partial dates: the records often know only the year (2019) or the month (2020-04) of an event.
 * They are kept at the precision the source gives, never padded with an invented day.
 */

/** A date known to the year, the month or the day. */
export interface PartialDate {
  year: number;
  /** 1–12, or null when only the year is known. */
  month: number | null;
  /** 1–31, or null when the day is not known. */
  day: number | null;
  /** Canonical text, also the sort key: `2019`, `2020-04` or `2020-06-18`. */
  key: string;
}

/** How a partial date is written: `2019`, `2020-04`, `2020-06-18` (months and days may have one digit). */
export const PARTIAL_DATE_PATTERN = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;

/** Why a value could not be read as a partial date, in Chinese, for error messages. */
export type PartialDateProblem = { ok: false; reason: string };

/**
 * Reads `2019`, `"2020-04"`, `"2020-06-18"` or a YAML date (which parsers turn into a `Date` at
 * UTC midnight). Rejects impossible days such as 2020-02-30 instead of rolling them over.
 */
export function parsePartialDate(input: unknown): { ok: true; value: PartialDate } | PartialDateProblem {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return { ok: false, reason: '不是有效的日期' };
    return { ok: true, value: makePartialDate(input.getUTCFullYear(), input.getUTCMonth() + 1, input.getUTCDate()) };
  }
  const text = typeof input === 'number' ? String(input) : typeof input === 'string' ? input.trim() : null;
  if (text === null) return { ok: false, reason: '应写成 2019、2020-04 或 2020-06-18 这样的日期' };
  const match = PARTIAL_DATE_PATTERN.exec(text);
  if (!match) return { ok: false, reason: `“${text}”不是日期，应写成 2019、2020-04 或 2020-06-18` };
  const year = Number(match[1]);
  const month = match[2] === undefined ? null : Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  if (year < 1900 || year > 2200) return { ok: false, reason: `年份 ${year} 不在合理范围内` };
  if (month !== null && (month < 1 || month > 12)) return { ok: false, reason: `月份 ${month} 不存在（应为 1–12）` };
  if (month !== null && day !== null) {
    const last = daysInMonth(year, month);
    if (day < 1 || day > last) return { ok: false, reason: `${year}年${month}月没有${day}日（该月共 ${last} 天）` };
  }
  return { ok: true, value: makePartialDate(year, month, day) };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function makePartialDate(year: number, month: number | null, day: number | null): PartialDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  const key = month === null ? `${year}` : day === null ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
  return { year, month, day: month === null ? null : day, key };
}

/** 2019年 / 2020年4月 / 2020年6月18日. */
export function formatPartialDate(date: PartialDate): string {
  if (date.month === null) return `${date.year}年`;
  if (date.day === null) return `${date.year}年${date.month}月`;
  return `${date.year}年${date.month}月${date.day}日`;
}

/** Label shown where a record gives no date at all. */
export const UNDATED_LABEL = '日期未注明';

/** `formatPartialDate`, or 日期未注明 for a missing date. */
export function formatOptionalDate(date: PartialDate | undefined | null): string {
  return date ? formatPartialDate(date) : UNDATED_LABEL;
}

/**
 * Oldest first. A year-only date sorts before the months of that year, so partial dates of the
 * same year stay together; an undated record sorts after every dated one.
 */
export function comparePartialDates(a: PartialDate | undefined | null, b: PartialDate | undefined | null): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Newest first, undated last: the order of every public list. */
export function compareNewestFirst(a: PartialDate | undefined | null, b: PartialDate | undefined | null): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  return -comparePartialDates(a, b);
}

/** ISO 8601 text for `<time datetime>`: the same as the key, which is already valid. */
export function toDatetimeAttribute(date: PartialDate): string {
  return date.key;
}

/** A run of entries of the same year; `year` is null for the undated group. */
export interface YearGroup<T> {
  year: number | null;
  /** 2020年, or 日期未注明. */
  label: string;
  items: T[];
}

/**
 * Groups entries by year, newest year first, keeping the given order inside each year.
 * Undated entries form the last group, under 日期未注明: nothing is dropped.
 */
export function groupByYear<T>(items: readonly T[], dateOf: (item: T) => PartialDate | undefined | null): YearGroup<T>[] {
  const groups = new Map<number | null, T[]>();
  for (const item of items) {
    const year = dateOf(item)?.year ?? null;
    const list = groups.get(year);
    if (list) list.push(item);
    else groups.set(year, [item]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : b - a))
    .map(([year, list]) => ({ year, label: year === null ? UNDATED_LABEL : `${year}年`, items: list }));
}

/** A run of entries of the same month; for entries known only to the year `month` is null. */
export interface MonthGroup<T> {
  /** null for the undated group. */
  year: number | null;
  /** 1–12, or null for the year-only and undated groups. */
  month: number | null;
  /** 2020年6月, 2020年（月份未注明）, or 日期未注明. */
  label: string;
  items: T[];
}

/**
 * Groups entries by month, newest month first, keeping the given order inside each month. Entries
 * known only to the year come after that year's months, under 2020年（月份未注明）, since they
 * could be from any of them; undated entries form the last group, under 日期未注明.
 */
export function groupByMonth<T>(items: readonly T[], dateOf: (item: T) => PartialDate | undefined | null): MonthGroup<T>[] {
  const groups = new Map<string, MonthGroup<T>>();
  for (const item of items) {
    const date = dateOf(item);
    const year = date?.year ?? null;
    const month = date?.month ?? null;
    const key = `${year}-${month}`;
    const group = groups.get(key);
    if (group) group.items.push(item);
    else groups.set(key, { year, month, label: monthGroupLabel(year, month), items: [item] });
  }
  // Within a year, a missing month sorts as 0: after month 1 in newest-first order.
  return [...groups.values()].sort((a, b) =>
    a.year === null || b.year === null
      ? (a.year === null ? 1 : 0) - (b.year === null ? 1 : 0)
      : b.year - a.year || (b.month ?? 0) - (a.month ?? 0),
  );
}

function monthGroupLabel(year: number | null, month: number | null): string {
  if (year === null) return UNDATED_LABEL;
  if (month === null) return `${year}年（月份未注明）`;
  return `${year}年${month}月`;
}

/**
 * The first moment a partial date covers, in Beijing time (2020-04 → 2020-04-01 00:00 +08:00),
 * for formats that need a full timestamp, such as RSS.
 */
export function startOfPartialDate(date: PartialDate): Date {
  return new Date(Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1) - 8 * 60 * 60_000);
}
