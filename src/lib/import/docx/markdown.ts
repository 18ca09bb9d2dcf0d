/**
 * mammoth's HTML of a Word document → the Markdown body of an entry, using only what the content
 * check allows in a body: headings h2–h4, paragraphs, lists, tables, bold and italic, and web
 * links. Pure: HTML in, Markdown out.
 *
 * - The title line (Word's 标题/Title style, or a first heading) is taken out: it names the entry.
 * - Tables: a table without merged cells becomes a Markdown table (its first row the header). A
 *   Markdown table cannot merge cells, so a table with merged cells is written as an HTML table
 *   with colspan/rowspan, which the check allows: the merged cell shows once, as in Word.
 * - Pictures stay where they stood: each becomes a paragraph of its own right after the text of
 *   the paragraph it was in (a picture inside a table, after the table), written by the caller
 *   once the picture has a file (`bodyWithPictures`). Its alt text is Word's own 说明 (not Word's
 *   automatic one), else its caption (a 题注 paragraph or one starting 图 right after it), else a
 *   short line of text it stood in; the caption stays as text under it.
 * - Links: only web and mail links are kept (as links); a link to a file (file:///C:/…, \\server\…)
 *   keeps its text only and is reported, so nothing points into the clerk's computer.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { PICTURE_SRC_PREFIX } from './read';

export interface PlacedPicture {
  /** The picture's number in the document (1-based). */
  number: number;
  /** Its alt text, or undefined when the document says nothing about it. */
  alt: string | undefined;
  /** The text of the paragraph it stood in or after, to help the clerk find it. */
  near: string;
}

/** How a picture is named to the clerk: 图 2（“他在岛上巡逻”处）. */
export function pictureLabel(number: number, near: string | undefined): string {
  return `图 ${number}${near ? `（“${near.slice(0, 20)}”处）` : ''}`;
}

export interface DocxMarkdown {
  /** The document's title line, when it has one. */
  title: string | undefined;
  /** The body without its pictures, ending in a newline (empty when the document has no text). */
  markdown: string;
  /** The body's blocks in order, a picture where it stood: see `bodyWithPictures`. */
  blocks: (string | { picture: number })[];
  pictures: PlacedPicture[];
  /** Links that were not web or mail links (their text was kept). */
  droppedLinks: string[];
}

/** Zero-width characters pasted from WeChat or Word; NBSP and full-width spaces read as spaces. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const SPACES = /[\s\u00a0\u3000]+/g;
const clean = (text: string) => text.replace(INVISIBLE, '').replace(SPACES, ' ');

const isElement = (node: RootContent | ElementContent): node is Element => node.type === 'element';
const children = (node: Element | Root) => node.children as (RootContent | ElementContent)[];

/** The plain text of a node. */
function textOf(node: RootContent | ElementContent | Root): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') return children(node).map(textOf).join('');
  return '';
}
const plain = (node: Element) => clean(textOf(node)).trim();

