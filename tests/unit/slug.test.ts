import { describe, expect, it } from 'vitest';
import { assignSlugs, cutAtWord, slugWords, toPinyinSlug } from '../../src/lib/slug';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe('toPinyinSlug', () => {
  it.each([
    { text: '见义勇为', slug: 'jian-yi-yong-wei' },
    { text: '东进警务站', slug: 'dong-jin-jing-wu-zhan' },
    { text: '2020年安保', slug: '2020-nian-an-bao' },
    { text: 'ICP 备案', slug: 'icp-bei-an' },
    { text: '110接警', slug: '110-jie-jing' },
    { text: '重庆', slug: 'chong-qing' },
  ])('writes $text as $slug', ({ text, slug }) => {
    expect(toPinyinSlug(text)).toBe(slug);
  });

  it('writes ü as v, the way pinyin is typed', () => {
    expect(toPinyinSlug('绿色通道')).toBe('lv-se-tong-dao');
  });

  it.each([
    { text: '「优秀」党员', slug: 'you-xiu-dang-yuan' },
    { text: '见义/勇为', slug: 'jian-yi-yong-wei' },
    { text: '  见义 勇为  ', slug: 'jian-yi-yong-wei' },
    { text: 'ABC-def_12', slug: 'abc-def-12' },
    { text: '--a--', slug: 'a' },
  ])('treats punctuation and spaces in $text as one separator, never leading or trailing', ({ text, slug }) => {
    expect(toPinyinSlug(text)).toBe(slug);
  });

  it.each([
    { text: 'Ａ１', slug: 'a1' },
    { text: '①号', slug: '1-hao' },
    { text: 'café', slug: 'cafe' },
  ])('reads the full-width, circled or accented characters of $text as plain ones', ({ text, slug }) => {
    expect(toPinyinSlug(text)).toBe(slug);
  });

  it.each(['！！', '', '   ', '——', '★'])('gives an empty slug for %j, which has no letters, digits or Chinese', (text) => {
    expect(toPinyinSlug(text)).toBe('');
  });

  it.each(['见义勇为', '2020年安保', 'ICP 备案', 'a  b', '党员先锋岗（东区）', 'Ｎｏ.３', 'x!y?z', '𠮷野家'])(
    'always gives a well-formed slug for %j',
    (text) => {
      expect(toPinyinSlug(text)).toMatch(SLUG);
    },
  );
});

describe('assignSlugs', () => {
  it('gives each distinct value its pinyin slug, in input order', () => {
    expect([...assignSlugs(['见义勇为', '东进警务站', '2020年安保'])]).toEqual([
      ['见义勇为', 'jian-yi-yong-wei'],
      ['东进警务站', 'dong-jin-jing-wu-zhan'],
      ['2020年安保', '2020-nian-an-bao'],
    ]);
  });

  it('numbers values that read the same in pinyin from -2, in input order', () => {
    expect([...assignSlugs(['公安', '工安', '攻岸'])]).toEqual([
      ['公安', 'gong-an'],
      ['工安', 'gong-an-2'],
      ['攻岸', 'gong-an-3'],
    ]);
  });

  it('gives values without a slug tag-1, tag-2 …', () => {
    expect([...assignSlugs(['！！', '见义勇为', '★'])]).toEqual([
      ['！！', 'tag-1'],
      ['见义勇为', 'jian-yi-yong-wei'],
      ['★', 'tag-2'],
    ]);
  });

  it('lists a repeated value once', () => {
    expect([...assignSlugs(['公安', '公安', '工安'])]).toEqual([
      ['公安', 'gong-an'],
      ['工安', 'gong-an-2'],
    ]);
  });

  it('never gives two values the same slug, even when a label reads like a numbered one', () => {
    const slugs = assignSlugs(['gong an 2', '公安', '工安', 'tag 1', '！！']);
    expect([...slugs.values()]).toEqual(['gong-an-2', 'gong-an', 'gong-an-3', 'tag-1', 'tag-2']);
  });

  it('gives the same slugs for the same input every time', () => {
    const values = ['公安', '！！', '工安', '见义勇为', '★'];
    expect([...assignSlugs(values)]).toEqual([...assignSlugs([...values])]);
  });

  it('gives an empty map for no values', () => {
    expect(assignSlugs([]).size).toBe(0);
  });
});

describe('slugWords', () => {
  it('marks where a word of the text begins: 感谢|民警|热心|帮助', () => {
    expect(slugWords('感谢民警热心帮助').map((w) => `${w.startsWord ? '|' : ''}${w.word}`).join(' ')).toBe('|gan xie |min jing |re xin |bang zhu');
  });

  it('reads a run of characters the dictionary does not know as one word (a place, a name)', () => {
    expect(slugWords('泰州市').map((w) => w.startsWord)).toEqual([true, false, false]);
  });

  it('starts a word at every run of letters or digits', () => {
    expect(slugWords('2020年ICP备案').map((w) => `${w.startsWord ? '|' : ''}${w.word}`).join(' ')).toBe('|2020 |nian |icp |bei an');
  });

  it('gives the words of toPinyinSlug', () => {
    for (const text of ['见义/勇为', 'Ａ１', '①号', 'café', '𠮷野家', '银行行长']) expect(slugWords(text).map((w) => w.word).join('-')).toBe(toPinyinSlug(text));
  });
});

describe('cutAtWord', () => {
  const words = (marked: string) => marked.split(' ').map((w) => ({ word: w.replace('|', ''), startsWord: w.startsWith('|') }));
  it.each<[string, number, string]>([
    ['|a b |c d', 3, 'a-b'],
    ['|a b |c d', 4, 'a-b-c-d'],
    ['|a b |c d', 2, 'a-b'],
    ['|a |b |c', 2, 'a-b'],
    // The first word alone is longer than the limit: cut between its syllables.
    ['|a b c |d', 2, 'a-b'],
    ['|a b', 10, 'a-b'],
    ['', 3, ''],
  ])('cuts %j to at most %d words: %s', (marked, max, expected) => {
    expect(cutAtWord(marked ? words(marked) : [], max).join('-')).toBe(expected);
  });
});
