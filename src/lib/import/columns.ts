/**
 * The spreadsheet columns `npm run import` understands, one table per collection: the Chinese
 * header clerks see in the templates, the synonyms and English field names also accepted, and the
 * field each column fills. The tables are derived from the field descriptions next to the schemas
 * (src/schemas/field.ts); the importer, the templates (scripts/make-import-templates.ts) and the
 * authoring guide all come from them.
 */
import { COLLECTIONS, describeCollection } from '../../schemas/index';
import { flattenFields, type DescribedField } from '../../schemas/field';
import { DEFAULT_POINT_CATEGORIES } from '../../schemas/site-config';
import { closestMatches } from '../suggest';

export const IMPORT_COLLECTIONS = ['honors', 'letters', 'stats', 'officers', 'points'] as const;
export type ImportCollection = (typeof IMPORT_COLLECTIONS)[number];

/** What one collection's rows are called in messages. */
export const IMPORT_LABELS = Object.fromEntries(IMPORT_COLLECTIONS.map((c) => [c, COLLECTIONS[c].label])) as unknown as Record<ImportCollection, string>;

/**
 * How a cell is read:
 * - `text`: one line of text; `body`: the Markdown body, each line a paragraph
 * - `names`: a list of names (split by 、，,;); `tags`: the same, also split by spaces
 * - `officers` / `units`: a list of existing entries, by id or name; `unit`: one unit
 * - `date`: a partial date; `choice`: one value of `choices`; `yesno`: 是/否
 * - `figure`: a number (95,000, 9.5万); `key`: a metric key; `id`: the entry id
 * - `officer`: one existing person; `month`: a month (2021-03, 2021年3月); `points`: points of the
 *   category the header names
 */
export type CellKind =
  | 'text'
  | 'body'
  | 'names'
  | 'tags'
  | 'officers'
  | 'units'
  | 'unit'
  | 'officer'
  | 'date'
  | 'month'
  | 'choice'
  | 'yesno'
  | 'figure'
  | 'points'
  | 'key'
  | 'id';

export interface ColumnSpec {
  /**
   * The field the column fills, as written in the entry file: `title`, `recipients.officers`,
   * `period.start`; `metrics.value` for a field of the row's metric (stats); `body` for the
   * Markdown body; `id` for the file name.
   */
  field: string;
  /** The header the templates use. */
  header: string;
  /** Other headers accepted: synonyms, and the English field name. */
  aliases: readonly string[];
  kind: CellKind;
  /** For `choice`: the label table of the allowed values (labels.ts), and extra words accepted. */
  choices?: Readonly<Record<string, string>>;
  synonyms?: Readonly<Record<string, string>>;
  /** For `yesno`: extra words accepted (政治面貌: 中共党员 → true). */
  yesNo?: Readonly<Record<string, boolean>>;
  /** A new entry needs a value (an update does not). */
  required: boolean;
  /** How to fill it in, in Chinese, for the guide and the template's instruction sheet. */
  note: string;
}

const ID_COLUMN: ColumnSpec = {
  field: 'id',
  header: 'id',
  aliases: ['网址id', '文件名'],
  kind: 'id',
  required: false,
  note: '选填。条目的网址 id（文件名），如 wang-xiang；不填时按名称自动生成拼音 id。填了已有的 id 表示就是那个条目',
};

/** How the import reads a cell of each kind of field. */
function cellKind({ doc }: DescribedField): CellKind {
  switch (doc.input) {
    case 'choice':
      return 'choice';
    case 'boolean':
      return 'yesno';
    case 'reference':
      return doc.ref === 'officers' ? 'officer' : 'unit';
    case 'references':
      return doc.ref === 'officers' ? 'officers' : 'units';
    case 'date':
    case 'month':
    case 'key':
    case 'tags':
    case 'figure':
      return doc.input;
    case 'count':
      return 'figure';
    case 'list':
      return 'names';
    case 'scores':
      return 'points';
    default:
      return 'text';
  }
}

/** The column of a described field; its note says 必填 first when a new row must fill it. */
function fieldColumn(f: DescribedField): ColumnSpec {
  const column = f.doc.column!;
  const required = column.required ?? f.required;
  return {
    field: f.path,
    header: column.header,
    aliases: [...(column.aliases ?? []), f.path],
    kind: cellKind(f),
    ...(f.doc.choices ? { choices: f.doc.choices } : {}),
    ...(column.synonyms ? { synonyms: column.synonyms } : {}),
    ...(column.yesNo ? { yesNo: column.yesNo } : {}),
    required,
    note: `${required ? '必填。' : ''}${column.note ?? f.doc.help}`,
  };
}

