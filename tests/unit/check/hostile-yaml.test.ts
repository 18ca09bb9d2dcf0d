/**
 * The check and the build agree on hostile YAML. Each case is one file of the valid `minimal`
 * fixture made hostile; it goes through the real check (checkContent on a copy of the fixture)
 * and through Astro's own reader plus the real collection schema. Either the check refuses it
 * with a line, or the build reads it, the schema accepts it, and both read the same data: a
 * check that lets a file through which the build then refuses, reads differently or chokes on
 * fails here. `build` records what the build alone would do; `expands` marks an alias bomb,
 * whose data is not walked (that is what stalls the build).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/check/check-content';
import type { ProblemCode } from '../../../src/lib/check/problem';
import { readDataSource, readMarkdownSource } from '../../../src/lib/check/source-file';
import { COLLECTIONS } from '../../../src/schemas/index';
import { readAsBuild } from '../helpers/astro-reader';
import { testContext } from '../helpers/schema-context';

const MINIMAL = path.resolve('tests/fixtures/minimal');
const OFFICER_FILE = 'officers/test-officer.md';
const STATS_FILE = 'stats/test-period.yaml';
const officer = readFileSync(path.join(MINIMAL, 'content', OFFICER_FILE), 'utf8');
const stats = readFileSync(path.join(MINIMAL, 'content', STATS_FILE), 'utf8');

/** The minimal officer with `lines` added after its last field: the first added line is line 9. */
const officerWith = (lines: string) => officer.replace('consent: true\n', `consent: true\n${lines}\n`);
/** The minimal officer with its summary (line 5) written as `value`. */
const officerSummary = (value: string) => officer.replace('summary: 测试用人物。', `summary: ${value}`);
/** The minimal stats file with its first figure's value (line 5) written as `value`. */
const statsValue = (value: string) => stats.replace('value: 95000', `value: ${value}`);

