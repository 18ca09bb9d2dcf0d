/**
 * The deed a profile's A4 poster shows: the story in the profile's body, as plain paragraphs,
 * cut at the end of a sentence so it fits the sheet; the one-line summary when the body tells no
 * story (empty, or headings only). The poster's QR code leads to the whole story.
 */
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { visit } from 'unist-util-visit';

export interface PosterDeed {
  /** The paragraphs to print; one cut inside ends with ……. */
  paragraphs: string[];
  /** Where they come from: the body (the deed) or, without one, the summary. */
  from: 'body' | 'summary';
  /** Whether the story goes on beyond what is printed. */
  cut: boolean;
}

/** What a new paragraph costs beyond its characters: on average half a line left empty. */
const PARAGRAPH_COST = 16;
/** A last paragraph with less room than this is left out rather than printed as a scrap. */
const MIN_PIECE = 24;
/** Where a sentence ends; a cut keeps the mark. */
const SENTENCE_END = /[。！？!?；;…」”』）)]/;
/** Where a clause ends, for a sentence too long to keep whole. */
const CLAUSE_END = /[，、,：:]/;
const ELLIPSIS = '……';

/**
 * Width of text in Chinese characters: a Latin letter, digit or space is half of one; quotes,
 * dashes and the ellipsis (…“”—) are set full width in Chinese text, as are the ideographs.
 */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char.codePointAt(0)! < 0x1100 ? 0.5 : 1;
  return width;
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** The text of a paragraph as a reader sees it: a line break inside Chinese text joins, elsewhere it is a space. */
function plainText(node: Nodes): string {
  let text = '';
  visit(node, (child) => {
    if (child.type === 'text' || child.type === 'inlineCode') text += child.value;
    else if (child.type === 'break') text += '\n';
  });
  return text
    .replace(/[ \t]*\r?\n[ \t]*/g, (match: string, offset: number, all: string) => (CJK.test(all[offset - 1] ?? '') || CJK.test(all[offset + match.length] ?? '') ? '' : ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The body's paragraphs (in lists and quotes too), in order; headings, code and tables are not the story. */
export function storyParagraphs(body: string, format: 'md' | 'mdx'): string[] {
  let tree: Root;
  try {
    tree = format === 'mdx' ? fromMarkdown(body, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] }) : fromMarkdown(body);
  } catch {
    // The content check refuses a body it cannot read; nothing of it is printed.
    return [];
  }
  const paragraphs: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'heading' || node.type === 'code' || node.type === 'html') return 'skip';
    if (node.type !== 'paragraph') return undefined;
    // A table (read as a paragraph here, without the GFM extension the site renders it with).
    if (body[node.position?.start.offset ?? 0] === '|') return 'skip';
    const text = plainText(node);
    if (text) paragraphs.push(text);
    return 'skip';
  });
  return paragraphs;
}

/**
 * The start of `text` that fits `room` (in Chinese characters, with the ellipsis): up to the last
 * sentence end that fits, else the last clause end, else as much as fits; then ……. Empty when
 * not even that leaves a readable piece.
 */
function cutText(text: string, room: number): string {
  const chars = Array.from(text);
  const fit: string[] = [];
  let width = textWidth(ELLIPSIS);
  for (const char of chars) {
    width += textWidth(char);
    if (width > room) break;
    fit.push(char);
  }
  const at = (pattern: RegExp) => {
    for (let i = fit.length - 1; i >= 0; i--) if (pattern.test(fit[i]!)) return i + 1;
    return 0;
  };
  const end = at(SENTENCE_END) || at(CLAUSE_END) || fit.length;
  // A clause mark is dropped before the ellipsis: 夺刀搏斗…… rather than 夺刀搏斗，……
  const kept = fit.slice(0, end).join('').replace(/[，、,：:；;\s]+$/, '');
  return textWidth(kept) < MIN_PIECE / 2 ? '' : `${kept}${ELLIPSIS}`;
}

/**
 * What the poster prints as the deed: the body's paragraphs while they fit `room` characters
 * (each paragraph also costing the end of its last line), the one that does not fit cut at a
 * sentence; the summary when the body has no paragraph.
 */
