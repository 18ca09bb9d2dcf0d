import { describe, expect, it } from 'vitest';
import { leakCanaries } from '../../src/lib/leak-canaries';
import { scanPath, scanText } from '../../src/lib/privacy-scan';

const canaries = leakCanaries(
  [{ collection: 'officers', id: 'chen-yalin', data: { name: '陈押林', summary: '未同意公开的民警。' } }],
  [{ collection: 'officers', id: 'zhang-weihua', data: { name: '章伟华', summary: '公开的民警。' } }],
);
const rules = { canaries, allow: [] };
const page = (body: string, head = '') => `<!doctype html><html><head>${head}</head><body><main>${body}</main></body></html>`;

describe('scanText', () => {
  it.each([
    ['a mobile split by inline markup', page('<p>电话139<b>1234</b>5678</p>'), '含有手机号码（139****5678）'],
    ['a full-width mobile in an attribute', page('', '<meta name="description" content="电话１３９１２３４５６７８">'), '含有手机号码（139****5678）'],
    ['a hidden name split by markup', page('<p>陈押<b>林</b></p>'), '含有未公开条目 officers/chen-yalin 的姓名“陈押林”'],
    ['a hidden name padded in an attribute', page('<img alt="陈　押林" src="x.webp">'), '含有未公开条目 officers/chen-yalin 的姓名“陈押林”'],
    ['a link to a hidden page under a base path', page('<a href="/rongyu/officers/chen-yalin/">详情</a>'), '含有未公开条目 officers/chen-yalin 的网址“/officers/chen-yalin/”'],
  ])('finds %s in a page', (_name, html, finding) => {
    expect(scanText('x/index.html', html, rules)).toContain(finding);
  });

  it('reads escaped markup in a feed as a reader of the feed would', () => {
    expect(scanText('rss.xml', '<description>电话139&lt;b&gt;1234&lt;/b&gt;5678，陈押&lt;b&gt;林&lt;/b&gt;</description>', rules)).toEqual([
      '含有手机号码（139****5678）',
      '含有未公开条目 officers/chen-yalin 的姓名“陈押林”',
    ]);
  });

  it('does not join figures of neighbouring cells, nor read drawing coordinates as numbers', () => {
    expect(scanText('x/index.html', page('<table><tr><td>139</td><td>1234</td><td>5678</td></tr></table>'), rules)).toEqual([]);
    expect(scanText('favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg"><path d="m32 15 4.7 9.6 10.6 1.5-7.7 7.5 1.8 10.5"/></svg>', rules)).toEqual([]);
  });

  it('does not take a hidden name inside a public one for a leak', () => {
    const inside = leakCanaries([{ collection: 'officers', id: 'zhang-wei', data: { name: '章伟' } }], [{ collection: 'officers', id: 'zhang-weihua', data: { name: '章伟华' } }]);
    expect(scanText('x/index.html', page('<p>民警章伟华</p>'), { canaries: inside, allow: [] })).toEqual([]);
    expect(scanText('x/index.html', page('<p>民警章伟同志</p>'), { canaries: inside, allow: [] })).toHaveLength(1);
  });
});

describe('scanPath', () => {
  it('finds a hidden person’s id as a word of a file name, in any case or spelling', () => {
    expect(scanPath('_astro/Chen_YaLin-jiangzhuang.Ab12.webp', canaries)).toEqual(['文件名含有未公开条目 officers/chen-yalin 的拼音 id“chen-yalin”']);
    expect(scanPath('_astro/chenyalin.Ab12.webp', canaries)).toHaveLength(1);
    expect(scanPath('officers/zhang-weihua/index.html', canaries)).toEqual([]);
  });
});
