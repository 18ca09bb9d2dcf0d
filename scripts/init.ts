/**
 * `npm run init` — starts a unit's own site: asks (in a terminal) or takes as options the unit's
 * name, kind, the site's title, colour, address, sub-path and filing numbers; writes
 * `site.config.yaml` and the site's own unit, with the other collection folders empty.
 * `npm run init -- --sample` brings the shipped sample back.
 *
 * Nothing is destroyed: the current content and config are moved into `backup/<date-time>/`,
 * unless they are exactly the shipped sample (kept in examples/hailing-xuntejing). The new site
 * is checked with `npm run check`'s rules before anything is moved.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { KIND_LABEL_FIELD, kindMenu, OTHER_KIND, PLACEHOLDER_URL, QUESTIONS, readAnswer, UNIT_KIND_CHOICES, type InitAnswers, type Question, type Reading } from '../src/lib/authoring/init-answers';
import { rootUnitId, rootUnitText, siteConfigText, type CompleteAnswers } from '../src/lib/authoring/init-files';
import { hasSite, installStaged, isShippedSample, putAside, stageSample, stageSite, type InitPaths, type PutAside } from '../src/lib/authoring/init-site';
import { promptLine } from '../src/lib/authoring/prompt';
import { checkSite } from '../src/lib/check/check-site';
import { displayPath } from '../src/lib/check/problem';
import { formatReport } from '../src/lib/check/report';
import { FolderBusyError } from '../src/lib/folder-rename';
import { describeChoices } from '../src/lib/labels';
import { COLLECTIONS, PAGE_COLLECTIONS } from '../src/schemas/index';
import { activePublicDir, readBuildTime, resolveSitePaths } from '../src/lib/site-paths';
import { fail } from './cli';

const SAMPLE = path.join('examples', 'hailing-xuntejing');

/** The kind a 派出所 is given in the example: its own where the schema has it (or kindLabel takes it), else 其他. */
const STATION_EXAMPLE = Object.values(UNIT_KIND_CHOICES).includes('派出所') || KIND_LABEL_FIELD ? '派出所' : UNIT_KIND_CHOICES[OTHER_KIND];

const USAGE = `用法：npm run init [-- 选项]
  不带选项时逐项提问（直接回车采用默认值）。也可以用选项直接给出回答：
${QUESTIONS.map((q) => `    --${q.option.padEnd(12)} ${q.label}：${q.help}${q.key === 'kind' ? `（${describeChoices(UNIT_KIND_CHOICES)}）` : ''}`).join('\n')}
    --yes          不提问：没有给出的项目采用默认值（单位全称必须用 --name 给出）
    --sample       恢复项目自带的示例内容（海陵巡特警大队）
  原有的内容不会删除，而是移到 backup/日期时间/ 文件夹中；只有与项目自带的示例内容完全相同时才直接替换
  （示例保存在 ${SAMPLE.split(path.sep).join('/')}/ 中）。
  例：npm run init -- --yes --name 泰州市公安局海陵分局东湖派出所 --kind ${STATION_EXAMPLE} --theme-color "#b22222"`;

let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      ...Object.fromEntries(QUESTIONS.map((q) => [q.option, { type: 'string' as const }])),
      yes: { type: 'boolean' },
      sample: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }));
} catch (error) {
  const option = /'(-[^']*)'/.exec((error as Error).message)?.[1] ?? '';
  fail(
    `不认识的选项 ${option}`.trim(),
    option === '--parent'
      ? '本站单位不填上级单位（不填 parent 的单位就是本站单位）：上级单位的名称写进单位全称即可，如 泰州市公安局海陵分局东湖派出所'
      : `可用的选项：${QUESTIONS.map((q) => `--${q.option}`).join(' ')} --yes --sample；选项前要有 --，如 npm run init -- --yes --name 单位全称`,
  );
}

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const root = process.cwd();
const sitePaths = resolveSitePaths(root, process.env);
const paths: InitPaths = { siteDir: sitePaths.siteDir, contentDir: sitePaths.contentDir, configFile: sitePaths.configFile, sampleDir: path.join(root, SAMPLE) };
const now = readBuildTime(process.env, new Date()) ?? new Date();
const shown = (file: string) => displayPath(root, file);
const folderShown = (dir: string) => `${shown(dir)}/`;

if (values.sample) await restoreSample();
else await startSite();

