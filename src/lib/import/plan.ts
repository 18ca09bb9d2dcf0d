/**
 * The import plan: from the rows of a sheet to the files that would be written, before anything
 * is written. Each row is new (a file to create), already there (skipped, or merged with
 * `--update`), or wrong. Pure: the sheet and the existing content in, the plan out.
 */
import { markdownEntry, dataEntry } from '../authoring/entry-file';
import { newEntryId } from '../authoring/entry-id';
import { parsePartialDate } from '../partial-date';
import { COLLECTIONS } from '../../schemas/index';
import { columnLetter, countKnownHeaders, IMPORT_COLUMNS, IMPORT_LABELS, resolveHeaders, type ImportCollection, type SheetColumn } from './columns';
import type { Existing, ExistingEntry } from './existing';
import type { Table, TableRow } from './read';
import { readRow, type RowContext, type RowDraft, type RowProblem } from './rows';
import { updateEntryText, type MetricChange } from './update';

export interface PlanInput {
  collection: ImportCollection;
  table: Table;
  existing: Existing;
  /** Merge rows into the entries they match instead of skipping them. */
  update: boolean;
  /** The spreadsheet's file name, noted in the files it creates. */
  sourceName: string;
}

/** A file the import would write. */
export interface PlannedFile {
  action: 'create' | 'update';
  id: string;
  /** Relative to the content folder, with `/`: `honors/2020-ge-ren-san-deng-gong.md`. */
  path: string;
  text: string;
  /** The text before (updates only), to restore if writing fails half-way. */
  before?: string;
  /** The row each part of the file comes from: the entry's row; for stats the rows of its metrics. */
  rows: number[];
  /** Stats: the row of each metric, by its position in `metrics`. */
  metricRows: Map<number, number>;
}

export type RowStatus = 'create' | 'update' | 'unchanged' | 'exists' | 'error';

export interface RowOutcome {
  row: number;
  status: RowStatus;
  id?: string;
  /** The file, relative to the content folder. */
  path?: string;
  /** Why a row was taken for an existing entry: 荣誉名称、日期和获奖者相同. */
  reason?: string;
}

export interface Plan {
  collection: ImportCollection;
  encoding: Table['encoding'];
  /** The Excel row of the header (rows above it, such as a merged title, are not read). */
  headerRow: number | undefined;
  columns: SheetColumn[];
  files: PlannedFile[];
  /**
   * Rows with cells that could not be read, as files with the fields that could: checked with
   * the others so one run reports all their problems, never written.
   */
  probes: PlannedFile[];
  outcomes: RowOutcome[];
  /** Problems of the sheet and of rows found while reading; the content check adds its own later. */
  problems: RowProblem[];
}

/** How many rows from the top the header may be (below one or two title rows). */
const HEADER_SEARCH_ROWS = 10;

/** The row with the most known column names among the first rows. */
function findHeader(collection: ImportCollection, rows: readonly TableRow[]): TableRow | undefined {
  let best: { row: TableRow; known: number } | undefined;
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const known = countKnownHeaders(collection, row.cells);
    if (known > (best?.known ?? 0)) best = { row, known };
  }
  return best?.row;
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');
const dateKey = (value: unknown) => {
  const parsed = parsePartialDate(value);
  return parsed.ok ? parsed.value.key : text(value);
};
const listKey = (value: unknown) => (Array.isArray(value) ? value.map(text).sort().join('、') : '');
const field = (data: Record<string, unknown>, name: string) => (data[name] && typeof data[name] === 'object' ? data[name] : {}) as Record<string, unknown>;

/**
 * What makes two entries the same one, whatever their ids: the same honour to the same people on
 * the same day; the same person in the same unit; the same thanks; the same period's figures.
 */
