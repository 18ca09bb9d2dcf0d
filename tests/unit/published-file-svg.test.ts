import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inspectFile, type FileInspection, type FileProblemCode } from '../../src/lib/published-file';
import { solid, tEXt, withPngChunks } from './helpers/image-bytes';

const PHONE = '13912345678';
const NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"';
const svg = (body: string, attributes = '') => Buffer.from(`<svg ${NS}${attributes}>${body}</svg>`);
const codes = (result: FileInspection) => [...new Set(result.problems.map((p) => p.code))].sort();

describe('inspectFile: SVG that is fine', () => {
  it('the sample favicon has no problem', async () => {
    const result = await inspectFile('favicon.svg', readFileSync('public/favicon.svg'));
    expect([result.kind, result.problems]).toEqual(['svg', []]);
  });

  it.each([
    ['an internal reference', '<defs><path id="p" d="M0 0h4v4z"/></defs><use href="#p"/><use xlink:href="#p"/>'],
    ['a link to another site', '<a href="https://www.gov.cn/"><text>中国政府网</text></a>'],
    ['an inline PNG with no metadata', 'INLINE_PNG'],
    ['a fill referring to a gradient', '<linearGradient id="g"/><rect fill="url(#g)" style="fill:url(#g)" width="4" height="4"/>'],
    ['a title and a description', '<title>徽标</title><desc>蓝色盾牌</desc>'],
  ])('%s', async (_, body) => {
    const png = (await solid('png')).toString('base64');
    const result = await inspectFile('logo.svg', svg(body.replace('INLINE_PNG', `<image href="data:image/png;base64,${png}" width="8" height="8"/>`)));
    expect(result.problems).toEqual([]);
  });

  it('an SVG in an .xml file is read as SVG, without a mismatch', async () => {
    const result = await inspectFile('image.xml', Buffer.from(`<?xml version="1.0"?>\n<svg ${NS}><script>x()</script></svg>`));
    expect([result.kind, codes(result)]).toEqual(['svg', ['svg-script']]);
  });
});

describe('inspectFile: SVG texts', () => {
  it('reads text, comments, labels and editor paths, and metadata', async () => {
    const source = svg(
      `<!-- 制作：张三 ${PHONE} --><metadata><rdf:RDF><dc:creator>李四 ${PHONE}</dc:creator></rdf:RDF></metadata>` +
        `<text>值班电话 <tspan>${PHONE}</tspan></text><g inkscape:label="王五的图层"/>`,
      ' sodipodi:docname="C:\\Users\\赵六\\Desktop\\logo.svg"',
    );
    const result = await inspectFile('logo.svg', source);
    const bySource = Object.fromEntries(result.texts.map((t) => [t.source, t.text]));
    expect(bySource['svg-text']).toContain(PHONE);
    expect(bySource['svg-comment']).toContain('张三');
    expect(bySource['svg-metadata']).toContain('李四');
    expect(bySource['svg-attribute']).toContain('赵六');
    expect(bySource['svg-attribute']).toContain('王五');
    expect(bySource['content']).toContain(PHONE);
    expect(codes(result)).toEqual(['svg-metadata']);
  });

  it('reads entity-encoded text decoded, and leaves path data out of the attribute texts', async () => {
    const result = await inspectFile('a.svg', svg('<text>&#49;&#51;&#57;12345678</text><path d="M13 912 345 678z" transform="translate(1 2)"/>'));
    expect(result.texts.find((t) => t.source === 'svg-text')?.text).toBe(PHONE);
    expect(result.texts.find((t) => t.source === 'svg-attribute')).toBeUndefined();
  });

  it('reads an inline image’s metadata and says where it was', async () => {
    const png = withPngChunks(await solid('png'), tEXt('Author', PHONE)).toString('base64');
    const result = await inspectFile('a.svg', svg(`<image xlink:href="data:image/png;base64,${png}"/>`));
    expect(result.problems.map((p) => p.message)).toEqual(['SVG 内嵌图片 1：图片带有文字注释（PNG tEXt “Author”）']);
    expect(result.texts.some((t) => t.source === 'comment' && t.text.includes(PHONE))).toBe(true);
  });
});

