/**
 * `npm run new -- <officer|honor|letter|activity|unit> <名称> [options]`
 *
 * Creates a new entry with a pinyin id and every field it needs. Values can be given as options
 * (--unit dongjin --date 2020-06-18 …); in a terminal, the command asks for what is missing.
 * Nothing existing is ever overwritten: a taken id gets -2, -3 ….
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { entryBaseId, titleId, uniqueId } from '../src/lib/authoring/entry-id';
import { ENTER_FILL_IN_LATER, promptLine } from '../src/lib/authoring/prompt';
import { KIND_COLLECTIONS, NEW_KINDS, newEntryFields, newEntryText, type NewEntryValues, type NewKind } from '../src/lib/authoring/templates';
import { entryIdFromPath } from '../src/lib/entry-id';
import { ACTIVITY_KINDS, describeChoices, HONOR_LEVELS, HONOR_SCOPES, LETTER_KINDS, OFFICER_ROLES, UNIT_KINDS } from '../src/lib/labels';
import { parsePartialDate } from '../src/lib/partial-date';
import { displayPath } from '../src/lib/check/problem';
import { placeholder, placeholderIn } from '../src/lib/authoring/placeholder';
import { readEntries } from '../src/lib/import/existing';
import { loadSiteConfig } from '../src/lib/site-config';
import { activePublicDir, readBuildTime, resolveSitePaths } from '../src/lib/site-paths';
import { proposeNextStudy } from '../src/lib/study-schedule';
import { closestMatches } from '../src/lib/suggest';
import { fail } from './cli';

const USAGE = `用法：npm run new -- <类型> <名称> [选项]
  类型：officer 人物 | honor 荣誉 | letter 感谢信 | activity 活动 | unit 单位
  选项：
    --unit <id>       人物：所在单位；活动：举办单位（在哪个单位举办）；荣誉：获奖单位；感谢信：致谢单位
                      （荣誉和感谢信可以同时写 --officer / --to 和 --unit）
    --date <日期>     2019、2020-04 或 2020-06-18（荣誉不写则不填日期，列在“日期未注明”下）
    --summary <文字>  一句话简介
    --title <职务>    人物的职务，如 站长
    --role <身份>     ${describeChoices(OFFICER_ROLES)}
    --officer <id>    获奖人物（可写多次）
    --scope <类别>    ${describeChoices(HONOR_SCOPES)}
    --level <级别>    ${describeChoices(HONOR_LEVELS)}
    --by <单位名称>   授予单位
    --to <id>         致谢人物（可写多次）
    --kind <类型>     感谢信：${Object.keys(LETTER_KINDS).join('/')}；活动：${Object.keys(ACTIVITY_KINDS).join('/')}
                      单位：${describeChoices(UNIT_KINDS)}；也可以写中文名，如 --kind 派出所
    --host <id>       活动主持人
    --parent <id>     上级单位（不填则为本站单位）
    --rotate          活动：按 site.config.yaml 的 studyRotation 推算下次学习的日期、地点和轮值主持
                      （参照最近一次学习；--date、--unit、--host 可改写推算结果）
  例：npm run new -- officer 王祥 --unit dongjin --role auxiliary
      npm run new -- activity --rotate 学习主题`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    unit: { type: 'string' },
    date: { type: 'string' },
    summary: { type: 'string' },
    title: { type: 'string' },
    role: { type: 'string' },
    officer: { type: 'string', multiple: true },
    scope: { type: 'string' },
    level: { type: 'string' },
    by: { type: 'string' },
    to: { type: 'string', multiple: true },
    kind: { type: 'string' },
    host: { type: 'string' },
    parent: { type: 'string' },
    rotate: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  strict: false,
});

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const root = process.cwd();
const paths = resolveSitePaths(root, process.env);
// In a terminal the command asks for what is missing. HONOR_ROLL_INTERACTIVE=1 asks on any input
// (the tests answer through a pipe).
const interactive = process.env.HONOR_ROLL_INTERACTIVE === '1' || (process.stdin.isTTY && process.stdout.isTTY);
const prompt = interactive ? createInterface({ input: process.stdin, terminal: false }) : undefined;
// Reading answers as a stream of lines keeps those typed (or piped) ahead of their question.
const answers = prompt?.[Symbol.asyncIterator]();

/** Asks `line` (which says what Enter does) in a terminal; Enter, or no terminal, gives undefined. */
async function ask(line: string): Promise<string | undefined> {
  if (!answers) return undefined;
  process.stdout.write(line);
  const next = await answers.next();
  const answer = next.done ? '' : String(next.value).trim();
  return answer || undefined;
}

