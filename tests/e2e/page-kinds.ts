/**
 * The kinds of page a site has, told apart by their URL path: one screenshot of each kind is what
 * a reviewer needs to see a change everywhere it shows, not 70 pages of the same profile.
 */

/** A kind of page and the paths it covers; the first kind whose pattern matches wins. */
const KINDS: ReadonlyArray<readonly [kind: string, pattern: RegExp]> = [
  ['home', /^\/$/],
  ['search', /^\/search\/$/],
  ['poster', /^\/poster\/$/],
  ['kiosk', /^\/kiosk\/$/],
  ['not-found', /^\/404\.html$/],
  ['activities-schedule', /^\/activities\/schedule\/$/],
  ['points', /^\/points\//],
  ['officer-poster', /^\/officers\/[^/]+\/poster\/$/],
  // Lists first: `/honors/page/2/` and `/honors/years/2020/` must not read as an entry.
  ['list-page', /^\/[^/]+\/(?:[^/]+\/[^/]+\/)?page\/\d+\/$/],
  ['facet', /^\/(?:officers|honors|letters|activities|stats)\/[^/]+\/[^/]+\/$/],
  ['list', /^\/[^/]+\/$/],
  ['entry', /^\/[^/]+\/[^/]+\/$/],
];

/**
 * The kind of the page at `path` (`/officers/wang-xiang/` → `officers-entry`), or undefined for a
 * path no kind covers — a new kind of page the screenshots would miss.
 */
export function pageKind(path: string): string | undefined {
  const found = KINDS.find(([, pattern]) => pattern.test(path));
  if (!found) return undefined;
  const [kind] = found;
  const collection = path.split('/')[1];
  return ['list-page', 'facet', 'list', 'entry'].includes(kind) ? `${collection}-${kind}` : kind;
}

/** The first path of each kind, in the order the paths came. */
export function oneOfEachKind(paths: readonly string[]): Map<string, string> {
  const chosen = new Map<string, string>();
  for (const path of paths) {
    const kind = pageKind(path);
    if (kind && !chosen.has(kind)) chosen.set(kind, path);
  }
  return chosen;
}
