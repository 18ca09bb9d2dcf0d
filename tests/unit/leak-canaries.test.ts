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
