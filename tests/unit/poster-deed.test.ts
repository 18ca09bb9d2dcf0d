import { describe, expect, it } from 'vitest';
import { posterDeed, posterDeedRoom, posterHonorLines, storyParagraphs, textWidth } from '../../src/lib/poster-deed';

const SUMMARY = '东进警务站辅警，面对持刀伤人的歹徒勇敢上前夺刀搏斗。';

describe('storyParagraphs: the story of a profile’s body, as a reader reads it', () => {
  it('keeps the paragraphs, without markup, headings, code or tables', () => {
    const body = [
      '## 事迹',
      '',
      '东进警务站辅警王祥，**面对持刀伤人的歹徒**，勇敢上前[夺刀](https://example.com/)与其搏斗。',
      '',
      '```',
      'code',
      '```',
      '',
      '| 年份 | 荣誉 |',
      '| --- | --- |',
      '| 2020 | 表彰 |',
      '',
      '- 2020年4月，被省见义勇为基金会表彰。',
      '',
      '> 群众说：“谢谢你。”',
    ].join('\n');
    expect(storyParagraphs(body, 'md')).toEqual(['东进警务站辅警王祥，面对持刀伤人的歹徒，勇敢上前夺刀与其搏斗。', '2020年4月，被省见义勇为基金会表彰。', '群众说：“谢谢你。”']);
  });

  it('joins a line broken inside Chinese text, and keeps a space between Latin words (Windows line ends too)', () => {
    expect(storyParagraphs('他连续值守\r\n四十多天。\r\nHe said\r\nthanks.', 'md')).toEqual(['他连续值守四十多天。He said thanks.']);
  });

  it('drops harmless HTML tags but keeps their text', () => {
    expect(storyParagraphs('他<b>勇救</b>落水群众。', 'md')).toEqual(['他勇救落水群众。']);
  });

  it('reads an MDX body', () => {
    expect(storyParagraphs('# 标题\n\n他勇救落水群众。\n', 'mdx')).toEqual(['他勇救落水群众。']);
  });

  it('gives nothing for a body it cannot read as MDX (the check refuses it)', () => {
    expect(storyParagraphs('他勇救{落水群众。', 'mdx')).toEqual([]);
  });
});

describe('posterDeed', () => {
  it('prints the body’s story, not the summary, when it fits', () => {
    const deed = posterDeed('东进警务站辅警王祥，面对持刀伤人的歹徒，勇敢上前夺刀与其搏斗。\n\n2020年4月，王祥被省见义勇为基金会表彰。\n', SUMMARY, 'md', 300);
    expect(deed).toEqual({ paragraphs: ['东进警务站辅警王祥，面对持刀伤人的歹徒，勇敢上前夺刀与其搏斗。', '2020年4月，王祥被省见义勇为基金会表彰。'], from: 'body', cut: false });
  });

  it.each<[string, string | undefined]>([
    ['no body', undefined],
    ['an empty body', '\n\n'],
    ['headings only', '## 事迹\n\n### 待补充\n'],
  ])('falls back to the summary with %s', (_what, body) => {
    expect(posterDeed(body, SUMMARY, 'md', 300)).toEqual({ paragraphs: [SUMMARY], from: 'summary', cut: false });
  });

  it('cuts a long story at the end of a sentence, with ……', () => {
    const sentence = '他走遍辖区每一条小巷，记下了三千多户居民的情况。'; // 24 characters
    const deed = posterDeed(sentence.repeat(10), SUMMARY, 'md', 100);
    expect(deed.cut).toBe(true);
    // Four sentences and the ellipsis: 4 × 24 + 2 characters.
    expect(deed.paragraphs).toEqual([`${sentence.repeat(4)}……`]);
    expect(textWidth(deed.paragraphs[0]!)).toBeLessThanOrEqual(100);
  });

  it('cuts a sentence too long to keep whole at a comma, dropping the comma', () => {
    const deed = posterDeed(`${'他走遍辖区每一条小巷，'.repeat(20)}终于记下了全部居民的情况。`, SUMMARY, 'md', 50);
    expect(deed.paragraphs).toEqual([`${'他走遍辖区每一条小巷，'.repeat(3)}他走遍辖区每一条小巷……`]);
  });

  it('cuts text without any punctuation where the room ends', () => {
    expect(posterDeed('字'.repeat(200), SUMMARY, 'md', 50).paragraphs).toEqual([`${'字'.repeat(48)}……`]);
  });

  it('leaves out a paragraph that would fit only as a scrap, and keeps whole the ones before it', () => {
    const first = '海报民警扎根社区十二年，走遍辖区每一条小巷。'.repeat(4); // 88 characters
    const deed = posterDeed(`${first}\n\n第二段的内容。第二段的内容。第二段的内容。第二段的内容。`, SUMMARY, 'md', 100);
    expect(deed).toEqual({ paragraphs: [first], from: 'body', cut: true });
  });

  it('counts a Latin letter or digit as half a character', () => {
    expect(textWidth('2020年')).toBe(3);
    expect(textWidth('他说：“好。”……')).toBe(9);
  });
});

describe('posterDeedRoom: the room of the deed on an A4 sheet', () => {
  const sheet = { name: '王祥', role: '东进警务站 · 辅警', portrait: true, honors: [] as string[] };

  it('shrinks with every honour listed, and grows without a portrait', () => {
    const rooms = [0, 1, 3, 7].map((n) => posterDeedRoom({ ...sheet, honors: Array(n).fill('个人三等功（2020年4月）') }));
    expect(rooms).toEqual([...rooms].sort((a, b) => b - a));
    expect(new Set(rooms).size).toBe(4);
    expect(posterDeedRoom({ ...sheet, portrait: false })).toBeGreaterThan(posterDeedRoom(sheet));
  });

  it('counts an honour whose title wraps as two lines, and a name that wraps', () => {
    const long = `${'字'.repeat(40)}（2020年4月）`;
    expect(posterDeedRoom({ ...sheet, honors: [long] })).toBe(posterDeedRoom({ ...sheet, honors: ['一', '二'] }));
    expect(posterDeedRoom({ ...sheet, name: '字'.repeat(13) })).toBeLessThan(posterDeedRoom(sheet));
  });

  it('holds a few hundred characters on a sheet with a portrait and no honours', () => {
    expect(posterDeedRoom(sheet)).toBeGreaterThan(300);
    expect(posterDeedRoom(sheet)).toBeLessThan(450);
  });
});

describe('posterHonorLines', () => {
  const honor = (i: number) => `个人三等功${i}（2020年4月）`;
  const long = `${'字'.repeat(40)}（2020年4月）`;
  it.each<[string, string[], string[]]>([
    ['none', [], []],
    ['seven short ones, all', Array.from({ length: 7 }, (_, i) => honor(i)), Array.from({ length: 7 }, (_, i) => honor(i))],
    ['eight short ones: six and a count', Array.from({ length: 8 }, (_, i) => honor(i)), [...Array.from({ length: 6 }, (_, i) => honor(i)), '等 8 项荣誉']],
    ['long titles, two lines each: three and a count', Array(5).fill(long), [long, long, long, '等 5 项荣誉']],
  ])('lists %s', (_what, honors, lines) => {
    expect(posterHonorLines(honors)).toEqual(lines);
  });
});
