/**
 * Writes a gzip copy next to every text file of the finished site (page.html → page.html.gz), so
 * a server with `gzip_static on` (see deploy/nginx) sends compressed files without compressing
 * them on every request. Runs last among the steps that change files.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { openGzipCache } from '../lib/gzip-cache';
import { getBuildContext } from './build-context';
import { elapsedMs } from './elapsed';

const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.svg', '.txt']);

export function precompress(): AstroIntegration {
  return {
    name: 'honor-roll:precompress',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const cache = openGzipCache(path.join(getBuildContext().paths.cacheDir, 'gzip'));
        let count = 0;
        for (const name of readdirSync(outDir, { recursive: true }) as string[]) {
          if (!COMPRESSIBLE.has(path.extname(name).toLowerCase())) continue;
          const file = path.join(outDir, name);
          writeFileSync(`${file}.gz`, cache.gzip(readFileSync(file)));
          count++;
        }
        cache.prune();
        logger.info(`已压缩 ${count} 个文件（precompressed ${count} files, ${cache.reused} unchanged ones copied from the cache, ${elapsedMs(started)} ms）`);
      },
    },
  };
}