/** Every column of a collection: its fields that have one, the body, and the id. */
function columnsOf(collection: ImportCollection): ColumnSpec[] {
  const fields = flattenFields(describeCollection(collection)).filter((f) => f.doc.column);
  const body = COLLECTIONS[collection].body;
  return [
    ...fields.map(fieldColumn),
    ...(body?.column
      ? [{ field: 'body', header: body.column.header, aliases: [...(body.column.aliases ?? []), 'body'], kind: 'body' as const, required: false, note: `${body.help}；单元格中的每一行成为一段` }]
      : []),
    // A points file is named by its unit and month, never by a column.
    ...(collection === 'points' ? [] : [ID_COLUMN]),
  ];
}

/** Field prefix of a category column: `entries.points.志愿服务`. */
export const POINTS_FIELD = 'entries.points.';

/** The column of one point category: the header is the category's name. */
export function categoryColumn(category: string): ColumnSpec {
  return {
    field: `${POINTS_FIELD}${category}`,
    header: category,
    aliases: [],
    kind: 'points',
    required: false,
    note: '积分类别：列名就是类别名称（与 site.config.yaml 的 points.categories 一致），填分数；没有得分的留空',
  };
}

/** Every column of each collection, in template order (points: besides their category columns). */
export const IMPORT_COLUMNS = Object.fromEntries(IMPORT_COLLECTIONS.map((c) => [c, columnsOf(c)])) as unknown as Record<ImportCollection, readonly ColumnSpec[]>;

/** Columns clerks often keep for themselves; they are read past without an error. */
export const IGNORED_HEADERS = ['序号', '备注'] as const;

/**
 * An example row for each template, with facts from the sample content only. Importing a template
 * into the sample site changes nothing: each row is already there.
 */
export const TEMPLATE_EXAMPLES: Record<ImportCollection, Readonly<Record<string, string>>> = {
  honors: {
    title: '见义勇为表彰',
    scope: '个人',
    level: '省级',
    awardedBy: '省见义勇为基金会',
    date: '2020-04',
    'recipients.officers': '王祥',
    summary: '东进警务站辅警王祥面对持刀伤人的歹徒，勇敢上前夺刀与其搏斗，受省见义勇为基金会表彰。',
    body: '东进警务站辅警王祥，面对持刀伤人的歹徒，勇敢上前夺刀与其搏斗，2020年4月被省见义勇为基金会表彰。',
  },
  letters: {
    kind: '感谢信',
    date: '2020-06-18',
    from: '群众（原文未载明姓名）',
    'to.officers': '张军强',
    summary: '感谢民警张军强冒着狂风暴雨，暖心救助精神异常的流浪阿姨。',
    body: '“这可能是张警官日常工作的一天，但是却彰显了我们干警在平凡工作中的风采，对老百姓的爱心、细心、耐心……”',
  },
  stats: {
    title: '2020年以来工作数据',
    unit: '海陵巡特警大队',
    'period.start': '2020-01',
    'period.end': '2020-07',
    'metrics.key': 'people-checked',
    'metrics.label': '核查群众',
    'metrics.value': '95000',
    'metrics.unit': '人次',
    'metrics.approx': '余',
  },
  officers: {
    name: '王祥',
    role: '辅警',
    unit: '东进警务站',
    partyMember: '',
    summary: '东进警务站辅警，面对持刀伤人的歹徒勇敢上前夺刀搏斗，2020年4月受省见义勇为基金会表彰。',
    tags: '见义勇为、夺刀',
    consent: '是',
    body: '东进警务站辅警王祥，面对持刀伤人的歹徒，勇敢上前夺刀与其搏斗。\n2020年4月，王祥被省见义勇为基金会表彰。',
  },
  // The sample records no points: an example row would invent points for real people.
  points: {},
};

/** The columns a template shows: all but the optional id; the points template has the default categories before 备注. */
export function templateColumns(collection: ImportCollection): readonly ColumnSpec[] {
  const columns = IMPORT_COLUMNS[collection].filter((c) => c.kind !== 'id');
  if (collection !== 'points') return columns;
  const note = columns.findIndex((c) => c.field === 'entries.note');
  return [...columns.slice(0, note), ...DEFAULT_POINT_CATEGORIES.map(categoryColumn), ...columns.slice(note)];
}

