/**
 * The YAML slips of a clerk typing by hand — a Chinese colon, no space after a colon, a `{}` left
 * on an un-commented block, a number that must be quoted, a Tab or a full-width space as
 * indentation — each reported as itself, at its own line, with the line as it should be: in an
 * entry's frontmatter, in a data file and in site.config.yaml alike, as `npm run check` reads them.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSite } from '../../../src/lib/check/check-site';
import type { Problem } from '../../../src/lib/check/problem';
import { formatReport } from '../../../src/lib/check/report';
import { readDataSource, readMarkdownSource } from '../../../src/lib/check/source-file';
import { readAsBuild } from '../helpers/astro-reader';
import { siteConfigText } from '../../../src/lib/authoring/init-files';

const MINIMAL = path.resolve('tests/fixtures/minimal');
const OFFICER = 'content/officers/test-officer.md';
const STATS = 'content/stats/test-period.yaml';
const CONFIG = 'site.config.yaml';
const original = (file: string) => readFileSync(path.join(MINIMAL, file), 'utf8');

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** The minimal fixture with `file` written as `text`, checked as `npm run check` does: the problems of that file. */
async function checkWith(file: string, text: string): Promise<Problem[]> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-slips-'));
  roots.push(root);
  cpSync(MINIMAL, root, { recursive: true });
  writeFileSync(path.join(root, file), text);
  const { problems } = await checkSite({
    root,
    contentDir: path.join(root, 'content'),
    configFile: path.join(root, CONFIG),
    publicDir: path.join(root, 'public'),
    now: new Date('2026-06-01T04:00:00Z'),
  });
  return problems.filter((p) => p.file === file);
}

/** The problem a slip is reported as. */
const yamlError = (file: string, line: number, message: string, hint: string) => ({ severity: 'error', code: 'yaml', file, line, message, hint });

const officer = original(OFFICER);
const stats = original(STATS);
const config = original(CONFIG);

describe('a Chinese colon', () => {
  const problem = (line: number, key: string, fixed: string) => ({
    severity: 'error',
    code: 'yaml',
    line,
    message: `字段名 ${key} 后面的冒号是中文冒号“：”，这一行读不出字段`,
    hint: `改用英文冒号，冒号后空一格（切换到英文输入法再输入）：${fixed}`,
  });

  it('in a frontmatter: consent：true', async () => {
    expect(await checkWith(OFFICER, officer.replace('consent: true', 'consent：true'))).toEqual([{ ...problem(8, 'consent', 'consent: true'), file: OFFICER }]);
  });

  it('in a data file, with a full-width space typed around it', async () => {
    expect(await checkWith(STATS, stats.replace('unit: root-unit', 'unit　：　root-unit'))).toEqual([{ ...problem(2, 'unit', 'unit: root-unit'), file: STATS }]);
  });

  it('in site.config.yaml, on two lines: both are named', async () => {
    const text = `${config}filing:\n  icp：苏ICP备12345678号\n  psb：苏公网安备 32120202000123号\n`;
    expect(await checkWith(CONFIG, text)).toEqual([
      { ...problem(4, 'icp', 'icp: 苏ICP备12345678号'), file: CONFIG },
      {
        ...problem(5, 'psb', 'psb: 苏公网安备 32120202000123号'),
        file: CONFIG,
      },
    ]);
  });

  it('in a file saved by Windows Notepad (byte-order mark, CRLF)', async () => {
    const windows = `\uFEFF${officer.replace('consent: true', 'consent：true').replace(/\n/g, '\r\n')}`;
    expect(await checkWith(OFFICER, windows)).toEqual([{ ...problem(8, 'consent', 'consent: true'), file: OFFICER }]);
  });

  it('as the only field under its parent, where the YAML still reads (as text)', async () => {
    expect(await checkWith(CONFIG, `${config}filing:\n  siteCode："3212000001"\n`)).toEqual([{ ...problem(4, 'siteCode', 'siteCode: "3212000001"'), file: CONFIG }]);
  });

  it('as the only line of a data file', () => {
    expect(readDataSource('consent：true').problems).toEqual([problem(1, 'consent', 'consent: true')]);
  });

  it('inside a value it is text, and no slip', () => {
    expect(readMarkdownSource('---\nname: 王祥\nsummary: 时间：2020年6月\n---\n').problems).toEqual([]);
    expect(readDataSource('summary: |\n  备注：无\n  note：x\n').problems).toEqual([]);
  });
});

