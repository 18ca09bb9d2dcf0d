/**
 * The text of an HTML page as a reader sees it, for the privacy guard: a name or a number split by
 * markup (`陈押<b>林</b>`, `139<span>1234</span>5678`, a comment in between) reads whole on
 * screen, so it must be matched whole. Inline elements join without a break; a `<br>` is a line
 * break; blocks (paragraphs, list items, table cells) are kept apart by a character no pattern
 * reads through, so figures in neighbouring cells never run together into a phone number.
 */
import { HTMLElement, Node, NodeType, parse } from 'node-html-parser';

/** Ends a block: in no separator class, no name, no number. */
export const BLOCK_BREAK = '\uE000';

const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'label', 'mark', 'q', 'rp', 'rt',
  'ruby', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr',
]);
/** Not shown as text: their content is still read in the page's source. */
const HIDDEN = new Set(['script', 'style', 'template']);

/** The reader's text of an HTML document or fragment (entities left as written, for normalizeText to decode once). */
export function pageText(html: string): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      parts.push(node.rawText);
      return;
    }
    if (!(node instanceof HTMLElement)) return;
    const tag = node.rawTagName?.toLowerCase() ?? '';
    if (HIDDEN.has(tag)) return;
    if (tag === 'br') {
      parts.push('\n');
      return;
    }
    const block = tag !== '' && !INLINE.has(tag);
    if (block) parts.push(BLOCK_BREAK);
    for (const child of node.childNodes) walk(child);
    if (block) parts.push(BLOCK_BREAK);
  };
  // Only <pre> keeps its text raw: <noscript> is parsed as the markup it is (a page without
  // JavaScript shows it), and the content of <script> and <style> is not wanted here at all.
  walk(parse(html, { comment: false, blockTextElements: { pre: true } }));
  return parts.join('');
}
