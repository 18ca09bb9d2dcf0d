/**
 * A failed build never leaves half a site behind. Astro writes into a staging folder next to the
 * real output; only when every later step has passed is the staging folder moved into place.
 * Until then the previous good `dist/` is untouched and keeps being served.
 */
import { cpSync, existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { acquireBuildLock, type BuildLock } from '../lib/build-lock';
import { resolveSitePaths } from '../lib/site-paths';

/**
 * The staging folder: always inside the project. Astro writes a static build whose `outDir` lies
 * outside the working directory through `<cwd>/.astro/` and then copies that whole folder — its
 * content manifests listing every entry's images included — into `outDir`, deleting `.astro/`.
 * Staging inside the project avoids that path entirely.
 */
export function stagingDirFor(root: string): string {
  return path.join(root, '.honor-roll', 'staging');
}

/** A hidden sibling of `outDir`, on the same disk, so moving it into place is a rename. */
function siblingOf(outDir: string, suffix: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}-${suffix}`);
}

/**
 * Replaces `outDir` with the staged site. The staged site is first brought next to `outDir`
 * (a rename, or a copy when `outDir` is on another disk); then the old site is set aside, the new
 * one renamed into its place, and the old one deleted.
 */
export function promoteStaging(stagingDir: string, outDir: string): void {
  const incoming = siblingOf(outDir, 'incoming');
  const previous = siblingOf(outDir, 'previous');
  rmSync(incoming, { recursive: true, force: true });
  rmSync(previous, { recursive: true, force: true });
  try {
    renameSync(stagingDir, incoming);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(stagingDir, incoming, { recursive: true });
    rmSync(stagingDir, { recursive: true, force: true });
  }
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(incoming, outDir);
  rmSync(previous, { recursive: true, force: true });
}

/** Astro's config wants folders as URLs ending in a slash. */
export function dirUrl(dir: string): URL {
  return pathToFileURL(dir.endsWith(path.sep) ? dir : `${dir}${path.sep}`);
}

/**
 * A build killed between the two renames of `promoteStaging` leaves no `outDir`, only the
 * previous site set aside: put it back, so the site is never missing.
 */
export function recoverInterruptedSwap(outDir: string): boolean {
  const previous = siblingOf(outDir, 'previous');
  if (existsSync(outDir) || !existsSync(previous)) return false;
  renameSync(previous, outDir);
  return true;
}

/** Must be the last integration, so its `astro:build:done` runs after every other check. */
export function atomicOutput(): AstroIntegration {
  let outDir = '';
  let stagingDir = '';
  let lock: BuildLock | undefined;
  return {
    name: 'honor-roll:atomic-output',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig, logger }) => {
        const root = fileURLToPath(config.root);
        outDir = resolveSitePaths(root, process.env, process.argv).outDir;
        if (command !== 'build') {
          // `astro preview` serves the finished site.
          updateConfig({ outDir: dirUrl(outDir) });
          return;
        }
        lock = await acquireBuildLock(path.join(root, '.honor-roll', 'build.lock'), {
          onWait: (pid) => logger.info(`另一个生成正在进行（进程 ${pid}），等它完成后再开始（waiting for another build）…`),
        });
        if (recoverInterruptedSwap(outDir)) logger.warn(`上次生成在替换网站时被中断，已恢复原来的网站：${outDir}`);
        stagingDir = stagingDirFor(root);
        rmSync(stagingDir, { recursive: true, force: true });
        updateConfig({ outDir: dirUrl(stagingDir) });
      },
      'astro:build:done': ({ logger }) => {
        promoteStaging(stagingDir, outDir);
        lock?.release();
        logger.info(`网站已生成：${path.relative(process.cwd(), outDir) || '.'}/（site written to ${outDir}）`);
      },
    },
  };
}
