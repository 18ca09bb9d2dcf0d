import { describe, expect, it } from 'vitest';
import { metricSchema, statSchema } from '../../../src/schemas/stats';
import { dataOf, issuesOf, testContext } from '../helpers/schema-context';

const schema = statSchema(testContext);
const period = {
  title: '2020年以来工作数据',
  unit: 'hailing-xuntejing',
  period: { start: '2020-01', end: '2020-07' },
  metrics: [
    { key: 'epidemic-incidents', label: '涉疫警情处置', value: 386, unit: '起' },
    { key: 'people-checked', label: '核查群众', value: 95000, unit: '人次', approx: 'over' },
  ],
};

describe('stat schema', () => {
  it('parses a period, with partial dates and approx null where the figure is exact', () => {
    const data = dataOf(schema.safeParse(period));
    expect(data.unit).toEqual({ collection: 'units', id: 'hailing-xuntejing' });
    expect(data.period).toEqual({
      start: { year: 2020, month: 1, day: null, key: '2020-01' },
      end: { year: 2020, month: 7, day: null, key: '2020-07' },
    });
    expect(data.metrics).toEqual([
      { key: 'epidemic-incidents', label: '涉疫警情处置', value: 386, unit: '起', approx: null },
      { key: 'people-checked', label: '核查群众', value: 95000, unit: '人次', approx: 'over' },
    ]);
  });

  it('accepts a period that starts and ends in the same month', () => {
    expect(schema.safeParse({ ...period, period: { start: '2020-06', end: '2020-06' } }).success).toBe(true);
  });

  it('rejects a period whose end is before its start', () => {
    expect(issuesOf(schema.safeParse({ ...period, period: { start: '2020-07', end: '2020-01' } }))).toEqual([
      { path: 'period.end', code: 'custom', message: '截止日期早于起始日期' },
    ]);
  });

  it('rejects a metric key used twice in one period, naming both items', () => {
    const metrics = [...period.metrics, { key: 'people-checked', label: '核查人员', value: 1, unit: '人次' }];
    expect(issuesOf(schema.safeParse({ ...period, metrics }))).toEqual([
      { path: 'metrics.2.key', code: 'custom', message: '指标代码 people-checked 在本期重复出现（第 2 项和第 3 项）' },
    ]);
  });

  it('rejects a period without metrics', () => {
    expect(issuesOf(schema.safeParse({ ...period, metrics: [] }))).toMatchObject([{ path: 'metrics', code: 'too_small', message: '至少要有一项数据' }]);
  });

  it('rejects an unknown field inside period', () => {
    expect(issuesOf(schema.safeParse({ ...period, period: { start: '2020', end: '2020', until: '2021' } }))).toMatchObject([
      { path: 'period', code: 'unrecognized_keys' },
    ]);
  });
});

describe('metric schema', () => {
  const metric = { key: 'banners', label: '锦旗', value: 11, unit: '面' };

  it('accepts a number written as text, as spreadsheets export it', () => {
    expect(dataOf(metricSchema.safeParse({ ...metric, value: '95000' })).value).toBe(95000);
  });

  it('accepts an empty counting word', () => {
    expect(dataOf(metricSchema.safeParse({ ...metric, unit: '' })).unit).toBe('');
  });

  it.each([
    [{ value: -1 }, 'value', '不能是负数'],
    [{ value: '9.5万' }, 'value', '应为数字'],
    [{ key: 'People Checked' }, 'key', '只能用小写字母、数字和连字符，如 people-checked'],
  ])('rejects %j', (override, path, message) => {
    expect(issuesOf(metricSchema.safeParse({ ...metric, ...override }))).toMatchObject([{ path, message }]);
  });

  it('rejects an unknown approximation', () => {
    expect(issuesOf(metricSchema.safeParse({ ...metric, approx: 'under' }))).toMatchObject([{ path: 'approx', code: 'invalid_enum_value' }]);
  });
});
