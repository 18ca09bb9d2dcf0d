import { describe, expect, it } from 'vitest';
import { honorSchema } from '../../../src/schemas/honors';
import { dataOf, issuesOf, testContext } from '../helpers/schema-context';

const schema = honorSchema(testContext);
const individual = { title: '个人三等功', scope: 'individual', awardedBy: '泰州市公安局', recipients: { officers: ['wang-xiang'] } };
const collective = { title: '先进集体', scope: 'collective', awardedBy: '泰州市公安局', recipients: { units: ['dongjin'] } };

describe('honor schema', () => {
  it('fills the recipient lists that are not given with empty lists', () => {
    const data = dataOf(schema.safeParse(individual));
    expect(data.recipients).toEqual({ officers: [{ collection: 'officers', id: 'wang-xiang' }], units: [], others: [] });
  });

  it('accepts an honour known only by its number of recipients', () => {
    const data = dataOf(schema.safeParse({ ...individual, recipients: { count: 8 } }));
    expect(data.recipients).toEqual({ officers: [], units: [], others: [], count: 8 });
  });

  it('turns the date into a partial date, and leaves an undated honour undated', () => {
    expect(dataOf(schema.safeParse({ ...individual, date: '2020-04' })).date).toEqual({ year: 2020, month: 4, day: null, key: '2020-04' });
    expect(dataOf(schema.safeParse({ ...individual, date: 2019 })).date).toEqual({ year: 2019, month: null, day: null, key: '2019' });
    expect(dataOf(schema.safeParse({ ...individual, date: new Date(Date.UTC(2020, 5, 18)) })).date?.key).toBe('2020-06-18');
    expect(dataOf(schema.safeParse(individual)).date).toBeUndefined();
  });

  it('accepts a collective honour for units, for named groups, or with officers alongside units', () => {
    expect(schema.safeParse(collective).success).toBe(true);
    expect(schema.safeParse({ ...collective, recipients: { others: ['海陵巡特警大队党总支'] } }).success).toBe(true);
    expect(schema.safeParse({ ...collective, recipients: { units: ['dongjin'], officers: ['wang-xiang'] } }).success).toBe(true);
  });

  it('rejects an honour with empty recipients', () => {
    expect(issuesOf(schema.safeParse({ ...individual, recipients: {} }))).toEqual([
      { path: 'recipients', code: 'custom', message: 'recipients 为空：至少要填写 officers、units、others 或 count 中的一项' },
    ]);
  });

  it('rejects an honour whose recipient lists are all empty', () => {
    expect(issuesOf(schema.safeParse({ ...individual, recipients: { officers: [], units: [], others: [] } }))).toMatchObject([
      { path: 'recipients', code: 'custom' },
    ]);
  });

  it('rejects an individual honour that names units', () => {
    expect(issuesOf(schema.safeParse({ ...individual, recipients: { officers: ['wang-xiang'], units: ['dongjin'] } }))).toEqual([
      { path: 'recipients.units', code: 'custom', message: 'scope 为 individual（个人荣誉），却填写了获奖单位 recipients.units' },
    ]);
  });

  it('rejects a collective honour that names only officers', () => {
    expect(issuesOf(schema.safeParse({ ...collective, recipients: { officers: ['wang-xiang', 'zhang-wei'] } }))).toEqual([
      { path: 'recipients', code: 'custom', message: 'scope 为 collective（集体荣誉），但获奖者只有个人 recipients.officers' },
    ]);
  });

  it('rejects a certificate without certificateAlt', () => {
    expect(issuesOf(schema.safeParse({ ...individual, certificate: 'cert.jpg' }))).toMatchObject([
      { path: 'certificateAlt', code: 'custom', message: '填写了 certificate，但缺少图片的文字说明 certificateAlt' },
    ]);
  });

  it.each([
    [{ count: 0 }, 'recipients.count', 'too_small'],
    [{ count: 2.5 }, 'recipients.count', 'invalid_type'],
    [{ count: '8' }, 'recipients.count', 'invalid_type'],
    [{ officer: ['wang-xiang'] }, 'recipients', 'unrecognized_keys'],
    [{ others: [''] }, 'recipients.others.0', 'too_small'],
  ])('rejects the recipients %j at %s', (recipients, path, code) => {
    expect(issuesOf(schema.safeParse({ ...individual, recipients }))).toContainEqual(expect.objectContaining({ path, code }));
  });

  it.each([
    ['2020-02-30', '2020年2月没有30日（该月共 29 天）'],
    ['2020-13', '月份 13 不存在（应为 1–12）'],
    ['去年', '“去年”不是日期，应写成 2019、2020-04 或 2020-06-18'],
  ])('rejects the date %s with the reason %s', (date, message) => {
    expect(issuesOf(schema.safeParse({ ...individual, date }))).toMatchObject([{ path: 'date', message }]);
  });

  it('rejects an unknown level and an unknown field', () => {
    expect(issuesOf(schema.safeParse({ ...individual, level: 'city' }))).toMatchObject([{ path: 'level', code: 'invalid_enum_value' }]);
    expect(issuesOf(schema.safeParse({ ...individual, documentNumber: '泰公〔2020〕1号' }))).toMatchObject([
      { path: '', code: 'unrecognized_keys' },
    ]);
  });
});
