/**
 * URL slugs for Chinese labels such as officer tags: 见义勇为 → jian-yi-yong-wei. Pinyin keeps the
 * URL readable and typeable, where percent-encoded Chinese would not be.
 */
import { pinyin } from 'pinyin-pro';

/** Prefix of the slugs of labels that have no letters, digits or Chinese characters (！！). */
const FALLBACK_PREFIX = 'tag';

/**
 * Chinese characters become toneless pinyin syllables, one word each; runs of Latin letters and
 * digits stay as words, lower-cased; everything else separates words. Words are joined by '-'.
 * The result matches /^[a-z0-9]+(-[a-z0-9]+)*$/, or is '' when nothing is left.
 */
export function toPinyinSlug(text: string): string {
  // NFKC first so full-width Ａ１ and ① read as a1 and 1.
  const syllables = pinyin(text.normalize('NFKC'), { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  return syllables
    .map((part) =>
      part
        .normalize('NFD')
        // Drop accents of Latin letters (é → e) rather than treating them as separators.
        .replace(/\p{M}/gu, '')
        .toLowerCase(),
    )
    .flatMap((part) => part.split(/[^a-z0-9]+/))
    .filter((word) => word !== '')
    .join('-');
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
