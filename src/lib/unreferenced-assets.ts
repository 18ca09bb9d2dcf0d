/**
 * Finds built assets nothing links to. Astro emits the original of every image an entry names —
 * also of entries the publishing rules left out, and of images only ever shown resized — so the
 * output would otherwise carry unpublished portraits and unprocessed originals with their metadata.
 */

/** File extensions of text files that can reference an asset (pages, styles, scripts, feeds). */
export const REFERENCING_EXTENSIONS = ['.html', '.css', '.js', '.mjs', '.json', '.xml', '.txt', '.webmanifest', '.svg'];

/** What can stand next to a file name in HTML, CSS, JS, JSON or XML: a name never contains one. */
const DELIMITER = /[\s"'`()<>,;=?#&\\/]/;

/**
 * The asset names (basenames, e.g. `wang-xiang.CL1j4t8K.png`) that appear in none of the texts.
 * Matching on the hashed basename is exact enough: Astro names every asset `<name>.<hash>.<ext>`.
 * A name counts only as a whole: the run of characters between two delimiters of a reference.
 *
 * Linear in the size of the site: each text is searched only for the endings the names have
 * (`.webp`, `.jpg` …), and the run around each one is looked up in a set. Cutting every text into
 * every run took 1.7 s of each 2,000-entry build; trying every name against every page was
 * assets × pages (9 s).
 */
export function unreferencedAssets(assetNames: readonly string[], texts: Iterable<string>): string[] {
  const remaining = new Set(assetNames);
  // A name with a delimiter in it (never produced by Astro) is still looked for as a substring.
  const unusual = assetNames.filter((name) => DELIMITER.test(name));
  // What to look for: a name's extension, or the whole name if it has none (never produced by Astro).
  const endings = [...new Set(assetNames.filter((name) => !DELIMITER.test(name)).map((name) => /\.[^.]+$/.exec(name)?.[0] ?? name))];
  for (const text of texts) {
    for (const ending of endings) {
      for (let at = text.indexOf(ending); at >= 0; at = text.indexOf(ending, at + 1)) {
        let start = at;
        while (start > 0 && !DELIMITER.test(text[start - 1]!)) start--;
        let end = at + ending.length;
        while (end < text.length && !DELIMITER.test(text[end]!)) end++;
        remaining.delete(text.slice(start, end));
      }
    }
    for (const name of unusual) if (remaining.has(name) && text.includes(name)) remaining.delete(name);
    if (remaining.size === 0) break;
  }
  return [...remaining].sort();
}
