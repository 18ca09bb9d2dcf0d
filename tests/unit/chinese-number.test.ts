import { describe, expect, it } from 'vitest';
import { formatChineseNumber, formatChineseNumbers, formatCount, type Count } from '../../src/lib/chinese-number';

describe('formatChineseNumber: one rule for every figure', () => {
  describe.each<[string, [number, string][]]>([
    [
      'below 1万, in full',
      [
        [0, '0'],
        [11, '11'],
        [386, '386'],
        [2100, '2100'],
        [9999, '9999'],
        [2.5, '2.5'],
        [0.125, '0.125'],
        [9999.5, '9999.5'],
      ],
    ],
    [
      'from 1万, in 万 when one decimal or none says it exactly',
      [
        [10_000, '1万'],
        [12_000, '1.2万'],
        [60_000, '6万'],
        [95_000, '9.5万'],
        [100_000, '10万'],
        [120_000, '12万'],
        [1_250_000, '125万'],
        [99_990_000, '9999万'],
        // GB/T 15835-2011's own example: 345000000 may be written 34500万.
        [345_000_000, '34500万'],
        [100_010_000, '10001万'],
      ],
    ],
    [
      'in 亿 when one decimal or none says it exactly',
      [
        [100_000_000, '1亿'],
        [120_000_000, '1.2亿'],
        [250_000_000, '2.5亿'],
        [1_000_000_000_000, '10000亿'],
      ],
    ],
    [
      'otherwise in full, never rounded and never with more decimals of 万',
      [
        [12_345, '12345'],
        [10_500, '10500'],
        [123_456, '123456'],
        [95_001, '95001'],
        [1_234_567_890, '1234567890'],
        [99_999_999.99, '99999999.99'],
        [10_000.5, '10000.5'],
        [1e-7, '0.0000001'],
      ],
    ],
    [
      'negative figures keep their sign',
      [
        [-95_000, '-9.5万'],
        [-12_345, '-12345'],
      ],
    ],
  ])('%s', (_rule, cases) => {
    it.each(cases)('writes %d as %s', (value, expected) => {
      expect(formatChineseNumber(value)).toBe(expected);
    });
  });

  it('never writes 万 with more than one decimal, nor a number below 1万 in 万', () => {
    for (let value = 0; value <= 200_000; value += 37) {
      const text = formatChineseNumber(value);
      expect(text, String(value)).not.toMatch(/\.\d{2,}[万亿]/);
      if (value < 10_000) expect(text).toBe(String(value));
      // Whatever the form, it reads back as the same value.
      const [, digits, scale] = /^([\d.]+)(万|亿)?$/.exec(text)!;
      expect(Number(digits) * (scale === '万' ? 1e4 : scale === '亿' ? 1e8 : 1)).toBeCloseTo(value, 6);
    }
  });
});

describe('formatCount', () => {
  it.each<[Count, string]>([
    [{ value: 95000, unit: '人次', approx: 'over' }, '9.5万余人次'],
    [{ value: 386, unit: '起', approx: null }, '386起'],
    [{ value: 12345, unit: '起', approx: null }, '12345起'],
    [{ value: 120_000_000, unit: '', approx: null }, '1.2亿'],
    [{ value: 60, unit: '次', approx: 'about' }, '约60次'],
    [{ value: 60000, unit: '辆次', approx: 'about' }, '约6万辆次'],
    [{ value: 10000, unit: '', approx: null }, '1万'],
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

describe('formatChineseNumbers: figures read together share one unit', () => {
  it.each<[number[], string[]]>([
    [
      [0, 20_000, 40_000, 60_000],
      ['0', '2万', '4万', '6万'],
    ],
    [
      [0, 25_000, 50_000, 75_000, 100_000],
      ['0', '2.5万', '5万', '7.5万', '10万'],
    ],
    // 5000 is below 1万: the whole axis is written in full rather than 0.5万 or a mix.
    [
      [0, 5000, 10_000, 15_000],
      ['0', '5000', '10000', '15000'],
    ],
    [
      [0, 2500, 5000, 7500, 10_000, 12_500],
      ['0', '2500', '5000', '7500', '10000', '12500'],
    ],
    [
      [0, 100_000_000, 200_000_000],
      ['0', '1亿', '2亿'],
    ],
    // 5000万 is not a whole or one-decimal number of 亿 above 1: the axis stays in 万.
    [
      [0, 50_000_000, 100_000_000],
      ['0', '5000万', '10000万'],
    ],
    [
      [0, 1, 2, 3],
      ['0', '1', '2', '3'],
    ],
    [[0], ['0']],
    [[], []],
  ])('writes %j as %j', (values, expected) => {
    expect(formatChineseNumbers(values)).toEqual(expected);
  });

  it('writes a single figure as formatChineseNumber does', () => {
    for (const value of [0, 386, 12_345, 95_000, 345_000_000]) expect(formatChineseNumbers([value])).toEqual([formatChineseNumber(value)]);
  });
});
