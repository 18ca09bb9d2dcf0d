/**
 * What an unpublished entry would look like if it leaked: its address, its distinctive text and
 * the names of its image files. The privacy guard searches the finished site for these; any hit
 * means an excluded entry reached the output by some path the publishing rules did not foresee.
 */
import type { CollectionName } from '../schemas/context';
import { entryIdFromPath } from './entry-id';

export interface CanaryEntry {
  collection: CollectionName;
  id: string;
  data: Record<string, unknown>;
}

export interface Canary {
  /** The text to look for. */
  text: string;
  /** The excluded entry it belongs to: `officers/wang-xiang`. */
  entry: string;
  /** What the text is, in Chinese: 网址, 姓名, 简介, 图片. */
  what: string;
}

/** Summaries shorter than this are too likely to appear elsewhere by chance. */
const MIN_TEXT = 8;

const IMAGE_FIELDS = ['photo', 'certificate', 'scan'];

/**
 * The canaries of the excluded entries. Text that a published entry also uses (two people of the
 * same name, a shared summary) is left out, so only a real leak raises the alarm.
 */
export function leakCanaries(excluded: readonly CanaryEntry[], published: readonly CanaryEntry[]): Canary[] {
  const publicTexts = new Set(published.flatMap((e) => [e.data.name, e.data.summary, e.data.title].filter((t): t is string => typeof t === 'string')));
  const publicIds = new Set(published.map((e) => `${e.collection}/${e.id}`));
  const publicNames = published.map((e) => e.data.name).filter((n): n is string => typeof n === 'string');
  // 钱晨 is not a leak where the page names the published 钱晨浩: a name inside a public name is no canary.
  const isPublicName = (name: string) => publicTexts.has(name) || publicNames.some((n) => n.includes(name));
  const publicMonths = new Set(published.flatMap((e) => (e.collection === 'points' && typeof e.data.month === 'string' ? [e.data.month] : [])));
  const canaries: Canary[] = [];
  for (const entry of excluded) {
    const key = `${entry.collection}/${entry.id}`;
    if (publicIds.has(key)) continue;
    if (entry.collection === 'points') {
      canaries.push(...pointsCanaries(entry, key, publicMonths, publicTexts));
      continue;
    }
    canaries.push({ text: `/${entry.collection}/${entry.id}/`, entry: key, what: '网址' });
    const name = entry.data.name;
    if (entry.collection === 'officers' && typeof name === 'string' && name.length >= 2 && !isPublicName(name)) {
      canaries.push({ text: name, entry: key, what: '姓名' });
    }
    const summary = entry.data.summary;
    if (typeof summary === 'string' && summary.length >= MIN_TEXT && !publicTexts.has(summary)) {
      canaries.push({ text: summary, entry: key, what: '简介' });
    }
    for (const field of IMAGE_FIELDS) {
      const image = entry.data[field];
      // Astro names built images after the source file: wang-xiang.jpg → wang-xiang.Ab12_Cd.webp.
      if (typeof image === 'string') canaries.push({ text: `/${entryIdFromPath(image)}.`, entry: key, what: '图片' });
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
  if (typeof month === 'string' && !publicMonths.has(month)) canaries.push({ text: `/points/${month}/`, entry: key, what: '积分榜网址' });
  const entries = Array.isArray(entry.data.entries) ? (entry.data.entries as { note?: unknown }[]) : [];
  for (const { note } of entries) {
    if (typeof note === 'string' && note.length >= MIN_TEXT && !publicTexts.has(note)) canaries.push({ text: note, entry: key, what: '积分备注' });
  }
  return canaries;
}

/** Canaries by their first two characters, built once per list. */
const indexes = new WeakMap<readonly Canary[], Map<string, Canary[]>>();

function indexOf(canaries: readonly Canary[]): Map<string, Canary[]> {
  let index = indexes.get(canaries);
  if (!index) {
    index = new Map();
    for (const canary of canaries) {
      const key = canary.text.slice(0, 2);
      index.set(key, [...(index.get(key) ?? []), canary]);
    }
    indexes.set(canaries, index);
  }
  return index;
}

/**
 * The canaries found in a text, in list order. The text is read once, looking up each pair of
 * characters among the canaries' first two: ten times faster than trying every canary on every
 * file, which made the guard grow with entries × pages.
 */
export function findCanaries(text: string, canaries: readonly Canary[]): Canary[] {
  const index = indexOf(canaries);
  // A one-character canary has a one-character key: looked for directly (none is made above).
  const found = new Set<Canary>(canaries.filter((canary) => canary.text.length < 2 && text.includes(canary.text)));
  for (let i = 0; i < text.length; i++) {
    const candidates = index.get(text.slice(i, i + 2));
    if (candidates) for (const canary of candidates) if (text.startsWith(canary.text, i)) found.add(canary);
  }
  return canaries.filter((canary) => found.has(canary));
}
