/**
 * `npm run import -- <honors|letters|stats|officers> <file.csv|file.xlsx> [--dry-run] [--update]`
 * `npm run import -- docx <file.docx> (--for <collection>/<id> | --new <kind>) [--dry-run] [--replace] [--draft]`
 *
 * Batch entry from a spreadsheet: every row is checked like the build checks content, and the
 * files are written only when every row is right. Rows already in the content are skipped (or,
 * with --update, their filled cells are merged in). Exit code 0 on success, 1 otherwise.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { displayPath } from '../src/lib/check/problem';
import { IMPORT_COLLECTIONS, IMPORT_LABELS, type ImportCollection } from '../src/lib/import/columns';
import { formatImportReport } from '../src/lib/import/report';
import { runImport } from '../src/lib/import/run';
import { loadSiteConfig } from '../src/lib/site-config';
import { activePublicDir, readBuildTime, resolveSitePaths } from '../src/lib/site-paths';
import { DOCX_COLLECTIONS, DOCX_KINDS, runDocxImport, type DocxCollection, type DocxKind, type DocxTarget } from '../src/lib/import/docx/run';
import { formatDocxReport } from '../src/lib/import/docx/report';
import { fail } from './cli';

const DOCX_USAGE = `从 Word 导入事迹材料：npm run import -- docx <文档.docx> --for <类别>/<id> 或 --new <类型> [--dry-run] [--replace] [--draft]
  --for officers/wang-xiang   把文档内容写入这个已有条目的正文（类别：${DOCX_COLLECTIONS.join('、')}）
  --new officer               新建一个条目（类型：${DOCX_KINDS.join('、')}），文档的标题行作为名称
  --replace   已有条目已经有正文时，用文档内容替换它
  --draft     内容检查不通过时，仍然写入，但存为草稿（draft: true，不会发布）
  文档中的图片：转正、缩小、去掉拍摄信息后存在条目旁边；第一张填入条目的图片字段
  例：npm run import -- docx 王祥事迹.docx --for officers/wang-xiang --dry-run`;

const USAGE = `用法：npm run import -- <类型> <表格文件> [--dry-run] [--update]
  类型：${IMPORT_COLLECTIONS.map((c) => `${c} ${IMPORT_LABELS[c]}`).join(' | ')}
  表格文件：.xlsx（Excel 工作簿）或 .csv（UTF-8 或 GBK 编码）
  --dry-run   只检查、报告将要写入的内容，不写入任何文件
  --update    表格中已有的条目：用表格中填了的单元格更新它（正文和其他字段不变）
  模板：docs/templates/（每类一个 .xlsx 和一个 .csv）
  积分表（points）：单位、月份、人物各一列，每个积分类别一列（列名即类别），同一单位同一月份的行合成一个文件
  例：npm run import -- honors 2020年荣誉.xlsx --dry-run

${DOCX_USAGE}`;


/** Chinese names of the collections are accepted too: 荣誉 → honors. */
const ALIASES: Record<string, ImportCollection> = {
  honor: 'honors',
  letter: 'letters',
  stat: 'stats',
  officer: 'officers',
  point: 'points',
  ...Object.fromEntries(IMPORT_COLLECTIONS.map((c) => [IMPORT_LABELS[c], c])),
  感谢: 'letters',
  锦旗: 'letters',
};

/** The kinds a Word document can create, also as their folders and Chinese names. */
const NEW_ALIASES: Record<string, DocxKind> = {
  officers: 'officer',
  honors: 'honor',
  letters: 'letter',
  activities: 'activity',
  人物: 'officer',
  荣誉: 'honor',
  感谢信: 'letter',
  活动: 'activity',
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'dry-run': { type: 'boolean' },
    update: { type: 'boolean' },
    for: { type: 'string' },
    new: { type: 'string' },
    replace: { type: 'boolean' },
    draft: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  strict: false,
});

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const [kind, file] = positionals as [string | undefined, string | undefined];
const docx = kind === 'docx' || kind === 'word' || kind === 'Word';
const known = docx ? ['--dry-run', '--for', '--new', '--replace', '--draft', '--help', '-h'] : ['--dry-run', '--update', '--help', '-h'];
const unknown = process.argv.slice(2).filter((a) => a.startsWith('-') && !known.includes(a.replace(/=.*$/, '')));
if (unknown.length) fail(`不认识的选项：${unknown.join(' ')}`, USAGE);
if (docx) await importDocx();
if (!kind || !file) fail('缺少类型或表格文件', USAGE);
const collection = (IMPORT_COLLECTIONS as readonly string[]).includes(kind) ? (kind as ImportCollection) : ALIASES[kind];
if (!collection) fail(`不认识的类型：${kind}`, `可以导入：${IMPORT_COLLECTIONS.map((c) => `${c}（${IMPORT_LABELS[c]}）`).join('、')}`);