/** Ids of a collection's existing entries (every file, even one with errors). */
function idsOf(collection: string): Set<string> {
  const dir = path.join(paths.contentDir, collection);
  if (!existsSync(dir)) return new Set();
  return new Set((readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.(mdx?|ya?ml)$/.test(f)).map(entryIdFromPath));
}

function requireId(collection: string, id: string | undefined, option: string): string | undefined {
  if (id === undefined) return undefined;
  const known = idsOf(collection);
  if (known.has(id)) return id;
  const close = closestMatches(id, known);
  fail(`--${option} ${id}：没有这个 id`, `${close.length ? `是不是 ${close.join('、')}？` : ''}id 是 ${displayPath(root, path.join(paths.contentDir, collection))}/ 中的文件名（不含 .md）`);
}

function requireChoice(value: string | undefined, labels: Record<string, string>, option: string): string | undefined {
  if (value === undefined) return undefined;
  if (value in labels) return value;
  // Let people type the Chinese label too: 辅警 → auxiliary.
  const byLabel = Object.entries(labels).find(([, label]) => label === value);
  if (byLabel) return byLabel[0];
  fail(`--${option} ${value}：不是可选值`, `可选值：${describeChoices(labels)}`);
}

/** The site's own unit: the one without a parent. */
function rootUnitId(): string | undefined {
  const dir = path.join(paths.contentDir, 'units');
  if (!existsSync(dir)) return undefined;
  for (const file of readdirSync(dir).filter((f) => /\.mdx?$/.test(f))) {
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(path.join(dir, file), 'utf8'))?.[1];
    const data = front ? (parseYaml(front) as Record<string, unknown> | null) : null;
    if (data && data.parent === undefined) return entryIdFromPath(file);
  }
  return undefined;
}

/** What the name of each kind is: asked when it is not on the command line. */
const NAME_QUESTIONS: Record<NewKind, string> = {
  officer: '姓名',
  honor: '荣誉名称，如 个人三等功',
  letter: '致谢人（已隐去全名，如 市民李女士）',
  activity: '活动名称',
  unit: '单位全称',
};

const [kindArg, ...nameParts] = positionals;
if (!kindArg || !(NEW_KINDS as readonly string[]).includes(kindArg)) {
  console.error(kindArg ? `✖ 不认识的类型：${kindArg}\n` : '');
  console.error(USAGE);
  process.exit(1);
}
const kind = kindArg as NewKind;
const collection = KIND_COLLECTIONS[kind];
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);

if (values.rotate && kind !== 'activity') fail('--rotate 只用于活动（学习轮值）', '例：npm run new -- activity --rotate 学习主题');
const rotation = values.rotate ? await proposeRotation() : undefined;
if (rotation) {
  values.date ??= rotation.date;
  if (rotation.unit !== undefined) values.unit ??= rotation.unit;
  if (rotation.host !== undefined) values.host ??= rotation.host;
  values.kind ??= 'study';
}

/** The next session of the rotation: printed, and confirmed in a terminal. */
async function proposeRotation() {
  const config = loadSiteConfig(paths.configFile, { root, publicDir: activePublicDir(paths, path.join(root, 'public')) });
  if (!config.ok) fail('网站配置有误，无法读取学习轮值', '请先运行 npm run check 改正 site.config.yaml');
  const { studyRotation } = config.config;
  const studies = readEntries(paths.contentDir, 'activities').flatMap((entry) => {
    const date = parsePartialDate(entry.data.date ?? entry.data.start);
    const unit = entry.data.unit;
    if (!date.ok || typeof unit !== 'string') return [];
    const host = typeof entry.data.host === 'string' ? { id: entry.data.host } : undefined;
    return [{ id: entry.id, data: { kind: String(entry.data.kind), date: date.value, unit: { id: unit }, host } }];
  });
  const proposal = proposeNextStudy(studyRotation, studies, readBuildTime(process.env, new Date()) ?? new Date());
  console.log(`下次学习（按轮值推算）：${proposal.date}，地点 ${proposal.unit ?? '未定'}，轮值主持 ${proposal.host ?? '未定'}`);
  console.log(`  ${proposal.reason}`);
  if (studyRotation.stations.length === 0) console.log('  site.config.yaml 中没有 studyRotation.stations：请用 --unit 指定地点，或在配置中写明轮值顺序');
  const answer = await ask(promptLine('按此创建？（输入 n 取消）', '创建'));
  if (answer !== undefined && !/^(y|yes|是|好|确定)$/i.test(answer)) {
    console.log('已取消，没有创建文件。');
    process.exit(0);
  }
  return proposal;
}

