/**
 * The points boards and the study schedule on a fictional fixture unit (tests/fixtures/points):
 * the intranet edition shows boards, histories and the schedule; the public edition shows the
 * schedule and no trace of points — canaries included, search index included — unless the config
 * publishes them, and then with masked names when it says so. A unit that records no points at
 * all is in publishing.test.ts (its intranet edition).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, everyOutputFile, listOutput, readPage, type BuildResult } from './harness';
import { htmlProblems } from './html-validate';
import { findBrokenLinks } from './link-check';

const NOTE_CANARY = 'CANARYPOINTSNOTE';
/** 测试民警丙 has no publication consent and appears nowhere but in the points files. */
const POINTS_ONLY_NAME = '测试民警丙';
const BOARDS = ['points', 'points/2026-01', 'points/2026-02', 'points/2026-04', 'points/2026-q1', 'points/2026-q2', 'points/2026'];
const CONFIG = 'title: 测试单位荣誉榜\nurl: https://fixture.example\nstudyRotation:\n  stations: [station-a, station-b]\n';

/** The rows of a board table as text cells: `['1并列', '测试民警甲', '5', …]`. */
function boardRows(outDir: string, page: string, unit = 'station-a'): string[][] {
  return readPage(outDir, page)
    .querySelectorAll(`#board-${unit} ~ table tbody tr, section[aria-labelledby="board-${unit}"] tbody tr`)
    .map((tr) => tr.querySelectorAll('th, td').map((cell) => cell.text.replace(/\s+/g, '')));
}

const navLabels = (outDir: string, page: string) => readPage(outDir, page).querySelectorAll('nav[aria-label="主菜单"] a').map((a) => a.text.trim());

describe('the intranet edition', () => {
  let build: BuildResult;
  beforeAll(async () => {
    build = await buildFixture('points', { args: ['--audience', 'internal'] });
  });

  it('builds', () => {
    expect(build.status, build.output).toBe(0);
  });

  it('has the points index, a board per month, the quarters and the year', () => {
    const files = listOutput(build.outDir);
    for (const page of BOARDS) expect(files).toContain(`${page}/index.html`);
    expect(files).not.toContain('points/2026-03/index.html');
    expect(navLabels(build.outDir, '')).toContain('积分');
  });

  it('ranks the monthly board (月晒) with competition ranking and shows ties as ties, in pinyin order', () => {
    expect(boardRows(build.outDir, 'points/2026-01')).toEqual([
      ['1并列', '测试民警甲', '5', '3', '4', '12', ''],
      ['1并列', '测试民警乙', '5', '2', '5', '12', ''],
      // The public edition leaves 丙 out (no consent): the intranet board says so.
      ['3', '测试民警丙未同意公开', '4', '1', '3', '8', `${NOTE_CANARY}夜巡中表现突出，另记一笔`],
      ['4', '测试民警丁', '2', '0', '1', '3', ''],
    ]);
    expect(boardRows(build.outDir, 'points/2026-01', 'station-b')).toEqual([['1', '测试民警戊', '5', '5', '5', '15']]);
  });

  it('computes the quarter (季评) and the year (年考) from the months and marks the honours of the year', () => {
    expect(boardRows(build.outDir, 'points/2026-q1').map((r) => [r[0], r[1], r[5]])).toEqual([
      ['1', '测试民警甲', '22.5'],
      ['2', '测试民警乙', '21'],
      ['3', '测试民警丁', '12'],
      ['4', '测试民警丙未同意公开', '8'],
    ]);
    const year = boardRows(build.outDir, 'points/2026');
    expect(year.map((r) => [r[0], r[1], r[5], r[6]])).toEqual([
      ['1', '测试民警乙', '35', ''],
      ['2', '测试民警甲', '29.5', '★测试优秀党员'],
      ['3', '测试民警丁', '12', ''],
      ['4', '测试民警丙未同意公开', '8', ''],
    ]);
    expect(readPage(build.outDir, 'points/2026').querySelector('h1')?.text).toBe('2026年度积分年考');
  });

  it('marks every board 内部, since the public edition shows no points', () => {
    for (const page of BOARDS) {
      const mark = readPage(build.outDir, page).querySelector('main .internal-only');
      expect(mark?.querySelector('.internal-only-label')?.text, page).toBe('内部');
      expect(mark?.text, page).toContain('积分不在公开版本中公布，此页只在内部版本显示。');
    }
  });

  it("shows a member's history on their profile as an SVG chart with a data table", () => {
    const section = readPage(build.outDir, 'officers/officer-jia').querySelector('#points');
    expect(section?.querySelector('h2')?.text).toBe('积分记录');
    expect(section?.querySelectorAll('svg rect.bar')).toHaveLength(3);
    expect(section?.querySelector('svg desc')?.text).toBe('2026年1月：12分；2026年2月：10.5分；2026年4月：7分');
    expect(section?.querySelectorAll('tbody tr').map((tr) => tr.querySelector('th')?.text)).toEqual(['2026年1月', '2026年2月', '2026年4月']);
    expect(section?.getAttribute('data-pagefind-ignore')).toBe('all');
  });

  it('links an honour to the points period it cites', () => {
    const link = readPage(build.outDir, 'honors/youxiu-dangyuan').querySelectorAll('dd a').find((a) => a.getAttribute('href') === '/points/2026-q1/');
    expect(link?.text).toBe('2026年第一季度积分季评');
  });

  it('shows the study schedule and the next study on the station page, and keeps planned sessions out of the record', () => {
    const schedule = readPage(build.outDir, 'activities/schedule');
    expect(schedule.querySelectorAll('tbody tr').map((tr) => tr.text.replace(/\s+/g, ''))).toEqual([
      '2026年6月8日测试乙站测试民警乙测试计划学习一',
      '2026年6月15日测试甲站测试民警甲测试计划学习二',
    ]);
    expect(readPage(build.outDir, 'units/station-b').querySelector('#next-study')?.text).toContain('测试计划学习一');
    const record = readPage(build.outDir, 'activities').text;
    expect(record).toContain('测试已举办的学习');
    expect(record).not.toContain('测试计划学习');
  });

  it('every link resolves and every page is valid HTML', async () => {
    expect(findBrokenLinks(build.outDir, { base: '/' })).toEqual([]);
    expect(await htmlProblems(build.outDir)).toEqual([]);
  });
});

