/** "Did you mean" for typed names: field names, choices, and the ids of entries. */
import { pinyin } from 'pinyin-pro';
import type { CollectionName } from '../schemas/context';

/** Edit distance between two short strings (ids, field names), for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidates closest to `input`, best first: within a third of its length in edits, or
 * sharing its first word (wang-xiang for wang-x). At most `limit`.
 */
export function closestMatches(input: string, candidates: Iterable<string>, limit = 3): string[] {
  const budget = Math.max(1, Math.floor(input.length / 3));
  const head = input.split('-')[0] ?? input;
  return [...candidates]
    .map((candidate) => ({ candidate, distance: editDistance(input.toLowerCase(), candidate.toLowerCase()) }))
    .filter(({ candidate, distance }) => distance <= budget || (head.length >= 2 && candidate.split('-')[0] === head))
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

/** Typed text and names compared alike: full-width folded, lower case, no spaces. */
export const normalizeQuery = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** The toneless pinyin syllables of a name (ü kept), Chinese characters only; people's with surname readings (单 shan, 曾 zeng). */
export function syllablesOf(collection: CollectionName, name: string): string[] {
  const surname = collection === 'officers' ? ({ surname: 'head' } as const) : {};
  return pinyin(name, { toneType: 'none', type: 'array', nonZh: 'removed', ...surname });
}

/** Latin letters without their accents: ǖ → u. */
export const withoutMarks = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');

/** An entry as a reference may mean it: its id and the names people call it by (name, short name, aliases). */
export interface NamedEntry {
  id: string;
  names: readonly string[];
}

const HAN = /\p{Script=Han}/u;

/** How many edits a typed form may be away: a third of its length; at least one for letters, none for a two-character name. */
const budgetOf = (text: string) => (HAN.test(text) ? Math.floor(text.length / 3) : Math.max(1, Math.floor(text.length / 3)));

/**
 * How close `input` comes to an entry, lower is closer, or null when it is not close: the name
 * itself (0), a name inside the input or the input inside a name (王祥同志, 东进), the same
 * pinyin (王翔 for 王祥, wangxiang for wang-xiang), a few edits from the id or the name's pinyin
 * (wang-xaing, donjin), the id's first word (wang-x).
 */
function closeness(input: string, entry: NamedEntry, collection: CollectionName): number | null {
  const query = normalizeQuery(input);
  if (query === '') return null;
  const names = entry.names.map(normalizeQuery).filter((n) => n !== '');
  if (names.includes(query)) return 0;
  if (HAN.test(query) && names.some((n) => HAN.test(n) && Math.min(n.length, query.length) >= 2 && (n.includes(query) || query.includes(n)))) return 1;
  const spelled = (text: string) => withoutMarks(syllablesOf(collection, text).join(''));
  // What was typed, a third of it in edits; a Chinese name typed is also read as its pinyin, one
  // letter off at most (陈亚玲 for 陈押林: lin, ling), as homophones are what an IME offers.
  const forms = [query, query.replace(/[-_]/g, '')].filter((f) => f !== '').map((form) => ({ form, budget: budgetOf(form) }));
  if (HAN.test(query)) forms.push({ form: spelled(input), budget: 1 });
  const keys = [...new Set([entry.id, entry.id.replace(/-/g, ''), ...names, ...entry.names.map(spelled)].filter((k) => k !== ''))];
  let best: number | null = null;
  for (const { form, budget } of forms) {
    for (const key of keys) {
      const distance = editDistance(form, key);
      // 2 + distance: after the name itself and a name contained.
      if (distance <= budget) best = Math.min(best ?? Infinity, 2 + distance);
    }
  }
  const head = query.split('-')[0] ?? '';
  if (best === null && head.length >= 2 && !HAN.test(head) && entry.id.split('-')[0] === head) best = 2 + editDistance(query, entry.id);
  return best;
}

/**
 * The entries `input` most likely meant, best first, at most `limit`; none when nothing is close.
 * Those clearly farther than the best are left out: wang-hong is no guess for wangxiang.
 */
export function nearestEntries<E extends NamedEntry>(input: string, entries: readonly E[], collection: CollectionName, limit = 3): E[] {
  const scored = entries
    .map((entry) => ({ entry, score: closeness(input, entry, collection) }))
    .filter((x): x is { entry: E; score: number } => x.score !== null)
    .sort((a, b) => a.score - b.score || a.entry.id.localeCompare(b.entry.id));
  const best = scored[0]?.score ?? 0;
  return scored
    .filter(({ score }) => score <= best + 1)
    .slice(0, limit)
    .map(({ entry }) => entry);
}
