import { describe, expect, it } from 'vitest';
import { formatChineseNumber, formatCount, type Count } from '../../src/lib/chinese-number';

describe('formatCount', () => {
  it.each<[Count, string]>([
    [{ value: 95000, unit: '人次', approx: 'over' }, '9.5万余人次'],
    [{ value: 386, unit: '起', approx: null }, '386起'],
    [{ value: 120_000_000, unit: '', approx: null }, '1.2亿'],
    [{ value: 60, unit: '次', approx: 'about' }, '约60次'],
    [{ value: 60000, unit: '辆次', approx: 'about' }, '约6万辆次'],
    [{ value: 10000, unit: '', approx: null }, '1万'],
    [{ value: 12345, unit: '', approx: null }, '1.2345万'],
    [{ value: 2100, unit: '人次', approx: 'over' }, '2100余人次'],
    [{ value: 0, unit: '起', approx: null }, '0起'],
    [{ value: 11, unit: '面', approx: null }, '11面'],
  ])('shows %j as %s', (count, expected) => {
    expect(formatCount(count)).toBe(expected);
  });

  it('puts 余 between the number and the counting word, and 约 before the number', () => {
    expect(formatCount({ value: 800, unit: '起', approx: 'over' })).toBe('800余起');
    expect(formatCount({ value: 800, unit: '起', approx: 'about' })).toBe('约800起');
  });
});

describe('formatChineseNumber', () => {
  it.each([
    [9999, '9999'],
    [10000, '1万'],
    [100000, '10万'],
    [123456, '12.3456万'],
    [99_990_000, '9999万'],
    [100_000_000, '1亿'],
    [250_000_000, '2.5亿'],
    [1_234_567_890, '12.3457亿'],
    [2.5, '2.5'],
    [-95000, '-9.5万'],
    [99_999_999.99, '1亿'],
    [9999.99999, '1万'],
  ])('writes %d as %s', (value, expected) => {
    expect(formatChineseNumber(value)).toBe(expected);
  });

  it('writes numbers under 10,000 in full, never in 万', () => {
    for (const n of [1, 10, 100, 1000, 2100, 9999]) expect(formatChineseNumber(n)).toBe(String(n));
  });
});