describe('no space after the colon', () => {
  it('in a frontmatter: consent:true', async () => {
    expect(await checkWith(OFFICER, officer.replace('consent: true', 'consent:true'))).toEqual([
      yamlError(OFFICER, 8, '字段名 consent 的冒号后面缺少空格，这一行读不出字段', '在英文冒号后加一个空格：consent: true'),
    ]);
  });

  it('a full-width space after the colon (a Chinese IME) is no space either', async () => {
    expect(await checkWith(OFFICER, officer.replace('consent: true', 'consent:\u3000true'))).toEqual([
      yamlError(OFFICER, 8, '字段名 consent 的冒号后面是全角空格（中文输入法打出的空格），这一行读不出字段', '把全角空格换成一个半角空格（切换到英文输入法再输入）：consent: true'),
    ]);
  });

  it('in a data file, on the first line', async () => {
    expect(await checkWith(STATS, stats.replace('title: 测试数据', 'title:测试数据'))).toEqual([
      yamlError(STATS, 1, '字段名 title 的冒号后面缺少空格，这一行读不出字段', '在英文冒号后加一个空格：title: 测试数据'),
    ]);
  });

  it('in site.config.yaml, an address after the colon', async () => {
    expect(await checkWith(CONFIG, config.replace('url: https://fixture.example', 'url:https://fixture.example'))).toEqual([
      yamlError(CONFIG, 2, '字段名 url 的冒号后面缺少空格，这一行读不出字段', '在英文冒号后加一个空格：url: https://fixture.example'),
    ]);
  });

  it('as the only field under its parent, read as text where fields were expected', async () => {
    expect(await checkWith(CONFIG, `${config}filing:\n  icp:苏ICP备12345678号\n`)).toEqual([
      yamlError(CONFIG, 4, '字段名 icp 的冒号后面缺少空格，这一行读不出字段', '在英文冒号后加一个空格：icp: 苏ICP备12345678号'),
    ]);
  });

  it('as an item of a list of field groups, read as text', async () => {
    const text = officer.replace('consent: true', 'consent: true\nsources:\n  - title:泰州日报');
    expect(await checkWith(OFFICER, text)).toEqual([
      {
        ...yamlError(OFFICER, 10, '字段名 title 的冒号后面缺少空格，这一行读不出字段', '在英文冒号后加一个空格：title: 泰州日报'),
        field: 'sources[0]',
        value: 'title:泰州日报',
      },
    ]);
  });

  it('a value on its own line that is no field stays text', () => {
    expect(readDataSource('summary:\n  一段文字：很长\n  第二行\n').problems).toEqual([]);
  });

  it('an address in a list is no slip', () => {
    expect(readDataSource('links:\n  - https://example.com\n  - http://a.example/b\n').problems).toEqual([]);
  });
});

