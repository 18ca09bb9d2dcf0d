/**
 * What `npm run init` asks to start a unit's own site, and how each answer is read: the same
 * questions whether they come from prompts or from options (`--name`, `--kind` …), each value
 * checked with the schema rules `npm run check` applies to the files it ends up in
 * (src/schemas/units.ts for the site's own unit, src/schemas/site-config.ts for the config).
 *
 * Labels, helps and the unit kinds come from the field descriptions, so a kind added to the
 * schema is offered here without a change; so is `kindLabel` (the unit's own word for its kind,
 * asked when the clerk picks 其他) and a free-text field for the parent's name, when the units
 * schema has them.
 */
import { z } from 'astro/zod';
import { describeCollection } from '../../schemas/index';
import { fieldAt } from '../../schemas/field';
import { siteConfigSchema } from '../../schemas/site-config';
import { unitSchema } from '../../schemas/units';
import { translateIssue } from '../check/zod-issues';
import { INVISIBLE } from '../normalize-text';
import { DEFAULT_THEME, presetNamed, THEME_PRESETS } from '../themes';

export type AnswerKey =
  | 'name'
  | 'shortName'
  | 'kind'
  | 'kindLabel'
  | 'parentName'
  | 'title'
  | 'themeColor'
  | 'url'
  | 'base'
  | 'organizer'
  | 'phone'
  | 'address'
  | 'email'
  | 'icp'
  | 'psb'
  | 'siteCode';

/** The answers so far; a missing key is not answered (yet), or left out. */
export type InitAnswers = Partial<Record<AnswerKey, string>>;

/** A wrong answer, said so the clerk can type a better one. */
export interface AnswerProblem {
  message: string;
  hint: string;
}

const unitFields = describeCollection('units');
const unitField = (key: string) => unitFields.find((f) => f.key === key);
const configLabel = (...path: string[]) => fieldAt(siteConfigSchema, path)?.doc.label ?? path.join('.');
/** An optional config field's help as a question says it: 选填, the field's own help, its example. */
const optionalHelp = (...path: string[]) => {
  const doc = fieldAt(siteConfigSchema, path)?.doc;
  return `选填，${doc?.help ?? ''}${doc?.example ? `，如 ${doc.example}` : ''}`;
};

const KIND_FIELD = unitField('kind')!;

/** The unit kinds of the schema: value → Chinese label, in the schema's order. */
export const UNIT_KIND_CHOICES: Readonly<Record<string, string>> = KIND_FIELD.doc.choices ?? {};

/** The kind that means "none of these" (其他), after which the unit's own word is asked for. */
export const OTHER_KIND = 'other';

/** The schema's field for the unit's own word for its kind (`kindLabel`), if it has one. */
export const KIND_LABEL_FIELD = unitField('kindLabel');

/**
 * The schema's free-text field for the name of the unit above the site's own (上级单位), if it
 * has one: the `parent` reference cannot hold it, since the site's own unit is the one without.
 */
export const PARENT_NAME_FIELD = unitFields.find((f) => f.key !== 'parent' && f.doc.input === 'text' && (f.key.startsWith('parent') || f.doc.label.includes('上级')));

/** Where an answer is written: a field of the site's own unit, or of site.config.yaml. */
const WHERE: Record<AnswerKey, { file: 'unit' | 'config'; path: string[] } | undefined> = {
  name: { file: 'unit', path: ['name'] },
  shortName: { file: 'unit', path: ['shortName'] },
  kind: { file: 'unit', path: ['kind'] },
  kindLabel: KIND_LABEL_FIELD && { file: 'unit', path: [KIND_LABEL_FIELD.key] },
  parentName: PARENT_NAME_FIELD && { file: 'unit', path: [PARENT_NAME_FIELD.key] },
  title: { file: 'config', path: ['title'] },
  themeColor: { file: 'config', path: ['themeColor'] },
  url: { file: 'config', path: ['url'] },
  base: { file: 'config', path: ['base'] },
  organizer: { file: 'config', path: ['organizer'] },
  phone: { file: 'config', path: ['contact', 'phone'] },
  address: { file: 'config', path: ['contact', 'address'] },
  email: { file: 'config', path: ['contact', 'email'] },
  icp: { file: 'config', path: ['filing', 'icp'] },
  psb: { file: 'config', path: ['filing', 'psb'] },
  siteCode: { file: 'config', path: ['filing', 'siteCode'] },
};

