/**
 * Finds built assets nothing links to. Astro emits the original of every image an entry names —
 * also of entries the publishing rules left out, and of images only ever shown resized — so the
 * output would otherwise carry unpublished portraits and unprocessed originals with their metadata.
 */

/** File extensions of text files that can reference an asset (pages, styles, scripts, feeds). */
export const REFERENCING_EXTENSIONS = ['.html', '.css', '.js', '.mjs', '.json', '.xml', '.txt', '.webmanifest', '.svg'];

/**
 * The asset names (basenames, e.g. `wang-xiang.CL1j4t8K.png`) that appear in none of the texts.
 * Matching on the hashed basename is exact enough: Astro names every asset `<name>.<hash>.<ext>`.
 */
export function unreferencedAssets(assetNames: readonly string[], texts: Iterable<string>): string[] {
  const remaining = new Set(assetNames);
  for (const text of texts) {
    for (const name of remaining) if (text.includes(name)) remaining.delete(name);
    if (remaining.size === 0) break;
  }
  return [...remaining].sort();
}