/** Characters Markdown would read as syntax inside text. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>~]/g, '\\$&').replace(/&(?=#?\w+;)/g, '&amp;');
}

/** A line that would start a heading, quote, list or table is escaped at its start. */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([#>+-]|\d+[.)]|\|)/, '$1\\$2');
}

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;
/** `**x**` cannot close after punctuation followed by a letter (CommonMark flanking): use the tag then. */
const EDGE_PUNCTUATION = /^[\p{P}\p{S}]|[\p{P}\p{S}]$/u;

interface Context {
  droppedLinks: string[];
  /** In an HTML table cell: marks are written as tags, not Markdown. */
  html: boolean;
}

/** Inline content as Markdown (or as allowed HTML inside an HTML table). Pictures are left out. */
function inline(nodes: readonly (RootContent | ElementContent)[], ctx: Context): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') {
      out += ctx.html ? htmlEscape(clean(node.value)) : escapeInline(clean(node.value));
      continue;
    }
    if (!isElement(node)) continue;
    const inner = () => inline(node.children, ctx);
    switch (node.tagName) {
      case 'strong':
      case 'b':
      case 'em':
      case 'i': {
        const content = inner();
        if (!content.trim()) {
          out += content;
          break;
        }
        const strong = node.tagName === 'strong' || node.tagName === 'b';
        // Spaces stay outside the marks, where Markdown needs them.
        const [, before, core, after] = /^(\s*)([\s\S]*?)(\s*)$/.exec(content)!;
        const tag = strong ? 'strong' : 'em';
        const mark = strong ? '**' : '*';
        // Right after another mark (`**加粗***斜体*`) the asterisks would run together: tags then.
        const tags = ctx.html || EDGE_PUNCTUATION.test(core!) || (before === '' && out.endsWith('*'));
        out += before + (tags ? `<${tag}>${core}</${tag}>` : `${mark}${core}${mark}`) + after;
        break;
      }
      case 'a': {
        const href = String(node.properties?.href ?? '');
        const content = inner();
        if (href.startsWith('#') || href === '') out += content;
        else if (SAFE_LINK.test(href) && content.trim()) out += ctx.html ? `<a href="${htmlEscape(href)}">${content}</a>` : `[${content}](<${href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
        else {
          out += content;
          ctx.droppedLinks.push(href);
        }
        break;
      }
      case 'br':
        out += '<br>';
        break;
      case 'img':
        break;
      default:
        out += inner();
    }
  }
  return out;
}

function htmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Inline Markdown of a block, trimmed; line breaks inside it stay `<br>`. */
function inlineBlock(node: Element, ctx: Context): string {
  return escapeLineStart(inline(node.children, ctx).replace(/^[ ]+|[ ]+$/g, ''));
}

/** A list, nested lists indented under their item. */
function list(node: Element, ctx: Context, depth: number): string[] {
  const lines: string[] = [];
  let n = 1;
  for (const item of node.children.filter(isElement).filter((c) => c.tagName === 'li')) {
    const marker = node.tagName === 'ol' ? `${n++}. ` : '- ';
    const indent = '   '.repeat(depth);
    const own = item.children.filter((c) => !(isElement(c) && (c.tagName === 'ul' || c.tagName === 'ol')));
    const text = inline(own, ctx).trim();
    lines.push(`${indent}${marker}${text}`);
    for (const sub of item.children.filter(isElement).filter((c) => c.tagName === 'ul' || c.tagName === 'ol')) lines.push(...list(sub, ctx, depth + 1));
  }
  return lines;
}

/** The rows of a table (mammoth writes no thead/tbody unless Word marks header rows). */
function rowsOf(table: Element): Element[] {
  return table.children.filter(isElement).flatMap((c) => (c.tagName === 'tr' ? [c] : c.children.filter(isElement).filter((r) => r.tagName === 'tr')));
}
const cellsOf = (row: Element) => row.children.filter(isElement).filter((c) => c.tagName === 'td' || c.tagName === 'th');
const span = (cell: Element, key: 'colSpan' | 'rowSpan') => Number(cell.properties?.[key] ?? 1) || 1;

/** A cell's paragraphs on one line, separated by `<br>`. */
function cellText(cell: Element, ctx: Context): string {
  const parts = cell.children.map((c) => (isElement(c) && c.tagName === 'p' ? inline(c.children, ctx).trim() : inline([c], ctx).trim())).filter(Boolean);
  return parts.join('<br>');
}

function table(node: Element, ctx: Context): string[] {
  const rows = rowsOf(node);
  if (rows.length === 0) return [];
  const merged = rows.some((r) => cellsOf(r).some((c) => span(c, 'colSpan') > 1 || span(c, 'rowSpan') > 1));
  if (merged) {
    const htmlCtx = { ...ctx, html: true };
    const lines = ['<table>'];
    for (const row of rows) {
      const cells = cellsOf(row).map((c) => {
        const attributes = `${span(c, 'colSpan') > 1 ? ` colspan="${span(c, 'colSpan')}"` : ''}${span(c, 'rowSpan') > 1 ? ` rowspan="${span(c, 'rowSpan')}"` : ''}`;
        return `<td${attributes}>${cellText(c, htmlCtx)}</td>`;
      });
      lines.push(`<tr>${cells.join('')}</tr>`);
    }
    lines.push('</table>');
    return lines;
  }
  const width = Math.max(...rows.map((r) => cellsOf(r).length));
  const line = (cells: string[]) => `| ${[...cells, ...Array(width - cells.length).fill('')].join(' | ')} |`;
  const texts = rows.map((r) => cellsOf(r).map((c) => cellText(c, ctx).replace(/\|/g, '\\|')));
  return [line(texts[0]!), line(Array(width).fill('---')), ...texts.slice(1).map(line)];
}

/** Word 365 describes a picture itself when nobody did (图片包含 人, 户外 描述已自动生成): no description a reader needs. */
const AUTOMATIC_ALT = /(描述已自动生成|自动生成的说明|description automatically generated)\s*$/i;
/** A line of text a picture stood in, short enough to describe it. */
const MAX_NEAR_ALT = 40;

/** Text for `![…]`: one line, without the brackets and backslashes Markdown reads. */
const altText = (alt: string) => clean(alt).trim().replace(/[\\[\]]/g, '');

/**
 * The body with each picture where it stood, as `place` writes it (`![说明](./wang-xiang-1.jpg)`);
 * a picture `place` has no file for (a Word drawing, one the intake refused) is left out.
 */
export function bodyWithPictures(converted: Pick<DocxMarkdown, 'blocks'>, place: (number: number) => { file: string; alt: string } | undefined): string {
  const parts = converted.blocks.flatMap((block) => {
    if (typeof block === 'string') return [block];
    const placed = place(block.picture);
    return placed ? [`![${altText(placed.alt)}](./${encodeURI(placed.file)})`] : [];
  });
  return parts.length ? `${parts.join('\n\n')}\n` : '';
}

const CAPTION = /^图\s*[\d０-９一二三四五六七八九十]*\s*[-－.、:：]?\s*/;
const HEADINGS: Record<string, string> = { h1: '##', h2: '##', h3: '###', h4: '####', h5: '####', h6: '####' };

/** Converts mammoth's HTML to the body of an entry. */
export function docxHtmlToMarkdown(html: string): DocxMarkdown {
  const tree = fromHtml(html, { fragment: true });
  const blocks = tree.children.filter(isElement);
  const ctx: Context = { droppedLinks: [], html: false };
  let title: string | undefined;
  const titleBlock = blocks.find((b) => b.tagName === 'h1' && String(b.properties?.className ?? '').includes('title'));
  const first = blocks.find((b) => plain(b) !== '');
  if (titleBlock && plain(titleBlock)) title = plain(titleBlock);
  else if (first && /^h[1-6]$/.test(first.tagName)) title = plain(first);
  const titleNode = titleBlock && plain(titleBlock) ? titleBlock : title ? first : undefined;

  const out: (string | { picture: number })[] = [];
  const pictures: PlacedPicture[] = [];
  let lastText = '';
  for (const [index, block] of blocks.entries()) {
    if (block === titleNode) continue;
    // Pictures in this block: each takes Word's 说明, else the caption right after it.
    const images: Element[] = [];
    const collect = (node: Element) => {
      if (node.tagName === 'img') images.push(node);
      node.children.filter(isElement).forEach(collect);
    };
    collect(block);
    const next = blocks[index + 1];
    const nextText = next ? plain(next) : '';
    const caption = next && (String(next.properties?.className ?? '').includes('caption') || CAPTION.test(nextText)) ? nextText.replace(CAPTION, '').trim() || nextText : undefined;
    const own = plain(block);
    const numbers: number[] = [];
    for (const image of images) {
      const number = Number(String(image.properties?.src ?? '').slice(PICTURE_SRC_PREFIX.length));
      const wordAlt = clean(String(image.properties?.alt ?? '')).trim();
      const said = AUTOMATIC_ALT.test(wordAlt) ? '' : wordAlt;
      const near = block.tagName === 'p' && own.length <= MAX_NEAR_ALT ? own : '';
      pictures.push({ number, alt: said || caption || near || undefined, near: own || caption || lastText });
      numbers.push(number);
    }
    const tag = block.tagName;
    let lines: string[] = [];
    if (tag in HEADINGS) {
      const text = inline(block.children, ctx).trim();
      // A bold line read as a heading needs no bold marks: the heading is bold already.
      if (text) lines = [`${HEADINGS[tag]} ${text.replace(/^\*\*([\s\S]*)\*\*$/, '$1').replace(/^<strong>([\s\S]*)<\/strong>$/, '$1')}`];
    } else if (tag === 'ul' || tag === 'ol') lines = list(block, ctx, 0);
    else if (tag === 'table') lines = table(block, ctx);
    else {
      const text = inlineBlock(block, ctx);
      if (text.replace(/<br>/g, '').trim()) lines = [text];
    }
    if (lines.length) {
      out.push(lines.join('\n'));
      lastText = plain(block);
    }
    out.push(...numbers.map((picture) => ({ picture })));
  }
  const markdown = out.filter((b) => typeof b === 'string').join('\n\n');
  return { title, markdown: markdown ? `${markdown}\n` : '', blocks: out, pictures, droppedLinks: ctx.droppedLinks };
}
