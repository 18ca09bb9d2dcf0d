import { describe, expect, it } from 'vitest';
import { parsePartialDate, type PartialDate } from '../../src/lib/partial-date';
import { comparePeriodsNewestFirst, formatPeriod, metricSeries, metricTrends, type StatLike } from '../../src/lib/stats-series';

function pd(input: string): PartialDate {
  const parsed = parsePartialDate(input);
  if (!parsed.ok) throw new Error(`not a partial date: ${input}`);
  return parsed.value;
}

const period = (start: string, end: string) => ({ start: pd(start), end: pd(end) });

type Metric = StatLike['data']['metrics'][number];
const metric = (key: string, value: number, extra: Partial<Metric> = {}): Metric => ({
  key,
  label: `${key}-label`,
  value,
  unit: '起',
  approx: null,
  ...extra,
});

const stat = (id: string, start: string, end: string, metrics: Metric[]): StatLike => ({
  id,
  data: { title: `${id} 数据`, period: period(start, end), metrics },
});

describe('formatPeriod', () => {
  it.each([
    { start: '2020-07', end: '2020-07', label: '2020年7月' },
    { start: '2019', end: '2019', label: '2019年' },
    { start: '2020-07-13', end: '2020-07-13', label: '2020年7月13日' },
    { start: '2020-01', end: '2020-07', label: '2020年1月至7月' },
    { start: '2020-01-01', end: '2020-07-13', label: '2020年1月1日至7月13日' },
    { start: '2020-07-01', end: '2020-07-13', label: '2020年7月1日至7月13日' },
    { start: '2019-10', end: '2020-03', label: '2019年10月至2020年3月' },
    { start: '2019-10-08', end: '2020-03-31', label: '2019年10月8日至2020年3月31日' },
    { start: '2018', end: '2020', label: '2018年至2020年' },
    { start: '2020-03', end: '2020-03-31', label: '2020年3月至3月31日' },
  ])('writes $start to $end as $label', ({ start, end, label }) => {
    expect(formatPeriod(period(start, end))).toBe(label);
  });

  it.each([
    { start: '2020', end: '2020-07', label: '2020年至2020年7月' },
    { start: '2020-03', end: '2020', label: '2020年3月至2020年' },
  ])('repeats the year when one end of $start to $end knows only the year: $label', ({ start, end, label }) => {
    expect(formatPeriod(period(start, end))).toBe(label);
  });
});

describe('metricSeries', () => {
  it('makes one series per metric key, oldest period first, whatever the input order', () => {
    const stats = [
      stat('s2021', '2021-01', '2021-12', [metric('cases', 30)]),
      stat('s2019', '2019-01', '2019-12', [metric('cases', 10)]),
      stat('s2020', '2020-01', '2020-12', [metric('cases', 20)]),
    ];
    const [series] = metricSeries(stats);
    expect(series?.points.map((p) => [p.statId, p.value])).toEqual([
      ['s2019', 10],
      ['s2020', 20],
      ['s2021', 30],
    ]);
  });

  it('carries the period, its label, unit and approximation of each figure', () => {
    const stats = [stat('h1', '2020-01', '2020-06', [metric('people', 95000, { unit: '人次', approx: 'over' })])];
    expect(metricSeries(stats)).toEqual([
      {
        key: 'people',
        label: 'people-label',
        unit: '人次',
        points: [
          { statId: 'h1', period: period('2020-01', '2020-06'), periodLabel: '2020年1月至6月', value: 95000, unit: '人次', approx: 'over' },
        ],
      },
    ]);
  });

  it('orders periods that end together by their start, the shorter (later start) last', () => {
    const stats = [
      stat('h2', '2020-07', '2020-12', [metric('cases', 2)]),
      stat('year', '2020-01', '2020-12', [metric('cases', 3)]),
      stat('h1', '2020-01', '2020-06', [metric('cases', 1)]),
    ];
    expect(metricSeries(stats)[0]?.points.map((p) => p.statId)).toEqual(['h1', 'year', 'h2']);
  });

  it('orders two stats of the same period by id, so the input order does not matter', () => {
    const a = stat('a', '2020', '2020', [metric('cases', 1)]);
    const b = stat('b', '2020', '2020', [metric('cases', 2)]);
    expect(metricSeries([b, a])).toEqual(metricSeries([a, b]));
    expect(metricSeries([b, a])[0]?.points.map((p) => p.statId)).toEqual(['a', 'b']);
  });

  it('takes the label and unit of the newest period that has the metric', () => {
    const stats = [
      stat('new', '2021', '2021', [metric('checks', 5, { label: '核查人员', unit: '人次' })]),
      stat('old', '2019', '2019', [metric('checks', 3, { label: '盘查人员', unit: '人' })]),
    ];
    const [series] = metricSeries(stats);
    expect(series).toMatchObject({ label: '核查人员', unit: '人次' });
    // Each point keeps the unit its own period used.
    expect(series?.points.map((p) => p.unit)).toEqual(['人', '人次']);
  });

  it("orders series as the newest period lists them, then the metrics it dropped by key", () => {
    const stats = [
      stat('2019', '2019', '2019', [metric('zeta', 1), metric('cases', 1), metric('alpha', 1), metric('people', 1)]),
      stat('2020', '2020', '2020', [metric('people', 2), metric('cases', 2)]),
    ];
    expect(metricSeries(stats).map((s) => s.key)).toEqual(['people', 'cases', 'alpha', 'zeta']);
  });

  it('leaves out the periods that do not report a metric', () => {
    const stats = [
      stat('2019', '2019', '2019', [metric('cases', 1)]),
      stat('2020', '2020', '2020', [metric('people', 2)]),
      stat('2021', '2021', '2021', [metric('cases', 3), metric('people', 3)]),
    ];
    expect(metricSeries(stats).map((s) => [s.key, s.points.map((p) => p.statId)])).toEqual([
      ['cases', ['2019', '2021']],
      ['people', ['2020', '2021']],
    ]);
  });

  it('gives no series for no stats', () => {
    expect(metricSeries([])).toEqual([]);
  });

  it('does not reorder or change its input', () => {
    const stats = [stat('b', '2021', '2021', [metric('x', 2)]), stat('a', '2019', '2019', [metric('x', 1)])];
    const copy = structuredClone(stats);
    metricSeries(stats);
    expect(stats).toEqual(copy);
  });
});

describe('comparePeriodsNewestFirst', () => {
  it('puts the period that ends last first', () => {
    expect(comparePeriodsNewestFirst(period('2020-01', '2020-06'), period('2020-07', '2020-12'))).toBeGreaterThan(0);
  });
  it('of two periods ending together, puts the longer (fuller) report first', () => {
    const halfYear = period('2020-01', '2020-07');
    const snapshot = period('2020-07', '2020-07');
    expect([snapshot, halfYear].sort(comparePeriodsNewestFirst)).toEqual([halfYear, snapshot]);
  });
});

describe('metricTrends', () => {
  it('keeps only the metrics reported in two or more periods', () => {
    const stats = [
      stat('s2019', '2019-01', '2019-12', [metric('cases', 10), metric('retired', 5)]),
      stat('s2020', '2020-01', '2020-12', [metric('cases', 20)]),
    ];
    expect(metricTrends(stats).map((s) => s.key)).toEqual(['cases']);
  });
});
