/**
 * Keeps the dev server's map of content pictures to pictures that still exist.
 *
 * Astro 5 writes `.astro/content-assets.mjs`, one `import` per picture an entry names (a
 * profile's photo, a picture in a body), and pages look the pictures up in it. In the dev server
 * the list only grows (withastro/astro#16097, fixed in Astro 6 only): after the editor's 撤销
 * removes a new person and their photo, the next picture saved rewrites the file with the removed
 * photo still imported, and every page fails with ImageNotFound until the server is restarted.
 * The dev server therefore reads the file through `withoutMissingPictures`.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** One generated line: `import __ASTRO_IMAGE_IMPORT_x from "<src>?astroContentImageFlag=&importer=<entry>";`. */
const IMPORT_LINE = /^import (\w+) from ("(?:[^"\\\n]|\\.)*");$/gm;
const MAP_EXPORT = 'export default new Map([';

/**
 * The picture file an import names, or undefined when it cannot be told: only a path relative to
 * its entry (`./li-si.jpg`, `../photos/a.jpg`) is checked, with the entry (`importer`, relative to
 * the project root) it is relative to.
 */
export function importedPicture(specifier: string, root: string): string | undefined {
  const query = specifier.indexOf('?');
  if (query < 0) return undefined;
  const src = specifier.slice(0, query);
  const importer = new URLSearchParams(specifier.slice(query + 1)).get('importer');
  if (!importer || !(src.startsWith('./') || src.startsWith('../'))) return undefined;
  const entry = fileURLToPath(new URL(importer, pathToFileURL(path.join(root, '/'))));
  return path.resolve(path.dirname(entry), src);
}

/**
 * `code` (the text of content-assets.mjs) without the imports of pictures that no longer exist
 * and their places in the map; any other text is returned as it is.
 */
export function withoutMissingPictures(code: string, root: string, exists: (file: string) => boolean): string {
  if (!code.includes(MAP_EXPORT)) return code;
  const kept: { symbol: string; quoted: string }[] = [];
  let dropped = false;
  for (const match of code.matchAll(IMPORT_LINE)) {
    // Both groups always take part in a match.
    const [, symbol, quoted] = match as unknown as [string, string, string];
    const picture = importedPicture(JSON.parse(quoted) as string, root);
    if (picture !== undefined && !exists(picture)) dropped = true;
    else kept.push({ symbol, quoted });
  }
  if (!dropped) return code;
  return [
    ...kept.map(({ symbol, quoted }) => `import ${symbol} from ${quoted};`),
    `${MAP_EXPORT}${kept.map(({ symbol, quoted }) => `[${quoted}, ${symbol}]`).join(', ')}]);`,
    '',
  ].join('\n');
}
