/**
 * The content check of planned files, said in the sheet's terms. The sample unit's content
 * (examples/hailing-xuntejing) is copied to a temporary folder by validatePlan; it is only read.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportCollection } from '../../src/lib/import/columns';
import { readExisting } from '../../src/lib/import/existing';
import { planImport } from '../../src/lib/import/plan';
import { validatePlan } from '../../src/lib/import/validate';

// The sample unit as it ships (never src/content/, which each unit replaces).
const CONTENT = path.resolve(import.meta.dirname, '..', '..', 'examples', 'hailing-xuntejing', 'content');
const SAMPLE = readExisting(CONTENT);

function check(collection: ImportCollection, rows: string[][]) {
  const plan = planImport({
    collection,
    table: { rows: rows.map((cells, i) => ({ row: i + 1, cells })), encoding: 'UTF-8', problems: [] },
    existing: SAMPLE,
    update: false,
    sourceName: 't.csv',
  });
  const { problems, preexisting } = validatePlan(plan, { contentDir: CONTENT, now: new Date('2026-01-01T00:00:00Z'), showPath: (p) => `src/content/${p}` });
  // As runImport reports them: the problems of reading, then those of the check, by row.
  const all = [...plan.problems, ...problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { plan, problems: all.map(({ severity, row, column, message }) => ({ severity, row, column, message })), preexisting };
}

describe('validatePlan', () => {
  it('finds nothing wrong in the sample content itself, and nothing in good rows', () => {
    const { problems, preexisting } = check('honors', [
      ['荣誉名称', '授予单位', '获奖人物'],
      ['嘉奖', '某局', '王祥'],
    ]);
    expect(preexisting).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('says a missing required column once per column, for the rows that need it', () => {
    const { problems } = check('officers', [
      ['姓名', '身份', '单位'],
      ['李一', '民警', 'dongjin'],
      ['李二', '辅警', 'lianhua'],
    ]);
    expect(problems).toEqual([
      { severity: 'error', row: 2, column: '一句话简介', message: '表格中没有「一句话简介」列，这是必填项' },
      { severity: 'error', row: 3, column: '一句话简介', message: '表格中没有「一句话简介」列，这是必填项' },
    ]);
  });

  it('checks the rest of a row whose cells could not all be read, without repeating what was said', () => {
    const { problems } = check('letters', [
      ['类型', '日期', '致谢人', '致谢人物', '简介'],
      ['信', '2020-13', '王先生', '', '感谢。'],
      ['锦旗', '2020-07', '王先生', '王翔', '感谢。'],
    ]);
    expect(problems).toEqual([
      { severity: 'error', row: 2, column: '日期', message: '“2020-13”不是有效的日期：月份 13 不存在（应为 1–12）' },
      { severity: 'error', row: 2, column: '致谢人物」「致谢单位', message: '致谢对象为空：这两列至少要填一项' },
      { severity: 'error', row: 3, column: '致谢人物', message: '找不到人物“王翔”' },
    ]);
  });

  it('points a problem of a metric at its own row, and one of another period at the real file', () => {
    const { problems } = check('stats', [
      ['标题', '起始日期', '截止日期', '指标代码', '指标名称', '数值', '计量单位'],
      ['2021年数据', '2021-01', '2021-06', 'cases', '警情', '3', '起'],
      ['2021年数据', '2021-01', '2021-06', 'Bad Key', '其他', '3', '起'],
      ['2021年数据', '2021-01', '2021-06', 'cases', '警情二', '4', '起'],
    ]);
    expect(problems).toEqual([
      { severity: 'error', row: 3, column: '指标代码', message: '只能用小写字母、数字和连字符，如 people-checked' },
      { severity: 'error', row: 4, column: '指标代码', message: '指标代码 cases 在同一期中出现了两次（第 2 行和第 4 行）' },
    ]);
    const series = check('stats', [
      ['标题', '起始日期', '截止日期', '指标名称', '数值', '计量单位'],
      ['2021年数据', '2021-01', '2021-06', '涉疫警情处置', '3', '起'],
      ['2021年数据', '2021-01', '2021-06', '收到感谢信', '2', '面'],
    ]);
    expect(series.problems).toEqual([
      {
        severity: 'warning',
        row: 3,
        column: '计量单位',
        message: '指标 letters 的计量单位是 “面”，而 src/content/stats/2020-gongzuo-shuju.yaml 中是 “封”',
      },
    ]);
  });
});
