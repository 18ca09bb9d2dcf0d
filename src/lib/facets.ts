/**
 * Facets: the values a list can be filtered by (a year, a level, a tag) with the entries under
 * each. Every facet becomes a static page, so filtering needs no JavaScript, and its item count is
 * the number shown next to the filter link.
 */

/** One filter value and the entries that have it. */
export interface Facet<T> {
  /** URL segment of the facet page. */
  key: string;
  /** Chinese text of the filter link. */
  label: string;
  /** The entries with this value, in the order they were given. */
  items: T[];
}

/**
 * Groups entries under each key `keysOf` gives them. An entry can be under several facets (tags)
 * or none; a key repeated for one entry counts once. Facets come in `compare` order of their keys
 * when given, otherwise in order of first appearance.
 */
export function buildFacets<T>(
  items: readonly T[],
  keysOf: (item: T) => readonly string[],
  labelOf: (key: string) => string,
  compare?: (a: string, b: string) => number,
): Facet<T>[] {
  const byKey = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set(keysOf(item))) {
      const list = byKey.get(key);
      if (list) list.push(item);
      else byKey.set(key, [item]);
    }
  }
  // Array.prototype.sort is stable, so keys the comparator ties keep their first-appearance order.
  const keys = compare ? [...byKey.keys()].sort(compare) : [...byKey.keys()];
  return keys.map((key) => ({ key, label: labelOf(key), items: byKey.get(key) ?? [] }));
}