/** The address written when the clerk does not know it yet: the shipped sample's, to be changed before publishing. */
export const PLACEHOLDER_URL = 'https://example.com';

const schemaDefault = (key: 'base') => String(siteConfigSchema.shape[key].parse(undefined));

/** The words a site's own unit is described with in the config (搜索引擎和分享时显示). */
export function siteDescription(name: string): string {
  return `${name}的先进典型、荣誉、群众感谢与工作数据。`;
}

/** The filing numbers, in the order of the footer. */
export const FILING_KEYS = ['icp', 'psb', 'siteCode'] as const;

/** The unit's published contact (`contact` in the config), in the order of the footer. */
export const CONTACT_KEYS = ['phone', 'address', 'email'] as const;

/** The config's data for the answers: what the template writes, field by field. */
export function configData(answers: InitAnswers): Record<string, unknown> {
  return defined({
    title: answers.title,
    description: answers.name === undefined ? undefined : siteDescription(answers.name),
    url: answers.url,
    base: answers.base,
    themeColor: answers.themeColor,
    organizer: answers.organizer,
    contact: defined(Object.fromEntries(CONTACT_KEYS.map((key) => [key, answers[key]]))),
    filing: defined(Object.fromEntries(FILING_KEYS.map((key) => [key, answers[key]]))),
  });
}

/** The frontmatter of the site's own unit for the answers. */
export function unitData(answers: InitAnswers): Record<string, unknown> {
  return defined({
    name: answers.name,
    shortName: answers.shortName,
    kind: answers.kind,
    ...(KIND_LABEL_FIELD ? { [KIND_LABEL_FIELD.key]: answers.kindLabel } : {}),
    ...(PARENT_NAME_FIELD ? { [PARENT_NAME_FIELD.key]: answers.parentName } : {}),
  });
}

function defined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

/** The units schema as the check reads a file: images and references stay text. */
const UNIT_SCHEMA = unitSchema({ image: () => z.string(), reference: (collection) => z.string().transform((id) => ({ collection, id })) });

/**
 * What the schemas say about the answers, by answer: the same rules and the same words as
 * `npm run check` (a field still missing is not reported here: it is asked for, or has a default).
 */
export function answerProblems(answers: InitAnswers): Partial<Record<AnswerKey, AnswerProblem>> {
  const found: Partial<Record<AnswerKey, AnswerProblem>> = {};
  const files = [
    { file: 'unit' as const, schema: UNIT_SCHEMA as z.ZodTypeAny, data: unitData(answers) },
    { file: 'config' as const, schema: siteConfigSchema as z.ZodTypeAny, data: configData(answers) },
  ];
  for (const { file, schema, data } of files) {
    const parsed = schema.safeParse(data);
    if (parsed.success) continue;
    for (const issue of parsed.error.issues) {
      const key = (Object.keys(WHERE) as AnswerKey[]).find((k) => WHERE[k]?.file === file && WHERE[k]!.path.join('.') === issue.path.join('.'));
      if (!key || answers[key] === undefined || found[key]) continue;
      const { message, hint } = translateIssue(issue, schema, data);
      found[key] = { message, hint: hint ?? '' };
    }
  }
  return found;
}

/**
 * What was typed, as meant: invisible characters pasted from Word or WeChat removed, every kind of
 * space (no-break, full-width) made one plain space, the ends trimmed. `codes` also folds
 * full-width letters, digits and signs (＃１Ｆ４Ｅ９Ｃ from a Chinese IME) to their plain forms —
 * not for names, whose full-width brackets are meant.
 */
