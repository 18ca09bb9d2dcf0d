/**
 * The content store as the built pages import it, in a form Rollup reads in one step.
 *
 * Astro 5 hands the store (`<cacheDir>/data-store.json`, every entry's data and rendered body) to
 * the server bundle as one JavaScript object literal (`dataToEsm`). Rollup then parses, binds and
 * tree-shakes that literal node by node: at 2,000 entries (a 3.5 MB store) that was most of the
 * 8 s the server bundle took, on every build, whatever changed. As a string literal given to
 * `JSON.parse`, the store is one node for Rollup and is parsed faster when the pages load it
 * (the change Astro itself made later, withastro/astro#17223). The value is the same: the store
 * holds JSON's types only, and Astro's reader (`ImmutableDataStore.fromModule`) unflattens it.
 */

/** Astro's id for the store's module, once resolved (astro/dist/content/consts.js). */
export const RESOLVED_DATA_STORE_ID = '\0astro:data-layer-content';

/**
 * The module for a store file's text, or undefined when the text is not JSON: Astro's own loader
 * then reports the file as it always has.
 */
export function dataStoreModule(json: string): string | undefined {
  try {
    JSON.parse(json);
  } catch {
    return undefined;
  }
  return `export default JSON.parse(${JSON.stringify(json)});\n`;
}