/** `npm run init -- --sample`: the shipped sample back, the current content moved aside first. */
async function restoreSample(): Promise<void> {
  if (!existsSync(path.join(paths.sampleDir, 'content')) || !existsSync(path.join(paths.sampleDir, 'site.config.yaml'))) {
    fail(`找不到示例内容 ${folderShown(paths.sampleDir)}`, '示例内容随项目提供：请从项目的原始文件（安装包或代码仓库）中恢复 examples 文件夹');
  }
  if (isShippedSample(paths)) {
    console.log('现在的内容就是示例内容，没有改动。');
    return;
  }
  const staging = stageSample(paths);
  const aside = await replaceWith(staging);
  console.log(`✔ 已恢复示例内容：${folderShown(paths.contentDir)} 和 ${shown(paths.configFile)} 来自 ${folderShown(paths.sampleDir)}。`);
  reportAside(aside);
}

/** Moves the current site aside (or removes the shipped sample) and the staged one into place. */
async function replaceWith(staging: string): Promise<PutAside> {
  try {
    const aside = await putAside(paths, now);
    await installStaged(staging, paths);
    return aside;
  } catch (error) {
    if (error instanceof FolderBusyError) fail(error.message, error.hint);
    throw error;
  }
}

function reportAside(aside: PutAside): void {
  if (aside.kind === 'moved') {
    console.log(`原来的内容没有删除，已移到 ${folderShown(aside.folder)}（其中的 content 文件夹和 site.config.yaml），需要时可以从那里找回。`);
  } else if (aside.kind === 'sample-removed') {
    console.log(`示例内容已移除；它保存在 ${folderShown(paths.sampleDir)} 中，需要时运行 npm run init -- --sample 恢复。`);
  }
}

/** In a terminal (or with HONOR_ROLL_INTERACTIVE=1, as the tests answer through a pipe), unless --yes. */
function interactive(): boolean {
  return !values.yes && (process.env.HONOR_ROLL_INTERACTIVE === '1' || Boolean(process.stdin.isTTY && process.stdout.isTTY));
}

/** How a value is shown in a question or the summary: a kind with its label. */
function display(question: Question, value: string): string {
  return question.key === 'kind' ? `${UNIT_KIND_CHOICES[value] ?? value}（${value}）` : value;
}

