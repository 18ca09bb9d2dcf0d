/**
 * `npm run check`: every content problem at once, in Chinese, without building.
 *   --json            machine-readable output for tooling
 *   --redact <file>   propose masked text for the personal data in one file (a letter from the
 *                     public, usually) and write it after confirmation (`--yes` confirms up front)
 * Exit code 0 when there are no errors (warnings allowed), 1 otherwise.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import path from 'node:path';
import { checkSite } from '../src/lib/check/check-site';
import { displayPath } from '../src/lib/check/problem';
import { formatReport } from '../src/lib/check/report';
import { readMarkdownSource } from '../src/lib/check/source-file';
import { findPiiHints, PII_LABELS } from '../src/lib/pii';
import { applyRedactions, proposeRedactions, type Redaction } from '../src/lib/redact';
import { loadSiteConfig } from '../src/lib/site-config';
import { activePublicDir, readBuildTime, resolveSitePaths } from '../src/lib/site-paths';
import { fail } from './cli';

const json = process.argv.includes('--json');
const root = process.cwd();
const paths = resolveSitePaths(root, process.env);
const now = readBuildTime(process.env, new Date()) ?? new Date();

const publicDir = activePublicDir(paths, path.join(root, 'public'));
const config = loadSiteConfig(paths.configFile, { root, publicDir });
const allow = config.ok ? config.config.privacy.allow : [];

const KIND_LABELS: Record<Redaction['kind'], string> = { ...PII_LABELS, 'full-name': '写信人全名' };

const redactAt = process.argv.indexOf('--redact');
if (redactAt !== -1) await redact(process.argv[redactAt + 1]);
else await check();

async function check() {
  const { content, problems } = await checkSite({ root, contentDir: paths.contentDir, configFile: paths.configFile, publicDir, now });
  const errors = problems.filter((p) => p.severity === 'error').length;

  if (json) {
    process.stdout.write(`${JSON.stringify({ errors, warnings: problems.length - errors, problems }, null, 2)}\n`);
  } else if (problems.length === 0) {
    console.log(`内容检查通过：${content.entries.length} 个条目，没有发现问题。`);
  } else {
    console.log(formatReport(problems, { color: process.stdout.isTTY, context: 'check' }));
  }
  process.exitCode = errors > 0 ? 1 : 0;
}

async function redact(given: string | undefined) {
  if (!given || given.startsWith('--')) fail('没有指定要打码的文件', '例如：npm run check -- --redact src/content/letters/zhang-san-ganxiexin.md');
  // npm runs scripts in the project folder; INIT_CWD is where the clerk typed the command.
  const file = path.resolve(process.env.INIT_CWD ?? root, given);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    fail(`找不到文件 ${given}`, '请检查路径；文件在 src/content/ 的各个文件夹中，如 src/content/letters/xxx.md');
  }
  const source = /\.ya?ml$/i.test(file) ? null : readMarkdownSource(text);
  const from = source && source.data && typeof source.data === 'object' ? (source.data as Record<string, unknown>).from : undefined;
  const redactions = proposeRedactions(text, { allow, from: typeof from === 'string' ? from : undefined });
  const shown = displayPath(root, file);
  const lineOf = (index: number) => text.slice(0, index).split('\n').length;

  const children = findPiiHints(text, allow, { letter: true }).filter((m) => m.kind === 'minor');
  for (const child of children) console.log(`  ⚠ 第 ${lineOf(child.index)} 行提到未成年人（${child.value}）：请人工确认没有写出孩子的姓名、学校、班级等，这一项不会自动修改`);
  if (redactions.length === 0) {
    console.log(`${shown}：没有发现需要打码的个人信息。`);
    return;
  }
  console.log(`${shown}：建议修改 ${redactions.length} 处：`);
  for (const r of redactions) console.log(`  第 ${lineOf(r.index)} 行 ${KIND_LABELS[r.kind]}：${r.original.replace(/\n/g, '↵')} → ${r.replacement}`);

  const interactive = process.env.HONOR_ROLL_INTERACTIVE === '1' || (process.stdin.isTTY && process.stdout.isTTY);
  let confirmed = process.argv.includes('--yes');
  if (!confirmed && interactive) {
    const prompt = createInterface({ input: process.stdin, output: process.stdout, terminal: false });
    const answer = await prompt.question('写入以上修改？输入 y 并回车确认（直接回车：不修改）：');
    prompt.close();
    confirmed = /^\s*[yY是]/.test(answer);
  }
  if (!confirmed) {
    console.log(interactive ? '未修改文件。' : '未修改文件：确认无误后，加上 --yes 再运行一次即可写入。');
    return;
  }
  // Written beside and renamed into place: an interrupted write never leaves half a letter.
  const temporary = `${file}.redact-${process.pid}`;
  writeFileSync(temporary, applyRedactions(text, redactions));
  renameSync(temporary, file);
  console.log(`已写入 ${shown}。请再运行 npm run check 确认。`);
}