/** Each attack, the SVG body (or whole file), and the problem it must raise. */
const ATTACKS: [string, string | Buffer, FileProblemCode][] = [
  ['a script element', svg('<script>alert(document.cookie)</script>'), 'svg-script'],
  ['a script in CDATA', svg('<script type="text/ecmascript"><![CDATA[ if (1 < 2) alert(1) ]]></script>'), 'svg-script'],
  ['an upper-case SCRIPT', svg('<SCRIPT>alert(1)</SCRIPT>'), 'svg-script'],
  ['a script with a namespace prefix', svg('<x:script xmlns:x="http://www.w3.org/2000/svg">alert(1)</x:script>'), 'svg-script'],
  ['an XHTML script', svg('<html:script xmlns:html="http://www.w3.org/1999/xhtml">alert(1)</html:script>'), 'svg-script'],
  ['an external script', svg('<script href="https://evil.example/x.js"/>'), 'svg-script'],
  ['SVG Tiny’s handler element', svg('<handler type="application/ecmascript">alert(1)</handler>'), 'svg-script'],
  ['onload on the root', svg('<rect/>', ' onload="alert(1)"'), 'svg-event-handler'],
  ['an upper-case ONLOAD', svg('<rect/>', ' ONLOAD="alert(1)"'), 'svg-event-handler'],
  ['onclick on a shape', svg('<circle r="4" onclick="alert(1)"/>'), 'svg-event-handler'],
  ['onbegin on an animation', svg('<animate attributeName="x" onbegin="alert(1)"/>'), 'svg-event-handler'],
  ['an animation that sets a handler', svg('<set attributeName="onmouseover" to="alert(1)"/>'), 'svg-event-handler'],
  ['a foreign object', svg('<foreignObject width="100" height="100"><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>'), 'svg-foreign-object'],
  ['an iframe', svg('<iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example/"/>'), 'svg-embedded-content'],
  ['an embed', svg('<embed xmlns="http://www.w3.org/1999/xhtml" src="x.swf"/>'), 'svg-embedded-content'],
  ['an object', svg('<object xmlns="http://www.w3.org/1999/xhtml" data="x.pdf"/>'), 'svg-embedded-content'],
  ['a javascript: link', svg('<a href="javascript:alert(1)"><text>点我</text></a>'), 'svg-unsafe-link'],
  ['an xlink:href javascript: link', svg('<a xlink:href="javascript:alert(1)"><text>点我</text></a>'), 'svg-unsafe-link'],
  ['an entity-encoded javascript: link', svg('<a xlink:href="&#106;&#x61;vascript&#58;alert(1)"><text>点我</text></a>'), 'svg-unsafe-link'],
  ['a javascript: link split by a tab and padded', svg('<a href=" java&#x09;script:alert(1)"><text>点我</text></a>'), 'svg-unsafe-link'],
  ['an upper-case JAVASCRIPT: link', svg('<a href="JavaScript:alert(1)"><text>点我</text></a>'), 'svg-unsafe-link'],
  ['a data: link to a page', svg('<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"><text>点我</text></a>'), 'svg-unsafe-link'],
  ['a use of a data: SVG', svg('<use href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=#x"/>'), 'svg-unsafe-link'],
  ['an animation that turns a link into javascript:', svg('<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>'), 'svg-unsafe-link'],
  ['an animation with javascript: among its values', svg('<a><animate attributeName="xlink:href" values="#a;javascript:alert(1)"/></a>'), 'svg-unsafe-link'],
  ['a javascript: URL in CSS', svg('<rect style="background:url(javascript:alert(1))"/>'), 'svg-unsafe-link'],
  ['a CSS-escaped javascript: URL', svg('<style>rect { background: url(\\6a avascript:alert(1)) }</style>'), 'svg-unsafe-link'],
  ['an external use', svg('<use href="http://evil.example/sprite.svg#icon"/>'), 'svg-external-reference'],
  ['an external xlink:href use', svg('<use xlink:href="//evil.example/sprite.svg#icon"/>'), 'svg-external-reference'],
  ['an external image', svg('<image href="https://tracker.example/pixel.png" width="1" height="1"/>'), 'svg-external-reference'],
  ['a relative image', svg('<image href="../photos/li-si.jpg"/>'), 'svg-external-reference'],
  ['an external filter in a presentation attribute', svg('<rect filter="url(https://evil.example/f.svg#f)"/>'), 'svg-external-reference'],
  ['a CSS @import', svg('<style>@import url("https://evil.example/x.css");</style>'), 'svg-external-reference'],
  ['a CSS url() with a comment inside', svg('<style>rect { fill: url(/**/https://evil.example/x.svg#g) }</style>'), 'svg-external-reference'],
  [
    'an xml-stylesheet instruction',
    Buffer.from(`<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="https://evil.example/x.xsl"?><svg ${NS}/>`),
    'svg-external-reference',
  ],
  [
    'an entity declared in the doctype',
    Buffer.from(`<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "&#60;script&#62;alert(1)&#60;/script&#62;">]><svg ${NS}>&x;</svg>`),
    'svg-entity-declaration',
  ],
  [
    'an entity bomb',
    Buffer.from(`<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><svg ${NS}>&b;</svg>`),
    'svg-entity-declaration',
  ],
  ['metadata', svg('<metadata><rdf:RDF><cc:Work><dc:creator>张三</dc:creator></cc:Work></rdf:RDF></metadata>'), 'svg-metadata'],
];

