/**
 * A failed build never leaves half a site behind. Astro writes into a staging folder next to the
 * real output; only when every later step has passed is the staging folder moved into place.
 * Until then the previous good `dist/` is untouched and keeps being served.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { resolveSitePaths } from '../lib/site-paths';

/** The staging folder for an output folder: a hidden sibling, so the final move is a rename. */
export function stagingDirFor(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}-staging`);
}

/**
 * Replaces `outDir` with `stagingDir`. Two renames on the same disk: the old site is set aside,
 * the new one takes its place, then the old one is deleted.
 */
export function promoteStaging(stagingDir: string, outDir: string): void {
  const previous = path.join(path.dirname(outDir), `.${path.basename(outDir)}-previous`);
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(stagingDir, outDir);
  rmSync(previous, { recursive: true, force: true });
}

/** Astro's config wants folders as URLs ending in a slash. */
export function dirUrl(dir: string): URL {
  return pathToFileURL(dir.endsWith(path.sep) ? dir : `${dir}${path.sep}`);
}

/** Must be the last integration, so its `astro:build:done` runs after every other check. */
export function atomicOutput(): AstroIntegration {
  let outDir = '';
  let stagingDir = '';
  return {
    name: 'honor-roll:atomic-output',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        outDir = resolveSitePaths(fileURLToPath(config.root), process.env).outDir;
        if (command !== 'build') {
          // `astro preview` serves the finished site.
          updateConfig({ outDir: dirUrl(outDir) });
          return;
        }
        stagingDir = stagingDirFor(outDir);
        rmSync(stagingDir, { recursive: true, force: true });
        updateConfig({ outDir: dirUrl(stagingDir) });
      },
      'astro:build:done': ({ logger }) => {
        promoteStaging(stagingDir, outDir);
        logger.info(`网站已生成：${path.relative(process.cwd(), outDir) || '.'}/（site written to ${outDir}）`);
      },
    },
  };
}
