import { describe, expect, it } from 'vitest';
import { hasCriteria, pagefindOptions, parseSearchState, serializeSearchState } from '../../src/lib/search-state';

describe('the search page address', () => {
  it('reads words, repeated filters and the sort order', () => {
    expect(parseSearchState('?q=%E5%A4%BA%E5%88%80&type=人物&type=荣誉&year=2020年&sort=newest')).toEqual({
      query: '夺刀',
      filters: { type: ['人物', '荣誉'], year: ['2020年'] },
      sort: 'newest',
    });
  });

  it('falls back to relevance for an unknown sort and ignores unknown parameters', () => {
    expect(parseSearchState('?q=王祥&sort=random&foo=bar')).toEqual({ query: '王祥', filters: {}, sort: 'relevance' });
  });

  it('trims words, drops empty and duplicate filter values, and caps very long queries', () => {
    const state = parseSearchState(`?q=%20%20王祥%20&type=&type=人物&type=人物&q2=x&unit=${encodeURIComponent(' 东进警务站 ')}`);
    expect(state.query).toBe('王祥');
    expect(state.filters).toEqual({ type: ['人物'], unit: ['东进警务站'] });
    expect(parseSearchState(`?q=${'字'.repeat(300)}`).query).toHaveLength(100);
  });

  it('writes the same state back, without defaults, and round-trips', () => {
    const state = { query: '三等功', filters: { scope: ['集体荣誉'], type: ['荣誉'] }, sort: 'relevance' as const };
    const text = serializeSearchState(state);
    expect(text).toBe(`?q=${encodeURIComponent('三等功').replace(/%20/g, '+')}&type=${encodeURIComponent('荣誉')}&scope=${encodeURIComponent('集体荣誉')}`);
    expect(parseSearchState(text)).toEqual({ ...state, filters: { type: ['荣誉'], scope: ['集体荣誉'] } });
    expect(serializeSearchState({ query: '', filters: {}, sort: 'relevance' })).toBe('');
  });
});

describe('pagefindOptions', () => {
  it('asks for any of the chosen values of each filter', () => {
    expect(pagefindOptions({ query: 'x', filters: { type: ['人物', '荣誉'], year: ['2020年'] }, sort: 'relevance' })).toEqual({
      filters: { type: { any: ['人物', '荣誉'] }, year: { any: ['2020年'] } },
    });
  });

  it.each([
    ['newest', 'desc'],
    ['oldest', 'asc'],
  ] as const)('sorts %s first by the date sort key (%s)', (sort, direction) => {
    expect(pagefindOptions({ query: 'x', filters: {}, sort }).sort).toEqual({ date: direction });
  });
});

describe('hasCriteria', () => {
  it('is false for an empty search and true for words or a filter alone', () => {
    expect(hasCriteria({ query: '', filters: {}, sort: 'newest' })).toBe(false);
    expect(hasCriteria({ query: '夺刀', filters: {}, sort: 'relevance' })).toBe(true);
    expect(hasCriteria({ query: '', filters: { type: ['荣誉'] }, sort: 'relevance' })).toBe(true);
  });
});
