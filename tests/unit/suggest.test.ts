import { describe, expect, it } from 'vitest';
import { closestMatches, editDistance } from '../../src/lib/suggest';

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
