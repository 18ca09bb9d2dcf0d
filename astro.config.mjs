// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { importBundled } from './src/integrations/bundled-import.mjs';

// The integrations are TypeScript: bundled first, so that Astro can import this file natively
// (see bundled-import.mjs).
/** @type {typeof import('./src/integrations/index.ts')} */
const { atomicOutput, buildSummary, contentSecurityPolicy, editor, EDITOR_ENV, honorRoll, precompress, privacyGuard, pruneAssets, searchIndex, readAudience } = await importBundled(
  fileURLToPath(new URL('./src/integrations/index.ts', import.meta.url)),
  fileURLToPath(new URL('./.honor-roll/config', import.meta.url)),
);

// The intranet edition (`npm run build -- --audience internal`) is not for search engines.
const publicEdition = readAudience(process.env, process.argv) === 'public';

// `site` and `base` come from site.config.yaml (set by the honor-roll integration).
export default defineConfig({
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Four pages at a time: a page waits on files (its share card, its pictures, writing itself)
    // as often as it computes, and one at a time left the thread idle meanwhile. A warm build of
    // 2,000 entries rendered its pages in 8.2–9.1 s instead of 11.9–12.4 s, at the same memory.
    concurrency: 4,
  },
  // Astro's sharp service, decoding each picture once for all its widths (see the file).
  image: { service: { entrypoint: fileURLToPath(new URL('./src/data/image-service.ts', import.meta.url)) } },
  vite: {
    plugins: [
      {
        // The server bundle is run once to render the pages and then deleted, so removing the
        // code it never calls buys nothing: tree-shaking it cost ≈ 0.5 s of every small build
        // (the minimal fixture's Vite step, quiet: 3.2 → 2.7 s), which the test builds pay dozens
        // of times. The pages come out byte for byte the same. The browser's scripts are still
        // tree-shaken.
        name: 'honor-roll:server-bundle-whole',
        apply: 'build',
        config: (_config, env) => (env.isSsrBuild ? { build: { rollupOptions: { treeshake: false } } } : undefined),
      },
    ],
    build: {
      rollupOptions: {
        output: {
          // One stylesheet for the whole site: name it for what it is, not for the first route
          // that happened to import it (`_key_.css`).
          // `search.[hash].js`, not `search.astro_astro_type_script_index_0_lang.[hash].js`.
          entryFileNames: (chunk) => `_astro/${chunk.name.replace(/\.astro_astro_type_script.*$/, '')}.[hash].js`,
          assetFileNames: (asset) =>
            asset.names.some((name) => name.endsWith('.css')) ? '_astro/site.[hash][extname]' : '_astro/[name].[hash][extname]',
        },
      },
    },
  },
  integrations: [
    honorRoll(),
    // 编辑台 (`npm run edit`): only when scripts/edit.ts has set this run's token; never in a build.
    ...(process.env[EDITOR_ENV] ? [editor()] : []),
    mdx(),
    // Every page a search engine should list: not the search page, not the printable posters, not
    // the 荣誉室 screen (it repeats the entry pages).
    ...(publicEdition ? [sitemap({ filter: (page) => !/\/(search|poster|kiosk)\/$/.test(page) })] : []),
    pruneAssets(),
    searchIndex(),
    // After everything that writes output, search index included.
    privacyGuard(),
    // Hashes the final inline scripts and styles: runs after every step that changes a page.
    contentSecurityPolicy(),
    precompress(),
    // Moves the finished site into place only after every other step has succeeded.
    atomicOutput(),
    // Then says, in a few Chinese lines, what was published and where.
    buildSummary(),
  ],
});
