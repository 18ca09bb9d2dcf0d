import { describe, expect, it } from 'vitest';
import { buildFacets } from '../../src/lib/facets';

interface Officer {
  name: string;
  tags: string[];
}

const officers: Officer[] = [
  { name: '张伟', tags: ['见义勇为', '党员先锋'] },
  { name: '李娜', tags: [] },
  { name: '王强', tags: ['党员先锋'] },
  { name: '赵敏', tags: ['反诈', '见义勇为', '见义勇为'] },
];

const names = (items: Officer[]) => items.map((o) => o.name);
const label = (key: string) => `标签：${key}`;

describe('buildFacets', () => {
  it('puts an entry under every key it has, and an entry without keys under none', () => {
    const facets = buildFacets(officers, (o) => o.tags, label);
    expect(facets.map((f) => ({ key: f.key, items: names(f.items) }))).toEqual([
      { key: '见义勇为', items: ['张伟', '赵敏'] },
      { key: '党员先锋', items: ['张伟', '王强'] },
      { key: '反诈', items: ['赵敏'] },
    ]);
  });

  it('counts an entry once when it lists a key twice', () => {
    const facet = buildFacets(officers, (o) => o.tags, label).find((f) => f.key === '见义勇为');
    expect(facet?.items).toHaveLength(2);
  });

  it('labels each facet through labelOf', () => {
    expect(buildFacets(officers, (o) => o.tags, label).map((f) => f.label)).toEqual(['标签：见义勇为', '标签：党员先锋', '标签：反诈']);
  });

  it('orders facets by compare when given, keeping entries in input order', () => {
    const years = [{ name: 'a', year: '2019' }, { name: 'b', year: '2021' }, { name: 'c', year: '2019' }, { name: 'd', year: '2020' }];
    const facets = buildFacets(years, (y) => [y.year], (k) => `${k}年`, (a, b) => Number(b) - Number(a));
    expect(facets.map((f) => [f.key, f.label, f.items.map((i) => i.name)])).toEqual([
      ['2021', '2021年', ['b']],
      ['2020', '2020年', ['d']],
      ['2019', '2019年', ['a', 'c']],
    ]);
  });

  it('keeps first-appearance order among keys the comparator ties', () => {
    const facets = buildFacets(['b1', 'a1', 'b2', 'a2'], (s) => [s], String, () => 0);
    expect(facets.map((f) => f.key)).toEqual(['b1', 'a1', 'b2', 'a2']);
  });

  it('gives no facets for no entries', () => {
    expect(buildFacets([], () => ['x'], label)).toEqual([]);
  });

  it('calls labelOf once per facet', () => {
    const asked: string[] = [];
    buildFacets(officers, (o) => o.tags, (key) => (asked.push(key), key));
    expect(asked).toEqual(['见义勇为', '党员先锋', '反诈']);
  });
});
