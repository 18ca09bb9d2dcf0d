/**
 * The dev server's map of content pictures, made from the content store the pages read.
 *
 * Astro 5 writes `.astro/content-assets.mjs`, one `import` per picture an entry names (a
 * profile's photo, a picture in a body), and pages look the pictures up in it. In the dev server
 * that file cannot be trusted:
 * - the list only grows (withastro/astro#16097, fixed in Astro 6 only): after the editor's 撤销
 *   takes back a photo (or a new person and their photo), the next picture saved rewrites the
 *   file with the removed photo still imported, and every page fails with ImageNotFound;
 * - two writes of it at once keep the older text (withastro/astro#15672: the second write is
 *   retried with the first one's data, and marks the file written), which the editor's early
 *   store writes (writeStoreNow) make likely: a new person's photo was then missing from the map
 *   for the rest of the session, and their page failed with LocalImageUsedWrongly.
 * The dev server therefore builds the map from `.astro/data-store.json` (`contentAssetsOf`), whose
 * entries list the pictures they import, and reads it through `withoutMissingPictures`.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'devalue';

/** One generated line: `import __ASTRO_IMAGE_IMPORT_x from "<src>?astroContentImageFlag=&importer=<entry>";`. */
const IMPORT_LINE = /^import (\w+) from ("(?:[^"\\\n]|\\.)*");$/gm;
const MAP_EXPORT = 'export default new Map([';

/**
 * A picture named relative to its entry: `./li-si.jpg`, `../photos/a.jpg`, and a plain file name
 * (`li-si.jpg`, as the editor writes `photo:`), which the content check also looks for next to the
 * entry. Not an absolute path, a URL or drive (`C:`), or an alias (`~/`, `@/`, `#x`), which only
 * Vite can resolve.
 */
const RELATIVE_PICTURE = /^(?:\.\.?\/|(?![a-z][a-z\d+.-]*:)[^./\\~@#])/i;

/**
 * The picture file an import names, or undefined when it cannot be told: only a path relative to
 * its entry is checked, with the entry (`importer`, relative to the project root) it is relative to.
 */
export function importedPicture(specifier: string, root: string): string | undefined {
  const query = specifier.indexOf('?');
  if (query < 0) return undefined;
  const src = specifier.slice(0, query);
  const importer = new URLSearchParams(specifier.slice(query + 1)).get('importer');
  if (!importer || !RELATIVE_PICTURE.test(src)) return undefined;
  const entry = fileURLToPath(new URL(importer, pathToFileURL(path.join(root, '/'))));
  return path.resolve(path.dirname(entry), src);
}

/**
 * `code` (the text of content-assets.mjs) without the imports of pictures that no longer exist
 * and their places in the map, and with a picture Astro names by its plain file name imported as
 * `./<name>`; any other text is returned as it is.
 *
 * Astro writes `./li-si.jpg` for an entry's `photo: li-si.jpg` only when the picture existed as it
 * read the entry, and `li-si.jpg` otherwise (an entry saved before its picture was copied in). Vite
 * resolves no plain name, so that one import failed every page with ImageNotFound, also once the
 * picture was there. The map keeps Astro's name: pages look the picture up by it.
 */
export function withoutMissingPictures(code: string, root: string, exists: (file: string) => boolean): string {
  if (!code.includes(MAP_EXPORT)) return code;
  const kept: { symbol: string; key: string; from: string }[] = [];
  let changed = false;
  for (const match of code.matchAll(IMPORT_LINE)) {
    // Both groups always take part in a match.
    const [, symbol, key] = match as unknown as [string, string, string];
    const specifier = JSON.parse(key) as string;
    const picture = importedPicture(specifier, root);
    if (picture !== undefined && !exists(picture)) {
      changed = true;
      continue;
    }
    const plain = picture !== undefined && !/^\.\.?\//.test(specifier);
    if (plain) changed = true;
    kept.push({ symbol, key, from: plain ? JSON.stringify(`./${specifier}`) : key });
  }
  if (!changed) return code;
  return [
    ...kept.map(({ symbol, from }) => `import ${symbol} from ${from};`),
    `${MAP_EXPORT}${kept.map(({ symbol, key }) => `[${key}, ${symbol}]`).join(', ')}]);`,
    '',
  ].join('\n');
}

/** The formats Astro imports a content picture in (VALID_INPUT_FORMATS in astro/dist/assets/consts.js). */
const IMAGE_FORMATS = new Set(['jpeg', 'jpg', 'png', 'tiff', 'webp', 'gif', 'svg', 'avif']);

/** An entry of Astro's content store, as far as its pictures go. */
interface StoredEntry {
  filePath?: string;
  assetImports?: string[];
}

/**
 * The text of content-assets.mjs for the content store `storeText` (the devalue text of
 * data-store.json), each picture keyed as Astro's pages look it up (imageSrcToImportId in
 * astro/dist/assets/utils/resolveImports.js); undefined when the text is not a store.
 */
export function contentAssetsOf(storeText: string): string | undefined {
  let collections: unknown;
  try {
    collections = parse(storeText);
  } catch {
    return undefined;
  }
  if (!(collections instanceof Map)) return undefined;
  const keys = new Set<string>();
  for (const entries of collections.values()) {
    if (!(entries instanceof Map)) continue;
    for (const entry of entries.values() as Iterable<StoredEntry>) {
      for (const src of entry.assetImports ?? []) {
        if (src.includes('://') || src.startsWith('data:') || !IMAGE_FORMATS.has(src.split('.').at(-1)?.toLowerCase() ?? '')) continue;
        const params = new URLSearchParams('astroContentImageFlag');
        if (entry.filePath) params.set('importer', entry.filePath);
        keys.add(`${src}?${params.toString()}`);
      }
    }
  }
  const imports = [...keys].map((key, index) => ({ symbol: `__HONOR_ROLL_PICTURE_${index}`, key: JSON.stringify(key) }));
  return [
    ...imports.map(({ symbol, key }) => `import ${symbol} from ${key};`),
    `${MAP_EXPORT}${imports.map(({ symbol, key }) => `[${key}, ${symbol}]`).join(', ')}]);`,
    '',
  ].join('\n');
}
