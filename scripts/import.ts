/**
 * `npm run import -- <honors|letters|stats|officers> <file.csv|file.xlsx> [--dry-run] [--update]`
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
import { fail } from './cli';

const USAGE = `用法：npm run import -- <类型> <表格文件> [--dry-run] [--update]
  类型：${IMPORT_COLLECTIONS.map((c) => `${c} ${IMPORT_LABELS[c]}`).join(' | ')}
  表格文件：.xlsx（Excel 工作簿）或 .csv（UTF-8 或 GBK 编码）
  --dry-run   只检查、报告将要写入的内容，不写入任何文件
  --update    表格中已有的条目：用表格中填了的单元格更新它（正文和其他字段不变）
  模板：docs/templates/（每类一个 .xlsx 和一个 .csv）
  积分表（points）：单位、月份、人物各一列，每个积分类别一列（列名即类别），同一单位同一月份的行合成一个文件
  例：npm run import -- honors 2020年荣誉.xlsx --dry-run`;

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

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'dry-run': { type: 'boolean' },
    update: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  strict: false,
});

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const unknown = process.argv.slice(2).filter((a) => a.startsWith('-') && !['--dry-run', '--update', '--help', '-h'].includes(a));
if (unknown.length) fail(`不认识的选项：${unknown.join(' ')}`, USAGE);

const [kind, file] = positionals as [string | undefined, string | undefined];
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