/**
 * A header as written, made comparable: full-width letters folded (ＩＤ → ID), spaces and
 * required-marks (*, （必填）) removed, English case ignored.
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^\*+|\*+$/g, '')
    .replace(/[(（](?:必填|选填|可选)[)）]$/, '')
    .toLowerCase();
}

/** One column of the sheet as the importer reads it. */
export interface SheetColumn {
  /** 0-based position in the sheet. */
  index: number;
  /** The header as written (shown in messages). */
  header: string;
  spec: ColumnSpec;
}

export interface HeaderProblem {
  /** 0-based position of the column. */
  index: number;
  header: string;
  message: string;
  hint: string;
}

/** The column spec a header names, if any. */
export function matchHeader(collection: ImportCollection, header: string): ColumnSpec | undefined {
  const wanted = normaliseHeader(header);
  return IMPORT_COLUMNS[collection].find((spec) => [spec.header, ...spec.aliases].some((h) => normaliseHeader(h) === wanted));
}

/**
 * How many different columns of this collection a row names: used to find the header row. A
 * title merged across the sheet repeats one text in every cell, so it counts once.
 */
export function countKnownHeaders(collection: ImportCollection, cells: readonly string[]): number {
  return new Set(
    cells
      .filter((cell) => cell.trim() !== '')
      .map((cell) => matchHeader(collection, cell))
      .filter(Boolean),
  ).size;
}

/** Spreadsheet column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * Reads a header row. Unknown headers are problems with a did-you-mean; a column without a header
 * is a problem only when it has data (`used`). Two columns may name the same field (a header
 * merged across two columns): their cells are read together.
 */
export function resolveHeaders(
  collection: ImportCollection,
  headers: readonly string[],
  used: (index: number) => boolean,
): { columns: SheetColumn[]; problems: HeaderProblem[] } {
  const columns: SheetColumn[] = [];
  const problems: HeaderProblem[] = [];
  const specs = IMPORT_COLUMNS[collection];
  headers.forEach((raw, index) => {
    const header = raw.trim();
    if (header === '') {
      if (used(index)) {
        problems.push({
          index,
          header: `第 ${columnLetter(index)} 列`,
          message: `第 ${columnLetter(index)} 列没有列名，但下面有内容`,
          hint: `请在表头填写列名（可用的列：${specs.map((s) => s.header).join('、')}），或删除这一列`,
        });
      }
      return;
    }
    const spec = matchHeader(collection, header);
    if (spec) {
      columns.push({ index, header, spec });
      return;
    }
    if ((IGNORED_HEADERS as readonly string[]).includes(normaliseHeader(header))) return;
    // Any other header of a points sheet is a category; the content check knows the configured
    // ones and names a misspelt category with a did-you-mean.
    if (collection === 'points') {
      columns.push({ index, header, spec: categoryColumn(header) });
      return;
    }
    const guess = suggestHeader(collection, header);
    problems.push({
      index,
      header,
      message: `不认识的列「${header}」`,
      hint: `${guess ? `是不是「${guess}」？` : ''}${IMPORT_LABELS[collection]}表格可用的列：${specs.map((s) => s.header).join('、')}（“${IGNORED_HEADERS.join('”“')}”列不导入）`,
    });
  });
  return { columns, problems };
}

/** Leading characters two headers share: 授予机关 and 授予单位 share 授予. */
function sharedStart(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

/**
 * The known header closest to an unknown one: by edit distance, one containing the other, or
 * (for Chinese headers) the same first two characters.
 */
export function suggestHeader(collection: ImportCollection, header: string): string | undefined {
  const wanted = normaliseHeader(header);
  const candidates = IMPORT_COLUMNS[collection].flatMap((spec) => [spec.header, ...spec.aliases].map((h) => ({ h, spec })));
  const byDistance = closestMatches(
    wanted,
    candidates.map(({ h }) => normaliseHeader(h)),
    1,
  )[0];
  const hit =
    candidates.find(({ h }) => normaliseHeader(h) === byDistance) ??
    candidates.find(({ h }) => /[^\x00-\x7f]/.test(h) && (normaliseHeader(h).includes(wanted) || wanted.includes(normaliseHeader(h)))) ??
    candidates.find(({ h }) => /[^\x00-\x7f]/.test(h) && sharedStart(normaliseHeader(h), wanted) >= 2);
  return hit?.spec.header;
}
