import { describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS } from '../../src/lib/import/columns';
import { excelSerialDate, paragraphs, parseCellDate, parseChoice, parseFigure, parseYesNo, splitList } from '../../src/lib/import/cells';
import { HONOR_LEVELS, HONOR_SCOPES } from '../../src/lib/labels';

const value = <T>(result: { ok: true; value: T } | { ok: false; message: string }) => {
  if (!result.ok) throw new Error(result.message);
  return result.value;
};

describe('parseCellDate reads dates as clerks and Excel write them', () => {
  it.each([
    ['2020', '2020'],
    ['2020-04', '2020-04'],
    ['2020-4', '2020-04'],
    ['2020-06-18', '2020-06-18'],
    ['2020/6/18', '2020-06-18'],
    ['2020.6.18', '2020-06-18'],
    ['2020/06', '2020-06'],
    ['2020年6月18日', '2020-06-18'],
    ['2020年6月18号', '2020-06-18'],
    ['2020年6月', '2020-06'],
    ['2020年', '2020'],
    ['２０２０／６／１８', '2020-06-18'],
    [' 2020 年 6 月 ', '2020-06'],
    // A date column formatted as a number shows Excel's day count (44000 is 2020-06-18).
    ['44000', '2020-06-18'],
  ])('%s → %s', (input, expected) => {
    expect(value(parseCellDate(input))).toBe(expected);
  });

  it.each([
    ['2020-02-30', '2020年2月没有30日'],
    ['2020/13/1', '月份 13 不存在'],
    ['1800', '年份 1800 不在合理范围内'],
    ['去年六月', '“去年六月”不是日期'],
    ['6/18/2020', '不是日期'],
  ])('refuses %s: %s', (input, reason) => {
    const result = parseCellDate(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(reason);
  });

  it('counts Excel days from 1899-12-30', () => {
    expect(excelSerialDate(1)).toBe('1899-12-31');
    expect(excelSerialDate(43831)).toBe('2020-01-01');
  });
});

describe('parseFigure reads counts with separators, 万 and 余/约', () => {
  it.each([
    ['386', 386, null],
    ['95000', 95000, null],
    ['95,000', 95000, null],
    ['1,234,567', 1234567, null],
    ['9.5万', 95000, null],
    ['9.5万余', 95000, 'over'],
    ['2100多', 2100, 'over'],
    ['约6万', 60000, 'about'],
    ['1.2亿', 120000000, null],
    ['1.23万', 12300, null],
    ['0.5', 0.5, null],
    ['３８６', 386, null],
  ])('%s → %d (%s)', (input, expected, approx) => {
    expect(value(parseFigure(input))).toEqual({ value: expected, approx });
  });

  it.each(['386起', '-5', '1,23', '九千', '9.5.1', ''])('refuses %s', (input) => {
    const result = parseFigure(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.hint).toContain('计量单位');
  });
});

describe('parseYesNo and parseChoice', () => {
  it.each([
    ['是', true],
    ['否', false],
    ['√', true],
    ['TRUE', true],
    ['no', false],
  ])('%s is %s', (input, expected) => {
    expect(value(parseYesNo(input))).toBe(expected);
  });

  it('accepts column-specific words and refuses others', () => {
    expect(value(parseYesNo('中共党员', { 中共党员: true, 群众: false }))).toBe(true);
    const result = parseYesNo('也许');
    expect(result.ok).toBe(false);
  });

  it('takes the English value, the Chinese label or a synonym', () => {
    expect(value(parseChoice('个人', HONOR_SCOPES))).toBe('individual');
    expect(value(parseChoice('Collective', HONOR_SCOPES))).toBe('collective');
    expect(value(parseChoice('省级', HONOR_LEVELS))).toBe('provincial');
    expect(value(parseChoice('省', HONOR_LEVELS, { 省: 'provincial' }))).toBe('provincial');
  });

  it('says what the choices are, with a guess', () => {
    const result = parseChoice('区县', HONOR_LEVELS);
    expect(result).toMatchObject({ ok: false, message: '“区县”不是可选值' });
    if (!result.ok) expect(result.hint).toContain('是不是“区县级”？可选：国家级、省级、市级、区县级、局级、其他');
  });

  it('reads 余 and 约', () => {
    // The 约数 column is a choice of 余/约 with its synonyms (src/schemas/stats.ts).
    const approx = IMPORT_COLUMNS.stats.find((c) => c.field === 'metrics.approx')!;
    expect(value(parseChoice('余', approx.choices!, approx.synonyms))).toBe('over');
    expect(value(parseChoice('左右', approx.choices!, approx.synonyms))).toBe('about');
    expect(value(parseChoice('about', approx.choices!, approx.synonyms))).toBe('about');
    expect(parseChoice('大概', approx.choices!, approx.synonyms).ok).toBe(false);
  });
});

describe('splitList and paragraphs', () => {
  it('splits on 、，, and ; and, where asked, on spaces', () => {
    expect(splitList('王祥、刁爱清，张军强,金岳勇；章伟', { spaces: false })).toEqual(['王祥', '刁爱清', '张军强', '金岳勇', '章伟']);
    expect(splitList('见义勇为 夺刀\u3000疫情防控', { spaces: true })).toEqual(['见义勇为', '夺刀', '疫情防控']);
    expect(splitList('辅警 李某某、民警 王某', { spaces: false })).toEqual(['辅警 李某某', '民警 王某']);
    expect(splitList(' 、 ', { spaces: true })).toEqual([]);
  });

  it('makes each line of a cell a paragraph', () => {
    expect(paragraphs('第一段\r\n\n  第二段  \n')).toBe('第一段\n\n第二段');
  });
});
