import { describe, expect, it } from 'vitest';
import { compareIds, ENTRY_ID_PATTERN, entryIdFromPath } from '../../src/lib/entry-id';

describe('entryIdFromPath', () => {
  it.each([
    ['src/content/officers/wang-xiang.md', 'wang-xiang'],
    ['wang-xiang.mdx', 'wang-xiang'],
    ['stats/2020-gongzuo-shuju.yaml', '2020-gongzuo-shuju'],
    ['officers/nested/folder/zhang-wei.md', 'zhang-wei'],
    ['C:\\site\\content\\officers\\wang-xiang.md', 'wang-xiang'],
    ['archive.2020.md', 'archive.2020'],
    ['README', 'README'],
    ['.hidden', '.hidden'],
  ])('takes the id of %s to be %s', (file, id) => {
    expect(entryIdFromPath(file)).toBe(id);
  });

  it('gives the same id to a.md and a.mdx (the content check reports the clash)', () => {
    expect(entryIdFromPath('officers/a.md')).toBe(entryIdFromPath('officers/a.mdx'));
  });
});

describe('ENTRY_ID_PATTERN', () => {
  it.each(['wang-xiang', 'dongjin-2020', '2020', 'a', 'x1-y2-z3'])('accepts the URL-safe id %s', (id) => {
    expect(ENTRY_ID_PATTERN.test(id)).toBe(true);
  });

  it.each(['王祥', 'Wang-Xiang', 'wang_xiang', 'wang xiang', 'wang--xiang', '-wang', 'wang-', 'archive.2020', ''])(
    'rejects %j, which cannot be a clean URL segment',
    (id) => {
      expect(ENTRY_ID_PATTERN.test(id)).toBe(false);
    },
  );
});

describe('compareIds', () => {
  it('orders ids by code unit, whatever the locale: pinyin order, a namesake after its first', () => {
    const ids = ['wangxiang', 'wang-xiang-2', 'diao-aiqing', 'wang-xiang', 'zhang-jun'];
    expect([...ids].sort(compareIds)).toEqual(['diao-aiqing', 'wang-xiang', 'wang-xiang-2', 'wangxiang', 'zhang-jun']);
    expect(compareIds('a', 'a')).toBe(0);
  });
});
