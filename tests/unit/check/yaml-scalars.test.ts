/**
 * Unquoted values and keys are read as the build reads them. Generated variants of numbers,
 * booleans, nulls and dates go through the check's reader and through the js-yaml Astro uses:
 * either the check refuses the value, or both read the same thing. Where the `yaml` library on its
 * own disagrees with js-yaml (`0b101`, `-0x1F`, `2020-6-18`, `1e400`, `-.5`, `10:00:00.`), the
 * check must follow js-yaml.
 */
import { describe, expect, it } from 'vitest';
import { readDataSource } from '../../../src/lib/check/source-file';
import { readAsBuild } from '../helpers/astro-reader';

const SIGNS = ['', '-', '+'];
const NUMBERS = [
  '0', '00', '007', '017', '1', '42', '12345678901234567890', '9'.repeat(400),
  '0b101', '0b', '0b2', '0x1F', '0xff', '0x', '0xG', `0x${'F'.repeat(300)}`, '0o17', '0o8', '0o',
  '1_000', '1.', '1.5', '.5', '1.5e3', '1e3', '1E-3', '1e+3', '1e', '1e400', '2e308', '1.e3', '.e3',
  '.inf', '.Inf', '.INF', '.iNf', '.nan', '.NaN', '.NAN', 'inf', 'nan', '0.0.1', '1,000', '１２',
];
const WORDS = [
  'true', 'True', 'TRUE', 'tRue', 'false', 'False', 'FALSE', 'yes', 'no', 'on', 'off', 'y', 'n',
  'null', 'Null', 'NULL', 'nULL', '~', '~~', '<<', '', '=', '110', '12:30', '1:20:30', '190:20:30',
];
const DATES = [
  '2020', '2020-06', '2020-06-18', '2020-6-18', '2020-06-1', '2020-02-30', '2020-13-45', '20200-06-18',
  '2020-06-18T10:00:00Z', '2020-06-18t10:00:00z', '2020-06-18T10:00:00.123456Z', '2020-06-18T10:00:00.Z',
  '2020-06-18 10:00:00 +8', '2020-06-18T10:00:00+08:00', '2020-06-18T10:00:00+0800', '2020-06-18T10:00:00-5',
  '2020-06-18T10:00:00+8:30', '2020-06-18T10:00:00 Z', '2020-06-18T10:00', '2020-06-18T1:00:00Z',
  '2020-06-18T10:00:00', '2020-6-8 1:00:00', '2020-06-18T10:00:00.',
];
const VALUES = [...SIGNS.flatMap((sign) => NUMBERS.map((number) => `${sign}${number}`)), ...WORDS, ...DATES];

/** The check's verdict and reading of `text`, next to the build's. */
function bothRead(text: string) {
  const check = readDataSource(text);
  return { refused: check.problems.some((p) => p.severity === 'error'), check: check.data, build: readAsBuild(text, 'data') };
}

describe('an unquoted value is read as the build reads it', () => {
  it.each(VALUES)('value: %s', (value) => {
    const { refused, check, build } = bothRead(`value: ${value}\n`);
    if (refused) return;
    expect(build).toEqual({ ok: true, data: check });
  });

  it('refuses only impossible days and times without a zone (read as UTC)', () => {
    const refused = VALUES.filter((value) => bothRead(`value: ${value}\n`).refused);
    expect(refused).toEqual(['2020-02-30', '2020-13-45', '2020-06-18T10:00:00', '2020-6-8 1:00:00', '2020-06-18T10:00:00.']);
  });

  it.each([
    ['0b101', 5],
    ['-0x1F', -31],
    ['+0o17', 15],
    ['1e400', '1e400'],
    ['-.5', '-.5'],
    ['2020-6-18', '2020-6-18'],
  ])('reads %s as js-yaml does (%s), not as the yaml library alone would', (value, read) => {
    expect(readDataSource(`value: ${value}\n`).data).toEqual({ value: read });
  });
});

describe('a key is plain text, read as the build reads it', () => {
  it.each([...SIGNS.flatMap((sign) => NUMBERS.slice(0, 12).map((number) => `${sign}${number}`)), ...WORDS, ...DATES.slice(0, 6)])('%s: x', (key) => {
    const { refused, check, build } = bothRead(`${key}: x\n`);
    if (refused) return;
    expect(build).toEqual({ ok: true, data: check });
  });
});
