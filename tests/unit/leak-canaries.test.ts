import { describe, expect, it } from 'vitest';
import { findCanaries, leakCanaries, type CanaryEntry } from '../../src/lib/leak-canaries';

const officer = (id: string, name: string, extra: Record<string, unknown> = {}): CanaryEntry => ({
  collection: 'officers',
  id,
  data: { name, summary: `${name}的一句话简介，足够长。`, ...extra },
});

describe('leakCanaries', () => {
  it('looks for the address, the name, the summary and the image files of an excluded entry', () => {
    expect(leakCanaries([officer('li-si', '李四', { photo: 'li-si.jpg' })], [])).toEqual([
      { text: '/officers/li-si/', entry: 'officers/li-si', what: '网址' },
      { text: '李四', entry: 'officers/li-si', what: '姓名' },
      { text: '李四的一句话简介，足够长。', entry: 'officers/li-si', what: '简介' },
      { text: '/li-si.', entry: 'officers/li-si', what: '图片' },
    ]);
  });

  it('does not treat a name or summary a published entry also has as a leak', () => {
    const canaries = leakCanaries([officer('wang-xiang-2', '王祥')], [officer('wang-xiang', '王祥')]);
    expect(canaries.map((c) => c.what)).toEqual(['网址']);
  });

  it('does not treat a name inside a published name as a leak (钱晨 in 钱晨浩)', () => {
    const canaries = leakCanaries([officer('qian-chen', '钱晨')], [officer('qian-chen-hao', '钱晨浩')]);
    expect(canaries.map((c) => c.what)).toEqual(['网址', '简介']);
    // …but a published name inside the excluded one does not hide it.
    expect(leakCanaries([officer('qian-chen-hao', '钱晨浩')], [officer('qian-chen', '钱晨')]).map((c) => c.what)).toContain('姓名');
  });

  it('skips summaries too short to be distinctive', () => {
    const canaries = leakCanaries([{ collection: 'honors', id: 'h', data: { title: '嘉奖', summary: '嘉奖' } }], []);
    expect(canaries.map((c) => c.what)).toEqual(['网址']);
  });
});

describe('findCanaries', () => {
  it('finds a canary in a page and says which entry leaked', () => {
    const canaries = leakCanaries([officer('li-si', '李四')], []);
    expect(findCanaries('<a href="/rongyu/officers/li-si/">李四</a>', canaries).map((c) => [c.entry, c.what])).toEqual([
      ['officers/li-si', '网址'],
      ['officers/li-si', '姓名'],
    ]);
    expect(findCanaries('<p>无关内容</p>', canaries)).toEqual([]);
  });
});

describe('findCanaries, on many canaries', () => {
  it('finds each canary wherever it stands — at the start, at the end, overlapping another — and only those', () => {
    const canaries = leakCanaries([officer('a', '王祥'), officer('b', '祥和'), officer('c', '李')], []);
    const names = (text: string) => findCanaries(text, canaries).filter((c) => c.what === '姓名').map((c) => c.text);
    expect(names('王祥和')).toEqual(['王祥', '祥和']);
    expect(names('……王祥')).toEqual(['王祥']);
    expect(names('王')).toEqual([]);
    // A one-character name is no canary (too common to mean anything), so '李' is never reported.
    expect(names('李')).toEqual([]);
  });
});

describe('findCanaries, on a canary of one character', () => {
  it('still finds it', () => {
    expect(findCanaries('甲乙', [{ text: '乙', entry: 'x/y', what: '姓名' }])).toHaveLength(1);
  });
});