export const NATURAL_KEYS: Record<ImportCollection, { describe: string; key: (data: Record<string, unknown>) => string }> = {
  honors: {
    describe: '荣誉名称、日期和获奖者相同',
    key: (d) => {
      const r = field(d, 'recipients');
      return [text(d.title), dateKey(d.date), listKey(r.officers), listKey(r.units), listKey(r.others), text(r.count)].join('|');
    },
  },
  officers: { describe: '姓名和单位相同', key: (d) => [text(d.name), text(d.unit)].join('|') },
  letters: {
    describe: '类型、日期、致谢人和致谢对象相同',
    key: (d) => {
      const to = field(d, 'to');
      return [text(d.kind), dateKey(d.date), text(d.from), listKey(to.officers), listKey(to.units)].join('|');
    },
  },
  points: { describe: '单位和月份相同', key: (d) => [text(d.unit), text(d.month)].join('|') },
  stats: {
    describe: '标题、单位和统计期间相同',
    key: (d) => {
      const period = field(d, 'period');
      return [text(d.title), text(d.unit), dateKey(period.start), dateKey(period.end)].join('|');
    },
  },
};

/** The list of a data file that has one item per row: a period's metrics, a month's members. */
const LIST_FIELDS: Partial<Record<ImportCollection, string>> = { stats: 'metrics', points: 'entries' };

/** Metric keys already in use, by label, so a new period continues the same series. */
function metricKeysByLabel(stats: readonly ExistingEntry[]): Map<string, string> {
  const keys = new Map<string, string>();
  for (const entry of stats) {
    const metrics = Array.isArray(entry.data.metrics) ? entry.data.metrics : [];
    for (const metric of metrics as Record<string, unknown>[]) {
      const label = text(metric?.label);
      const key = text(metric?.key);
      if (label && key && !keys.has(label)) keys.set(label, key);
    }
  }
  return keys;
}

/** One entry the sheet describes: one row, or for stats the rows of one period. */
interface Unit {
  rows: RowDraft[];
  data: Record<string, unknown>;
  id: string | undefined;
}

const rowsText = (rows: readonly number[]) => (rows.length === 1 ? `第 ${rows[0]} 行` : `第 ${rows.slice(0, -1).join('、')} 和 ${rows[rows.length - 1]} 行`);

/** The text of a new entry from its rows (data files: one list item per row), with a note of where it came from. */
function newEntryText(collection: ImportCollection, rows: readonly RowDraft[], note?: string): string {
  const first = rows[0]!;
  if (COLLECTIONS[collection].format === 'markdown') return markdownEntry(first.data, first.body, note ? [note] : []);
  return `${note ? `# ${note}\n` : ''}${dataEntry({ ...first.data, [LIST_FIELDS[collection] ?? 'metrics']: rows.map((d) => d.metric ?? {}) })}`;
}

/**
 * `--update`: the existing entry with the rows' filled cells written in (stats: metrics matched by
 * key, new ones appended), and the row of each metric; or why the file cannot be edited.
 */
function mergeInto(target: ExistingEntry, rows: readonly RowDraft[], format: 'markdown' | 'data'): { text: string; metricRows: Map<number, number> } | string {
  const metricRows = new Map<number, number>();
  const keys = ((Array.isArray(target.data.metrics) ? target.data.metrics : []) as Record<string, unknown>[]).map((m) => text(m?.key));
  const metricChanges: MetricChange[] =
    format === 'data'
      ? rows.map((draft) => {
          const key = text(draft.metric?.key);
          let index = keys.indexOf(key);
          if (index === -1) index = keys.push(key) - 1;
          metricRows.set(index, draft.row);
          const fields = draft.updates.filter((u) => u.path[0] === 'metrics').map((u) => ({ path: u.path.slice(1), value: u.value }));
          return { key, fields, metric: draft.metric ?? {} };
        })
      : [];
  const changes = rows.flatMap((d) => d.updates.filter((u) => u.path[0] !== 'metrics')).map((u) => ({ path: u.path, value: u.value }));
  try {
    return { text: updateEntryText(target.text, format, changes, metricChanges), metricRows };
  } catch (error) {
    return (error as Error).message;
  }
}

