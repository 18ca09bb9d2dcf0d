/**
 * One spreadsheet row → the fields of one entry (or, for stats, of one metric and the period it
 * belongs to). Cells are read with the column's kind; names of people and units become ids. What
 * cannot be read is a problem naming the row and the column; what can be read but is not valid
 * (a missing summary, a collective honour with only people) is left to the content check.
 */
import { titleId } from '../authoring/entry-id';
import { ENTRY_ID_PATTERN } from '../entry-id';
import { toPinyinSlug } from '../slug';
import { closestMatches } from '../suggest';
import { paragraphs, parseCellDate, parseCellMonth, parseChoice, parseFigure, parsePoints, parseYesNo, splitList, type CellResult } from './cells';
import { POINTS_FIELD, type ImportCollection, type SheetColumn } from './columns';
import type { Named } from './existing';
import type { TableRow } from './read';

/** Something wrong with a row (or the sheet), said the way the clerk sees the sheet. */
export interface RowProblem {
  severity: 'error' | 'warning';
  /** Excel row number; absent for problems of the whole sheet. */
  row?: number;
  /** The column header as written in the sheet (or several, for a group of columns). */
  column?: string;
  message: string;
  hint?: string;
}

/** What a row can refer to. */
export interface RowContext {
  officers: readonly Named[];
  units: readonly Named[];
  rootUnit: string | undefined;
  /** Metric keys already used, by label (核查群众 → people-checked), so new periods continue a series. */
  metricKeys: ReadonlyMap<string, string>;
}

/** A field set by a non-empty cell: what `--update` writes into an existing entry. */
export interface CellUpdate {
  path: string[];
  value: unknown;
  /** The column it came from. */
  column: string;
}

export interface RowDraft {
  row: number;
  /** The entry's fields (stats: the period's fields), in the order of the authoring guide. */
  data: Record<string, unknown>;
  /** The Markdown body (empty when the row has none). */
  body: string;
  /** Stats: the row's metric; points: the row's member and points. One item of the file's list. */
  metric?: Record<string, unknown>;
  /** The id given in the id column. */
  id?: string;
  /** The non-empty cells, as field updates (stats: period fields; metric fields under `metrics`). */
  updates: CellUpdate[];
  problems: RowProblem[];
}

/** The cells of a row for one field: several columns may carry it (a header merged over two). */
function cellsOf(row: TableRow, columns: readonly SheetColumn[], field: string) {
  return columns
    .filter((c) => c.spec.field === field)
    .map((c) => ({ column: c, text: (row.cells[c.index] ?? '').trim() }))
    .filter((cell) => cell.text !== '');
}

/** Candidates a name or id might have meant: close spellings, names containing it, the same pinyin. */
function suggestions(token: string, list: readonly Named[]): string[] {
  const compact = token.replace(/\s+/g, '');
  const byName = list.filter((n) => n.names.some((name) => name.includes(compact) || (compact.length > 1 && compact.includes(name))));
  const pinyin = toPinyinSlug(compact).replace(/-/g, '');
  const byPinyin = list.filter((n) => pinyin !== '' && n.id.replace(/-/g, '') === pinyin);
  const close = new Set([
    ...closestMatches(
      compact,
      list.flatMap((n) => [n.id, ...n.names]),
      3,
    ),
  ]);
  const byDistance = list.filter((n) => close.has(n.id) || n.names.some((name) => close.has(name)));
  return [...new Set([...byPinyin, ...byName, ...byDistance])].slice(0, 3).map((n) => n.label);
}

/** One person or unit by id or name. */
function resolveOne(token: string, list: readonly Named[]): { id: string } | { ambiguous: Named[] } | null {
  const compact = token.normalize('NFKC').replace(/\s+/g, '');
  const byId = list.find((n) => n.id === compact.toLowerCase());
  if (byId) return { id: byId.id };
  const byName = list.filter((n) => n.names.some((name) => name.replace(/\s+/g, '') === compact));
  if (byName.length === 1) return { id: byName[0]!.id };
  if (byName.length > 1) return { ambiguous: byName };
  return null;
}

interface RefOptions {
  what: '人物' | '单位';
  /** Where someone without a page goes instead (「其他获奖者」), for the hint. */
  otherwise?: string;
}

/**
 * The items of a list cell. Items are separated by 、，, or spaces; but two-character names are
 * often padded to line up (“王  祥”), so runs of space-separated pieces that together name someone
 * (and only together) are taken as one item, the longest run first.
 */
