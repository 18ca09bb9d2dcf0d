/**
 * What to write instead of a reference to an entry that does not exist: the entries it most
 * likely meant (by id, by name, by pinyin), or, when none is close, the ones that exist. Used for
 * every reference the check verifies: entry fields and the site config's study rotation.
 */
import type { CollectionName } from '../../schemas/context';
import { nearestEntries, type NamedEntry } from '../suggest';

/** Existing entries listed when none is close: enough to pick from, not a page of them. */
const MAX_LISTED = 10;

/** `dongjin（东进警务站）`: an id with the name it is known by. */
const shown = (entry: NamedEntry) => (entry.names[0] ? `${entry.id}（${entry.names[0]}）` : entry.id);

const HAN = /\p{Script=Han}/u;

/**
 * The first sentence of the hint for a reference to `id` that is not among `known` (id → the
 * names of that entry), `what` being the collection's word (单位, 人物): "是不是 dongjin（东进警务站）？",
 * or the existing entries. Ends with a full stop or question mark, ready for the rest of the hint.
 */
export function referenceSuggestion(id: string, known: ReadonlyMap<string, readonly string[]>, collection: CollectionName, what: string): string {
  const entries = [...known].map(([entryId, names]) => ({ id: entryId, names })).sort((a, b) => a.id.localeCompare(b.id));
  const near = nearestEntries(id, entries, collection);
  // A name where the id belongs: the clerk typed 王祥 for wang-xiang.
  const named = near.find((e) => e.names.some((n) => n.trim() === id.trim()));
  if (named) return `这里要写${what}的 id（文件名），不写名称：“${id.trim()}”的 id 是 ${named.id}，请改成 ${named.id}。`;
  const byName = HAN.test(id) ? `这里要写${what}的 id（文件名），不写名称。` : '';
  if (near.length > 0) return `${byName}是不是 ${near.map(shown).join('、')}？`;
  if (entries.length === 0) return `${byName}还没有任何${what}。`;
  if (entries.length <= MAX_LISTED) return `${byName}没有相近的 id；现有的${what}只有 ${entries.length} 个：${entries.map(shown).join('、')}。`;
  return `${byName}没有相近的 id；现有的${what}共 ${entries.length} 个，如 ${entries.slice(0, MAX_LISTED).map(shown).join('、')}。`;
}