const name =
  nameParts.join(' ').trim() ||
  (await ask(rotation ? promptLine('学习主题', ENTER_FILL_IN_LATER) : `${NAME_QUESTIONS[kind]}（必填）：`)) ||
  (rotation ? placeholder('学习主题') : undefined);
if (!name) fail('缺少名称', `例：npm run new -- ${kind} ${kind === 'officer' ? '王祥' : kind === 'letter' ? '市民李女士' : '名称'}`);

const date =
  str(values.date) ?? (kind === 'honor' ? await ask(promptLine('授予日期（2019、2020-04 或 2020-06-18）', '不写日期，这项荣誉列在“日期未注明”下')) : undefined);
if (date !== undefined && !parsePartialDate(date).ok) {
  fail(`--date ${date}：${(parsePartialDate(date) as { reason: string }).reason}`, '日期可写到年、月或日：2019、2020-04、2020-06-18');
}

const unitQuestion: Partial<Record<NewKind, string>> = { officer: '所在单位 id', activity: '举办单位 id（活动在哪个单位举办）' };
const unitAsked = unitQuestion[kind];
const scope = requireChoice(str(values.scope), HONOR_SCOPES, 'scope');
if (kind === 'honor' && scope === 'individual' && values.unit !== undefined) {
  fail('--scope individual（个人荣誉）不能有获奖单位 --unit', '单位也获奖时是集体荣誉：不写 --scope，或写 --scope collective');
}

const entry: NewEntryValues = {
  name,
  unit: requireId('units', str(values.unit) ?? (unitAsked ? await ask(promptLine(unitAsked, ENTER_FILL_IN_LATER)) : undefined), 'unit'),
  date,
  title: str(values.title),
  role: requireChoice(str(values.role), OFFICER_ROLES, 'role'),
  scope,
  level: requireChoice(str(values.level), HONOR_LEVELS, 'level'),
  by: str(values.by),
  officer: list(values.officer)?.map((id) => requireId('officers', id, 'officer')!),
  to: list(values.to)?.map((id) => requireId('officers', id, 'to')!),
  kind: requireChoice(str(values.kind), kind === 'letter' ? LETTER_KINDS : kind === 'activity' ? ACTIVITY_KINDS : UNIT_KINDS, 'kind'),
  host: requireId('officers', str(values.host), 'host'),
  parent: kind === 'unit' ? (requireId('units', str(values.parent), 'parent') ?? rootUnitId()) : undefined,
  // An honour's summary is optional; every other kind's is required.
  summary: str(values.summary) ?? (await ask(promptLine('一句话简介', kind === 'honor' ? '不写简介，荣誉的简介是选填' : ENTER_FILL_IN_LATER))),
  // A planned session has no report yet: the page says so until the report replaces it.
  body: rotation ? '本次学习尚未举行。学习结束后，请把这里改写为活动记录。' : undefined,
};
prompt?.close();

const taken = idsOf(collection);
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
// The same ids as the import and the editor make from the same fields; a proposed study session
// is named by its day, as the sessions of one rotation follow each other.
const base = rotation ? `${entry.date}-${placeholderIn(name) === null ? titleId(name) : 'xuexi'}` : entryBaseId(collection, newEntryFields(kind, entry, today).given);
const id = uniqueId(base, taken, kind);
const file = path.join(paths.contentDir, collection, `${id}.md`);
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, newEntryText(kind, entry, today), { flag: 'wx' });

console.log(`✔ 已创建 ${displayPath(root, file)}（id：${id}${id !== base ? `；${base} 已被占用` : ''}）`);
console.log('接下来：');
console.log('  1. 打开这个文件，把所有“（请填写：…）”换成实际内容；以 # 开头的是选填字段，需要时去掉 #。');
if (kind === 'officer') console.log(`  2. 添加照片：npm run photo -- 照片文件.jpg --for officers/${id} --alt "照片的文字说明"`);
console.log(`  ${kind === 'officer' ? 3 : 2}. 运行 npm run check，直到显示“内容检查通过”。`);
if (kind === 'honor' && !date) console.log('没有写授予日期：这项荣誉会列在“日期未注明”下；知道日期后，在文件中去掉 date 行首的 # 并改成实际日期。');
