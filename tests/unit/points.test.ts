import { describe, expect, it } from 'vitest';
import { boardsOf, buildBoard, formatPoints, maskName, officerHistory, pointsPeriods, rankByTotal } from '../../src/lib/points';
import { formatPointsPeriod, makePointsPeriod, parsePointsPeriod, periodContainsMonth, pointsPeriodSlug } from '../../src/lib/points-period';
import { points } from './helpers/entries';

const CATEGORIES = ['固定党日学习', '志愿服务', '业务工作'];
const month = (unit: string, key: string, entries: [string, Record<string, number>, string?][]) =>
  points(`${unit}-${key}`, { unit, month: key, entries: entries.map(([officer, p, note]) => ({ officer, points: p, ...(note ? { note } : {}) })) });

const Q1 = makePointsPeriod(2021, { quarter: 1 });
const YEAR = makePointsPeriod(2021);
const MARCH = makePointsPeriod(2021, { month: 3 });

const files = [
  month('dongjin', '2021-01', [['jia', { 固定党日学习: 5, 志愿服务: 2 }], ['yi', { 业务工作: 4 }]]),
  month('dongjin', '2021-02', [['jia', { 业务工作: 1.5 }], ['yi', { 固定党日学习: 3, 志愿服务: 0.1 }]]),
  month('dongjin', '2021-03', [['jia', { 志愿服务: 0.2 }], ['bing', { 业务工作: 9 }, '带队夜巡']]),
  month('dongjin', '2021-04', [['jia', { 业务工作: 10 }]]),
  month('lianhua', '2021-03', [['ding', { 业务工作: 1 }]]),
];

describe('points periods', () => {
  it.each([
    ['2021', 'year', '2021', '2021年度', '2021'],
    [2021, 'year', '2021', '2021年度', '2021'],
    ['2021-Q1', 'quarter', '2021-Q1', '2021年第一季度', '2021-q1'],
    ['2021-q4', 'quarter', '2021-Q4', '2021年第四季度', '2021-q4'],
    ['2021-03', 'month', '2021-03', '2021年3月', '2021-03'],
    ['2021-3', 'month', '2021-03', '2021年3月', '2021-03'],
  ])('reads %s as a %s with key %s (%s, /points/%s/)', (input, kind, key, label, slug) => {
    const parsed = parsePointsPeriod(input);
    expect(parsed.ok && parsed.value).toMatchObject({ kind, key });
    if (!parsed.ok) return;
    expect(formatPointsPeriod(parsed.value)).toBe(label);
    expect(pointsPeriodSlug(parsed.value)).toBe(slug);
  });

  it.each(['2021-Q5', '2021-13', '2021-03-01', '21', 'Q1', ''])('rejects %s with a Chinese reason', (input) => {
    const parsed = parsePointsPeriod(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(/积分期间|月份/);
  });

  it('puts a month in its quarter and year only', () => {
    expect(periodContainsMonth(Q1, '2021-03')).toBe(true);
    expect(periodContainsMonth(Q1, '2021-04')).toBe(false);
    expect(periodContainsMonth(YEAR, '2021-12')).toBe(true);
    expect(periodContainsMonth(YEAR, '2022-01')).toBe(false);
    expect(periodContainsMonth(MARCH, '2021-03')).toBe(true);
  });

  it('lists every period with points, year first, then quarters and months, newest first', () => {
    expect(pointsPeriods(files).map((p) => p.key)).toEqual(['2021', '2021-Q2', '2021-Q1', '2021-04', '2021-03', '2021-02', '2021-01']);
  });
});

describe('aggregation: months → quarter → year', () => {
  it('a monthly board is that month as entered, per category and in total', () => {
    const board = buildBoard(files, 'dongjin', MARCH, CATEGORIES);
    expect(board.rows.map((r) => [r.officer, r.points, r.total, r.rank])).toEqual([
      ['bing', [0, 0, 9], 9, 1],
      ['jia', [0, 0.2, 0], 0.2, 2],
    ]);
    expect(board.rows[0]!.notes).toEqual(['带队夜巡']);
  });

  it('a quarter is the sum of its three months, without floating-point noise', () => {
    const board = buildBoard(files, 'dongjin', Q1, CATEGORIES);
    expect(board.months).toEqual(['2021-01', '2021-02', '2021-03']);
    expect(board.rows.map((r) => [r.officer, r.points, r.total])).toEqual([
      ['bing', [0, 0, 9], 9],
      ['jia', [5, 2.2, 1.5], 8.7],
      ['yi', [3, 0.1, 4], 7.1],
    ]);
  });

  it('a year is the sum of its months (and so of its quarters)', () => {
    const year = buildBoard(files, 'dongjin', YEAR, CATEGORIES);
    const q2 = buildBoard(files, 'dongjin', makePointsPeriod(2021, { quarter: 2 }), CATEGORIES);
    const q1 = buildBoard(files, 'dongjin', Q1, CATEGORIES);
    const jia = (b: typeof year) => b.rows.find((r) => r.officer === 'jia')?.total ?? 0;
    expect(jia(year)).toBe(18.7);
    expect(jia(year)).toBe(jia(q1) + jia(q2));
    expect(year.rows.map((r) => r.officer)).toEqual(['jia', 'bing', 'yi']);
  });

  it('keeps units apart: one board per unit with points in the period, in unit-tree order', () => {
    expect(boardsOf(files, MARCH, CATEGORIES, ['lianhua', 'dongjin']).map((b) => b.unit)).toEqual(['lianhua', 'dongjin']);
    expect(boardsOf(files, makePointsPeriod(2021, { month: 4 }), CATEGORIES, []).map((b) => b.unit)).toEqual(['dongjin']);
  });

  it("gives a member's months oldest first with per-category points", () => {
    expect(officerHistory(files, 'jia', CATEGORIES).map((h) => [h.month.key, h.points, h.total])).toEqual([
      ['2021-01', [5, 2, 0], 7],
      ['2021-02', [0, 0, 1.5], 1.5],
      ['2021-03', [0, 0.2, 0], 0.2],
      ['2021-04', [0, 0, 10], 10],
    ]);
  });
});

describe('ties', () => {
  it('uses standard competition ranking: 1, 1, 3, and marks the tied', () => {
    expect(rankByTotal([{ total: 9 }, { total: 9 }, { total: 5 }, { total: 4 }, { total: 4 }]).map((r) => [r.rank, r.tied])).toEqual([
      [1, true],
      [1, true],
      [3, false],
      [4, true],
      [4, true],
    ]);
  });

  it('orders tied members by id (pinyin), whatever the order of the file', () => {
    const tied = month('dongjin', '2021-05', [
      ['zhang-san', { 业务工作: 3 }],
      ['li-si', { 业务工作: 3 }],
      ['wang-wu', { 业务工作: 5 }],
      ['an-liu', { 业务工作: 3 }],
    ]);
    const board = buildBoard([tied], 'dongjin', makePointsPeriod(2021, { month: 5 }), CATEGORIES);
    expect(board.rows.map((r) => `${r.rank}${r.tied ? '=' : ''} ${r.officer}`)).toEqual(['1 wang-wu', '2= an-liu', '2= li-si', '2= zhang-san']);
  });
});

describe('display', () => {
  it.each([
    ['王祥', '王*'],
    ['张军强', '张**'],
    ['欧阳娜娜', '欧***'],
    ['王', '*'],
  ])('masks %s as %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('writes whole points plain and others to two decimals at most', () => {
    expect([10, 8.7, 0.25, 1 / 3].map(formatPoints)).toEqual(['10', '8.7', '0.25', '0.33']);
  });
});
