/**
 * The files `npm run new` writes: every required field filled (with the value given, or a
 * placeholder the content check refuses), every optional field present as a comment that says
 * what it is for. Pure: values in, file text out.
 */
import { markdownEntry } from './entry-file';
import { placeholder } from './placeholder';

export const NEW_KINDS = ['officer', 'honor', 'letter', 'activity', 'unit'] as const;
export type NewKind = (typeof NEW_KINDS)[number];

/** The collection folder of each kind. */
export const KIND_COLLECTIONS = {
  officer: 'officers',
  honor: 'honors',
  letter: 'letters',
  activity: 'activities',
  unit: 'units',
} as const satisfies Record<NewKind, string>;

/** What the command line gave (all optional; missing required values become placeholders). */
export interface NewEntryValues {
  name: string;
  unit?: string | undefined;
  date?: string | undefined;
  title?: string | undefined;
  role?: string | undefined;
  scope?: string | undefined;
  level?: string | undefined;
  by?: string | undefined;
  officer?: string[] | undefined;
  to?: string[] | undefined;
  kind?: string | undefined;
  from?: string | undefined;
  host?: string | undefined;
  parent?: string | undefined;
  summary?: string | undefined;
  /** The body, when there is a text to start with (a planned study session has no report yet). */
  body?: string | undefined;
}

/** Reads `2020`, `2020-04` or `2020-06-18` as the YAML scalar authors would write. */
function dateValue(date: string): string | number {
  return /^\d{4}$/.test(date) ? Number(date) : date;
}

/**
 * Who an honour went to, or a letter thanked: people and units may both be named (a station and
 * its head), so neither option hides the other.
 */
function peopleAndUnits(officers: string[] | undefined, unit: string | undefined, missing: string) {
  const people = officers?.length ? { officers } : {};
  const units = unit ? { units: [unit] } : {};
  return officers?.length || unit ? { ...people, ...units } : { officers: [placeholder(missing)] };
}

const COMMON = ['publishDate: 2026-12-01   # 发布时间：此前不公开（北京时间）', 'sources:                  # 资料来源', '  - title: 报道标题', '    date: 2020-07-13'];

/** The text of a new entry file. `today` is the date written when none was given (YYYY-MM-DD). */
export function newEntryText(kind: NewKind, values: NewEntryValues, today: string): string {
  switch (kind) {
    case 'officer':
      return markdownEntry(
        {
          name: values.name,
          role: values.role ?? 'police',
          unit: values.unit ?? placeholder('所在单位 id'),
          summary: values.summary ?? placeholder('一句话简介'),
          ...(values.title ? { title: values.title } : {}),
        },
        `${placeholder('事迹正文')}\n`,
        [
          '以下是选填字段：去掉行首的 # 即可启用。',
          ...(values.title ? [] : ['title: 职务，如 站长']),
          'partyMember: true        # 中共党员',
          'photo: 文件名.jpg         # 照片：用 npm run photo 添加',
          'photoAlt: 照片的文字说明',
          'tags: [见义勇为]',
          'aliases: [别名]           # 搜索别名，不显示',
          'featured: true           # 首页推荐',
          'consent: true            # 取得本人书面同意后才能写，否则不会公开',
          ...COMMON,
        ],
      );
    case 'honor':
      return markdownEntry(
        {
          title: values.name,
          // An honour with a unit among its recipients is collective: individual ones name people only.
          scope: values.scope ?? (values.unit ? 'collective' : 'individual'),
          awardedBy: values.by ?? placeholder('授予单位'),
          // The date is optional: an undated honour is listed under 日期未注明, not refused.
          ...(values.date ? { date: dateValue(values.date) } : {}),
          ...(values.level ? { level: values.level } : {}),
          recipients: peopleAndUnits(values.officer, values.unit, '获奖人物 id'),
          ...(values.summary ? { summary: values.summary } : {}),
        },
        `${placeholder('事迹或表彰决定原文')}\n`,
        [
          '以下是选填字段：去掉行首的 # 即可启用。',
          ...(values.date ? [] : ['date: 2020-04             # 授予日期：2019、2020-04 或 2020-06-18；不写时列在“日期未注明”下']),
          ...(values.level ? [] : ['level: provincial         # 级别：national 国家级 / provincial 省级 / municipal 市级 / district 区县级 / bureau 局级 / other']),
          'documentNo: 文号',
          'certificate: 文件名.jpg   # 证书图片：用 npm run photo 添加',
          'certificateAlt: 证书的文字说明',
          ...(values.summary ? [] : ['summary: 一两句简介']),
          ...COMMON,
        ],
      );
    case 'letter':
      return markdownEntry(
        {
          kind: values.kind ?? 'letter',
          date: dateValue(values.date ?? today),
          from: values.from ?? values.name,
          to: peopleAndUnits(values.to, values.unit, '致谢人物 id'),
          summary: values.summary ?? placeholder('一句话简介'),
        },
        `${placeholder('感谢信原文（隐去写信人的全名、电话和住址）')}\n`,
        [
          '以下是选填字段：去掉行首的 # 即可启用。',
          'inscription: 锦旗题字',
          'scan: 文件名.jpg          # 原件照片：用 npm run photo 添加',
          'scanAlt: 原件的文字说明',
          ...COMMON,
        ],
      );
    case 'activity':
      return markdownEntry(
        {
          title: values.name,
          kind: values.kind ?? 'study',
          date: dateValue(values.date ?? today),
          unit: values.unit ?? placeholder('举办单位 id'),
          ...(values.host ? { host: values.host } : {}),
          summary: values.summary ?? placeholder('一句话简介'),
        },
        `${values.body ?? placeholder('活动记录')}\n`,
        [
          '以下是选填字段：去掉行首的 # 即可启用。',
          ...(values.host ? [] : ['host: 主持人 id            # 轮值主持']),
          'participants: 全体党员     # 参加人员：人数或文字',
          ...COMMON,
        ],
      );
    case 'unit':
      return markdownEntry(
        {
          name: values.name,
          kind: values.kind ?? 'station',
          ...(values.parent ? { parent: values.parent } : {}),
          summary: values.summary ?? placeholder('一两句简介'),
        },
        `${placeholder('单位介绍')}\n`,
        [
          '以下是选填字段：去掉行首的 # 即可启用。',
          'shortName: 简称',
          'address: 地址',
          'hours: 服务时间',
          'services: [服务事项]',
          'photo: 文件名.jpg',
          'photoAlt: 照片的文字说明',
          ...COMMON,
        ],
      );
  }
}
