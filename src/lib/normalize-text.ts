/**
 * Text as a reader sees it, for matching personal data and names. What a Chinese keyboard, Word,
 * WeChat and a web page produce hides a number or a name from a plain pattern: full-width digits
 * and `＠` (an IME in full-width mode), zero-width and soft-hyphen characters (pasted from WeChat
 * or Word), HTML entities and percent-encoding (a page's source, a `tel:` link), JSON escapes (the
 * search index). `normalizeText` undoes all of them while remembering, for every character, where
 * it came from, so a finding can still name its line and be masked in place.
 */
import { decodeHTML } from 'entities';
import { memo } from './memo';

export interface NormalizedText {
  /** The normalised text. */
  text: string;
  /**
   * `origin[i]` is the offset in the source of the character `text[i]` came from;
   * `origin[text.length]` is the source's length, so a span `[s, e)` maps to `[origin[s], origin[e])`.
   * Null when nothing changed, or when `origins: false` was asked for: then offsets are the
   * normalised text's own, and that text must stand in for the source.
   */
  origin: readonly number[] | null;
}

/**
 * Characters that are invisible but split what a pattern looks for: format characters (zero-width
 * space and joiners, soft hyphen, word joiner, byte-order mark, bidirectional controls), variation
 * selectors and the Hangul fillers that render as nothing.
 */