describe('a {} left on a block whose lines were un-commented', () => {
  // The sample's config as it ships, and the one `npm run init` writes (its lines indented under
  // filing, so that only “# ” is to be deleted): never the project's own, which a unit rewrites.
  const shippedConfigs = {
    'the sample': readFileSync(path.resolve('examples', 'hailing-xuntejing', 'site.config.yaml'), 'utf8'),
    'npm run init': siteConfigText({ name: '泰州市公安局海陵分局东湖派出所', shortName: '东湖派出所', kind: 'police-station', title: '东湖派出所荣誉榜', themeColor: '#1f4e9c', url: 'https://example.com', base: '/' }, '2026-06-01'),
  };

  it.each(Object.entries(shippedConfigs))('in site.config.yaml as %s writes it: filing: {} and its lines below', async (_maker, shipped) => {
    expect(shipped).toContain('filing: {}');
    // What a clerk does: removes the # of the lines under filing, keeps the {}.
    const uncommented = shipped
      .replace(/^#( {2}(?:icp|psb|siteCode): .*)$/gm, '$1')
      .replace(/^ {2}# ((?:icp|psb|siteCode): .*)$/gm, '  $1')
      .replace(/(siteCode: ")x{10}/, '$13212000001')
      .replace(/(苏公网安备 )x{14}/, '$132120202000123')
      .replace(/(苏ICP备)x{8}/, '$112345678');
    const line = uncommented.split('\n').findIndex((l) => l.startsWith('filing: {}')) + 1;
    const problems = await checkWith(CONFIG, uncommented);
    expect(problems).toEqual([
      yamlError(CONFIG, line, 'filing 后面还留着 {}，表示它是空的，下面缩进的几行就不属于它了', `删掉 {}，这一行只写 filing:，下面各行保持缩进：\nfiling:\n${uncommented.split('\n').find((l) => l.startsWith('  icp: '))}`),
    ]);
    // Done as the hint says, the config reads: only the reminder of the footer items still missing is left.
    expect((await checkWith(CONFIG, uncommented.replace(/^filing: \{\}/m, 'filing:'))).map((p) => p.code)).toEqual(['gov-footer']);
  });

  it('in a data file: period: {} with its lines below, and [] alike', async () => {
    const text = stats.replace('period: { start: 2020-01, end: 2020-06 }', 'period: {}\n  start: 2020-01\n  end: 2020-06');
    expect(await checkWith(STATS, text)).toEqual([
      yamlError(STATS, 3, 'period 后面还留着 {}，表示它是空的，下面缩进的几行就不属于它了', '删掉 {}，这一行只写 period:，下面各行保持缩进：\nperiod:\n  start: 2020-01'),
    ]);
    expect(readMarkdownSource('---\nname: 王祥\ntags: []\n  - 夺刀\n---\n').problems).toMatchObject([
      {
        line: 3,
        message: 'tags 后面还留着 []，表示它是空的，下面缩进的几行就不属于它了',
      },
    ]);
  });

  it('a {} with nothing indented under it is an empty group, and fine', () => {
    expect(readDataSource('filing: {}\n#  icp: 苏ICP备xxxxxxxx号\ntitle: x\n').problems).toEqual([]);
  });
});

describe('an all-digit code that must be quoted', () => {
  it('in site.config.yaml: a numeric 网站标识码, with the line quoted', async () => {
    expect(await checkWith(CONFIG, `${config}filing:\n  siteCode: 3212000001\n`)).toEqual([
      {
        severity: 'error',
        code: 'config',
        file: CONFIG,
        line: 4,
        field: 'filing.siteCode',
        value: '3212000001',
        message: 'filing.siteCode（网站标识码） 全是数字，被读成了数字，这里要的是文字',
        hint: '全是数字的编号要加英文引号，否则会被当作数字：siteCode: "3212000001"',
      },
    ]);
  });

  it('keeps the digits as written: a leading zero YAML would drop', async () => {
    const problems = await checkWith(CONFIG, `${config}filing:\n  psb: 032120202000123\n`);
    expect(problems).toMatchObject([
      {
        line: 4,
        value: '32120202000123',
        hint: '全是数字的编号要加英文引号，否则会被当作数字：psb: "032120202000123"',
      },
    ]);
  });

  it('in a frontmatter: a 文号 of digits, and true where text is expected', async () => {
    const honor = original('content/honors/test-honor.md');
    const problems = await checkWith('content/honors/test-honor.md', honor.replace(/^title: .*$/m, 'title: true').replace('scope: individual', 'scope: individual\ndocumentNo: 2020123'));
    expect(problems.map(({ message, hint }) => ({ message, hint }))).toEqual([
      {
        message: 'title（荣誉名称） 应为文字，这里写的是 true 或 false',
        hint: '加上英文引号，就会被当作文字：title: "true"',
      },
      {
        message: 'documentNo（文号） 全是数字，被读成了数字，这里要的是文字',
        hint: '全是数字的编号要加英文引号，否则会被当作数字：documentNo: "2020123"',
      },
    ]);
  });
});

describe('a Tab used for indentation', () => {
  it('in a frontmatter list', async () => {
    expect(await checkWith(OFFICER, officer.replace('consent: true', 'consent: true\ntags:\n\t- 夺刀'))).toEqual([
      yamlError(OFFICER, 10, '这一行开头用了 Tab 键缩进，YAML 只认空格', '删掉行首的 Tab，改用空格缩进：每一层两个空格，与同一层的字段左对齐'),
    ]);
  });

  it('in site.config.yaml, on every tabbed line, saved by Notepad (byte-order mark, CRLF)', async () => {
    const text = `\uFEFF${config}filing:\n\ticp: 苏ICP备12345678号\n\tpsb: 苏公网安备 32120202000123号\n`.replace(/\n/g, '\r\n');
    expect((await checkWith(CONFIG, text)).map((p) => [p.line, p.message])).toEqual([
      [4, '这一行开头用了 Tab 键缩进，YAML 只认空格'],
      [5, '这一行开头用了 Tab 键缩进，YAML 只认空格'],
    ]);
  });

  it('in block text, before the text', () => {
    expect(readMarkdownSource('---\nname: 王祥\nsummary: |\n\t一段文字\n---\n').problems).toMatchObject([{ line: 4, message: '这一行开头用了 Tab 键缩进，YAML 只认空格' }]);
  });

  it('a Tab and a Chinese colon on one line are both named', () => {
    expect(readDataSource('filing:\n\ticp：苏ICP备12345678号\n').problems.map((p) => [p.line, p.message])).toEqual([
      [2, '这一行开头用了 Tab 键缩进，YAML 只认空格'],
      [2, '字段名 icp 后面的冒号是中文冒号“：”，这一行读不出字段'],
    ]);
  });
});

describe('a full-width space as indentation', () => {
  const message = '这一行开头有全角空格（中文输入法打出的空格），YAML 不把它当作缩进';
  const hint = '删掉行首的全角空格，改用半角空格缩进（切换到英文输入法再输入）：每一层两个空格，与同一层的字段左对齐';

  it('where the YAML still reads (as a field named “　icp”)', async () => {
    expect(await checkWith(CONFIG, `${config}filing:\n\u3000icp: 苏ICP备12345678号\n`)).toEqual([yamlError(CONFIG, 4, message, hint)]);
  });

  it('where it breaks the YAML', () => {
    expect(readDataSource('filing:\n  psb: x\n\u3000\u3000icp: y\n').problems).toEqual([{ severity: 'error', code: 'yaml', line: 3, message, hint }]);
  });

  it('a full-width space inside a field name', () => {
    expect(readDataSource('title\u3000: x\n').problems).toEqual([
      {
        severity: 'error',
        code: 'yaml',
        line: 1,
        message: '字段名 “title\u3000” 里有全角空格（中文输入法打出的空格），读不出字段 title',
        hint: '删掉字段名里的空格（切换到英文输入法再输入）：title: …',
      },
    ]);
  });
});

describe('a field not aligned with the fields above it', () => {
  it('in site.config.yaml: a # taken off a commented line, its space left', async () => {
    // npm run init writes the unknown numbers as `  # siteCode: "…"`; taking off the # alone leaves three spaces.
    const text = `${config}filing:\n  icp: "苏ICP备12345678号"\n   siteCode: "3212000001"\n`;
    expect(await checkWith(CONFIG, text)).toEqual([
      yamlError(CONFIG, 5, 'siteCode 这一行缩进了 3 个空格，上一行的 icp 是 2 个：同一层的字段要左对齐', '让这一行与 icp 对齐（行首 2 个空格）：\n  icp: "苏ICP备12345678号"\n  siteCode: "3212000001"'),
    ]);
  });

  it('in a data file, one space short', () => {
    const { problems } = readDataSource('period:\n  start: 2020-01\n end: 2020-06\n');
    expect(problems.map((p) => [p.line, p.message])).toEqual([[3, 'end 这一行缩进了 1 个空格，上一行的 start 是 2 个：同一层的字段要左对齐']]);
  });
});

describe('slips and the build', () => {
  it.each([
    ['a Chinese colon', officer.replace('consent: true', 'consent：true')],
    ['no space after the colon', officer.replace('consent: true', 'consent:true')],
    ['a Tab', officer.replace('consent: true', 'consent: true\ntags:\n\t- 夺刀')],
    ['a {} on a block', officer.replace('consent: true', 'consent: true\nsources: []\n  - title: 泰州日报')],
  ])('%s: the build refuses the file too', (_name, text) => {
    expect(readAsBuild(text, 'markdown').ok).toBe(false);
  });

  it('a slip and an unrelated error: the slip by name, the rest as the parser says', () => {
    const problems = readDataSource('title：x\nsummary: "没有结束的引号\n').problems;
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [1, '字段名 title 后面的冒号是中文冒号“：”，这一行读不出字段'],
      [3, 'YAML 格式有误，无法读取（MISSING_CHAR: Missing closing "quote）'],
    ]);
  });

  it('reads in the report as a clerk sees it', async () => {
    const problems = await checkWith(OFFICER, officer.replace('consent: true', 'consent：true'));
    expect(formatReport(problems)).toMatchInlineSnapshot(`
      "内容检查发现 1 个错误，涉及 1 个文件：

      content/officers/test-officer.md
        ✖ 错误（第 8 行）：字段名 consent 后面的冒号是中文冒号“：”，这一行读不出字段
          怎么改：改用英文冒号，冒号后空一格（切换到英文输入法再输入）：consent: true
          [yaml] content/officers/test-officer.md:8

      修改以上错误后重新运行 npm run check。"
    `);
  });
});
