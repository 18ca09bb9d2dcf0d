import { describe, expect, it } from 'vitest';
import {
  compareNewestFirst,
  comparePartialDates,
  formatOptionalDate,
  formatPartialDate,
  groupByYear,
  parsePartialDate,
  toDatetimeAttribute,
  UNDATED_LABEL,
  type PartialDate,
} from '../../src/lib/partial-date';

/** Parses a value that must be valid. */
function pd(input: unknown): PartialDate {
  const parsed = parsePartialDate(input);
  if (!parsed.ok) throw new Error(`not a partial date: ${String(input)} (${parsed.reason})`);
  return parsed.value;
}

function reasonFor(input: unknown): string {
  const parsed = parsePartialDate(input);
  if (parsed.ok) throw new Error(`expected ${String(input)} to be rejected, got ${parsed.value.key}`);
  return parsed.reason;
}

describe('parsePartialDate', () => {
  it.each([
    { input: 2019, expected: { year: 2019, month: null, day: null, key: '2019' } },
    { input: '2019', expected: { year: 2019, month: null, day: null, key: '2019' } },
    { input: '2020-04', expected: { year: 2020, month: 4, day: null, key: '2020-04' } },
    { input: '2020-06-18', expected: { year: 2020, month: 6, day: 18, key: '2020-06-18' } },
    { input: '2020-4', expected: { year: 2020, month: 4, day: null, key: '2020-04' } },
    { input: '2020-6-8', expected: { year: 2020, month: 6, day: 8, key: '2020-06-08' } },
    { input: '  2020-04  ', expected: { year: 2020, month: 4, day: null, key: '2020-04' } },
    { input: '2020-02-29', expected: { year: 2020, month: 2, day: 29, key: '2020-02-29' } },
  ])('reads $input at the precision it is written', ({ input, expected }) => {
    expect(parsePartialDate(input)).toEqual({ ok: true, value: expected });
  });

  it('reads a YAML date (a Date at UTC midnight) as that calendar day', () => {
    expect(pd(new Date(Date.UTC(2020, 5, 18)))).toEqual({ year: 2020, month: 6, day: 18, key: '2020-06-18' });
  });

  it('reads the calendar day of a Date in UTC, whatever the time zone of the machine', () => {
    // One minute before UTC midnight is still the 31st in UTC.
    expect(pd(new Date(Date.UTC(2020, 11, 31, 23, 59))).key).toBe('2020-12-31');
  });

  it('rejects an invalid Date object', () => {
    expect(reasonFor(new Date('not a date'))).toBe('不是有效的日期');
  });

  it.each([
    { input: '2020-02-30', reason: '2020年2月没有30日（该月共 29 天）' },
    { input: '2019-02-29', reason: '2019年2月没有29日（该月共 28 天）' },
    { input: '2020-04-31', reason: '2020年4月没有31日（该月共 30 天）' },
    { input: '2020-04-00', reason: '2020年4月没有0日（该月共 30 天）' },
  ])('rejects the impossible day $input instead of rolling it over', ({ input, reason }) => {
    expect(reasonFor(input)).toBe(reason);
  });

  it.each(['2020-13', '2020-00', '2020-13-01'])('rejects the month in %s', (input) => {
    expect(reasonFor(input)).toMatch(/^月份 (13|0) 不存在（应为 1–12）$/);
  });

  it.each(['1899', '2201'])('rejects the implausible year %s', (input) => {
    expect(reasonFor(input)).toBe(`年份 ${input} 不在合理范围内`);
  });

  it.each(['二〇二〇年', '2020/04/01', '2020-04-01T10:00', '20-04', '', 'spring 2020', '2020.5'])(
    'rejects the text “%s” and shows how a date is written',
    (input) => {
      expect(reasonFor(input)).toBe(`“${input.trim()}”不是日期，应写成 2019、2020-04 或 2020-06-18`);
    },
  );

  it.each([null, undefined, true, { year: 2020 }, ['2020']])('rejects the non-date value %j', (input) => {
    expect(reasonFor(input)).toBe('应写成 2019、2020-04 或 2020-06-18 这样的日期');
  });
});

describe('formatPartialDate', () => {
  it.each([
    ['2019', '2019年'],
    ['2020-04', '2020年4月'],
    ['2020-06-18', '2020年6月18日'],
    ['2020-01-05', '2020年1月5日'],
  ])('shows %s as %s, without leading zeros or an invented day', (input, expected) => {
    expect(formatPartialDate(pd(input))).toBe(expected);
  });
});