export function posterDeed(body: string | undefined, summary: string, format: 'md' | 'mdx', room: number): PosterDeed {
  const story = body ? storyParagraphs(body, format) : [];
  if (story.length === 0) return { paragraphs: [summary], from: 'summary', cut: false };
  const paragraphs: string[] = [];
  let left = room;
  for (const paragraph of story) {
    const cost = textWidth(paragraph) + (paragraphs.length > 0 ? PARAGRAPH_COST : 0);
    if (cost <= left) {
      paragraphs.push(paragraph);
      left -= cost;
      continue;
    }
    // The paragraph that does not fit is cut at a sentence (……), or left out when the room left
    // would hold only a scrap: the poster's QR code leads to the rest.
    const roomHere = left - (paragraphs.length > 0 ? PARAGRAPH_COST : 0);
    const piece = roomHere >= MIN_PIECE || paragraphs.length === 0 ? cutText(paragraph, roomHere) : '';
    if (piece) paragraphs.push(piece);
    return paragraphs.length > 0 ? { paragraphs, from: 'body', cut: true } : { paragraphs: [summary], from: 'summary', cut: false };
  }
  return { paragraphs, from: 'body', cut: false };
}

/** What else a profile's poster prints, which decides how much room the deed has. */
export interface PosterSheet {
  /** The person's name, the poster's title. */
  name: string;
  /** The line under it: unit · post. */
  role: string;
  portrait: boolean;
  /** The lines of the honours list, as printed. */
  honors: readonly string[];
}

/**
 * The sheet in lines of deed (15 pt, line height 1.7: 9 mm a line) and characters a line, from
 * src/styles/poster.css on A4 (178 mm inside the margins), measured in Chromium's print layout.
 */
const SHEET = {
  /** Lines of deed between the role line and the footer, when nothing else is printed. */
  deedLines: 16.5,
  /** Lines beside the 62 × 78 mm portrait, of 20 characters; the others hold 32. */
  portraitLines: 9,
  charsBesidePortrait: 20,
  charsPerLine: 32,
  /** The name at 40 pt, line height 1.2: 12 characters a line, each taking 1.9 lines of deed. */
  name: { chars: 12, lines: 1.9 },
  /** The role line at 14 pt: 36 characters a line, each taking ¾ of a line of deed. */
  role: { chars: 36, lines: 0.75 },
  /** The honours at 13 pt, line height 1.7: 36 characters a line, ⅞ of a line of deed; the heading 2. */
  honor: { chars: 36, lines: 0.875, heading: 2, most: 7 },
} as const;

/** Lines `text` takes at `perLine` characters a line. */
const wrapped = (text: string, perLine: number) => Math.max(1, Math.ceil(textWidth(text) / perLine));

/**
 * How many characters of deed fit a profile's A4 poster: the lines of deed the sheet holds, less
 * what else it prints (the honours list, a name or a role line that wraps), the first lines beside
 * the portrait shorter. A tenth is kept in hand for lines that break early (punctuation never
 * starts a line). tests/e2e/sharing.test.ts prints the posters and finds nothing cut off.
 */
export function posterDeedRoom(sheet: PosterSheet): number {
  const taken =
    (wrapped(sheet.name, SHEET.name.chars) - 1) * SHEET.name.lines +
    (wrapped(sheet.role, SHEET.role.chars) - 1) * SHEET.role.lines +
    (sheet.honors.length > 0 ? SHEET.honor.heading + sheet.honors.reduce((sum, line) => sum + wrapped(line, SHEET.honor.chars) * SHEET.honor.lines, 0) : 0);
  const lines = Math.max(0, SHEET.deedLines - taken);
  const beside = sheet.portrait ? Math.min(lines, SHEET.portraitLines) : 0;
  return Math.floor((beside * SHEET.charsBesidePortrait + (lines - beside) * SHEET.charsPerLine) * 0.9);
}

/**
 * The honours a poster lists (`title（date）` each): as many as take at most seven printed lines —
 * what leaves the portrait its height — then one line 等 N 项荣誉 for all of them.
 */
export function posterHonorLines(honors: readonly string[]): string[] {
  const more = (shown: number) => (shown < honors.length ? 1 : 0);
  let shown = 0;
  let lines = 0;
  while (shown < honors.length && lines + wrapped(honors[shown]!, SHEET.honor.chars) + more(shown + 1) <= SHEET.honor.most) {
    lines += wrapped(honors[shown]!, SHEET.honor.chars);
    shown++;
  }
  return [...honors.slice(0, shown), ...(shown < honors.length ? [`等 ${honors.length} 项荣誉`] : [])];
}
