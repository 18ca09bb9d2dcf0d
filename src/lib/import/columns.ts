/**
 * The spreadsheet columns `npm run import` understands, one table per collection: the Chinese
 * header clerks see in the templates, the synonyms and English field names also accepted, and the
 * field each column fills. The importer, the templates (scripts/make-import-templates.ts) and the
 * authoring guide all come from these tables.
 */
import { HONOR_LEVELS, HONOR_SCOPES, LETTER_KINDS, OFFICER_ROLES } from '../labels';
import { DEFAULT_POINT_CATEGORIES } from '../../schemas/site-config';
import { closestMatches } from '../suggest';

export const IMPORT_COLLECTIONS = ['honors', 'letters', 'stats', 'officers', 'points'] as const;
export type ImportCollection = (typeof IMPORT_COLLECTIONS)[number];

/** What one collection's rows are called in messages. */
export const IMPORT_LABELS: Record<ImportCollection, string> = { honors: '荣誉', letters: '感谢信', stats: '数据', officers: '人物', points: '积分' };

/**
 * How a cell is read:
 * - `text`: one line of text; `body`: the Markdown body, each line a paragraph
 * - `names`: a list of names (split by 、，,;); `tags`: the same, also split by spaces
 * - `officers` / `units`: a list of existing entries, by id or name; `unit`: one unit
 * - `date`: a partial date; `choice`: one value of `choices`; `yesno`: 是/否
 * - `figure`: a number (95,000, 9.5万); `approx`: 余/约; `key`: a metric key; `id`: the entry id
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
  | 'approx'
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

const HONORS: readonly ColumnSpec[] = [
  { field: 'title', header: '荣誉名称', aliases: ['名称', '荣誉', 'title'], kind: 'text', required: true, note: '必填。如 个人三等功' },
  {
    field: 'scope',
    header: '类别',
    aliases: ['荣誉类别', 'scope'],
    kind: 'choice',
    choices: HONOR_SCOPES,
    synonyms: { 个人荣誉: 'individual', 集体荣誉: 'collective' },
    required: false,
    note: '个人 或 集体。不填时：填了获奖单位为集体，否则为个人',
  },
  {
    field: 'level',
    header: '级别',
    aliases: ['荣誉级别', 'level'],
    kind: 'choice',
    choices: HONOR_LEVELS,
    synonyms: { 国家: 'national', 省: 'provincial', 市: 'municipal', 区级: 'district', 县级: 'district', 区: 'district', 县: 'district', 局: 'bureau' },
    required: false,
    note: '国家级、省级、市级、区县级、局级 或 其他',
  },
  {
    field: 'awardedBy',
    header: '授予单位',
    aliases: ['颁发单位', '授奖单位', '表彰单位', 'awardedBy'],
    kind: 'text',
    required: true,
    note: '必填。按原始材料的写法；不明时写“原文未注明”',
  },
  { field: 'date', header: '日期', aliases: ['授予日期', '获奖日期', '表彰日期', '时间', 'date'], kind: 'date', required: false, note: '可以只写到年或月' },
  { field: 'documentNo', header: '文号', aliases: ['documentNo'], kind: 'text', required: false, note: '如 苏见基〔2020〕××号' },
  {
    field: 'recipients.officers',
    header: '获奖人物',
    aliases: ['获奖人', '获奖民警', 'recipients.officers', 'officers'],
    kind: 'officers',
    required: false,
    note: '已有人物页的获奖者：姓名或 id，多人用顿号、逗号或空格隔开',
  },
  {
    field: 'recipients.units',
    header: '获奖单位',
    aliases: ['获奖集体', 'recipients.units', 'units'],
    kind: 'units',
    required: false,
    note: '已有单位的全称、简称或 id，多个用顿号或逗号隔开',
  },
  {
    field: 'recipients.others',
    header: '其他获奖者',
    aliases: ['recipients.others', 'others'],
    kind: 'names',
    required: false,
    note: '没有人物页的获奖者或集体名称，按可以公开的写法',
  },
  {
    field: 'recipients.count',
    header: '获奖人数',
    aliases: ['人数', 'recipients.count', 'count'],
    kind: 'figure',
    required: false,
    note: '只知道人数、不知道姓名时填写，如 8',
  },
  { field: 'summary', header: '简介', aliases: ['摘要', 'summary'], kind: 'text', required: false, note: '一两句话' },
  {
    field: 'body',
    header: '事迹',
    aliases: ['正文', '表彰原文', '事迹材料', 'body'],
    kind: 'body',
    required: false,
    note: '表彰原文或事迹；单元格中的每一行成为一段',
  },
  ID_COLUMN,
];

const LETTERS: readonly ColumnSpec[] = [
  {
    field: 'kind',
    header: '类型',
    aliases: ['类别', 'kind'],
    kind: 'choice',
    choices: LETTER_KINDS,
    synonyms: { 信: 'letter', 表扬信: 'letter', 电话: 'call', 致谢电话: 'call', 留言: 'message' },
    required: true,
    note: '必填。感谢信、锦旗、电话致谢、网上留言 或 其他',
  },
  { field: 'date', header: '日期', aliases: ['收到日期', '时间', 'date'], kind: 'date', required: true, note: '必填。收到的日期，可以只写到年或月' },
  {
    field: 'from',
    header: '致谢人',
    aliases: ['来信人', '送旗人', '致谢群众', 'from'],
    kind: 'text',
    required: true,
    note: '必填。已隐去全名的称呼，如 市民李女士',
  },
  {
    field: 'to.officers',
    header: '致谢人物',
    aliases: ['感谢人物', '被感谢人', 'to.officers'],
    kind: 'officers',
    required: false,
    note: '被感谢的人物：姓名或 id，多人用顿号、逗号或空格隔开',
  },
  {
    field: 'to.units',
    header: '致谢单位',
    aliases: ['感谢单位', '被感谢单位', 'to.units'],
    kind: 'units',
    required: false,
    note: '被感谢的单位：全称、简称或 id。「致谢人物」「致谢单位」至少填一项',
  },
  { field: 'inscription', header: '锦旗题字', aliases: ['题字', 'inscription'], kind: 'text', required: false, note: '锦旗上的字' },
  { field: 'summary', header: '简介', aliases: ['摘要', 'summary'], kind: 'text', required: true, note: '必填。一两句话' },
  {
    field: 'body',
    header: '原文',
    aliases: ['正文', '内容', 'body'],
    kind: 'body',
    required: false,
    note: '原文转录或节选，隐去全名、电话和住址；单元格中的每一行成为一段',
  },
  ID_COLUMN,
];

const OFFICERS: readonly ColumnSpec[] = [
  { field: 'name', header: '姓名', aliases: ['name'], kind: 'text', required: true, note: '必填。全名，如 王祥' },
  {
    field: 'role',
    header: '身份',
    aliases: ['人员类别', 'role'],
    kind: 'choice',
    choices: OFFICER_ROLES,
    synonyms: { 警察: 'police', 人民警察: 'police', 警务辅助人员: 'auxiliary', 其他: 'other' },
    required: true,
    note: '必填。民警、辅警 或 队员',
  },
  { field: 'title', header: '职务', aliases: ['title'], kind: 'text', required: false, note: '如 东进警务站站长' },
  { field: 'unit', header: '单位', aliases: ['所在单位', 'unit'], kind: 'unit', required: true, note: '必填。已有单位的全称、简称或 id' },
  {
    field: 'partyMember',
    header: '是否党员',
    aliases: ['党员', '政治面貌', 'partyMember'],
    kind: 'yesno',
    yesNo: { 中共党员: true, 党员: true, 群众: false, 共青团员: false, 团员: false },
    required: false,
    note: '是 或 否（也可写 中共党员、群众）',
  },
  { field: 'summary', header: '一句话简介', aliases: ['简介', 'summary'], kind: 'text', required: true, note: '必填。用在人物列表、首页和分享中' },
  { field: 'tags', header: '标签', aliases: ['tags'], kind: 'tags', required: false, note: '多个用顿号、逗号或空格隔开，如 见义勇为、夺刀' },
  {
    field: 'consent',
    header: '同意公开',
    aliases: ['本人同意公开', '是否同意公开', 'consent'],
    kind: 'yesno',
    required: false,
    note: '取得本人书面同意后才能填“是”；不填或填“否”时不会出现在公开网站上',
  },
  { field: 'body', header: '事迹', aliases: ['正文', '事迹材料', 'body'], kind: 'body', required: false, note: '人物事迹；单元格中的每一行成为一段' },
  ID_COLUMN,
];

const STATS: readonly ColumnSpec[] = [
  { field: 'title', header: '标题', aliases: ['title'], kind: 'text', required: true, note: '必填。这一期的标题；标题、单位、起止日期都相同的行合成一期' },
  { field: 'unit', header: '单位', aliases: ['所属单位', 'unit'], kind: 'unit', required: false, note: '数据所属单位的全称、简称或 id；不填时为本站单位' },
  { field: 'period.start', header: '起始日期', aliases: ['开始日期', 'period.start', 'start'], kind: 'date', required: true, note: '必填。可以只写到年或月' },
  { field: 'period.end', header: '截止日期', aliases: ['结束日期', 'period.end', 'end'], kind: 'date', required: true, note: '必填。不能早于起始日期' },
  {
    field: 'metrics.key',
    header: '指标代码',
    aliases: ['key', 'metrics.key'],
    kind: 'key',
    required: false,
    note: '小写拼音或英文加连字符，如 people-checked，各期保持一致。不填时：已有数据中用过同一指标名称的，沿用它的代码；否则按指标名称生成拼音',
  },
  { field: 'metrics.label', header: '指标名称', aliases: ['指标', 'label', 'metrics.label'], kind: 'text', required: true, note: '必填。如 核查群众' },
  {
    field: 'metrics.value',
    header: '数值',
    aliases: ['数量', '数字', 'value', 'metrics.value'],
    kind: 'figure',
    required: true,
    note: '必填。如 95000、95,000 或 9.5万',
  },
  { field: 'metrics.unit', header: '计量单位', aliases: ['metrics.unit'], kind: 'text', required: false, note: '如 起、人次、辆次、面、封' },
  {
    field: 'metrics.approx',
    header: '约数',
    aliases: ['approx', 'metrics.approx'],
    kind: 'approx',
    required: false,
    note: '原始材料写“余”时填 余，写“约”时填 约；准确数字不填',
  },
  ID_COLUMN,
];

/**
 * Points: one row per member and month. Besides these, every other header names a point category
 * (固定党日学习, 志愿服务 …, as in `points.categories` of the site config): see `categoryColumn`.
 */
const POINTS: readonly ColumnSpec[] = [
  { field: 'unit', header: '单位', aliases: ['所在单位', '警务站', 'unit'], kind: 'unit', required: true, note: '必填。记分单位的全称、简称或 id；同一单位同一月份的各行合成一个积分文件' },
  { field: 'month', header: '月份', aliases: ['月', '积分月份', 'month'], kind: 'month', required: true, note: '必填。如 2021-03 或 2021年3月；季度和年度由各月合计，不要填' },
  {
    field: 'entries.officer',
    header: '人物',
    aliases: ['姓名', '民警', 'entries.officer', 'officer'],
    kind: 'officer',
    required: true,
    note: '必填。已有人物的姓名或 id；同一人同一月份只能有一行',
  },
  { field: 'entries.note', header: '备注', aliases: ['entries.note', 'note'], kind: 'text', required: false, note: '选填。只在内部版本（或全名公开时）显示' },
];

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
export const IMPORT_COLUMNS: Record<ImportCollection, readonly ColumnSpec[]> = {
  honors: HONORS,
  letters: LETTERS,
  stats: STATS,
  officers: OFFICERS,
  points: POINTS,
};

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
