/**
 * What an unpublished entry would look like if it leaked: its address, its distinctive text, the
 * names of its image files, and — for a person — their name and their id inside any file name.
 * The privacy guard searches the finished site for these, and the content check searches the text
 * of every published entry; any hit means an excluded entry would reach the site by a path the
 * publishing rules did not foresee (most often: someone typed the person's name).
 *
 * Names are matched as a reader reads them, not as they are typed: `陈　押林` (the full-width
 * space of a padded name list), `陈押<b>林</b>` and a zero-width space inside are all 陈押林. A
 * hidden name inside a longer public name is no leak where that public name stands (章伟 in
 * 章伟华), and is one everywhere else (章伟 in 民警章伟同志).
 */
import type { CollectionName } from '../schemas/context';
import { IMAGE_FIELDS } from '../schemas/index';
import { entryIdFromPath } from './entry-id';
import { dropMatches, MARKUP, normalizeText, type NormalizedText } from './normalize-text';

export interface CanaryEntry {
  collection: CollectionName;
  id: string;
  data: Record<string, unknown>;
  /** The pictures its body shows (`./wang-xiang-1.jpg`): built images are named after them, as after a picture field's. */
  bodyImages?: readonly string[];
}

/**
 * The picture files an entry names, in its picture field and in its body. A body picture named
 * too shortly to be told from other files (`1.jpg`, `a.png`) is left out: it would raise the
 * alarm on every `1` in the site; the guard's check of copied originals still covers it.
 */
const imagesOf = (e: CanaryEntry): string[] => [
  ...IMAGE_FIELD_NAMES.flatMap((f) => (typeof e.data[f] === 'string' ? [e.data[f] as string] : [])),
  ...(e.bodyImages ?? []).filter((image) => entryIdFromPath(image).length >= MIN_BODY_IMAGE_STEM),
];
const MIN_BODY_IMAGE_STEM = 4;

/** Where a canary is looked for. */
export type CanaryPlace =
  /** The text as a reader reads it, compacted (see `readingText`): names, summaries, remarks. */
  | 'reading'
  /** The normalised source of a file: addresses and image file names inside links. */
  | 'source'
  /** A file's path in the output, as a whole word: a person's id, an image's name. */
  | 'path';

export interface Canary {
  /** The text to look for, in the form it takes where it is looked for. */
  text: string;
  /** The excluded entry it belongs to: `officers/wang-xiang`. */
  entry: string;
  /** What the text is, in Chinese: 网址, 姓名, 简介, 图片. */
  what: string;
  place: CanaryPlace;
  /** Published texts that contain this one, with the offset at which they do: an occurrence inside one of them is no leak. */
  within?: readonly { text: string; offset: number }[];
}

/** Summaries shorter than this are too likely to appear elsewhere by chance. */
const MIN_TEXT = 8;

/** The fields that name an entry's picture, in any collection. */
export const IMAGE_FIELD_NAMES: readonly string[] = [...new Set(Object.values(IMAGE_FIELDS))];