/** Nine levels of nine aliases each: a few hundred bytes that expand into 9⁹ values. */
const BILLION_LAUGHS = ['lol1: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((name, i) => `lol${i + 2}: &${name} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`), 'lol9: [*h, *h, *h, *h, *h, *h, *h, *h, *h]'].join('\n');

type Outcome = { refused: ProblemCode; line: number; says: string } | 'accepted';

interface HostileCase {
  name: string;
  file: typeof OFFICER_FILE | typeof STATS_FILE;
  text: string;
  /** What the check says. */
  check: Outcome;
  /** What Astro's reader and the schema alone would do. */
  build: 'throws' | 'schema refuses' | 'accepts' | 'expands';
}

const CASES: HostileCase[] = [
  { name: 'an alias bomb (billion laughs)', file: OFFICER_FILE, text: officerWith(BILLION_LAUGHS), check: { refused: 'yaml', line: 9, says: '用了 YAML 锚点 &a' }, build: 'expands' },
  { name: 'an alias bomb in a data file', file: STATS_FILE, text: `${stats}${BILLION_LAUGHS}\n`, check: { refused: 'yaml', line: 7, says: '锚点 &a' }, build: 'expands' },
  { name: 'a nested alias reusing a source', file: OFFICER_FILE, text: officerWith('sources:\n  - &s { title: 泰州日报 }\n  - *s'), check: { refused: 'yaml', line: 10, says: '锚点 &s' }, build: 'accepts' },
  { name: 'an alias without an anchor', file: OFFICER_FILE, text: officerWith('aliases: [*x]'), check: { refused: 'yaml', line: 9, says: '别名 *x' }, build: 'throws' },
  { name: 'a merge key', file: OFFICER_FILE, text: officerWith('<<: { featured: true }'), check: { refused: 'yaml', line: 9, says: '合并键 <<' }, build: 'accepts' },
  { name: 'a merge key pulling in an anchor', file: STATS_FILE, text: `base: &b { title: 别的标题 }\n${stats.replace('title: 测试数据\n', '<<: *b\n')}`, check: { refused: 'yaml', line: 1, says: '锚点 &b' }, build: 'schema refuses' },
  { name: '!!js/function', file: OFFICER_FILE, text: officerSummary('!!js/function "function () { return 1 }"'), check: { refused: 'yaml', line: 5, says: '!!js/function' }, build: 'throws' },
  { name: '!!js/undefined', file: OFFICER_FILE, text: officerSummary('!!js/undefined ""'), check: { refused: 'yaml', line: 5, says: '!!js/undefined' }, build: 'throws' },
  { name: '!!python/object', file: OFFICER_FILE, text: officerSummary('!!python/object:os.system [rm]'), check: { refused: 'yaml', line: 5, says: '!!python/object:os.system' }, build: 'throws' },
  { name: '!!binary', file: OFFICER_FILE, text: officerSummary('!!binary 5rWL6K+V'), check: { refused: 'yaml', line: 5, says: '!!binary' }, build: 'schema refuses' },
  { name: 'a local tag !foo', file: OFFICER_FILE, text: officerSummary('!foo 测试'), check: { refused: 'yaml', line: 5, says: '!foo' }, build: 'throws' },
  { name: '!!set', file: OFFICER_FILE, text: officerWith('tags: !!set { 见义勇为, 夺刀 }'), check: { refused: 'yaml', line: 9, says: '!!set' }, build: 'schema refuses' },
  { name: '!!str, harmless but a tag all the same', file: OFFICER_FILE, text: officerSummary('!!str 110'), check: { refused: 'yaml', line: 5, says: '!!str' }, build: 'accepts' },
  { name: 'a %YAML 1.1 directive (yes would become true)', file: STATS_FILE, text: `%YAML 1.1\n---\n${stats}`, check: { refused: 'yaml', line: 1, says: 'YAML 指令' }, build: 'accepts' },
  { name: 'a 5-million-character summary', file: OFFICER_FILE, text: officerSummary('长'.repeat(5_000_000)), check: { refused: 'too-long', line: 5, says: '第 5 行（summary）有 5,000,000 字' }, build: 'schema refuses' },
  { name: 'a data file over 256 KB', file: STATS_FILE, text: stats.replace('title: 测试数据', `title: ${'数'.repeat(100_000)}`), check: { refused: 'too-long', line: 1, says: '数据文件太大' }, build: 'schema refuses' },
  { name: 'a summary of 5,000 characters', file: OFFICER_FILE, text: officerSummary('长'.repeat(5_000)), check: { refused: 'too-long', line: 5, says: 'summary（一句话简介） 太长（5,000 字，上限 300 字）' }, build: 'schema refuses' },
  { name: 'a list of 10,000 tags', file: OFFICER_FILE, text: officerWith(`tags:\n${'  - 标签\n'.repeat(10_000)}`), check: { refused: 'too-long', line: 9, says: 'tags（标签） 的项数太多（10,000 项，上限 20 项）' }, build: 'schema refuses' },
  { name: 'flow brackets 5,000 deep', file: OFFICER_FILE, text: officerSummary(`${'['.repeat(5_000)}x${']'.repeat(5_000)}`), check: { refused: 'yaml', line: 5, says: '嵌套层次太深' }, build: 'throws' },
  { name: 'flow brackets 5,000 deep, never closed', file: OFFICER_FILE, text: officerSummary('['.repeat(5_000)), check: { refused: 'yaml', line: 5, says: '嵌套层次太深' }, build: 'throws' },
  { name: 'list markers 3,000 deep on one line', file: OFFICER_FILE, text: officerWith(`tags: ${'- '.repeat(3_000)}x`), check: { refused: 'yaml', line: 9, says: '嵌套层次太深' }, build: 'throws' },
  { name: 'lists nested 12 deep', file: OFFICER_FILE, text: officerWith(`tags: ${'['.repeat(12)}x${']'.repeat(12)}`), check: { refused: 'yaml', line: 9, says: '嵌套层次太深（超过 10 层）' }, build: 'schema refuses' },
  { name: 'a data file of 20,000 fields', file: STATS_FILE, text: `${stats}${Array.from({ length: 20_000 }, (_, i) => `k${i}: x`).join('\n')}\n`, check: { refused: 'unknown-field', line: 7, says: '等 20,000 个' }, build: 'schema refuses' },
  { name: 'a field written twice', file: OFFICER_FILE, text: officerWith('name: 另一个名字'), check: { refused: 'yaml', line: 9, says: '字段 name 写了两次（第 2 行和第 9 行）' }, build: 'throws' },
  { name: 'a field written twice, once quoted', file: OFFICER_FILE, text: officerWith('"name": 另一个名字'), check: { refused: 'yaml', line: 9, says: '写了两次' }, build: 'throws' },
  { name: 'a key 1 and a key "1" (one key to the build)', file: STATS_FILE, text: `${stats}1: a\n"1": b\n`, check: { refused: 'yaml', line: 7, says: '字段名 1 不是文字' }, build: 'throws' },
  { name: 'a key null (the build calls it "null")', file: OFFICER_FILE, text: officerWith('null: x'), check: { refused: 'yaml', line: 9, says: '字段名 null 不是文字' }, build: 'schema refuses' },
  { name: 'a list as a key', file: OFFICER_FILE, text: officerWith('[a, b]: c'), check: { refused: 'yaml', line: 9, says: '字段名写成了列表' }, build: 'schema refuses' },
  { name: 'a second document in a data file', file: STATS_FILE, text: `${stats}---\ntitle: 第二份\n`, check: { refused: 'yaml', line: 7, says: 'MULTIPLE_DOCS' }, build: 'throws' },
  { name: 'a document end ... followed by more fields', file: OFFICER_FILE, text: officerWith('...\nfeatured: true'), check: { refused: 'yaml', line: 10, says: 'MULTIPLE_DOCS' }, build: 'throws' },
  { name: 'tab indentation', file: OFFICER_FILE, text: officerWith('tags:\n\t- 夺刀'), check: { refused: 'yaml', line: 10, says: '这一行开头用了 Tab 键缩进' }, build: 'throws' },
  { name: 'a tab in block text', file: OFFICER_FILE, text: officerSummary('|\n\t测试用人物。'), check: { refused: 'yaml', line: 6, says: '这一行开头用了 Tab 键缩进' }, build: 'throws' },
  { name: 'TOML frontmatter (+++)', file: OFFICER_FILE, text: officer.replace(/^---\n/, '+++\n').replace('consent: true\n---\n', 'consent: true\n+++\n').replace(/: (.*)$/gm, ' = "$1"'), check: { refused: 'yaml', line: 1, says: 'TOML' }, build: 'schema refuses' },
  { name: 'blank lines before the opening ---', file: OFFICER_FILE, text: `\n\n${officer}`, check: { refused: 'frontmatter-missing', line: 1, says: '文件开头有空行' }, build: 'accepts' },
  { name: 'a closing line ---- (Astro stops at its first three dashes)', file: OFFICER_FILE, text: officer.replace('consent: true\n---\n', 'consent: true\n----\n'), check: { refused: 'yaml', line: 9, says: '会被当作字段区的结束' }, build: 'accepts' },
  { name: 'a line starting with +++ inside the frontmatter', file: OFFICER_FILE, text: officerSummary('|\n+++ 测试'), check: { refused: 'yaml', line: 6, says: '这一行以 +++ 开头' }, build: 'schema refuses' },
  { name: 'text after the opening ---', file: OFFICER_FILE, text: officer.replace(/^---\n/, '--- name: 测试民警\n'), check: { refused: 'frontmatter-missing', line: 1, says: '--- 后面还写了内容' }, build: 'throws' },
  { name: 'a frontmatter never closed', file: OFFICER_FILE, text: officer.replace('consent: true\n---\n', 'consent: true\n'), check: { refused: 'frontmatter-missing', line: 1, says: '字段区没有结束' }, build: 'schema refuses' },
  { name: 'a NUL byte', file: OFFICER_FILE, text: officerSummary('测试\u0000用人物。'), check: { refused: 'yaml', line: 5, says: '控制字符 U+0000' }, build: 'throws' },
  { name: 'an escape character pasted from a terminal', file: STATS_FILE, text: stats.replace('测试数据', '测试\u001b[0m数据'), check: { refused: 'yaml', line: 1, says: '控制字符 U+001B' }, build: 'throws' },
  { name: "an unclosed quote ending in '' at the end of a data file", file: STATS_FILE, text: `${stats}note: '测试''`, check: { refused: 'yaml', line: 8, says: 'MISSING_CHAR' }, build: 'throws' },
  { name: 'a file of 17 MB', file: OFFICER_FILE, text: `${officer}${'正文。'.repeat(2_000_000)}`, check: { refused: 'too-long', line: 1, says: '文件太大' }, build: 'accepts' },
  // Values that the two YAML libraries read differently: the check reads them as the build does.
  { name: 'summary: 0b101 (a number to the build)', file: OFFICER_FILE, text: officerSummary('0b101'), check: { refused: 'schema', line: 5, says: '应为文字' }, build: 'schema refuses' },
  { name: 'summary: -0x1F (a number to the build)', file: OFFICER_FILE, text: officerSummary('-0x1F'), check: { refused: 'schema', line: 5, says: '应为文字' }, build: 'schema refuses' },
  { name: 'a source date 2020-6-18 (text to the build, a date to the yaml library)', file: OFFICER_FILE, text: officerWith('sources:\n  - title: 泰州日报\n    date: 2020-6-18'), check: 'accepted', build: 'accepts' },
  { name: 'summary: 2020-6-18', file: OFFICER_FILE, text: officerSummary('2020-6-18'), check: 'accepted', build: 'accepts' },
  { name: 'summary: 1e400 (text to the build, Infinity to the yaml library)', file: OFFICER_FILE, text: officerSummary('1e400'), check: 'accepted', build: 'accepts' },
  { name: 'a figure of 1e400', file: STATS_FILE, text: statsValue('1e400'), check: { refused: 'schema', line: 5, says: 'value（数值） 太大（上限 1,000,000,000,000）' }, build: 'schema refuses' },
  { name: 'a figure of .inf', file: STATS_FILE, text: statsValue('.inf'), check: { refused: 'schema', line: 5, says: 'value（数值） 太大（∞，上限 1,000,000,000,000）' }, build: 'schema refuses' },
  { name: 'a figure of .nan', file: STATS_FILE, text: statsValue('.nan'), check: { refused: 'schema', line: 5, says: '应为数字' }, build: 'schema refuses' },
  { name: 'a figure of -.5 (text to the build)', file: STATS_FILE, text: statsValue('-.5'), check: { refused: 'schema', line: 5, says: '不能是负数' }, build: 'schema refuses' },
  { name: 'a figure of 0x1F', file: STATS_FILE, text: statsValue('0x1F'), check: 'accepted', build: 'accepts' },
  { name: 'consent: yes (text in YAML 1.2)', file: OFFICER_FILE, text: officer.replace('consent: true', 'consent: yes'), check: { refused: 'schema', line: 8, says: '应为 true 或 false' }, build: 'schema refuses' },
  { name: 'publishDate: 2026-12-01T09:00:00. (a UTC time to the build)', file: OFFICER_FILE, text: officerWith('publishDate: 2026-12-01T09:00:00.'), check: { refused: 'date', line: 9, says: '没有加引号' }, build: 'accepts' },
  // Harmless variations both accept alike.
  { name: 'Windows line endings and a byte-order mark', file: OFFICER_FILE, text: `\uFEFF${officer.replace(/\n/g, '\r\n')}`, check: 'accepted', build: 'accepts' },
  { name: 'spaces after the fences', file: OFFICER_FILE, text: officer.replace(/^---\n/, '---  \n').replace('consent: true\n---\n', 'consent: true\n--- \n'), check: 'accepted', build: 'accepts' },
  { name: 'a data file without a final line break', file: STATS_FILE, text: stats.trimEnd(), check: 'accepted', build: 'accepts' },
  { name: "a quoted value with '' inside", file: OFFICER_FILE, text: officerSummary("'他说''你好'''"), check: 'accepted', build: 'accepts' },
  { name: 'a value with & and * inside quotes', file: OFFICER_FILE, text: officerSummary('"&a *b !c 测试"'), check: 'accepted', build: 'accepts' },
];

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** The minimal fixture with `file` replaced by `text`, checked as `npm run check` does. */
function checkWith(file: string, text: string) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-hostile-'));
  roots.push(root);
  cpSync(MINIMAL, root, { recursive: true });
  writeFileSync(path.join(root, 'content', file), text);
  const result = checkContent({ root, contentDir: path.join(root, 'content'), now: new Date('2026-06-01T00:00:00Z') });
  const ofFile = result.problems.filter((p) => p.file === `content/${file}` && p.severity === 'error');
  return { problems: ofFile, entry: result.entries.find((e) => `content/${file}` === e.file) };
}

