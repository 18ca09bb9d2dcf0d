import { describe, expect, it } from 'vitest';
import { BLOCK_BREAK, pageText } from '../../src/lib/page-text';

const text = (html: string) => pageText(html).split(BLOCK_BREAK).filter(Boolean);

describe('pageText', () => {
  it('joins inline elements as a reader reads them, and keeps blocks apart', () => {
    expect(text('<p>陈押<b>林</b>同志</p><p>电话139<span>1234</span>5678</p>')).toEqual(['陈押林同志', '电话13912345678']);
  });

  it('keeps neighbouring table cells and list items apart, so their figures never run together', () => {
    expect(text('<table><tr><td>139</td><td>1234</td><td>5678</td></tr></table><ul><li>2019</li><li>2020</li></ul>')).toEqual(['139', '1234', '5678', '2019', '2020']);
  });

  it('reads a line break as a break, and leaves out comments, scripts and styles', () => {
    expect(pageText('<p>139<br>1234<!-- 注释 --></p><script>var x = "13912345678"</script><style>p{}</style>')).toBe(`${BLOCK_BREAK}139\n1234${BLOCK_BREAK}`);
  });

  it('reads what a page without JavaScript shows in <noscript> as text, not as markup', () => {
    expect(text('<noscript><p>请<b>开启</b>脚本</p></noscript>')).toEqual(['请开启脚本']);
  });

  it('leaves entities for normalizeText to decode once', () => {
    expect(text('<p>&#49;39</p>')).toEqual(['&#49;39']);
  });
});
