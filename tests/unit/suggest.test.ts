import { describe, expect, it } from 'vitest';
import { closestMatches, editDistance, nearestEntries } from '../../src/lib/suggest';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', 'abc', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['sumary', 'summary', 1],
    ['kitten', 'sitting', 3],
    ['wang-xiang', 'wang-xaing', 2],
    ['police', 'polise', 1],
  ])('counts %s → %s as %d edits', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('closestMatches', () => {
  const officers = ['wang-xiang', 'wang-hong', 'wang-hongbin', 'zhang-wei', 'chen-yalin'];

  it('suggests the field name a typo was meant to be', () => {
    expect(closestMatches('sumary', ['name', 'summary', 'title'])).toEqual(['summary']);
  });

  it('suggests ids that share the first pinyin word, best first', () => {
    expect(closestMatches('wang-x', officers)).toEqual(['wang-hong', 'wang-xiang', 'wang-hongbin']);
    expect(closestMatches('wang-xaing', officers)[0]).toBe('wang-xiang');
  });

  it('ignores case when measuring the distance', () => {
    expect(closestMatches('Wang-Xiang', officers)[0]).toBe('wang-xiang');
  });

  it('suggests nothing when nothing is close', () => {
    expect(closestMatches('li-si', officers)).toEqual([]);
    expect(closestMatches('x', [])).toEqual([]);
  });

  it('returns at most `limit` suggestions', () => {
    expect(closestMatches('wang', officers, 1)).toHaveLength(1);
    expect(closestMatches('wang', officers)).toHaveLength(3);
  });

  it('breaks ties alphabetically so the hint is stable', () => {
    expect(closestMatches('ab', ['ba', 'aa', 'ac'])).toEqual(['aa', 'ac']);
  });

  it('allows one edit even for very short inputs', () => {
    expect(closestMatches('ab', ['abc'])).toEqual(['abc']);
    expect(closestMatches('ab', ['abcd'])).toEqual([]);
  });
});

describe('nearestEntries', () => {
  const officers = [
    { id: 'wang-xiang', names: ['王祥'] },
    { id: 'wang-hong', names: ['王宏'] },
    { id: 'chen-yalin', names: ['陈押林'] },
  ];
  const ids = (input: string) => nearestEntries(input, officers, 'officers').map((e) => e.id);

  it('finds an entry by its name, by part of it, and by its pinyin', () => {
    expect(ids('王祥')).toEqual(['wang-xiang']);
    expect(ids('王祥同志')).toEqual(['wang-xiang']);
    expect(ids('王翔')).toEqual(['wang-xiang']);
    expect(ids('wangxiang')).toEqual(['wang-xiang']);
    expect(ids('chenyalin')).toEqual(['chen-yalin']);
  });

  it('puts the closest first', () => {
    expect(ids('wang-hang')).toEqual(['wang-hong', 'wang-xiang']);
  });

  it('takes a two-character name one character off for another person', () => {
    expect(ids('王伟')).toEqual([]);
  });

  it('finds nothing when nothing is close', () => {
    expect(ids('li-si')).toEqual([]);
    expect(ids('')).toEqual([]);
  });
});
