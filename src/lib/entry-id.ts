/**
 * Entry ids. An id is the file name without its extension and folder (`officers/wang-xiang.md` →
 * `wang-xiang`), and it is the last part of the page's URL. Astro's loader and the content check
 * both use this function, so they can never disagree about an id.
 */

/** Lower-case pinyin words, digits and single hyphens: `wang-xiang`, `dongjin-2020`. */
export const ENTRY_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Two ids in a fixed order, the same on every machine and in every locale (by code unit): ids are
 * pinyin, so this is pinyin order. Ties between entries are settled with it, so that no list
 * depends on the order files were read in.
 */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** `src/content/officers/wang-xiang.md` → `wang-xiang`. */
export function entryIdFromPath(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}
