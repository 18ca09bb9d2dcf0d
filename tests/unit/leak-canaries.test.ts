import { describe, expect, it } from 'vitest';
import { findCanaries, leakCanaries, pathWords, readingText, type CanaryEntry } from '../../src/lib/leak-canaries';

const officer = (id: string, name: string, extra: Record<string, unknown> = {}): CanaryEntry => ({
  collection: 'officers',
  id,
  data: { name, summary: `${name}的一句话简介，足够长。`, ...extra },
});
/** The names found in a text, as the guard reads a page's text. */
const namesIn = (text: string, canaries: ReturnType<typeof leakCanaries>) =>
  findCanaries(readingText(text, { markup: true }).text, canaries, 'reading')
    .filter((c) => c.what === '姓名')
    .map((c) => c.text);

describe('leakCanaries', () => {
  it('looks for the address, the name, the id, the summary and the image files of an excluded person', () => {
    expect(leakCanaries([officer('li-si', '李四', { photo: 'li-si.jpg' })], []).map(({ text, what, place }) => [text, what, place])).toEqual([
      ['/officers/li-si/', '网址', 'source'],
      ['李四', '姓名', 'reading'],
      ['li-si', '拼音 id', 'path'],
      ['lisi', '拼音 id', 'path'],
      // NFKC reads the full-width comma as a plain one, as in every text it is compared with.
      ['李四的一句话简介,足够长。', '简介', 'reading'],
      ['li-si', '图片', 'path'],
    ]);
  });

  it('does not treat a name or summary a published entry also has as a leak', () => {
    const canaries = leakCanaries([officer('wang-xiang-2', '王祥')], [officer('wang-xiang', '王祥')]);
    expect(canaries.map((c) => [c.what, c.text])).toEqual([
      ['网址', '/officers/wang-xiang-2/'],
      ['拼音 id', 'wang-xiang-2'],
      ['拼音 id', 'wangxiang2'],
    ]);
  });

  it('skips summaries too short to be distinctive', () => {
    const canaries = leakCanaries([{ collection: 'honors', id: 'h', data: { title: '嘉奖', summary: '嘉奖' } }], []);
    expect(canaries.map((c) => c.what)).toEqual(['网址']);
  });
});

describe('a hidden name, as a reader reads it', () => {
  const canaries = leakCanaries([officer('chen-yalin', '陈押林')], []);

  it.each([
    ['陈押林', '参加人员：陈押林、王祥'],
    ['a full-width space of a padded name list', '参加人员：陈　押林、王　祥'],
    ['markup inside', '参加人员：陈押<b>林</b>'],
    ['a comment inside', '陈押<!-- x -->林'],
    ['a zero-width space inside', '陈\u200b押林'],
    ['an entity', '陈押&#26519;'],
    ['Markdown emphasis', '陈押**林**'],
    ['a line break inside', '陈押\n林'],
  ])('is found with %s', (_name, text) => {
    expect(namesIn(text, canaries)).toEqual(['陈押林']);
  });

  it('is not found where it is not', () => {
    expect(namesIn('陈押、林', canaries)).toEqual([]);
    expect(namesIn('陈押', canaries)).toEqual([]);
  });
});

describe('a hidden name inside a public one (章伟 beside 章伟华)', () => {
  const canaries = leakCanaries([officer('zhang-wei', '章伟')], [officer('zhang-weihua', '章伟华')]);

  it('is no leak where the public name stands', () => {
    expect(namesIn('民警章伟华', canaries)).toEqual([]);
    expect(namesIn('章 伟 华', canaries)).toEqual([]);
  });

  it('is a leak wherever it stands on its own', () => {
    expect(namesIn('53岁的民警章伟同志', canaries)).toEqual(['章伟']);
    expect(namesIn('章伟华和章伟', canaries)).toEqual(['章伟']);
  });

  it('a public name inside the hidden one does not hide it', () => {
    expect(namesIn('钱晨浩', leakCanaries([officer('qian-chen-hao', '钱晨浩')], [officer('qian-chen', '钱晨')]))).toEqual(['钱晨浩']);
  });
});

describe('a hidden id in a file name', () => {
  const canaries = leakCanaries([officer('zhang-wei', '章伟'), officer('wang-hong', '王红')], [officer('wang-hongbin', '王红斌'), officer('zhang-wei-hua', '章伟华')]);
  const ids = (file: string) => findCanaries(pathWords(file), canaries, 'path').map((c) => c.entry);

  it.each([
    '_astro/zhang-wei.Ab12Cd.webp',
    '_astro/zhang-wei-jiangzhuang.Ab12Cd.webp',
    '_astro/2020-zhang-wei-cert.Ab12Cd.webp',
    '_astro/ZhangWei_证书.jpg',
    'honors/zhang-wei-sandenggong/index.html',
  ])('is found in %s', (file) => {
    expect(ids(file)).toContain('officers/zhang-wei');
  });

  it.each(['officers/wang-hongbin/index.html', '_astro/wang-hongbin.Ab12.webp', 'officers/zhang-wei-hua/index.html', '_astro/zhang-weixing.webp'])(
    'is not found in %s (another word, or a public person’s id)',
    (file) => {
      expect(ids(file)).toEqual([]);
    },
  );
});

describe('findCanaries, on many canaries', () => {
  it('finds each canary wherever it stands — at the start, at the end, overlapping another — and only those', () => {
    const canaries = leakCanaries([officer('a', '王祥'), officer('b', '祥和'), officer('c', '李')], []);
    expect(namesIn('王祥和', canaries)).toEqual(['王祥', '祥和']);
    expect(namesIn('……王祥', canaries)).toEqual(['王祥']);
    expect(namesIn('王', canaries)).toEqual([]);
    // A one-character name is no canary (too common to mean anything), so '李' is never reported.
    expect(namesIn('李', canaries)).toEqual([]);
  });

  it('still finds a canary of one character', () => {
    expect(findCanaries('甲乙', [{ text: '乙', entry: 'x/y', what: '姓名', place: 'reading' }], 'reading')).toHaveLength(1);
  });
});
