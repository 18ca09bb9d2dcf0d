import { describe, expect, it } from 'vitest';
import { activitySchema } from '../../../src/schemas/activities';
import { dataOf, issuesOf, testContext } from '../helpers/schema-context';

const schema = activitySchema(testContext);
const oneDay = { title: '专题党课', kind: 'party-day', date: '2020-06-29', unit: 'dangzongzhi', summary: '轮值主持' };
const { date: _date, ...undated } = oneDay;

describe('activity schema', () => {
  it('parses a one-day activity, with no participants given', () => {
    expect(dataOf(schema.safeParse({ ...oneDay, host: 'wang-hong' }))).toEqual({
      title: '专题党课',
      kind: 'party-day',
      date: { year: 2020, month: 6, day: 29, key: '2020-06-29' },
      unit: { collection: 'units', id: 'dangzongzhi' },
      host: { collection: 'officers', id: 'wang-hong' },
      participants: null,
      summary: '轮值主持',
      draft: false,
      visibility: 'public',
      sources: [],
    });
  });

  it('turns start into date and keeps end for a longer activity', () => {
    const data = dataOf(schema.safeParse({ ...undated, start: '2020-06', end: '2020-07' }));
    expect(data.date.key).toBe('2020-06');
    expect(data.end?.key).toBe('2020-07');
    expect(data).not.toHaveProperty('start');
  });

  it.each([
    [30, { count: 30, text: null }],
    ['30', { count: 30, text: null }],
    ['全体党员', { count: null, text: '全体党员' }],
  ])('normalises the participants %j to {count, text}', (participants, expected) => {
    expect(dataOf(schema.safeParse({ ...oneDay, participants })).participants).toEqual(expected);
  });

  it('rejects an activity with both date and start', () => {
    expect(issuesOf(schema.safeParse({ ...oneDay, start: '2020-06-29' }))).toEqual([
      { path: 'start', code: 'custom', message: '同时填写了 date 和 start：一天的活动写 date，跨多天的写 start 和 end' },
    ]);
  });

  it('rejects an activity without any date', () => {
    expect(issuesOf(schema.safeParse(undated))).toEqual([
      { path: 'date', code: 'custom', message: '缺少日期：请填写 date（或跨多天时填写 start 和 end）' },
    ]);
  });

  it('rejects an end without a start', () => {
    expect(issuesOf(schema.safeParse({ ...oneDay, end: '2020-07' }))).toEqual([{ path: 'end', code: 'custom', message: '填写了 end 但没有 start' }]);
  });

  it('rejects an end before the start', () => {
    expect(issuesOf(schema.safeParse({ ...undated, start: '2020-07-02', end: '2020-07-01' }))).toEqual([
      { path: 'end', code: 'custom', message: '结束日期早于开始日期' },
    ]);
  });

  it.each([
    [-3, '不能是负数'],
    ['', '不能为空'],
    [true, 'Invalid input'],
  ])('rejects the participants %j', (participants, message) => {
    expect(issuesOf(schema.safeParse({ ...oneDay, participants }))).toMatchObject([{ path: 'participants', message }]);
  });

  it('rejects an unknown field', () => {
    expect(issuesOf(schema.safeParse({ ...oneDay, hosts: ['wang-hong'] }))).toMatchObject([{ path: '', code: 'unrecognized_keys' }]);
  });
});