describe('the public edition', () => {
  let build: BuildResult;
  beforeAll(async () => {
    build = await buildFixture('points');
  });

  it('builds, with the schedule but no points page and no 积分 in the menu', () => {
    expect(build.status, build.output).toBe(0);
    const files = listOutput(build.outDir);
    expect(files.filter((f) => f.startsWith('points/'))).toEqual([]);
    expect(files).toContain('activities/schedule/index.html');
    expect(readPage(build.outDir, 'activities/schedule').text).toContain('测试计划学习一');
    expect(navLabels(build.outDir, '')).not.toContain('积分');
    expect(readPage(build.outDir, 'officers/officer-jia').querySelector('#points')).toBeNull();
    expect(readPage(build.outDir, 'honors/youxiu-dangyuan').text).not.toContain('积分依据');
  });

  it('contains no points canary in any file, the search index included', () => {
    const files = everyOutputFile(build.outDir);
    // The index is read: a public entry's words are in it.
    expect(files.filter((f) => f.file.startsWith('pagefind/fragment/')).some((f) => f.text.includes('测试民警甲'))).toBe(true);
    for (const { file, text } of files) {
      for (const canary of [NOTE_CANARY, POINTS_ONLY_NAME, '/points/', '积分记录', '月晒']) expect(text.includes(canary), `${canary} in ${file}`).toBe(false);
    }
  });

  it('every link resolves', () => {
    expect(findBrokenLinks(build.outDir, { base: '/' })).toEqual([]);
  });
});

describe('points published by the config', () => {
  it('with masked names: boards without names, remarks, links or profile histories', async () => {
    const build = await buildFixture('points', { files: { 'site.config.yaml': `${CONFIG}points:\n  publish: masked\n` } });
    expect(build.status, build.output).toBe(0);
    expect(navLabels(build.outDir, '')).toContain('积分');
    expect(boardRows(build.outDir, 'points/2026-01')).toEqual([
      ['1并列', '测****', '5', '3', '4', '12'],
      ['1并列', '测****', '5', '2', '5', '12'],
      ['3', '测****', '2', '0', '1', '3'],
    ]);
    expect(readPage(build.outDir, 'points/2026').querySelectorAll('main a[href^="/officers/"]')).toEqual([]);
    expect(readPage(build.outDir, 'officers/officer-jia').querySelector('#points')).toBeNull();
    for (const { file, text } of everyOutputFile(build.outDir)) {
      for (const canary of [NOTE_CANARY, POINTS_ONLY_NAME, '参加全市业务竞赛']) expect(text.includes(canary), `${canary} in ${file}`).toBe(false);
      if (file.startsWith('points/') && file.endsWith('.html')) expect(text.includes('测试民警'), file).toBe(false);
    }
    expect(await htmlProblems(build.outDir)).toEqual([]);
  });

  it('in full: names and histories, but still nobody without publication consent', async () => {
    const build = await buildFixture('points', { files: { 'site.config.yaml': `${CONFIG}points:\n  publish: full\n` } });
    expect(build.status, build.output).toBe(0);
    expect(boardRows(build.outDir, 'points/2026-01').map((r) => r.slice(0, 2))).toEqual([
      ['1并列', '测试民警甲'],
      ['1并列', '测试民警乙'],
      ['3', '测试民警丁'],
    ]);
    expect(readPage(build.outDir, 'officers/officer-jia').querySelector('#points')).not.toBeNull();
    for (const { file, text } of everyOutputFile(build.outDir)) {
      for (const canary of [NOTE_CANARY, POINTS_ONLY_NAME]) expect(text.includes(canary), `${canary} in ${file}`).toBe(false);
    }
  });
});