export function cleanAnswer(raw: string, { codes = false }: { codes?: boolean } = {}): string {
  const visible = raw.replace(new RegExp(INVISIBLE.source, 'gu'), '');
  return (codes ? visible.normalize('NFKC') : visible).replace(/\s+/gu, ' ').trim();
}

/** The kind whose label the name ends with (东湖派出所 → the kind labelled 派出所), the longest label first. */
export function kindFromName(name: string): string | undefined {
  const byLength = Object.entries(UNIT_KIND_CHOICES).sort(([, a], [, b]) => b.length - a.length);
  return byLength.find(([value, label]) => value !== OTHER_KIND && name.endsWith(label))?.[0];
}

/**
 * A short name from a full one: what follows the last 局, 区, 县 or 市 (泰州市公安局海陵分局东湖派出所
 * → 东湖派出所), when that leaves a name of its own; none otherwise.
 */
export function shortNameFrom(name: string): string | undefined {
  const match = /^.*[局区县市](.{2,})$/u.exec(name);
  return match && match[1] !== name ? match[1] : undefined;
}

/** What reading one answer gives: the value, and any other answer it settles (派出所 typed as a kind → 其他 + kindLabel). */
export type Reading = { ok: true; value: string | undefined; also?: InitAnswers } | { ok: false; problem: AnswerProblem };

export interface Question {
  key: AnswerKey;
  /** The command-line option that gives the answer: `--theme-color`. */
  option: string;
  /** The field's Chinese label. */
  label: string;
  /** How to answer, with an example. */
  help: string;
  required: boolean;
  /** Whether it is asked, given the answers before it. */
  applies: (answers: InitAnswers) => boolean;
  /** The value Enter keeps (undefined: an optional answer is left out). */
  fallback: (answers: InitAnswers) => string | undefined;
  /** Cleans what was typed and turns it into the value written (a kind's number into its value). */
  read?: (typed: string, answers: InitAnswers) => Reading;
  /** Plain characters only (codes, addresses, colours): full-width forms folded. */
  codes?: boolean;
}

const always = () => true;

/** The numbered list of kinds, as the kind question shows it. */
export function kindMenu(): string[] {
  return Object.entries(UNIT_KIND_CHOICES).map(([value, label], i) => `${i + 1}. ${label}（${value}）`);
}

/** A kind typed as its number, its value or its label; a word of its own becomes 其他 with that word as kindLabel. */
function readKind(typed: string): Reading {
  const entries = Object.entries(UNIT_KIND_CHOICES);
  const byNumber = /^\d+$/.test(typed) ? entries[Number(typed) - 1]?.[0] : undefined;
  const value = byNumber ?? entries.find(([v, label]) => v === typed || label === typed)?.[0];
  if (value) return { ok: true, value };
  if (KIND_LABEL_FIELD && /\p{Script=Han}/u.test(typed)) return { ok: true, value: OTHER_KIND, also: { kindLabel: typed } };
  return {
    ok: false,
    problem: {
      message: `“${typed}”不是可选的单位类型`,
      hint: `请输入编号（1–${entries.length}）或类型名称：${entries.map(([v, label]) => `${label}（${v}）`).join('、')}${KIND_LABEL_FIELD ? '；都不合适时输入本单位的类型名称，如 派出所' : '；都不合适时选“其他”'}`,
    },
  };
}

/**
 * A site address with a path (https://www.example.gov.cn/rongyu/) is two answers: the address of
 * the domain and the sub-path (guide §15), unless a sub-path was given on its own.
 */
