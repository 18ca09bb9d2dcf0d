/**
 * Long lists split into pages, so a page stays small on a phone (and under the 30 KB budget) at
 * any number of entries. Page 1 keeps the list's own address; page n is `<list>page/<n>/`, a
 * segment no entry id can take over (`/officers/page/2/` is not an entry page).
 */

/** One page of a list. */
export interface ListPage<T> {
  /** 1-based. */
  number: number;
  /** How many pages the list has (at least 1, also for an empty list). */
  count: number;
  items: T[];
  /** Entries in the whole list. */
  total: number;
}

/** Splits `items` into pages of `size`; an empty list is one empty page. */
export function paginate<T>(items: readonly T[], size: number): ListPage<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`page size must be a positive integer, got ${size}`);
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, i) => ({ number: i + 1, count, items: items.slice(i * size, (i + 1) * size), total: items.length }));
}

/** The site path of page `n` of the list at `listPath` (`/honors/` → `/honors/page/2/`). */
export function pagePath(listPath: string, n: number): string {
  const base = listPath.endsWith('/') ? listPath : `${listPath}/`;
  return n <= 1 ? base : `${base}page/${n}/`;
}

/**
 * The page numbers a page's navigation shows: the first, the last, and two either side of the
 * current one; `null` stands for the gap between (shown as …). Short enough for a phone.
 */
export function pageLinks(current: number, count: number): (number | null)[] {
  const shown = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, count])]
    .filter((n) => n >= 1 && n <= count)
    .sort((a, b) => a - b);
  const links: (number | null)[] = [];
  for (const n of shown) {
    const previous = links.at(-1);
    if (typeof previous === 'number' && n - previous === 2) links.push(previous + 1);
    else if (typeof previous === 'number' && n - previous > 2) links.push(null);
    links.push(n);
  }
  return links;
}

/** The paths of pages 2…n of a list: what `getStaticPaths` of a `page/[n]` route returns. */
export function laterPages<T>(items: readonly T[], size: number): ListPage<T>[] {
  return paginate(items, size).slice(1);
}

/** The title of page `n` of a list: 荣誉 on page 1, 荣誉（第 2 页） after. */
export function pageTitle(listTitle: string, n: number): string {
  return n > 1 ? `${listTitle}（第 ${n} 页）` : listTitle;
}