const root = process.cwd();
const paths = resolveSitePaths(root, process.env);
const now = readBuildTime(process.env, new Date()) ?? new Date();
const config = loadSiteConfig(paths.configFile, { root, publicDir: activePublicDir(paths, path.join(root, 'public')) });
// npm runs scripts in the project folder; INIT_CWD is where the clerk typed the command.
const source = path.resolve(process.env.INIT_CWD ?? root, file);
const dryRun = values['dry-run'] === true;
const update = values.update === true;

const showPath = (p: string) => displayPath(root, path.join(paths.contentDir, ...p.split('/')));
const result = await runImport({
  collection,
  file: source,
  contentDir: paths.contentDir,
  now,
  privacyAllow: config.ok ? config.config.privacy.allow : [],
  site: config.ok ? { config: config.config, file: displayPath(root, paths.configFile) } : undefined,
  dryRun,
  update,
  showPath,
}).catch((error: unknown) =>
  // Only writing can fail here (a full disk, a file created meanwhile); what was written is undone.
  fail(`写入文件时出错，本次导入已撤销，没有留下任何文件：${(error as Error).message}`, '请检查磁盘空间和文件夹权限，然后重新运行'),
);

console.log(
  formatImportReport(result, {
    source: file,
    command: `npm run import -- ${collection} ${/\s/.test(file) ? `"${file}"` : file}${dryRun ? ' --dry-run' : ''}${update ? ' --update' : ''}`,
    dryRun,
    update,
    showPath,
    color: process.stdout.isTTY && !process.env.NO_COLOR,
  }),
);
process.exitCode = result.ok ? 0 : 1;


/** `npm run import -- docx <file.docx> --for … | --new …`: a Word document into an entry. */
async function importDocx(): Promise<never> {
  if (!file) fail('缺少 Word 文档', DOCX_USAGE);
  const forValue = typeof values.for === 'string' ? values.for.trim() : undefined;
  const newValue = typeof values.new === 'string' ? values.new.trim() : undefined;
  if ((forValue === undefined) === (newValue === undefined)) {
    fail('请写明导入到哪个条目：--for <类别>/<id>（已有条目）或 --new <类型>（新建条目），二者选一', DOCX_USAGE);
  }
  let target: DocxTarget;
  if (forValue !== undefined) {
    const [collection, id] = forValue.replace(/\.mdx?$/, '').split('/');
    if (!collection || !id || !(DOCX_COLLECTIONS as readonly string[]).includes(collection)) {
      fail(`--for ${forValue}：应写成 <类别>/<id>`, `类别：${DOCX_COLLECTIONS.join('、')}；例：--for officers/wang-xiang`);
    }
    target = { existing: { collection: collection as DocxCollection, id } };
  } else {
    const newKind = (DOCX_KINDS as readonly string[]).includes(newValue!) ? (newValue as DocxKind) : NEW_ALIASES[newValue!];
    if (!newKind) fail(`--new ${newValue}：不认识的类型`, `类型：${DOCX_KINDS.join('、')}（也可以写 人物、荣誉、感谢信、活动）`);
    target = { create: newKind };
  }
  const root = process.cwd();
  const paths = resolveSitePaths(root, process.env);
  const config = loadSiteConfig(paths.configFile, { root, publicDir: activePublicDir(paths, path.join(root, 'public')) });
  const dryRun = values['dry-run'] === true;
  const result = await runDocxImport({
    file: path.resolve(process.env.INIT_CWD ?? root, file),
    target,
    root,
    contentDir: paths.contentDir,
    now: readBuildTime(process.env, new Date()) ?? new Date(),
    privacyAllow: config.ok ? config.config.privacy.allow : [],
    site: config.ok ? { config: config.config, file: displayPath(root, paths.configFile) } : undefined,
    dryRun,
    replace: values.replace === true,
    draft: values.draft === true,
  }).catch((error: unknown) => fail(`写入文件时出错，本次导入已撤销，没有留下任何文件：${(error as Error).message}`, '请检查磁盘空间和文件夹权限，然后重新运行'));
  console.log(formatDocxReport(result, { source: file, dryRun, showPath: (p) => displayPath(root, path.join(paths.contentDir, ...p.split('/'))) }));
  process.exit(result.ok ? 0 : 1);
}