async function startSite(): Promise<void> {
  const asking = interactive();
  const prompt = asking ? createInterface({ input: process.stdin, terminal: false }) : undefined;
  // Reading answers as a stream of lines keeps those typed (or piped) ahead of their question.
  const lines = prompt?.[Symbol.asyncIterator]();
  const next = async (): Promise<string | undefined> => {
    const line = await lines!.next();
    return line.done ? undefined : String(line.value);
  };

  if (asking) {
    console.log('建立本单位的荣誉榜网站。');
    console.log('请依次回答下面的问题；直接回车采用括号中的默认值。中途按 Ctrl+C 退出时，什么也不会改动。\n');
  }

  const answers: InitAnswers = {};
  const take = (question: Question, reading: Extract<Reading, { ok: true }>) => {
    for (const [key, value] of Object.entries({ ...reading.also, [question.key]: reading.value })) {
      if (value === undefined) delete answers[key as keyof InitAnswers];
      else answers[key as keyof InitAnswers] = value;
    }
  };

  for (const question of QUESTIONS) {
    const given = values[question.option];
    if (!question.applies(answers)) {
      if (typeof given === 'string') fail(`--${question.option} 用不上`, `${question.label}只在单位类型为“其他”时填写`);
      continue;
    }
    if (typeof given === 'string') {
      const reading = readAnswer(question, given, answers);
      if (!reading.ok) fail(`--${question.option} ${given}：${reading.problem.message}`, reading.problem.hint);
      take(question, reading);
    } else if (asking) {
      if (question.key === 'kind') console.log(`${question.label}：\n${kindMenu().map((line) => `  ${line}`).join('\n')}`);
      for (;;) {
        const fallback = question.fallback(answers);
        const line =
          fallback === undefined && question.required
            ? `${question.label}（必填），${question.help}：`
            : promptLine(`${question.label}，${question.help}`, fallback === undefined ? '不填' : `采用 ${display(question, fallback)}`);
        process.stdout.write(line);
        const typed = await next();
        if (typed === undefined && fallback === undefined && question.required) {
          process.stdout.write('\n');
          fail(`没有回答“${question.label}”，什么也没有改动`, '请重新运行 npm run init');
        }
        const reading = readAnswer(question, typed, answers);
        if (reading.ok) {
          take(question, reading);
          break;
        }
        console.log(`✖ ${reading.problem.message}`);
        console.log(`  怎么改：${reading.problem.hint}。请重新输入。`);
        if (typed === undefined) fail('输入已结束，什么也没有改动', '请重新运行 npm run init');
      }
    } else {
      const reading = readAnswer(question, undefined, answers);
      if (!reading.ok) fail(`缺少 --${question.option}：${reading.problem.message}`, `${reading.problem.hint}。例：npm run init -- --yes --${question.option} …；不加 --yes 在命令窗口中运行时会逐项提问`);
      take(question, reading);
    }
  }
  const complete = answers as CompleteAnswers;

  const unitId = rootUnitId(complete);
  const unitFile = path.join(paths.contentDir, 'units', `${unitId}.md`);
  const sample = isShippedSample(paths);
  const existing = hasSite(paths);

  if (asking) {
    console.log('\n将要建立：');
    for (const question of QUESTIONS) {
      const value = complete[question.key];
      if (question.applies(complete)) console.log(`  ${question.label}：${value === undefined ? '（不填）' : display(question, value)}`);
    }
    console.log(`  写入：${shown(paths.configFile)}、${shown(unitFile)}`);
    if (sample) console.log(`  现在的示例内容将移除（保存在 ${folderShown(paths.sampleDir)} 中，可以恢复）`);
    else if (existing) console.log(`  现在的内容将移到 backup/ 文件夹中保留，不会删除`);
    process.stdout.write(promptLine('确认建立？（输入 n 取消）', '确认'));
    const confirm = (await next())?.trim() ?? '';
    if (confirm !== '' && !/^(y|yes|是|好|确定|确认)$/i.test(confirm)) {
      console.log('已取消，什么也没有改动。');
      prompt?.close();
      return;
    }
  }
  prompt?.close();

  const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const staging = stageSite(paths.siteDir, {
    config: siteConfigText(complete, today),
    entries: { [`units/${unitId}.md`]: rootUnitText(complete) },
    folders: PAGE_COLLECTIONS,
  });

  // What init writes must pass `npm run check`: the same check, on the staged files, before anything moves.
  const checked = await checkSite({
    root,
    contentDir: path.join(staging, 'content'),
    configFile: path.join(staging, 'site.config.yaml'),
    publicDir: activePublicDir(sitePaths, path.join(root, 'public')),
    now,
  });
  const stagedShown = shown(staging);
  const problems = [...checked.config.problems, ...checked.content.problems].map((p) => ({
    ...p,
    file: p.file.replace(`${stagedShown}/content`, shown(paths.contentDir)).replace(`${stagedShown}/site.config.yaml`, shown(paths.configFile)),
  }));
  if (problems.some((p) => p.severity === 'error')) {
    rmSync(staging, { recursive: true, force: true });
    console.error(formatReport(problems, { color: process.stderr.isTTY, context: 'check' }));
    fail('回答中有检查不通过的内容，什么也没有改动', '请按上面的说明改正后重新运行 npm run init');
  }

  const aside = await replaceWith(staging);
  const empty = PAGE_COLLECTIONS.filter((c) => c !== 'units').map((c) => COLLECTIONS[c].label);
  console.log(`✔ 已建立“${complete.name}”的网站。`);
  console.log(`  网站配置：${shown(paths.configFile)}`);
  console.log(`  本站单位：${shown(unitFile)}（id：${unitId}）`);
  console.log(`  ${empty.join('、')}的文件夹都是空的，等待添加内容。`);
  reportAside(aside);
  // What an answer may need a second look at (a mobile number as the unit's phone); the footer
  // items still missing are reminded of by every check and build, not here.
  const notes = problems.filter((p) => p.severity === 'warning' && p.code !== 'gov-footer');
  if (notes.length > 0) console.log(formatReport(notes, { color: process.stdout.isTTY, context: 'check' }));
  console.log('接下来：');
  console.log('  1. 添加内容：运行 npm run edit 打开编辑台，点“新建人物”“新建荣誉”等；');
  console.log(`     或在命令行运行 npm run new -- officer 姓名 --unit ${unitId}`);
  console.log('  2. 运行 npm run build 生成网站，再运行 npm run preview 在本机查看。');
  if (complete.url === PLACEHOLDER_URL) console.log(`  3. 发布前把 ${shown(paths.configFile)} 中的 url 改为网站的正式地址（现在是占位地址 ${PLACEHOLDER_URL}）。`);
  console.log('详细步骤见 docs/authoring-guide.md 的“把荣誉榜换成本单位的”一节。');
}
