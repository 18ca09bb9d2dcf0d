import { describe, expect, it } from 'vitest';
import { pageCrumbs } from '../../src/lib/breadcrumbs';
import { laterPages, pageLinks, pagePath, pageTitle, paginate } from '../../src/lib/pagination';

describe('paginate', () => {
  it('splits a list into pages of the given size, the last one shorter', () => {
    const pages = paginate([1, 2, 3, 4, 5], 2);
    expect(pages.map((p) => p.items)).toEqual([[1, 2], [3, 4], [5]]);
    expect(pages.map((p) => [p.number, p.count, p.total])).toEqual([
      [1, 3, 5],
      [2, 3, 5],
      [3, 3, 5],
    ]);
  });

  it('gives an empty list one empty page, and a list of exactly one page no second', () => {
    expect(paginate([], 10)).toEqual([{ number: 1, count: 1, items: [], total: 0 }]);
    expect(paginate([1, 2], 2)).toHaveLength(1);
  });

  it('refuses a page size that is not a positive integer', () => {
    expect(() => paginate([1], 0)).toThrow(RangeError);
    expect(() => paginate([1], 1.5)).toThrow(RangeError);
  });

  it('laterPages is every page but the first (the list page itself)', () => {
    expect(laterPages([1, 2, 3], 1).map((p) => p.number)).toEqual([2, 3]);
    expect(laterPages([1], 1)).toEqual([]);
  });
});

describe('pagePath', () => {
  it('keeps page 1 at the list address and puts later pages under page/', () => {
    expect(pagePath('/honors/', 1)).toBe('/honors/');
    expect(pagePath('/honors/', 3)).toBe('/honors/page/3/');
    expect(pagePath('/honors/years/2020', 2)).toBe('/honors/years/2020/page/2/');
  });
});

describe('pageLinks', () => {
  it('lists every page of a short list', () => {
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('shows first, last and two either side of the current page, with gaps', () => {
    expect(pageLinks(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
    expect(pageLinks(1, 20)).toEqual([1, 2, 3, null, 20]);
    expect(pageLinks(20, 20)).toEqual([1, null, 18, 19, 20]);
  });

  it('shows a single missing page instead of a gap', () => {
    expect(pageLinks(5, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('pageCrumbs', () => {
  const trail = [
    { label: '荣誉', path: '/honors/' },
    { label: '2020年', path: '/honors/years/2020/' },
  ];
  it('makes the list the current page on page 1', () => {
    expect(pageCrumbs(trail, 1)).toEqual([{ label: '荣誉', path: '/honors/' }, { label: '2020年' }]);
  });
  it('links the list and adds 第 n 页 on later pages', () => {
    expect(pageCrumbs(trail, 3)).toEqual([...trail, { label: '第 3 页' }]);
  });
});

describe('pageTitle', () => {
  it('keeps the list title on page 1 and adds the page number after', () => {
    expect(pageTitle('荣誉', 1)).toBe('荣誉');
    expect(pageTitle('荣誉', 2)).toBe('荣誉（第 2 页）');
  });
});
