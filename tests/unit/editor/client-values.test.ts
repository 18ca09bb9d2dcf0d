import { describe, expect, it } from 'vitest';
import { applyTool } from '../../../src/editor/markdown-tools';
import { readView, viewUrl } from '../../../src/editor/urls';
import { joinInstant, joinMonth, joinPartialDate, joinPeriod, matchesOption, pathSegments, splitInstant, splitPartialDate, splitPeriod, wordsOf, linesOf } from '../../../src/editor/values';

describe('partial dates in the form', () => {
  it.each([
    [2019, { precision: 'year', year: '2019', month: '', day: '' }, '2019'],
    ['2020-04', { precision: 'month', year: '2020', month: '04', day: '' }, '2020-04'],
    ['2020-06-18', { precision: 'day', year: '2020', month: '06', day: '18' }, '2020-06-18'],
    ['2020年4月', { precision: 'month', year: '2020', month: '4', day: '' }, '2020-04'],
  ] as const)('%s is split into its parts and joined back', (value, parts, written) => {
    expect(splitPartialDate(value)).toEqual(parts);
    expect(joinPartialDate(splitPartialDate(value))).toBe(written);
  });

  it('reads full-width digits from an IME and pads one-digit months and days', () => {
    expect(joinPartialDate({ precision: 'day', year: '２０２０', month: '６', day: '８' })).toBe('2020-06-08');
  });

  it('writes only as precisely as chosen, and nothing without a year', () => {
    expect(joinPartialDate({ precision: 'year', year: '2020', month: '6', day: '8' })).toBe('2020');
    expect(joinPartialDate({ precision: 'day', year: '2020', month: '6', day: '' })).toBe('2020-06');
    expect(joinPartialDate({ precision: 'day', year: '', month: '6', day: '8' })).toBe('');
  });

  it('keeps an impossible month as typed, for the check to explain', () => {
    expect(joinPartialDate({ precision: 'month', year: '2020', month: '13', day: '' })).toBe('2020-13');
  });
});

describe('moments, periods and months', () => {
  it('writes a day with an optional time', () => {
    expect(joinInstant(splitInstant('2026-12-01 09:00'))).toBe('2026-12-01 09:00');
    expect(joinInstant(splitInstant('2026-12-01'))).toBe('2026-12-01');
    expect(joinInstant({ date: { precision: 'day', year: '2026', month: '12', day: '1' }, time: '９：０５' })).toBe('2026-12-01 09:05');
  });

  it('writes a year, a quarter or a month of the points system', () => {
    expect(splitPeriod('2021-Q1')).toMatchObject({ kind: 'quarter', quarter: '1' });
    expect(joinPeriod(splitPeriod('2021-Q1'))).toBe('2021-Q1');
    expect(joinPeriod(splitPeriod('2021-3'))).toBe('2021-03');
    expect(joinPeriod(splitPeriod(2021))).toBe('2021');
    expect(joinMonth('2021', '3')).toBe('2021-03');
  });
});

describe('lists, tags and pickers', () => {
  it('takes one item per line and words separated as people separate them', () => {
    expect(linesOf(' 户籍办理 \n\n 出入境咨询\r\n')).toEqual(['户籍办理', '出入境咨询']);
    expect(wordsOf('见义勇为、夺刀，勇救落水者 ')).toEqual(['见义勇为', '夺刀', '勇救落水者']);
  });

  it('finds an entry by its name, full pinyin and initials', () => {
    const option = { id: 'wang-xiang', name: '王祥', search: '王祥 wangxiang wx wang-xiang' };
    for (const query of ['王祥', '王', 'wangxiang', 'WX', 'wang xiang', 'ｗｘ']) expect(matchesOption(option, query), query).toBe(true);
    expect(matchesOption(option, 'zhang')).toBe(false);
    // A name typed with a full-width space: its pinyin and initials hold the space too.
    const spaced = { id: 'wang-xiang', name: '王　祥', search: '王　祥 wang　xiang w　x wang-xiang' };
    for (const query of ['王祥', 'wangxiang', 'wx']) expect(matchesOption(spaced, query), query).toBe(true);
  });

  it('reads problem paths as the check writes them', () => {
    expect(pathSegments('recipients.officers[0]')).toEqual(['recipients', 'officers', 0]);
    expect(pathSegments('metrics[2].key')).toEqual(['metrics', 2, 'key']);
    expect(pathSegments('正文')).toEqual(['正文']);
  });
});

describe('the body toolbar', () => {
  it('makes the selection bold, or inserts a word to replace', () => {
    expect(applyTool('bold', { text: '他勇救落水者', start: 1, end: 6 })).toEqual({ text: '他**勇救落水者**', start: 3, end: 8 });
    expect(applyTool('bold', { text: '', start: 0, end: 0 }).text).toBe('**加粗的文字**');
  });

  it('turns the selected lines into a list, and back', () => {
    const listed = applyTool('list', { text: '一\n二\n\n三', start: 0, end: 3 });
    expect(listed.text).toBe('- 一\n- 二\n\n三');
    expect(applyTool('list', listed).text).toBe('一\n二\n\n三');
  });

  it('makes the line a heading or a quote, replacing another block mark', () => {
    expect(applyTool('heading', { text: '第一段\n- 事迹', start: 5, end: 5 }).text).toBe('第一段\n## 事迹');
    expect(applyTool('quote', { text: '原文', start: 0, end: 0 }).text).toBe('> 原文');
  });

  it('starts a new paragraph with one blank line', () => {
    expect(applyTool('paragraph', { text: '第一段。第二段。', start: 4, end: 4 })).toEqual({ text: '第一段。\n\n第二段。', start: 6, end: 6 });
    expect(applyTool('paragraph', { text: '第一段。\n\n\n第二段。', start: 5, end: 5 }).text).toBe('第一段。\n\n第二段。');
  });
});

describe('the editor’s addresses', () => {
  it('keep the view, so reload and back show the same page', () => {
    for (const view of [
      { view: 'edit', collection: 'officers', id: 'wang-xiang' },
      { view: 'new', collection: 'honors' },
      { view: 'list', collection: 'letters' },
    ] as const) {
      expect(readView(new URL(viewUrl(view), 'http://127.0.0.1').search)).toEqual(view);
    }
    expect(viewUrl({ view: 'edit', collection: 'officers', id: 'wang-xiang' })).toBe('/__editor/?view=edit&collection=officers&id=wang-xiang');
  });

  it('show the list for an address that names no form', () => {
    expect(readView('?view=edit&collection=officers')).toEqual({ view: 'list', collection: 'officers' });
    expect(readView('?collection=honors&q=wx')).toEqual({ view: 'list', collection: 'honors' });
  });
});
