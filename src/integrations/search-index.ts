/**
 * Builds the Pagefind search index from the finished pages, with Pagefind's Node API (which runs
 * the extended binary: Chinese word segmentation). Only the main content of entry pages is
 * indexed — the layout marks it `data-pagefind-body` — so menus, footers, lists and filter pages
 * never pollute results. It runs on the staged site, before it is moved into place: a failed index
 * fails the build and the previous site stays.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { elapsedMs } from './elapsed';
import * as pagefind from 'pagefind';

/** Where the index goes inside the site; the search page loads it from here. */
export const SEARCH_INDEX_DIR = 'pagefind';

const UNUSED_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

export function searchIndex(): AstroIntegration {
  return {
    name: 'honor-roll:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors } = await pagefind.createIndex({});
          if (!index) throw new Error(errors.join('; '));
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length > 0) throw new Error(added.errors.join('; '));
          const written = await index.writeFiles({ outputPath: path.join(outDir, SEARCH_INDEX_DIR) });
          if (written.errors.length > 0) throw new Error(written.errors.join('; '));
          // The search page uses Pagefind's API with its own interface: Pagefind's ready-made
          // interfaces would only be dead weight in the output.
          for (const name of UNUSED_FILES) rmSync(path.join(outDir, SEARCH_INDEX_DIR, name), { force: true });
          logger.info(`搜索索引已生成：${added.page_count} 个页面（search index: ${added.page_count} pages, ${elapsedMs(started)} ms）`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