describe('inspectFile: SVG attacks', () => {
  it.each(ATTACKS)('%s', async (_, source, code) => {
    const result = await inspectFile('logo.svg', typeof source === 'string' ? Buffer.from(source) : source);
    expect(result.kind).toBe('svg');
    expect(codes(result)).toContain(code);
    for (const problem of result.problems) expect(problem.hint).toMatch(/SVG/);
  });

  it('names what it found: the element, the attribute, the address', async () => {
    const result = await inspectFile('a.svg', svg('<use xlink:href="http://evil.example/s.svg#i"/><circle onclick="steal()"/>'));
    expect(result.problems.map((p) => p.detail)).toEqual(['<use xlink:href="http://evil.example/s.svg#i">', 'onclick="steal()"']);
  });

  it('finds a script in an SVG named .png, and in a compressed .svgz', async () => {
    const named = await inspectFile('logo.png', svg('<script>alert(1)</script>'));
    expect(codes(named)).toEqual(['svg-script', 'type-mismatch']);
    const compressed = await inspectFile('logo.svgz', gzipSync(svg('<script>alert(1)</script>')));
    expect(compressed.contents).toMatchObject({ path: 'logo.svg', kind: 'svg' });
    expect(compressed.problems.map((p) => p.message)).toEqual(['gzip 解压后：SVG 中有脚本，直接打开这张图片时脚本会在本网站上运行（<script>）']);
  });

  it('reads an SVG nested fifty thousand elements deep without throwing', async () => {
    const deep = svg(`${'<g>'.repeat(50_000)}<script>x()</script>${'</g>'.repeat(50_000)}`);
    const result = await inspectFile('deep.svg', deep);
    expect(codes(result).some((c) => c === 'svg-script' || c === 'unreadable')).toBe(true);
  });

  it('stays linear on hostile CSS and comments', async () => {
    const started = performance.now();
    await inspectFile('a.svg', svg(`<style>${'/*url('.repeat(100_000)}</style><!DOCTYPE${' x'.repeat(100_000)}`));
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