/** What separates the characters of a name when people or markup pad it, and is dropped for matching. */
const PADDING = /[\s·•・*_~`]+/gu;
const MARKUP_AND_PADDING = new RegExp(`${MARKUP.source}|${PADDING.source}`, 'gu');

/**
 * Text as a reader reads it, for matching names and sentences: normalised (normalize-text.ts),
 * with spaces of every width, line breaks, Markdown emphasis marks and — where `markup` is set —
 * HTML tags and comments removed. Offsets map back to the source, for line numbers.
 */
export function readingText(source: string, { markup = false }: { markup?: boolean } = {}): NormalizedText {
  return dropMatches(normalizeText(source), markup ? MARKUP_AND_PADDING : PADDING);
}

/** `readingText` of a text already normalised, without origins: what the guard reads, page after page. */
export function readingOf(normalized: string, { markup = false }: { markup?: boolean } = {}): string {
  return normalized.replace(markup ? MARKUP_AND_PADDING : PADDING, '');
}

/** The reading form of a short text (a name, a summary): what `readingText` makes of it. */
const reading = (text: string) => readingText(text, { markup: true }).text;

/** A file's path as words: lower case, with `_`, spaces and dots read as the hyphens of an id. */
export function pathWords(file: string): string {
  return file.toLowerCase().replace(/[\\]/g, '/').replace(/[_\s.]+/g, '-');
}

/** Every offset at which `inner` stands inside each of `outers`. */
function containing(inner: string, outers: Iterable<string>): { text: string; offset: number }[] {
  const found: { text: string; offset: number }[] = [];
  for (const outer of outers) {
    if (outer === inner) continue;
    for (let at = outer.indexOf(inner); at !== -1; at = outer.indexOf(inner, at + 1)) found.push({ text: outer, offset: at });
  }
  return found;
}

/**
 * The canaries of the excluded entries. Text that a published entry also uses (two people of the
 * same name, a shared summary) is left out, so only a real leak raises the alarm.
 */
export function leakCanaries(excluded: readonly CanaryEntry[], published: readonly CanaryEntry[]): Canary[] {
  const publicTexts = new Set(published.flatMap((e) => [e.data.name, e.data.summary, e.data.title].filter((t): t is string => typeof t === 'string').map(reading)));
  const publicIds = new Set(published.map((e) => `${e.collection}/${e.id}`));
  const publicNames = new Set(published.flatMap((e) => (e.collection === 'officers' && typeof e.data.name === 'string' ? [reading(e.data.name)] : [])));
  const publicPersonIds = new Set(published.flatMap((e) => (e.collection === 'officers' ? [e.id, e.id.replace(/-/g, '')] : [])));
  const publicImages = new Set(published.flatMap((e) => imagesOf(e).map((image) => pathWords(entryIdFromPath(image)))));
  const publicMonths = new Set(published.flatMap((e) => (e.collection === 'points' && typeof e.data.month === 'string' ? [e.data.month] : [])));
  const canaries: Canary[] = [];
  for (const entry of excluded) {
    const key = `${entry.collection}/${entry.id}`;
    if (publicIds.has(key)) continue;
    if (entry.collection === 'points') {
      canaries.push(...pointsCanaries(entry, key, publicMonths, publicTexts));
      continue;
    }
    canaries.push({ text: `/${entry.collection}/${entry.id}/`, entry: key, what: '网址', place: 'source' });
    if (entry.collection === 'officers') {
      const name = typeof entry.data.name === 'string' ? reading(entry.data.name) : '';
      if (name.length >= 2 && !publicNames.has(name)) {
        canaries.push({ text: name, entry: key, what: '姓名', place: 'reading', within: containing(name, publicNames) });
      }
      // wang-xiang, and wangxiang as a file may spell it: in any file name, as a word of its own.
      for (const id of new Set([entry.id, entry.id.replace(/-/g, '')])) {
        if (id.length >= 4 && !publicPersonIds.has(id)) {
          canaries.push({ text: id, entry: key, what: '拼音 id', place: 'path', within: containing(id, publicPersonIds) });
        }
      }
    }
    const summary = typeof entry.data.summary === 'string' ? reading(entry.data.summary) : '';
    if (summary.length >= MIN_TEXT && !publicTexts.has(summary)) {
      canaries.push({ text: summary, entry: key, what: '简介', place: 'reading' });
    }
    // Astro names built images after the source file: wang-xiang.jpg → wang-xiang.Ab12_Cd.webp.
    for (const stem of new Set(imagesOf(entry).map((image) => pathWords(entryIdFromPath(image))))) {
      if (!publicImages.has(stem)) canaries.push({ text: stem, entry: key, what: '图片', place: 'path' });
    }
  }
  return canaries;
}

/**
 * A points file has no page of its own: what would leak is its month's board (when no published
 * file has that month) and the remarks written about members.
 */
function pointsCanaries(entry: CanaryEntry, key: string, publicMonths: ReadonlySet<string>, publicTexts: ReadonlySet<unknown>): Canary[] {
  const canaries: Canary[] = [];
  const month = entry.data.month;
  if (typeof month === 'string' && !publicMonths.has(month)) canaries.push({ text: `/points/${month}/`, entry: key, what: '积分榜网址', place: 'source' });
  const entries = Array.isArray(entry.data.entries) ? (entry.data.entries as { note?: unknown }[]) : [];
  for (const { note } of entries) {
    const text = typeof note === 'string' ? reading(note) : '';
    if (text.length >= MIN_TEXT && !publicTexts.has(text)) canaries.push({ text, entry: key, what: '积分备注', place: 'reading' });
  }
  return canaries;
}

/** Canaries of one place by their first two characters (as one number), built once per list. */
const indexes = new WeakMap<readonly Canary[], Map<CanaryPlace, Map<number, Canary[]>>>();

/** The first two UTF-16 units of a text at `at` as one number: no string is made per position. */
const pairAt = (text: string, at: number) => text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1);

function indexOf(canaries: readonly Canary[], place: CanaryPlace): Map<number, Canary[]> {
  let byPlace = indexes.get(canaries);
  if (!byPlace) indexes.set(canaries, (byPlace = new Map()));
  let index = byPlace.get(place);
  if (!index) {
    index = new Map();
    for (const canary of canaries) {
      if (canary.place !== place || canary.text.length < 2) continue;
      const key = pairAt(canary.text, 0);
      index.set(key, [...(index.get(key) ?? []), canary]);
    }
    byPlace.set(place, index);
  }
  return index;
}

/** Whether the occurrence of `canary` at `at` is part of a published text that contains it. */
function inPublicText(text: string, at: number, canary: Canary): boolean {
  return (canary.within ?? []).some(({ text: outer, offset }) => at - offset >= 0 && text.startsWith(outer, at - offset));
}

const WORD = /[a-z0-9]/;

export interface CanaryHit {
  canary: Canary;
  /** Offset of the first occurrence in the searched text. */
  index: number;
}

/**
 * The canaries of one place found in a text, in list order, with where each first stands. The text
 * is read once, looking up each pair of characters among the canaries' first two: ten times
 * faster than trying every canary on every file, which made the guard grow with entries × pages.
 * For `reading`, pass `readingText(…).text`; for `path`, `pathWords(file)`; for `source`, the
 * normalised source.
 */
export function findCanaryHits(text: string, canaries: readonly Canary[], place: CanaryPlace): CanaryHit[] {
  if (place === 'source') return findAddresses(text, canaries);
  const index = indexOf(canaries, place);
  const found = new Map<Canary, number>();
  // A one-character canary has a one-character key: looked for directly (none is made above).
  for (const canary of canaries) {
    if (canary.place === place && canary.text.length < 2 && text.includes(canary.text)) found.set(canary, text.indexOf(canary.text));
  }
  if (index.size === 0) return canaries.filter((canary) => found.has(canary)).map((canary) => ({ canary, index: found.get(canary)! }));
  for (let i = 0; i + 1 < text.length; i++) {
    const candidates = index.get(pairAt(text, i));
    if (!candidates) continue;
    for (const canary of candidates) {
      if (found.has(canary) || !text.startsWith(canary.text, i)) continue;
      if (place === 'path' && (WORD.test(text[i - 1] ?? '') || WORD.test(text[i + canary.text.length] ?? ''))) continue;
      if (inPublicText(text, i, canary)) continue;
      found.set(canary, i);
    }
  }
  return canaries.filter((canary) => found.has(canary)).map((canary) => ({ canary, index: found.get(canary)! }));
}

/** The address canaries by their text, built once per list. */
const addressIndexes = new WeakMap<readonly Canary[], Map<string, Canary>>();
/** Every `/segment/segment/` in a text, overlapping ones too (`/rongyu/officers/x/` holds `/officers/x/`). */
const ADDRESS = /(?=(\/[a-z0-9-]+\/[a-z0-9-]+\/))/g;

/**
 * Address canaries (`/officers/wang-xiang/`, `/points/2021-03/`) are all of one shape, and share
 * their first characters: found by reading every such address in the text once and looking it up,
 * which keeps the guard linear in the size of the site.
 */
function findAddresses(text: string, canaries: readonly Canary[]): CanaryHit[] {
  let index = addressIndexes.get(canaries);
  if (!index) {
    index = new Map(canaries.filter((c) => c.place === 'source').map((c) => [c.text, c]));
    addressIndexes.set(canaries, index);
  }
  if (index.size === 0) return [];
  const found = new Map<Canary, number>();
  for (const match of text.matchAll(ADDRESS)) {
    const canary = index.get(match[1]!);
    if (canary && !found.has(canary)) found.set(canary, match.index);
  }
  return canaries.filter((canary) => found.has(canary)).map((canary) => ({ canary, index: found.get(canary)! }));
}

/** The canaries of one place found in a text, in list order. */
export function findCanaries(text: string, canaries: readonly Canary[], place: CanaryPlace): Canary[] {
  return findCanaryHits(text, canaries, place).map((hit) => hit.canary);
}