function readUrl(typed: string, answers: InitAnswers): Reading {
  if (!URL.canParse(typed) || !/^https?:\/\//i.test(typed)) return { ok: true, value: typed };
  const url = new URL(typed);
  if (url.pathname === '/' || url.search || url.hash) return { ok: true, value: typed.replace(/\/$/, '') };
  return { ok: true, value: url.origin, also: answers.base === undefined ? { base: parsedBase(url.pathname) ?? url.pathname } : {} };
}

/** A sub-path as the config reads it (rongyu, /rongyu → /rongyu/); undefined when the config refuses it. */
function parsedBase(text: string): string | undefined {
  const parsed = siteConfigSchema.shape.base.safeParse(text);
  return parsed.success ? parsed.data : undefined;
}

/** A colour typed without its # (1f4e9c) is meant with one. */
/** A colour as `#rrggbb`, or a preset's name (党建红) for the preset's colour. */
function readColor(typed: string): Reading {
  const preset = presetNamed(typed);
  if (preset) return { ok: true, value: THEME_PRESETS[preset].color };
  return { ok: true, value: /^[0-9a-f]{6}$/i.test(typed) ? `#${typed}` : typed };
}

/**
 * The sub-path as the schema writes it: rongyu → /rongyu/. One already read from the site's
 * address (the only way `base` is answered before its own question) must not be contradicted.
 */
function readBase(typed: string, answers: InitAnswers): Reading {
  const value = parsedBase(typed);
  // One the config refuses is left to its check, which says why.
  if (value === undefined) return { ok: true, value: typed };
  if (answers.base !== undefined && value !== answers.base) {
    return {
      ok: false,
      problem: {
        message: `网站地址中已有子路径 ${answers.base}，与这里的 ${value} 不一致`,
        hint: `子路径只写一处：网站地址只写到域名（如 https://www.example.gov.cn），子路径写在这里；或者采用 ${answers.base}`,
      },
    };
  }
  return { ok: true, value };
}

const nameHelp = unitField('name')!.doc.help;

/** Every question, in the order asked. */
export const QUESTIONS: readonly Question[] = [
  { key: 'name', option: 'name', label: unitField('name')!.doc.label, help: nameHelp, required: true, applies: always, fallback: () => undefined },
  {
    key: 'shortName',
    option: 'short-name',
    label: unitField('shortName')!.doc.label,
    help: unitField('shortName')!.doc.help,
    required: false,
    applies: always,
    fallback: (a) => (a.name === undefined ? undefined : shortNameFrom(a.name)),
  },
  {
    key: 'kind',
    option: 'kind',
    label: KIND_FIELD.doc.label,
    help: '输入编号或类型名称',
    required: true,
    applies: always,
    fallback: (a) => (a.name === undefined ? OTHER_KIND : (kindFromName(a.name) ?? OTHER_KIND)),
    read: readKind,
    codes: true,
  },
  ...(KIND_LABEL_FIELD
    ? [
        {
          key: 'kindLabel' as const,
          option: 'kind-label',
          label: KIND_LABEL_FIELD.doc.label,
          help: KIND_LABEL_FIELD.doc.help,
          required: false,
          applies: (a: InitAnswers) => a.kind === OTHER_KIND,
          // The word typed at the kind question (派出所) stays unless another is typed here.
          fallback: (a: InitAnswers) => a.kindLabel,
        },
      ]
    : []),
  ...(PARENT_NAME_FIELD
    ? [{ key: 'parentName' as const, option: 'parent', label: PARENT_NAME_FIELD.doc.label, help: PARENT_NAME_FIELD.doc.help, required: false, applies: always, fallback: () => undefined }]
    : []),
  {
    key: 'title',
    option: 'title',
    label: configLabel('title'),
    help: '显示在页眉和浏览器标签页上',
    required: true,
    applies: always,
    fallback: (a) => (a.name === undefined ? undefined : `${a.shortName ?? a.name}荣誉榜`),
  },
  {
    key: 'themeColor',
    option: 'theme-color',
    label: configLabel('themeColor'),
    help: `页眉和链接的颜色：${Object.values(THEME_PRESETS).map((p) => p.label).join('、')}，或 # 加 6 位十六进制，如 #b22222`,
    required: true,
    applies: always,
    fallback: () => THEME_PRESETS[DEFAULT_THEME].color,
    read: readColor,
    codes: true,
  },
  {
    key: 'url',
    option: 'url',
    label: configLabel('url'),
    help: '以 http:// 或 https:// 开头的正式地址，如 https://www.example.gov.cn；还不知道时先用默认值，发布前再改',
    required: true,
    applies: always,
    fallback: () => PLACEHOLDER_URL,
    read: readUrl,
    codes: true,
  },
  {
    key: 'base',
    option: 'base',
    label: configLabel('base'),
    help: '网站放在网址的子目录时填写，如 /rongyu/；放在域名根目录时填 /',
    required: true,
    applies: always,
    fallback: (a) => a.base ?? schemaDefault('base'),
    read: readBase,
    codes: true,
  },
  // The footer's 主办单位 and 联系方式, which every public build reminds of until they are given.
  { key: 'organizer', option: 'organizer', label: configLabel('organizer'), help: optionalHelp('organizer'), required: false, applies: always, fallback: () => undefined },
  // Full-width digits, hyphens and ＠ from a Chinese IME are folded; an address keeps its （）.
  { key: 'phone', option: 'phone', label: configLabel('contact', 'phone'), help: optionalHelp('contact', 'phone'), required: false, applies: always, fallback: () => undefined, codes: true },
  { key: 'address', option: 'address', label: configLabel('contact', 'address'), help: optionalHelp('contact', 'address'), required: false, applies: always, fallback: () => undefined },
  { key: 'email', option: 'email', label: configLabel('contact', 'email'), help: optionalHelp('contact', 'email'), required: false, applies: always, fallback: () => undefined, codes: true },
  { key: 'icp', option: 'icp', label: configLabel('filing', 'icp'), help: '选填，如 苏ICP备12345678号', required: false, applies: always, fallback: () => undefined, codes: true },
  { key: 'psb', option: 'psb', label: configLabel('filing', 'psb'), help: '选填，如 苏公网安备 32120202000123号', required: false, applies: always, fallback: () => undefined, codes: true },
  {
    key: 'siteCode',
    option: 'site-code',
    label: configLabel('filing', 'siteCode'),
    help: '选填，政府网站的 10 位网站标识码，如 3212000001',
    required: false,
    applies: always,
    fallback: () => undefined,
    codes: true,
  },
];

/**
 * Reads one answer: typed text (undefined or empty: Enter, the default), cleaned and turned into
 * its value, then checked against the schema together with the answers before it.
 */
export function readAnswer(question: Question, typed: string | undefined, answers: InitAnswers): Reading {
  const text = typed === undefined ? '' : cleanAnswer(typed, { codes: question.codes ?? false });
  const fallback = question.fallback(answers);
  if (text === '' && fallback === undefined) {
    return question.required ? { ok: false, problem: { message: `${question.label}必须填写`, hint: question.help } } : { ok: true, value: undefined };
  }
  const reading = text === '' ? { ok: true as const, value: fallback } : (question.read?.(text, answers) ?? { ok: true as const, value: text });
  if (!reading.ok || reading.value === undefined) return reading;
  // The answers it settles besides its own are checked too (派出所 as kindLabel).
  const problems = answerProblems({ ...answers, ...reading.also, [question.key]: reading.value });
  const key = [question.key, ...(Object.keys(reading.also ?? {}) as AnswerKey[])].find((k) => problems[k]);
  if (!key) return reading;
  return { ok: false, problem: { message: problems[key]!.message, hint: QUESTIONS.find((q) => q.key === key)?.help ?? question.help } };
}

/** `--theme-color` → the question it answers. */
export function questionOfOption(option: string): Question | undefined {
  return QUESTIONS.find((q) => q.option === option);
}
