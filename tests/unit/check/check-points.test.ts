/**
 * Every way a points file, an honour's points period or the study rotation can be wrong is
 * reported by the content check (so by `npm run check` and the build) with file, field, value and
 * a hint in Chinese.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/check/check-content';
import { formatReport } from '../../../src/lib/check/report';
import { siteConfigSchema } from '../../../src/schemas/site-config';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

const UNIT = {
  'units/brigade.md': '---\nname: 测试大队\nkind: brigade\n---\n',
  'units/dongjin.md': '---\nname: 东进警务站\nkind: station\nparent: brigade\n---\n',
  'officers/jia.md': '---\nname: 测试民警甲\nrole: police\nunit: dongjin\nsummary: 虚构\nconsent: true\n---\n',
  'officers/yi.md': '---\nname: 测试民警乙\nrole: police\nunit: dongjin\nsummary: 虚构\nconsent: true\n---\n',
};

const march = (entries: string) => `unit: dongjin\nmonth: 2021-03\nentries:\n${entries}`;
const GOOD = march('  - officer: jia\n    points: { 固定党日学习: 5, 志愿服务: 2 }\n  - officer: yi\n    points: { 业务工作: 4 }\n    note: 测试备注\n');

/** Checks the test unit plus `files`, with an optional site config (YAML-like object). */
function run(files: Record<string, string>, config: Record<string, unknown> = {}) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-points-check-'));
  roots.push(root);
  for (const [file, text] of Object.entries({ ...UNIT, ...files })) {
    mkdirSync(path.dirname(path.join(root, 'content', file)), { recursive: true });
    writeFileSync(path.join(root, 'content', file), text);
  }
  const site = { config: siteConfigSchema.parse({ title: '测试', url: 'https://fixture.example', ...config }), file: 'site.config.yaml' };
  return checkContent({ root, contentDir: path.join(root, 'content'), now: new Date('2026-06-01T04:00:00Z'), site }).problems;
}

const brief = (problems: ReturnType<typeof run>) => problems.map((p) => ({ file: p.file, line: p.line, code: p.code, field: p.field, value: p.value, message: p.message }));

describe('points files', () => {
  it('accept a valid month with the default categories', () => {
    expect(run({ 'points/dongjin-2021-03.yaml': GOOD })).toEqual([]);
  });

  it('report an unknown member with a did-you-mean', () => {
    const problems = run({ 'points/dongjin-2021-03.yaml': march('  - officer: jiaa\n    points: { 业务工作: 1 }\n') });
    expect(brief(problems)).toEqual([
      { file: 'content/points/dongjin-2021-03.yaml', line: 4, code: 'reference-missing', field: 'entries[0].officer', value: 'jiaa', message: '引用的人物 “jiaa” 不存在' },
    ]);
    expect(problems[0]?.hint).toContain('是不是 jia');
  });

  it('report a category the config does not list, suggesting the close one', () => {
    const problems = run({ 'points/dongjin-2021-03.yaml': march('  - officer: jia\n    points:\n      志愿服物: 2\n') });
    expect(brief(problems)).toEqual([
      { file: 'content/points/dongjin-2021-03.yaml', line: 6, code: 'points', field: 'entries[0].points.志愿服物', value: '志愿服物', message: '积分类别“志愿服物”不在网站配置的类别中' },
    ]);
    expect(problems[0]?.hint).toBe('是不是“志愿服务”？可用的类别：固定党日学习、志愿服务、业务工作。新的类别请先加到 site.config.yaml 的 points.categories');
  });

  it('accept the categories the config names instead of the defaults', () => {
    const file = march('  - officer: jia\n    points: { 安全生产: 3 }\n');
    expect(run({ 'points/dongjin-2021-03.yaml': file }, { points: { categories: ['安全生产'] } })).toEqual([]);
    expect(run({ 'points/dongjin-2021-03.yaml': file }).map((p) => p.code)).toEqual(['points']);
  });

  it.each([
    ['-2', '不能是负数'],
    ['五分', '应为数字'],
    ['true', '应为数字'],
  ])('report points of %s as not a number of points', (value, words) => {
    const problems = run({ 'points/dongjin-2021-03.yaml': march(`  - officer: jia\n    points:\n      业务工作: ${value}\n`) });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'content/points/dongjin-2021-03.yaml', line: 6, field: 'entries[0].points.业务工作' });
    expect(problems[0]?.message).toContain(words);
  });

  it('report a month entered twice for the same unit, naming both files', () => {
    const problems = run({ 'points/dongjin-2021-03.yaml': GOOD, 'points/dongjin-march.yaml': GOOD });
    expect(brief(problems)).toEqual([
      {
        file: 'content/points/dongjin-march.yaml',
        line: 2,
        code: 'points',
        field: 'month',
        value: '2021-03',
        message: 'dongjin 的 2021-03 积分录入了两次：content/points/dongjin-2021-03.yaml 和 content/points/dongjin-march.yaml',
      },
    ]);
  });

  it('report a member listed twice in one month', () => {
    const problems = run({ 'points/dongjin-2021-03.yaml': march('  - officer: jia\n    points: { 业务工作: 1 }\n  - officer: jia\n    points: { 志愿服务: 1 }\n') });
    expect(brief(problems)).toEqual([
      { file: 'content/points/dongjin-2021-03.yaml', line: 6, code: 'points', field: 'entries[1].officer', value: 'jia', message: 'jia 在本月列了两次（第 1 项和第 2 项）' },
    ]);
    expect(problems[0]?.hint).toContain('合并');
  });

  it.each([
    ['2021-13', '月份 13 不存在'],
    ['2021', '不是月份'],
    ['2021-Q1', '不是月份'],
  ])('report a month written %s', (month, words) => {
    const problems = run({ 'points/dongjin-2021-03.yaml': GOOD.replace('2021-03', month) });
    expect(problems.map((p) => [p.code, p.field])).toEqual([['date', 'month']]);
    expect(problems[0]?.message).toContain(words);
  });

  it('print in the report as file, line, field, value and how to fix it', () => {
    const report = formatReport(run({ 'points/dongjin-2021-03.yaml': march('  - officer: jia\n    points:\n      志愿服物: 2\n') }));
    expect(report).toContain('content/points/dongjin-2021-03.yaml');
    expect(report).toContain('✖ 错误（第 6 行，字段 entries[0].points.志愿服物）：积分类别“志愿服物”不在网站配置的类别中');
    expect(report).toContain('怎么改：是不是“志愿服务”？');
  });
});