function tokens(text: string, list: readonly Named[]): string[] {
  const items: string[] = [];
  for (const chunk of splitList(text, { spaces: false })) {
    const pieces = splitList(chunk, { spaces: true });
    for (let i = 0; i < pieces.length;) {
      let end = pieces.length;
      while (end > i + 1 && !resolveOne(pieces.slice(i, end).join(''), list)) end--;
      items.push(pieces.slice(i, end).join(''));
      i = end;
    }
  }
  return items;
}

/** A list of people or units, by id or name. */
function resolveList(text: string, list: readonly Named[], options: RefOptions): { ids: string[]; errors: { message: string; hint: string }[] } {
  const ids: string[] = [];
  const errors: { message: string; hint: string }[] = [];
  for (const token of tokens(text, list)) {
    const found = resolveOne(token, list);
    if (found && 'id' in found) {
      if (!ids.includes(found.id)) ids.push(found.id);
    } else if (found) {
      errors.push({
        message: `有 ${found.ambiguous.length} 个${options.what}叫“${token}”，不知道是哪一个`,
        hint: `请改写为 id：${found.ambiguous.map((n) => n.label).join('、')}`,
      });
    } else {
      const close = suggestions(token, list);
      errors.push({
        message: `找不到${options.what}“${token}”`,
        hint: `${close.length ? `是不是 ${close.join('、')}？` : ''}这里只能写已有${options.what}的${options.what === '单位' ? '全称、简称' : '姓名'}或 id${options.otherwise ?? ''}`,
      });
    }
  }
  return { ids, errors };
}

/** A year-only date is written as the number 2020, as authors write it; others as text. */
const dateValue = (key: string): string | number => (/^\d{4}$/.test(key) ? Number(key) : key);

/** Joins the lines of a one-line field: Chinese text does not want the spaces. */
const oneLine = (text: string) => text.replace(/\s*\r?\n\s*/g, '');

