/**
 * Finds built assets nothing links to. Astro emits the original of every image an entry names —
 * also of entries the publishing rules left out, and of images only ever shown resized — so the
 * output would otherwise carry unpublished portraits and unprocessed originals with their metadata.
 */

/** File extensions of text files that can reference an asset (pages, styles, scripts, feeds). */
export const REFERENCING_EXTENSIONS = ['.html', '.css', '.js', '.mjs', '.json', '.xml', '.txt', '.webmanifest', '.svg'];

/** What can stand next to a file name in HTML, CSS, JS, JSON or XML: a name never contains one. */
const DELIMITER = /[\s"'`()<>,;=?#&\\/]/;
const NAME_RUNS = new RegExp(`[^${DELIMITER.source.slice(1, -1)}]+`, 'g');

/**
 * The asset names (basenames, e.g. `wang-xiang.CL1j4t8K.png`) that appear in none of the texts.
 * Matching on the hashed basename is exact enough: Astro names every asset `<name>.<hash>.<ext>`.
 * Each text is read once, cut at the characters that delimit a file name in a reference, and each
 * piece looked up in a set: linear in the size of the site, where trying every asset name against
 * every page was assets × pages (9 s at 2,000 entries).
 */
export function unreferencedAssets(assetNames: readonly string[], texts: Iterable<string>): string[] {
  const remaining = new Set(assetNames);
  // A name with a delimiter in it (never produced by Astro) is still looked for as a substring.
  const unusual = assetNames.filter((name) => DELIMITER.test(name));
  for (const text of texts) {
    for (const [piece] of text.matchAll(NAME_RUNS)) remaining.delete(piece);
    for (const name of unusual) if (remaining.has(name) && text.includes(name)) remaining.delete(name);
    if (remaining.size === 0) break;
  }
  return [...remaining].sort();
}
