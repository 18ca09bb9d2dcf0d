/**
 * The values the form's composite controls put together and take apart, without any DOM:
 * partial dates (年 / 年月 / 年月日), moments, points periods and months, lines and tags, and the
 * field paths of the check's problems. The server reads and normalises what is sent; these only
 * build the text a person would have typed (`2020-04`, `2026-12-01 09:00`).
 */

/** Full-width digits and letters (an IME in full-width mode) as ASCII, spaces trimmed. */
export const halfWidth = (text: string) => text.normalize('NFKC').trim();

const pad = (text: string) => (/^\d$/.test(text) ? `0${text}` : text);

export type DatePrecision = 'year' | 'month' | 'day';

export interface DateParts {
  precision: DatePrecision;
  year: string;
  month: string;
  day: string;
}

/** `2020-04` → 年月 with its parts; a text that is no date at all is kept whole in the year. */
export function splitPartialDate(value: unknown): DateParts {
  const text = value === undefined || value === null ? '' : halfWidth(String(value));
  const match = /^(\d{1,4})(?:\s*[-./年]\s*(\d{1,2})(?:\s*[-./月]\s*(\d{1,2})日?)?月?)?年?$/.exec(text);
  if (!match) return { precision: 'day', year: text, month: '', day: '' };
  const [, year = '', month = '', day = ''] = match;
  return { precision: day ? 'day' : month ? 'month' : text ? 'year' : 'day', year, month, day };
}

/** The parts as written in the file: `2019`, `2020-04`, `2020-06-18`; '' without a year. */
export function joinPartialDate({ precision, year, month, day }: DateParts): string {
  const y = halfWidth(year);
  if (!y) return '';
  if (precision === 'year') return y;
  const m = pad(halfWidth(month));
  if (precision === 'month' || !m) return m ? `${y}-${m}` : y;
  const d = pad(halfWidth(day));
  return d ? `${y}-${m}-${d}` : `${y}-${m}`;
}

export interface InstantParts {
  date: DateParts;
  /** `09:00`, or '' for the start of the day. */
  time: string;
}

/** `2026-12-01 09:00` → the day and the time. */
export function splitInstant(value: unknown): InstantParts {
  const text = value === undefined || value === null ? '' : halfWidth(String(value));
  const match = /^(.*?)(?:[ T](\d{1,2}[:：]\d{2})(?::\d{2})?)?$/.exec(text);
  const date = splitPartialDate(match?.[1] ?? text);
  return { date: { ...date, precision: 'day' }, time: match?.[2]?.replace('：', ':') ?? '' };
}

/** The day and the time as written in the file: `2026-12-01` or `2026-12-01 09:00`. */
export function joinInstant({ date, time }: InstantParts): string {
  const day = joinPartialDate({ ...date, precision: 'day' });
  const clock = halfWidth(time).replace('：', ':');
  if (!day || !clock) return day;
  const [hours = '', minutes = '00'] = clock.split(':');
  return `${day} ${pad(hours)}:${pad(minutes || '00')}`;
}

export type PeriodKind = 'year' | 'quarter' | 'month';

export interface PeriodParts {
  kind: PeriodKind;
  year: string;
  /** 1–4 for a quarter. */
  quarter: string;
  /** 1–12 for a month. */
  month: string;
}

/** `2021-Q1` → 季度; `2021-03` → 月份; `2021` → 年度. */
export function splitPeriod(value: unknown): PeriodParts {
  const text = value === undefined || value === null ? '' : halfWidth(String(value));
  const quarter = /^(\d{4})-[Qq]([1-4])$/.exec(text);
  if (quarter) return { kind: 'quarter', year: quarter[1]!, quarter: quarter[2]!, month: '' };
  const month = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (month) return { kind: 'month', year: month[1]!, quarter: '', month: month[2]! };
  return { kind: 'year', year: text, quarter: '', month: '' };
}

/** The period as written: `2021`, `2021-Q1`, `2021-03`; '' without a year. */
export function joinPeriod({ kind, year, quarter, month }: PeriodParts): string {
  const y = halfWidth(year);
  if (!y) return '';
  if (kind === 'quarter' && quarter) return `${y}-Q${halfWidth(quarter)}`;
  if (kind === 'month' && halfWidth(month)) return `${y}-${pad(halfWidth(month))}`;
  return y;
}

/** A month alone (`2021-03`), as points files name it. */
export function joinMonth(year: string, month: string): string {
  return joinPeriod({ kind: 'month', year, quarter: '', month });
}

/** Lines of a text box as items: one per line, blank lines left out. */
export const linesOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/** Words typed into a tag box: separated by 、，, ; or spaces, as people list keywords. */
export const wordsOf = (text: string) =>
  text
    .split(/[、，,；;\s]+/)
    .map((word) => word.trim())
    .filter(Boolean);

/** Query and search text compared alike: full-width folded, lower case, no spaces. */
const folded = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/**
 * Whether an option of a reference picker matches what was typed: its search text holds the name,
 * the full pinyin, the initials and the id, separated by ASCII spaces (王祥 wangxiang wx
 * wang-xiang). A name written with a full-width space (王　祥) keeps it inside each of its keys,
 * where folding removes it: wx still finds 王　祥.
 */
export function matchesOption(option: { id: string; name: string; search: string }, query: string): boolean {
  const q = folded(query);
  if (!q) return true;
  return [...option.search.split(/ +/), option.name, option.id, option.id.replace(/-/g, '')].some((key) => folded(key).includes(q));
}

/** A field path as problems write it, in segments: `recipients.officers[0]` → recipients, officers, 0. */
export function pathSegments(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[1] !== undefined) segments.push(match[1]);
  }
  return segments;
}