describe('hostile YAML: the check refuses first, or reads what the build reads', () => {
  it('has at least 15 hostile cases, each named once', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(15);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES)('$name', ({ file, text, check: expected, build }) => {
    const format = file.endsWith('.yaml') ? 'data' : 'markdown';
    const checked = checkWith(file, text);

    if (expected === 'accepted') {
      expect(checked.problems).toEqual([]);
      expect(checked.entry).toBeDefined();
    } else {
      expect(checked.problems.length).toBeGreaterThan(0);
      // Every problem has a line; the expected one is among them.
      for (const problem of checked.problems) expect(problem.line).toBeGreaterThanOrEqual(1);
      expect(checked.problems).toContainEqual(expect.objectContaining({ code: expected.refused, line: expected.line, message: expect.stringContaining(expected.says) }));
      expect(checked.problems.map((p) => `${p.message}${p.hint ?? ''}`).join('')).not.toMatch(/\bat [\w.]+ \(|Error:/);
    }

    const reading = readAsBuild(text, format);
    const schema = COLLECTIONS[file.startsWith('officers') ? 'officers' : 'stats'].schema(testContext);
    if (build === 'throws') {
      expect(reading.ok).toBe(false);
    } else if (build === 'expands') {
      // js-yaml keeps the aliases as shared references: every item of lol9 is one array, which
      // any walk over the data (zod's, JSON's, the search index's) visits 9⁹ times.
      const lol9 = (reading.ok ? reading.data : {}) as { lol9?: unknown[] };
      expect(new Set(lol9.lol9).size).toBe(1);
    } else {
      expect(reading).toMatchObject({ ok: true });
      expect(schema.safeParse(reading.ok ? reading.data : undefined).success).toBe(build === 'accepts');
    }

    // The agreement itself: what the check passes, the build reads alike and accepts.
    if (expected === 'accepted' || expected.refused === 'schema' || expected.refused === 'date') {
      const source = format === 'data' ? readDataSource(text) : readMarkdownSource(text);
      expect(reading.ok && reading.data).toEqual(source.data);
    }
    if (expected === 'accepted') expect(build).toBe('accepts');
  });
});