describe('the pointsPeriod of an honour', () => {
  const honor = (period: string) =>
    `---\ntitle: 优秀党员\nscope: individual\nawardedBy: 测试大队党总支\ndate: 2022-01\npointsPeriod: ${period}\nrecipients:\n  officers: [jia]\n---\n`;

  it('accepts a year, quarter or month that has points', () => {
    for (const period of ['2021', '2021-Q1', '2021-q1', '2021-03']) {
      expect(run({ 'points/dongjin-2021-03.yaml': GOOD, 'honors/youxiu.md': honor(period) }), period).toEqual([]);
    }
  });

  it('rejects a period that cannot be read', () => {
    const problems = run({ 'points/dongjin-2021-03.yaml': GOOD, 'honors/youxiu.md': honor('2021-Q5') });
    expect(problems.map((p) => [p.code, p.field, p.line])).toEqual([['date', 'pointsPeriod', 6]]);
    expect(problems[0]?.hint).toBe('积分期间写年度 2021、季度 2021-Q1 或月份 2021-03');
  });

  it('warns when no points were entered for the cited period', () => {
    const problems = run({ 'points/dongjin-2021-03.yaml': GOOD, 'honors/youxiu.md': honor('2020') });
    expect(problems.map((p) => [p.severity, p.code, p.field, p.message])).toEqual([['warning', 'points', 'pointsPeriod', '引用的积分期间 2020 没有任何积分记录']]);
  });
});

describe('the study rotation of the site config', () => {
  it('accepts existing stations and hosts', () => {
    expect(run({}, { studyRotation: { stations: ['dongjin', 'brigade'], hosts: ['jia', 'yi'] } })).toEqual([]);
  });

  it('reports stations and hosts that do not exist, in the config file', () => {
    const problems = run({}, { studyRotation: { stations: ['dongjin', 'lianhua'], hosts: ['jiaa'] } });
    expect(brief(problems)).toEqual([
      { file: 'site.config.yaml', line: undefined, code: 'study-rotation', field: 'studyRotation.stations[1]', value: 'lianhua', message: '学习轮值中的单位 “lianhua” 不存在' },
      { file: 'site.config.yaml', line: undefined, code: 'study-rotation', field: 'studyRotation.hosts[0]', value: 'jiaa', message: '学习轮值中的人物 “jiaa” 不存在' },
    ]);
    expect(problems[1]?.hint).toContain('是不是 jia');
  });
});

describe('reserved ids', () => {
  it('refuses an activity named schedule, whose page would take the schedule’s address', () => {
    const problems = run({ 'activities/schedule.md': '---\ntitle: 学习\nkind: study\ndate: 2020-06-29\nunit: dongjin\nsummary: 学习\n---\n' });
    expect(problems.map((p) => [p.code, p.file])).toEqual([['id-invalid', 'content/activities/schedule.md']]);
  });
});