describe('formatOptionalDate', () => {
  it('shows a missing date as 日期未注明', () => {
    expect(formatOptionalDate(undefined)).toBe('日期未注明');
    expect(formatOptionalDate(null)).toBe('日期未注明');
    expect(UNDATED_LABEL).toBe('日期未注明');
  });

  it('shows a present date like formatPartialDate', () => {
    expect(formatOptionalDate(pd('2020-04'))).toBe('2020年4月');
  });
});

describe('toDatetimeAttribute', () => {
  it.each(['2019', '2020-04', '2020-06-18'])('gives the ISO text %s for <time datetime>', (key) => {
    expect(toDatetimeAttribute(pd(key))).toBe(key);
  });
});

describe('comparePartialDates (oldest first)', () => {
  it('puts the year-only date before the months and days of that year, and all of them before the next year', () => {
    const dates = ['2021', '2020-06-18', '2019-12-31', '2020', '2020-04', '2020-12'].map(pd);
    expect(dates.sort(comparePartialDates).map((d) => d.key)).toEqual(['2019-12-31', '2020', '2020-04', '2020-06-18', '2020-12', '2021']);
  });

  it('puts undated records after every dated one', () => {
    const dates = [undefined, pd('2020'), null, pd('1990')];
    expect(dates.sort(comparePartialDates).map((d) => d?.key ?? null)).toEqual(['1990', '2020', null, null]);
  });

  it('treats equal dates as equal', () => {
    expect(comparePartialDates(pd('2020-4'), pd('2020-04'))).toBe(0);
    expect(comparePartialDates(undefined, null)).toBe(0);
  });
});

describe('compareNewestFirst', () => {
  it('lists the newest first and keeps partial dates of the same year together', () => {
    const dates = ['2019', '2020', '2020-04', '2021-01-02', '2020-06-18', '2019-12'].map(pd);
    expect(dates.sort(compareNewestFirst).map((d) => d.key)).toEqual(['2021-01-02', '2020-06-18', '2020-04', '2020', '2019-12', '2019']);
  });

  it('still lists undated records last', () => {
    const dates = [undefined, pd('2019'), pd('2021')];
    expect(dates.sort(compareNewestFirst).map((d) => d?.key ?? null)).toEqual(['2021', '2019', null]);
    expect(compareNewestFirst(undefined, pd('2019'))).toBeGreaterThan(0);
    expect(compareNewestFirst(pd('2019'), null)).toBeLessThan(0);
  });
});

describe('groupByYear', () => {
  interface Item {
    id: string;
    date?: PartialDate;
  }
  const item = (id: string, date?: string): Item => (date === undefined ? { id } : { id, date: pd(date) });

  it('puts the newest year first and an undated honour under 日期未注明, last', () => {
    const items = [item('a', '2019'), item('b'), item('c', '2021-03'), item('d', '2020-06-18'), item('e')];
    const groups = groupByYear(items, (i) => i.date);
    expect(groups.map((g) => [g.year, g.label, g.items.map((i) => i.id)])).toEqual([
      [2021, '2021年', ['c']],
      [2020, '2020年', ['d']],
      [2019, '2019年', ['a']],
      [null, '日期未注明', ['b', 'e']],
    ]);
  });

  it('keeps the given order inside a year', () => {
    const items = [item('x', '2020'), item('y', '2020-12-31'), item('z', '2020-01')];
    const [only] = groupByYear(items, (i) => i.date);
    expect(only?.items.map((i) => i.id)).toEqual(['x', 'y', 'z']);
  });

  it('drops nothing: every item appears in exactly one group', () => {
    const items = Array.from({ length: 30 }, (_, n) => item(`i${n}`, n % 4 === 0 ? undefined : `${2000 + (n % 7)}-0${1 + (n % 9)}`));
    const groups = groupByYear(items, (i) => i.date);
    expect(groups.flatMap((g) => g.items).sort((a, b) => a.id.localeCompare(b.id))).toEqual([...items].sort((a, b) => a.id.localeCompare(b.id)));
    expect(new Set(groups.map((g) => g.year)).size).toBe(groups.length);
  });

  it('gives only the undated group when nothing is dated, and nothing for no items', () => {
    expect(groupByYear([item('a'), item('b')], (i) => i.date)).toEqual([{ year: null, label: '日期未注明', items: [item('a'), item('b')] }]);
    expect(groupByYear([], (i: Item) => i.date)).toEqual([]);
  });
});
