/**
 * URL slugs for Chinese labels such as officer tags: 见义勇为 → jian-yi-yong-wei. Pinyin keeps the
 * URL readable and typeable, where percent-encoded Chinese would not be.
 */
import { pinyin } from 'pinyin-pro';

/** Prefix of the slugs of labels that have no letters, digits or Chinese characters (！！). */
const FALLBACK_PREFIX = 'tag';

/** One word of a slug, and whether a word of the text begins with it (where a slug may be cut). */
interface SlugWord {
  word: string;
  startsWord: boolean;
}

/**
 * Where the words of `text` begin, by the word segmenter of the ICU data Node.js ships with (a
 * dictionary of Chinese words: 感谢|民警|热心|帮助). A word it does not know — a name, a place —
 * comes back one character at a time (泰|州|市, 刁|爱|清), so a run of single Chinese characters is
 * read as one word. Without that data every character is a word, so a cut still falls between
 * syllables.
 */
function wordStarts(text: string): Set<number> {
  if (typeof Intl.Segmenter !== 'function') return new Set(Array.from({ length: text.length }, (_, i) => i));
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const starts = new Set<number>();
  let afterSingle = false;
  for (const { segment, index } of segmenter.segment(text)) {
    const single = SINGLE_HAN.test(segment);
    if (!(single && afterSingle)) starts.add(index);
    afterSingle = single;
  }
  return starts;
}
let segmenter: Intl.Segmenter | undefined;
const SINGLE_HAN = /^\p{Script=Han}$/u;

/** A character as slug letters: é → e, Ａ → a (after NFKC), 。 → '' plus a break. */
function fold(char: string): string {
  // Drop accents of Latin letters (é → e) rather than treating them as separators.
  return char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A word of a slug and the offset in the (NFKC-normalised) text where it begins. */
interface PlacedWord {
  word: string;
  at: number;
}

/**
 * The words of a slug of `normalized`: each Chinese character a toneless pinyin syllable (read in
 * the context of its neighbours, so 银行 is yin-hang), each run of Latin letters and digits a word,
 * lower-cased; everything else separates words.
 */
function placedWords(normalized: string): PlacedWord[] {
  const words: PlacedWord[] = [];
  let offset = 0;
  // Each part is the syllable of one Chinese character, or a run of other characters as written
  // (pinyin-pro's `type: 'all'` would say which, at four times the cost: tags are slugged by the thousand).
  for (const part of pinyin(normalized, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })) {
    if (normalized.startsWith(part, offset)) {
      // A run of other characters: letters and digits form words, anything else ends one.
      let current: PlacedWord | null = null;
      let at = offset;
      for (const char of part) {
        for (const letter of fold(char)) {
          if (/[a-z0-9]/.test(letter)) {
            if (!current) words.push((current = { word: '', at }));
            current.word += letter;
          } else current = null;
        }
        at += char.length;
      }
      offset += part.length;
    } else {
      for (const word of fold(part).split(/[^a-z0-9]+/)) if (word) words.push({ word, at: offset });
      offset += String.fromCodePoint(normalized.codePointAt(offset) ?? 0).length;
    }
  }
  return words;
}

/** The words of a slug of `text`, each knowing whether a word of the text — as a Chinese reader divides it — begins there. */
export function slugWords(text: string): SlugWord[] {
  // NFKC first so full-width Ａ１ and ① read as a1 and 1.
  const normalized = text.normalize('NFKC');
  const starts = wordStarts(normalized);
  return placedWords(normalized).map(({ word, at }) => ({ word, startsWord: starts.has(at) }));
}

/**
 * At most `max` words, cut where a word of the text begins (建国|70|周年|大庆|安保 is cut before 安保,
 * never between an and bao); when the first word alone is longer, between two syllables.
 */
export function cutAtWord(words: readonly SlugWord[], max: number): string[] {
  if (words.length <= max) return words.map((w) => w.word);
  let end = max;
  while (end > 0 && !words[end]!.startsWord) end--;
  return words.slice(0, end > 0 ? end : max).map((w) => w.word);
}

/**
 * Chinese characters become toneless pinyin syllables, one word each; runs of Latin letters and
 * digits stay as words, lower-cased; everything else separates words. Words are joined by '-';
 * with `maxWords`, the slug is cut at a word boundary (`cutAtWord`).
 * The result matches /^[a-z0-9]+(-[a-z0-9]+)*$/, or is '' when nothing is left.
 */
export function toPinyinSlug(text: string, maxWords = Infinity): string {
  const normalized = text.normalize('NFKC');
  const words = placedWords(normalized);
  // Only a slug that is too long needs to know where the words of the text begin.
  if (words.length <= maxWords) return words.map((w) => w.word).join('-');
  return cutAtWord(slugWords(text), maxWords).join('-');
}

/**
 * A unique slug for each distinct value, in input order. Values that read the same in pinyin
 * (公安, 工安) get -2, -3 … in input order; values with no slug at all get tag-1, tag-2 ….
 * The same input always gives the same slugs, so URLs stay put between builds.
 */
export function assignSlugs(values: readonly string[]): Map<string, string> {
  const result = new Map<string, string>();
  const taken = new Set<string>();
  let fallbackCount = 0;
  for (const value of values) {
    if (result.has(value)) continue;
    const base = toPinyinSlug(value);
    let slug: string;
    if (base === '') {
      // Skip numbers a real label already took (a tag written "tag 1" slugs to tag-1).
      do slug = `${FALLBACK_PREFIX}-${++fallbackCount}`;
      while (taken.has(slug));
    } else {
      slug = base;
      for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    }
    taken.add(slug);
    result.set(value, slug);
  }
  return result;
}