/** Reads one row of a collection's sheet. */
export function readRow(collection: ImportCollection, columns: readonly SheetColumn[], row: TableRow, context: RowContext): RowDraft {
  const problems: RowProblem[] = [];
  const values = new Map<string, unknown>();
  const updates: CellUpdate[] = [];
  let body = '';
  let id: string | undefined;
  let figureApprox: 'over' | 'about' | null = null;
  const fields = [...new Set(columns.map((c) => c.spec.field))];

  const fail = (column: string, result: { message: string; hint: string }) =>
    problems.push({ severity: 'error', row: row.row, column, message: result.message, hint: result.hint });

  for (const field of fields) {
    const cells = cellsOf(row, columns, field);
    if (cells.length === 0) continue;
    const spec = cells[0]!.column.spec;
    const column = cells[0]!.column.header;
    const listKinds = ['names', 'tags', 'officers', 'units'];
    if (!listKinds.includes(spec.kind) && new Set(cells.map((c) => c.text)).size > 1) {
      fail(column, {
        message: `「${column}」有 ${cells.length} 列，填写的内容不同：${cells.map((c) => `“${c.text}”`).join('、')}`,
        hint: '一行只能有一个值：请只保留一列，或让两列内容一致',
      });
      continue;
    }
    const text = cells.map((c) => c.text).join('、');
    const set = (value: unknown) => {
      values.set(field, value);
      if (field !== 'body' && field !== 'id') updates.push({ path: field.split('.'), value, column });
    };
    const take = <T>(result: CellResult<T>, use: (value: T) => void) => (result.ok ? use(result.value) : fail(column, result));

    switch (spec.kind) {
      case 'text':
        set(oneLine(text));
        break;
      case 'body':
        body = paragraphs(cells.map((c) => c.text).join('\n'));
        break;
      case 'names':
        set(splitList(text, { spaces: false }));
        break;
      case 'tags':
        set(splitList(text, { spaces: true }));
        break;
      case 'officers':
      case 'officer':
      case 'units':
      case 'unit': {
        const people = spec.kind === 'officers' || spec.kind === 'officer';
        const list = people ? context.officers : context.units;
        const what = people ? '人物' : '单位';
        const otherwise =
          field === 'recipients.officers'
            ? '；没有人物页的获奖者请写在「其他获奖者」列'
            : field === 'recipients.units'
              ? '；其他集体请写在「其他获奖者」列'
              : people
                ? '；新的人物请先导入人物表（npm run import -- officers …）'
                : '';
        const { ids, errors } = resolveList(text, list, { what, otherwise });
        errors.forEach((e) => fail(column, e));
        if (errors.length) break;
        const single = spec.kind === 'unit' || spec.kind === 'officer';
        if (single && ids.length > 1) {
          fail(column, { message: `「${column}」只能填一个${what}，这里有 ${ids.length} 个`, hint: `请只保留一个${what}${people ? '：每人一行' : ''}` });
          break;
        }
        set(single ? ids[0] : ids);
        break;
      }
      case 'month':
        take(parseCellMonth(text), set);
        break;
      case 'points':
        take(parsePoints(text), set);
        break;
      case 'date':
        take(parseCellDate(text), (key) => set(dateValue(key)));
        break;
      case 'choice':
        take(parseChoice(text, spec.choices ?? {}, spec.synonyms), set);
        break;
      case 'yesno':
        take(parseYesNo(text, spec.yesNo), set);
        break;
      case 'figure':
        take(parseFigure(text), (figure) => {
          if (figure.approx && field === 'recipients.count') {
            fail(column, { message: `获奖人数要写准确的整数，这里是“${text}”`, hint: '只知道大概人数时，请写在「简介」或「事迹」里' });
            return;
          }
          figureApprox = figure.approx;
          set(figure.value);
        });
        break;
      case 'key':
        set(text.toLowerCase());
        break;
      case 'id':
        if (!ENTRY_ID_PATTERN.test(text)) {
          fail(column, { message: `“${text}”不能用作 id`, hint: 'id 只能用小写拼音字母、数字和连字符，如 wang-xiang；不需要时留空，会自动生成' });
        } else {
          id = text;
        }
        break;
    }
  }

  const get = (field: string) => values.get(field);
  const defined = (object: Record<string, unknown>) => Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));
  const nonEmptyList = (value: unknown) => (Array.isArray(value) && value.length > 0 ? value : undefined);
  let data: Record<string, unknown>;
  let metric: Record<string, unknown> | undefined;

  switch (collection) {
    case 'honors': {
      const recipients = defined({
        officers: nonEmptyList(get('recipients.officers')),
        units: nonEmptyList(get('recipients.units')),
        others: nonEmptyList(get('recipients.others')),
        count: get('recipients.count'),
      });
      data = defined({
        title: get('title'),
        // Without a 类别 cell: a unit among the recipients makes it collective, as `npm run new` decides.
        scope: get('scope') ?? (recipients.units ? 'collective' : 'individual'),
        level: get('level'),
        awardedBy: get('awardedBy'),
        date: get('date'),
        documentNo: get('documentNo'),
        recipients,
        summary: get('summary'),
      });
      break;
    }
    case 'letters':
      data = defined({
        kind: get('kind'),
        date: get('date'),
        from: get('from'),
        to: defined({ officers: nonEmptyList(get('to.officers')), units: nonEmptyList(get('to.units')) }),
        inscription: get('inscription'),
        summary: get('summary'),
      });
      break;
    case 'officers':
      data = defined({
        name: get('name'),
        role: get('role'),
        title: get('title'),
        unit: get('unit'),
        partyMember: get('partyMember'),
        summary: get('summary'),
        tags: nonEmptyList(get('tags')),
        consent: get('consent'),
      });
      break;
    case 'points': {
      data = defined({ unit: get('unit'), month: get('month') });
      const scored = [...values.entries()].filter(([field]) => field.startsWith(POINTS_FIELD));
      metric = defined({
        officer: get('entries.officer'),
        points: Object.fromEntries(scored.map(([field, value]) => [field.slice(POINTS_FIELD.length), value])),
        note: get('entries.note'),
      });
      break;
    }
    case 'stats': {
      const label = get('metrics.label') as string | undefined;
      const key = (get('metrics.key') as string | undefined) ?? (label ? (context.metricKeys.get(label) ?? titleId(label)) : undefined);
      data = defined({
        title: get('title'),
        unit: get('unit') ?? context.rootUnit,
        period: defined({ start: get('period.start'), end: get('period.end') }),
      });
      metric = defined({
        key,
        label,
        value: get('metrics.value'),
        unit: (get('metrics.unit') as string | undefined) ?? '',
        approx: get('metrics.approx') ?? figureApprox ?? undefined,
      });
      if (key !== undefined && get('metrics.key') === undefined) updates.push({ path: ['metrics', 'key'], value: key, column: '指标代码' });
      if (get('metrics.approx') === undefined && figureApprox) updates.push({ path: ['metrics', 'approx'], value: figureApprox, column: '数值' });
      break;
    }
  }
  return { row: row.row, data, body, ...(metric ? { metric } : {}), ...(id ? { id } : {}), updates, problems };
}
