// groupByMonth lives in partial-date.ts; its tests sit apart so partial-date.test.ts stays as it was.
import { describe, expect, it } from 'vitest';
import { groupByMonth, parsePartialDate, UNDATED_LABEL, type PartialDate } from '../../src/lib/partial-date';

interface Entry {
  id: string;
  date?: PartialDate;
}

function entry(id: string, date?: string): Entry {
  if (date === undefined) return { id };
  const parsed = parsePartialDate(date);
  if (!parsed.ok) throw new Error(`not a partial date: ${date}`);
  return { id, date: parsed.value };
}

const summary = (entries: readonly Entry[]) =>
  groupByMonth(entries, (e) => e.date).map((g) => [g.label, g.items.map((e) => e.id)]);

describe('groupByMonth', () => {
  it('lists months newest first, labelled 2020年6月', () => {
    const entries = [entry('a', '2019-12-01'), entry('b', '2020-06-18'), entry('c', '2020-01'), entry('d', '2020-11')];
    expect(summary(entries)).toEqual([
      ['2020年11月', ['d']],
      ['2020年6月', ['b']],
      ['2020年1月', ['c']],
      ['2019年12月', ['a']],
    ]);
  });

  it('keeps the given order inside a month, whatever the days', () => {
    const entries = [entry('late', '2020-06-30'), entry('month', '2020-06'), entry('early', '2020-06-01')];
    expect(summary(entries)).toEqual([['2020年6月', ['late', 'month', 'early']]]);
  });

  it('puts entries known only to the year after that year’s months, under 2020年（月份未注明）', () => {
    const entries = [entry('y2020', '2020'), entry('jan', '2020-01'), entry('y2019', '2019'), entry('dec19', '2019-12'), entry('jun', '2020-06')];
    expect(summary(entries)).toEqual([
      ['2020年6月', ['jun']],
      ['2020年1月', ['jan']],
      ['2020年（月份未注明）', ['y2020']],
      ['2019年12月', ['dec19']],
      ['2019年（月份未注明）', ['y2019']],
    ]);
  });

  it('lists undated entries last, under 日期未注明', () => {
    const entries = [entry('none1'), entry('year', '2018'), entry('month', '2021-03'), entry('none2')];
    expect(summary(entries)).toEqual([
      ['2021年3月', ['month']],
      ['2018年（月份未注明）', ['year']],
      [UNDATED_LABEL, ['none1', 'none2']],
    ]);
  });

  it('gives each group its year and month, null where unknown', () => {
    const groups = groupByMonth([entry('a', '2020-06'), entry('b', '2020'), entry('c')], (e) => e.date);
    expect(groups.map(({ year, month }) => ({ year, month }))).toEqual([
      { year: 2020, month: 6 },
      { year: 2020, month: null },
      { year: null, month: null },
    ]);
  });

  it('reads null as undated as well as undefined', () => {
    const groups = groupByMonth(['x'], () => null);
    expect(groups).toEqual([{ year: null, month: null, label: '日期未注明', items: ['x'] }]);
  });

  it('gives no groups for no entries', () => {
    expect(groupByMonth([], () => null)).toEqual([]);
  });

  it('drops nothing', () => {
    const entries = [entry('a', '2020-06'), entry('b'), entry('c', '2020'), entry('d', '2019-02-03'), entry('e', '2020-06-09')];
    const ids = groupByMonth(entries, (e) => e.date).flatMap((g) => g.items.map((e) => e.id));
    expect(ids.sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