/** Builds the plan. Never throws on bad input: everything wrong becomes a problem. */
export function planImport({ collection, table, existing, update, sourceName }: PlanInput): Plan {
  const plan: Plan = { collection, encoding: table.encoding, headerRow: undefined, columns: [], files: [], probes: [], outcomes: [], problems: [] };
  const header = findHeader(collection, table.rows);
  if (!header) {
    plan.problems.push({
      severity: 'error',
      message: table.rows.length === 0 ? '表格是空的' : `找不到表头：前 ${HEADER_SEARCH_ROWS} 行中没有一个认识的列名`,
      hint: `第一行应是列名，如 ${IMPORT_COLUMNS[collection]
        .slice(0, 4)
        .map((c) => c.header)
        .join('、')}……可以从 docs/templates/${collection}.xlsx 模板开始填写。是不是选错了类型？（${collection} 是${IMPORT_LABELS[collection]}）`,
    });
    return plan;
  }
  plan.headerRow = header.row;
  const dataRows = table.rows.filter((r) => r.row > header.row);
  const headers = header.cells;
  const { columns, problems: headerProblems } = resolveHeaders(collection, headers, (i) => dataRows.some((r) => (r.cells[i] ?? '').trim() !== ''));
  plan.columns = columns;
  for (const p of headerProblems) plan.problems.push({ severity: 'error', row: header.row, column: p.header, message: p.message, hint: p.hint });
  const headerOf = (index: number) => (headers[index] ?? '').trim() || `第 ${columnLetter(index)} 列`;
  for (const p of table.problems.filter((p) => p.row > header.row)) {
    plan.problems.push({ severity: 'error', row: p.row, column: headerOf(p.column), message: p.message, hint: p.hint });
  }
  if (dataRows.length === 0) {
    plan.problems.push({ severity: 'error', message: `表头（第 ${header.row} 行）下面没有数据行`, hint: '每个条目填一行，从表头的下一行开始' });
    return plan;
  }

  const entries = existing.entries[collection];
  const context: RowContext = {
    officers: existing.officers,
    units: existing.units,
    rootUnit: existing.rootUnit,
    metricKeys: metricKeysByLabel(existing.entries.stats),
  };
  const format = COLLECTIONS[collection].format;
  const drafts = dataRows.map((row) => readRow(collection, columns, row, context));
  for (const draft of drafts) plan.problems.push(...draft.problems);
  const bad = new Set(drafts.filter((d) => d.problems.some((p) => p.severity === 'error')).map((d) => d.row));
  for (const row of bad) plan.outcomes.push({ row, status: 'error' });
  for (const draft of drafts.filter((d) => bad.has(d.row))) {
    const id = `import-check-row-${draft.row}`;
    const path = `${collection}/${id}${format === 'data' ? '.yaml' : '.md'}`;
    plan.probes.push({ action: 'create', id, path, text: newEntryText(collection, [draft]), rows: [draft.row], metricRows: new Map([[0, draft.row]]) });
  }

  // Stats rows of the same title, unit and period are one file, and points rows of the same unit
  // and month; every other row is one entry.
  const natural = NATURAL_KEYS[collection];
  const units: Unit[] = [];
  if (LIST_FIELDS[collection]) {
    const groups = new Map<string, Unit>();
    for (const draft of drafts.filter((d) => !bad.has(d.row))) {
      const key = natural.key(draft.data);
      const group = groups.get(key);
      if (!group) {
        const unit = { rows: [draft], data: draft.data, id: draft.id };
        groups.set(key, unit);
        units.push(unit);
        continue;
      }
      if (draft.id && group.id && draft.id !== group.id) {
        plan.problems.push({
          severity: 'error',
          row: draft.row,
          column: 'id',
          message: `同一期数据的 id 不一致：第 ${group.rows[0]!.row} 行是 ${group.id}，这里是 ${draft.id}`,
          hint: '同一期（标题、单位、起止日期相同）的各行只能有一个 id；只在其中一行填写即可',
        });
        plan.outcomes.push({ row: draft.row, status: 'error' });
        continue;
      }
      group.id ??= draft.id;
      group.rows.push(draft);
    }
  } else {
    for (const draft of drafts.filter((d) => !bad.has(d.row))) units.push({ rows: [draft], data: draft.data, id: draft.id });
  }

  const byId = new Map(entries.map((e) => [e.id, e]));
  const byKey = new Map<string, ExistingEntry>();
  for (const entry of entries) if (!byKey.has(natural.key(entry.data))) byKey.set(natural.key(entry.data), entry);
  // Ids written in the id column are reserved first, so no generated id can take one of them.
  const taken = new Set([...entries.map((e) => e.id), ...units.flatMap((u) => (u.id ? [u.id] : []))]);
  const seenKeys = new Map<string, number>();
  const seenIds = new Map<string, number>();

  for (const unit of units) {
    const rows = unit.rows.map((d) => d.row);
    const first = rows[0]!;
    const key = natural.key(unit.data);
    const target = unit.id ? byId.get(unit.id) : byKey.get(key);
    const reason = unit.id ? `id 为 ${unit.id}` : natural.describe;
    const repeatOf = unit.id ? seenIds.get(unit.id) : seenKeys.get(key);
    if (repeatOf !== undefined) {
      plan.problems.push({
        severity: 'error',
        row: first,
        message: `与第 ${repeatOf} 行是同一个${IMPORT_LABELS[collection]}（${reason}）`,
        hint:
          collection === 'officers' && !unit.id
            ? '同一单位确有两人同名时，请在 id 列分别填写不同的 id（如 zhang-wei-2）；否则删除重复的一行'
            : '请删除重复的一行',
      });
      for (const row of rows) plan.outcomes.push({ row, status: 'error' });
      continue;
    }
    if (unit.id) seenIds.set(unit.id, first);
    seenKeys.set(key, first);

    if (target) {
      if (update && collection === 'points') {
        plan.problems.push({
          severity: 'error',
          row: first,
          message: `${target.path} 已经有这个单位这个月的积分，--update 不能合并积分`,
          hint: '请直接修改这个文件；或者删除它后，把这个月的全部人员一次导入',
        });
        for (const row of rows) plan.outcomes.push({ row, status: 'error' });
        continue;
      }
      if (!update) {
        for (const row of rows) plan.outcomes.push({ row, status: 'exists', id: target.id, path: target.path, reason });
        continue;
      }
      const merged = mergeInto(target, unit.rows, format);
      if (typeof merged === 'string') {
        plan.problems.push({ severity: 'error', row: first, message: `无法更新 ${target.path}：${merged}`, hint: '请先运行 npm run check 改正这个文件' });
        for (const row of rows) plan.outcomes.push({ row, status: 'error' });
        continue;
      }
      const { text: updated, metricRows } = merged;
      const status = updated === target.text ? 'unchanged' : 'update';
      for (const row of rows) plan.outcomes.push({ row, status, id: target.id, path: target.path, reason });
      if (status === 'update') {
        plan.files.push({ action: 'update', id: target.id, path: target.path, text: updated, before: target.text, rows, metricRows });
      }
      continue;
    }

    const id = unit.id ?? newEntryId(collection, unit.data, taken);
    taken.add(id);
    const path = `${collection}/${id}${format === 'data' ? '.yaml' : '.md'}`;
    const fileText = newEntryText(collection, unit.rows, `从表格导入：${sourceName} ${rowsText(rows)}`);
    plan.files.push({ action: 'create', id, path, text: fileText, rows, metricRows: new Map(rows.map((row, index) => [index, row])) });
    for (const row of rows) plan.outcomes.push({ row, status: 'create', id, path });
  }
  plan.outcomes.sort((a, b) => a.row - b.row);
  return plan;
}
