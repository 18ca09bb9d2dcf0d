/**
 * Reading the values clerks type into spreadsheet cells: dates as Excel and people write them
 * (2020/6/18, 2020年6月18日), figures with thousands separators or 万, 是/否, Chinese choice labels,
 * lists separated by 、 or commas. Pure: text in, value or a Chinese reason out.
 */
import { parsePartialDate } from '../partial-date';

export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string; hint: string };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const bad = (message: string, hint: string): CellResult<never> => ({ ok: false, message, hint });

/** Full-width digits and punctuation (２０２０／６／１８) read as their ASCII forms. */
const plain = (text: string) => text.normalize('NFKC').trim();

export const DATE_HINT = '日期可写成 2020、2020-04、2020-06-18、2020/6/18 或 2020年6月18日，也可以是 Excel 的日期格式';

/** The first day Excel counts from (its day 0, 1899-12-30, absorbs Excel's 1900 leap-year bug). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** `YYYY-MM-DD` of an Excel serial day number (44000 → 2020-06-18). */
export function excelSerialDate(serial: number): string {
  return new Date(EXCEL_EPOCH + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A partial date from a cell: `2020`, `2020-04`, `2020-06-18`, `2020/6/18`, `2020.6.18`,
 * `2020年6月18日`, `2020年6月`, `2020年`, or an Excel day number (a date column formatted as a
 * number shows 44000). Returns the canonical text: `2020`, `2020-04` or `2020-06-18`.
 */
export function parseCellDate(text: string): CellResult<string> {
  const value = plain(text).replace(/\s+/g, '');
  if (/^\d{5}(?:\.\d+)?$/.test(value) && Number(value) >= 20_000 && Number(value) <= 110_000) {
    return ok(excelSerialDate(Number(value)));
  }
  const match = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(value) ?? /^(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})[日号]?)?)?$/.exec(value);
  if (!match) return bad(`“${text.trim()}”不是日期`, DATE_HINT);
  const [, year, month, day] = match;
  const pad = (n: string) => n.padStart(2, '0');
  const canonical = [year, month && pad(month), day && pad(day)].filter(Boolean).join('-');
  const parsed = parsePartialDate(canonical);
  if (!parsed.ok) return bad(`“${text.trim()}”不是有效的日期：${parsed.reason}`, '请核对原始材料中的日期');
  return ok(parsed.value.key);
}

/**
 * The month of a points row: `2021-03`, `2021/3`, `2021年3月`. Excel turns a typed 2021-03 into the
 * date 2021-03-01, so a full date counts as its month.
 */
export function parseCellMonth(text: string): CellResult<string> {
  const date = parseCellDate(text);
  if (!date.ok) return bad(`“${text.trim()}”不是月份`, '月份写成 2021-03 或 2021年3月');
  if (date.value.length < 7) return bad(`“${text.trim()}”只有年份，没有月份`, '积分按月录入：写成 2021-03 或 2021年3月；季度和年度由各月合计');
  return ok(date.value.slice(0, 7));
}

/** Points of one category: a number such as 5 or 2.5, never negative. */
export function parsePoints(text: string): CellResult<number> {
  const value = plain(text).replace(/\s+/g, '').replace(/分$/, '');
  if (!/^-?\d+(?:\.\d+)?$/.test(value)) return bad(`“${text.trim()}”不是分数`, '只写数字，如 5 或 2.5；没有得分的留空');
  const points = Number(value);
  if (points < 0) return bad(`积分不能是负数，这里是“${text.trim()}”`, '扣分请在本单位的记分办法中折算后，填写实际得分');
  return ok(points);
}

/** A figure with the qualifier written next to it: 9.5万余 → 95000, over. */
export interface Figure {
  value: number;
  approx: 'over' | 'about' | null;
}

export const FIGURE_HINT = '只写数字，如 386、95000、95,000 或 9.5万；“余”“约”可以写在数字前后或写在「约数」列，计量单位写在「计量单位」列';

/**
 * A non-negative number as people write it: `386`, `95,000`, `95000.0`, `9.5万`, `1.2亿`,
 * `9.5万余` (over), `约6万` (about), `2100多` (over). Units of measure are not accepted.
 */
export function parseFigure(text: string): CellResult<Figure> {
  let value = plain(text).replace(/\s+/g, '');
  let approx: Figure['approx'] = null;
  if (/^(?:约|大约|近)/.test(value)) {
    approx = 'about';
    value = value.replace(/^(?:约|大约|近)/, '');
  }
  if (/(?:余|多)$/.test(value)) {
    approx = 'over';
    value = value.replace(/(?:余|多)$/, '');
  }
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(万|亿)?$/.exec(value);
  if (!match) return bad(`“${text.trim()}”不是数字`, FIGURE_HINT);
  const [, whole, fraction = '', scale] = match;
  const digits = `${whole!.replace(/,/g, '')}${fraction}`;
  const multiplier = scale === '亿' ? 1e8 : scale === '万' ? 1e4 : 1;
  // toPrecision removes the binary noise of 1.23 × 10000 = 12300.000000000002.
  return ok({ value: Number((Number(digits) * multiplier).toPrecision(15)), approx });
}

const YES = ['是', '有', 'y', 'yes', 'true', '1', '√', '✓', '✔', '同意', '已同意'];
const NO = ['否', '无', '不', 'n', 'no', 'false', '0', '×', '✗', '✘', '不同意', '未同意'];

/** 是/否 (or yes/no, true/false, √/×); `extra` adds column-specific words (中共党员 → true). */
export function parseYesNo(text: string, extra: Readonly<Record<string, boolean>> = {}): CellResult<boolean> {
  const value = plain(text).toLowerCase();
  if (value in extra) return ok(extra[value]!);
  if (YES.includes(value)) return ok(true);
  if (NO.includes(value)) return ok(false);
  return bad(`“${text.trim()}”应为“是”或“否”`, `只写“是”或“否”${Object.keys(extra).length ? `（也可写 ${Object.keys(extra).join('、')}）` : ''}`);
}

/**
 * One value of a fixed list, written as the English value (`individual`), its Chinese label
 * (`个人`) or a synonym (`省` for 省级). `labels` is a table from labels.ts.
 */
export function parseChoice(text: string, labels: Readonly<Record<string, string>>, synonyms: Readonly<Record<string, string>> = {}): CellResult<string> {
  const value = plain(text);
  const lower = value.toLowerCase();
  if (lower in labels) return ok(lower);
  const byLabel = Object.entries(labels).find(([, label]) => label === value);
  if (byLabel) return ok(byLabel[0]);
  if (value in synonyms) return ok(synonyms[value]!);
  const choices = Object.values(labels);
  const close = choices.filter((label) => label.includes(value) || value.includes(label));
  return bad(
    `“${value}”不是可选值`,
    `${close.length === 1 ? `是不是“${close[0]}”？` : ''}可选：${choices.join('、')}（也可写英文 ${Object.keys(labels).join('、')}）`,
  );
}

/**
 * Items of a list cell. Items are separated by 、，,；; or line breaks, and with `spaces` also by
 * spaces. Empty items are dropped.
 */
export function splitList(text: string, { spaces }: { spaces: boolean }): string[] {
  const separators = spaces ? /[、，,；;\r\n\s\u3000]+/ : /[、，,；;\r\n]+/;
  return text
    .split(separators)
    .map((item) => item.trim())
    .filter(Boolean);
}

/**
 * A long text cell as Markdown: each line of the cell (Alt+Enter in Excel) becomes a paragraph,
 * as the clerk saw it in the cell.
 */
export function paragraphs(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n\n');
}
