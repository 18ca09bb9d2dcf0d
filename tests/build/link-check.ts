/**
 * Checks a built site for internal references that lead nowhere: links, stylesheets, scripts,
 * images (including every `srcset` candidate) and `#fragments`. Reads only the output folder, the
 * way a static host would serve it: `<dir>/index.html` answers `/<dir>/`, and the whole site sits
 * under the deployment `base`.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

export interface LinkCheckOptions {
  /** The path the site is deployed under, as in site.config.yaml: `/` or `/rongyu/` (slashes optional). */
  base: string;
}

/** Attributes that hold one URL, per element. */
const URL_ATTRIBUTES: readonly [selector: string, attribute: string][] = [
  ['a[href]', 'href'],
  ['link[href]', 'href'],
  ['img[src]', 'src'],
  ['script[src]', 'src'],
];

/** Attributes that hold a list of image candidates. */
const SRCSET_SELECTORS = ['img[srcset]', 'source[srcset]'] as const;

/** Any URL scheme (`https:`, `mailto:`, `tel:`, `data:`, …) or a protocol-relative `//host`. */
const EXTERNAL = /^(?:[a-z][a-z\d+.-]*:|\/\/)/i;

/** How many ids to list when a fragment is missing, so the message stays one line. */
const MAX_LISTED_IDS = 12;

const ORIGIN = 'http://site.invalid';

/**
 * Every broken internal reference in the built site at `outDir`, one line each:
 * `page → reference (reason)`, in page order. An empty list means every link, image, script,
 * stylesheet and fragment resolves. External references (any URL scheme, `//host`) are not
 * checked; `#` and `#top` always resolve, as in browsers. Throws if `outDir` holds no HTML page.
 */
export function findBrokenLinks(outDir: string, options: LinkCheckOptions): string[] {
  const base = normaliseBase(options.base);
  const site = new BuiltSite(outDir);
  // A check over nothing must not pass: a failed build leaves no pages behind.
  if (site.htmlFiles.length === 0) throw new Error(`findBrokenLinks: no HTML pages in ${outDir}; did the build fail?`);
  const broken: string[] = [];

  for (const file of site.htmlFiles) {
    const pageUrl = base + pageUrlPath(file);
    const seen = new Set<string>();
    for (const reference of references(site.document(file))) {
      if (seen.has(reference)) continue;
      seen.add(reference);
      const reason = checkReference(site, base, pageUrl, file, reference);
      if (reason) broken.push(`${pageUrl} → ${reference} (${reason})`);
    }
  }
  return broken;
}

/** Why `reference` on the page `pageUrl` (file `pageFile`) does not resolve, or null if it does. */
function checkReference(site: BuiltSite, base: string, pageUrl: string, pageFile: string, reference: string): string | null {
  if (EXTERNAL.test(reference)) return null;

  let url: URL;
  try {
    url = new URL(reference, ORIGIN + pageUrl);
  } catch {
    return 'not a valid URL';
  }
  const pathname = safeDecode(url.pathname);
  if (pathname === null) return 'badly encoded path';

  let targetFile: string;
  if (url.pathname === new URL(ORIGIN + pageUrl).pathname) {
    targetFile = pageFile;
  } else {
    if (!pathname.startsWith(base)) {
      const hint = `${pathname}/` === base ? `; did you mean ${base}?` : '';
      return `outside the base path ${base}${hint}`;
    }
    const relative = pathname.slice(base.length);
    targetFile = relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
    if (!site.isFile(targetFile)) {
      const hint = !relative.endsWith('/') && site.isFile(`${relative}/index.html`) ? `; did you mean ${pathname}/?` : '';
      return `no file ${targetFile} in the build${hint}`;
    }
  }

  const fragment = url.hash.slice(1);
  if (fragment === '' || !targetFile.endsWith('.html')) return null;
  const id = safeDecode(fragment);
  if (id === null) return 'badly encoded fragment';
  // Browsers scroll to the top for #top without any element; text fragments are not ids.
  if (id.toLowerCase() === 'top' || id.startsWith(':~:')) return null;
  const ids = site.ids(targetFile);
  if (ids.has(id)) return null;
  const where = targetFile === pageFile ? 'this page' : base + pageUrlPath(targetFile);
  const listed = [...ids].slice(0, MAX_LISTED_IDS);
  const available = listed.length === 0 ? 'it has no ids' : `available: ${listed.join(', ')}${ids.size > listed.length ? ', …' : ''}`;
  return `no element with id "${id}" on ${where}; ${available}`;
}

