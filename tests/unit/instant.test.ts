import { describe, expect, it } from 'vitest';
import { parseInstant, SITE_UTC_OFFSET_MINUTES } from '../../src/lib/instant';

const iso = (input: unknown) => parseInstant(input)?.toISOString() ?? null;

describe('parseInstant', () => {
  it('takes Beijing time to be UTC+8 all year', () => {
    expect(SITE_UTC_OFFSET_MINUTES).toBe(480);
  });

  it.each([
    ['2026-12-01', '2026-11-30T16:00:00.000Z'],
    ['2026-07-01', '2026-06-30T16:00:00.000Z'],
    ['  2026-12-01  ', '2026-11-30T16:00:00.000Z'],
  ])('reads the bare date %s as 00:00 Beijing time', (input, expected) => {
    expect(iso(input)).toBe(expected);
  });

  it.each([
    ['2026-12-01 09:00', '2026-12-01T01:00:00.000Z'],
    ['2026-12-01T09:00', '2026-12-01T01:00:00.000Z'],
    ['2026-12-01 9:30:15', '2026-12-01T01:30:15.000Z'],
    ['2026-12-01 07:00', '2026-11-30T23:00:00.000Z'],
    ['2026-12-01 23:59:59', '2026-12-01T15:59:59.000Z'],
  ])('reads the time without a zone “%s” as Beijing time', (input, expected) => {
    expect(iso(input)).toBe(expected);
  });

  it.each([
    ['2026-12-01T09:00:00Z', '2026-12-01T09:00:00.000Z'],
    ['2026-12-01T09:00:00+08:00', '2026-12-01T01:00:00.000Z'],
    ['2026-12-01T09:00:00-05:00', '2026-12-01T14:00:00.000Z'],
    ['2026-12-01T09:00+0800', '2026-12-01T01:00:00.000Z'],
  ])('respects the zone written in %s', (input, expected) => {
    expect(iso(input)).toBe(expected);
  });

  it('shifts a YAML date (a Date at UTC midnight) to midnight in Beijing', () => {
    expect(iso(new Date(Date.UTC(2026, 11, 1)))).toBe('2026-11-30T16:00:00.000Z');
  });

  it('keeps a Date that carries a time of day as it is', () => {
    const moment = new Date('2026-12-01T01:00:00Z');
    expect(parseInstant(moment)?.getTime()).toBe(moment.getTime());
  });

  it.each([
    ['2026-02-30', 'a day that does not exist'],
    ['2026-13-01', 'month 13'],
    ['2026-12-01 24:00', 'hour 24'],
    ['2026-12-01 09:75', 'minute 75'],
    ['2026-12-01 09:00:60', 'second 60'],
    ['2026-02-30T09:00:00Z', 'a day that does not exist, with a zone'],
    ['2026-04-31T09:00:00+08:00', 'April 31st, with a zone'],
    ['2026-12-01T25:00:00Z', 'hour 25, with a zone'],
    ['2026-12', 'a month (an embargo needs a day)'],
    ['2026', 'a year'],
    ['12/01/2026', 'another date order'],
    ['明天', 'words'],
    ['', 'empty text'],
  ])('rejects %s (%s)', (input) => {
    expect(parseInstant(input)).toBeNull();
  });

  it.each([[20261201], [null], [undefined], [true], [{}], [new Date('nonsense')]])('rejects the non-moment %j', (input) => {
    expect(parseInstant(input)).toBeNull();
  });
});
