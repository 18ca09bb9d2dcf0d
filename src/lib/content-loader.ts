/**
 * Astro's `glob()` loader, corrected for a content store that outlives a build.
 *
 * A build keeps Astro's content store in the cache folder (`data-store.json`), so that an entry
 * whose file did not change is not parsed and rendered again. Astro 5.18's `glob()` does not
 * always allow for a store that starts full:
 * - it warns `Duplicate id "x" found in …/x.md` whenever the store already holds the id of the
 *   Markdown file it is reading — which, after any edit, is that same file's previous version
 *   (fixed upstream, in Astro 6 only, by withastro/astro#15064);
 * - when a folder has no entry file left, it returns before it removes the entries of the files
 *   that are gone, so the last deleted letter or activity stayed on the site — published from
 *   the cache although its file was deleted.
 * The wrapper below gives `glob()` a store whose `has` means what its warning assumes (another
 * file of this collection holds the id), and empties the collection when its folder has no
 * entry file — without glob()'s warnings about an empty or missing folder, which is how a unit
 * without letters or points records looks.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { GLOB_PATTERNS, type EntryFormat } from '../schemas/index';
import { hasEntryFiles, isEntryFile } from './content-files';

export interface ContentLoaderOptions {
  /** The collection's folder, absolute. */
  base: string;
  format: EntryFormat;
  generateId: (options: { entry: string }) => string;
}

/** `glob()` over one collection folder, without its false `Duplicate id` warning and stale entries. */
export function contentLoader({ base, format, generateId }: ContentLoaderOptions): Loader {
  const loader = glob({ base, pattern: GLOB_PATTERNS[format], generateId });
  return {
    ...loader,
    load: async (context) => {
      if (hasEntryFiles(base, format)) return loader.load(withOwnedIds(context));
      context.store.clear();
      // The dev server: glob() would not watch an empty folder, so the first entry file added
      // there loads the collection, and glob() watches it from then on.
      const { watcher } = context;
      if (!watcher) return;
      watcher.add(base);
      const onAdd = (file: string) => {
        if (!isEntryFile(base, format, file)) return;
        watcher.off('add', onAdd);
        void loader.load(withOwnedIds(context));
      };
      watcher.on('add', onAdd);
    },
  };
}

/**
 * The context with a store that answers `has(id)` with whether another file holds the id. Which
 * file is being read comes from `parseData`, which glob() calls for each file just before it asks;
 * which file holds an id comes from the entries set since this load began.
 */
function withOwnedIds(context: LoaderContext): LoaderContext {
  const root = fileURLToPath(context.config.root);
  const { store, parseData } = context;
  const holder = new Map<string, string>();
  const reading = new Map<string, string>();
  return {
    ...context,
    parseData: (props) => {
      if (props.filePath) reading.set(props.id, path.resolve(root, props.filePath));
      return parseData(props);
    },
    store: {
      ...store,
      has: (id) => {
        const held = holder.get(id);
        return held !== undefined && held !== reading.get(id);
      },
      set: (entry) => {
        if (entry.filePath) holder.set(entry.id, path.resolve(root, entry.filePath));
        return store.set(entry);
      },
      delete: (id) => {
        holder.delete(id);
        store.delete(id);
      },
    },
  };
}