/** The references of one page, in document order of attribute kind, srcset entries split. */
function references(document: HTMLElement): string[] {
  const found: string[] = [];
  for (const [selector, attribute] of URL_ATTRIBUTES) {
    for (const element of document.querySelectorAll(selector)) {
      const value = element.getAttribute(attribute)?.trim();
      if (value) found.push(value);
    }
  }
  for (const selector of SRCSET_SELECTORS) {
    for (const element of document.querySelectorAll(selector)) {
      found.push(...parseSrcset(element.getAttribute('srcset') ?? ''));
    }
  }
  return found;
}

/**
 * The URLs of a `srcset` value: candidates are separated by commas, each a URL then optional
 * descriptors (`2x`, `640w`). A URL may itself contain commas, so only a comma after the URL's
 * end (or trailing it) separates candidates, as in the HTML parsing rules.
 */
export function parseSrcset(srcset: string): string[] {
  const urls: string[] = [];
  let position = 0;
  while (position < srcset.length) {
    while (position < srcset.length && /[\s,]/.test(srcset[position]!)) position++;
    if (position >= srcset.length) break;
    const start = position;
    while (position < srcset.length && !/\s/.test(srcset[position]!)) position++;
    let url = srcset.slice(start, position);
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      // Skip the descriptors up to the next comma outside parentheses.
      let depth = 0;
      while (position < srcset.length) {
        const char = srcset[position]!;
        if (char === '(') depth++;
        else if (char === ')') depth = Math.max(0, depth - 1);
        else if (char === ',' && depth === 0) break;
        position++;
      }
    }
    if (url) urls.push(url);
  }
  return urls;
}

/** `/`, `/rongyu/`: leading and trailing slash, whatever the config wrote. */
function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** The URL path of an output file relative to the base: `officers/x/index.html` → `officers/x/`. */
function pageUrlPath(file: string): string {
  return file === 'index.html' ? '' : file.replace(/(^|\/)index\.html$/, '$1');
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** The output folder, with parsed pages and their ids cached. */
class BuiltSite {
  readonly htmlFiles: string[];
  readonly #files: Set<string>;
  readonly #documents = new Map<string, HTMLElement>();
  readonly #ids = new Map<string, Set<string>>();

  constructor(readonly outDir: string) {
    this.#files = new Set(existsSync(outDir) ? listFiles(outDir) : []);
    this.htmlFiles = [...this.#files].filter((f) => f.endsWith('.html')).sort();
  }

  isFile(relative: string): boolean {
    return this.#files.has(relative);
  }

  document(file: string): HTMLElement {
    let document = this.#documents.get(file);
    if (!document) {
      document = parse(readFileSync(path.join(this.outDir, file), 'utf8'));
      this.#documents.set(file, document);
    }
    return document;
  }

  /** Fragment targets of a page: every `id`, and `name` of `a` elements. */
  ids(file: string): Set<string> {
    let ids = this.#ids.get(file);
    if (!ids) {
      const document = this.document(file);
      ids = new Set([
        ...document.querySelectorAll('[id]').map((e) => e.getAttribute('id') ?? ''),
        ...document.querySelectorAll('a[name]').map((e) => e.getAttribute('name') ?? ''),
      ]);
      ids.delete('');
      this.#ids.set(file, ids);
    }
    return ids;
  }
}

/** Every file under `dir`, relative, with `/`. */
function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'));
}