export const INVISIBLE = /[\p{Cf}\u034F\u115F\u1160\u3164\uFFA0\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;

const ESCAPE_START = /[&%\\]/;
/** Where normalisation may change something: an escape's first character, or a run of non-ASCII text. */
const SPECIAL = /[&%\\]|[^\x00-\x7F]+/g;

const ENTITY = /&(?:#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[A-Za-z][A-Za-z0-9]{1,31});?/y;
const PERCENT_RUN = /(?:%[0-9A-Fa-f]{2})+/y;
const JSON_ESCAPE = /\\u(?:([0-9a-fA-F]{4})|\{([0-9a-fA-F]{1,6})\})/y;

/** NFKC of one character, cached: most texts repeat a few thousand characters. */
const folded = new Map<string, string>();
function fold(char: string): string {
  let result = folded.get(char);
  if (result === undefined) {
    result = INVISIBLE.test(char) ? '' : char.normalize('NFKC');
    folded.set(char, result);
  }
  return result;
}

/** Decodes an escape found at `index`, or returns null when there is none there. */
function escapeAt(source: string, index: number): { decoded: string; length: number } | null {
  const char = source[index];
  if (char === '&') {
    ENTITY.lastIndex = index;
    const match = ENTITY.exec(source);
    if (match) {
      const decoded = decodeHTML(match[0]);
      if (decoded !== match[0]) return { decoded, length: match[0].length };
    }
  } else if (char === '%') {
    PERCENT_RUN.lastIndex = index;
    const match = PERCENT_RUN.exec(source);
    if (match) {
      const bytes = Buffer.from(match[0].replace(/%/g, ''), 'hex');
      return { decoded: bytes.toString('utf8'), length: match[0].length };
    }
  } else if (char === '\\') {
    JSON_ESCAPE.lastIndex = index;
    const match = JSON_ESCAPE.exec(source);
    if (match) {
      const code = parseInt(match[1] ?? match[2]!, 16);
      if (code <= 0x10ffff) return { decoded: String.fromCodePoint(code), length: match[0].length };
    }
  }
  return null;
}

/**
 * Unicode NFKC (full-width digits, letters and `＠`, ideographic and no-break spaces become their
 * plain forms), HTML entities, percent-encoding and `\uXXXX` escapes decoded once (as a browser
 * shows them), invisible characters removed. Decoding is not repeated: `&amp;#49;` shows as
 * `&#49;`, not as `1`, and is kept that way.
 */
export function normalizeText(source: string, { origins = true }: { origins?: boolean } = {}): NormalizedText {
  // The same texts are read again at every check of the editor: long ones are remembered.
  if (source.length < MEMO_MIN_LENGTH) return normalizeFresh(source, origins);
  return (origins ? withOrigins : withoutOrigins).get(source, () => normalizeFresh(source, origins));
}

/** Shorter texts cost less to normalise than to look up. */
const MEMO_MIN_LENGTH = 200;
const withOrigins = memo<NormalizedText>(20_000);
const withoutOrigins = memo<NormalizedText>(20_000);

function normalizeFresh(source: string, origins: boolean): NormalizedText {
  // Most text needs nothing: checking that natively is far cheaper than walking it.
  if (!ESCAPE_START.test(source) && !INVISIBLE.test(source) && source.normalize('NFKC') === source) return { text: source, origin: null };
  const parts: string[] = [];
  const origin: number[] = [];
  const keep = (from: number, to: number) => {
    parts.push(source.slice(from, to));
    if (origins) for (let k = from; k < to; k++) origin.push(k);
  };
  const emit = (chars: string, from: number) => {
    for (const char of chars) {
      const plain = fold(char);
      parts.push(plain);
      if (origins) for (let k = 0; k < plain.length; k++) origin.push(from);
    }
  };
  // Stretches that normalisation leaves as they are (ASCII without escapes, and runs such as
  // Chinese text that NFKC does not change) are copied whole; the rest character by character.
  let i = 0;
  for (const match of source.matchAll(SPECIAL)) {
    if (match.index < i) continue;
    keep(i, match.index);
    i = match.index;
    const run = match[0];
    if (run.length > 1 && !INVISIBLE.test(run) && run.normalize('NFKC') === run) {
      keep(i, i + run.length);
      i += run.length;
      continue;
    }
    const end = i + run.length;
    while (i < end) {
      const escape = source.charCodeAt(i) === 0x26 || source.charCodeAt(i) === 0x25 || source.charCodeAt(i) === 0x5c ? escapeAt(source, i) : null;
      if (escape) {
        emit(escape.decoded, i);
        i += escape.length;
        continue;
      }
      const char = String.fromCodePoint(source.codePointAt(i)!);
      emit(char, i);
      i += char.length;
    }
  }
  keep(i, source.length);
  if (!origins) return { text: parts.join(''), origin: null };
  origin.push(source.length);
  return { text: parts.join(''), origin };
}

/** The source span of the normalised span `[start, end)`. */
export function sourceSpan({ origin }: NormalizedText, start: number, end: number): [number, number] {
  if (!origin) return [start, end];
  const from = origin[start] ?? 0;
  // Several normalised characters may share one origin (NFKC turns ⑴ into three): a span that
  // ends inside them still covers their source character.
  let to = origin[end] ?? origin[origin.length - 1]!;
  if (to === from && end > start) to = from + 1;
  return [from, to];
}

/** The source offset of the normalised offset `index`. */
export function sourceOffset({ origin }: NormalizedText, index: number): number {
  return origin ? (origin[index] ?? origin[origin.length - 1]!) : index;
}

/**
 * The normalised text without what `pattern` matches (it must be global), origins kept: how
 * markup is taken out of a text so that `139<b>1234</b>5678` reads as one number.
 */
export function dropMatches(normalized: NormalizedText, pattern: RegExp): NormalizedText {
  let text = '';
  const origin: number[] = [];
  let last = 0;
  const keep = (from: number, to: number) => {
    text += normalized.text.slice(from, to);
    for (let i = from; i < to; i++) origin.push(normalized.origin ? normalized.origin[i]! : i);
  };
  for (const match of normalized.text.matchAll(pattern)) {
    keep(last, match.index);
    last = match.index + match[0].length;
  }
  keep(last, normalized.text.length);
  origin.push(normalized.origin ? normalized.origin[normalized.text.length]! : normalized.text.length);
  return { text, origin };
}

/** HTML tags and comments, as they stand between the characters of a word in a Markdown body or a feed. */
export const MARKUP = /<!--[\s\S]*?-->|<[A-Za-z/!][^<>]*>/g;
