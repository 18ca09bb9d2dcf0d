/**
 * Astro writes each picture into its cache (`<cache>/assets/`) in place, and reuses a cached file
 * without reading it. A build killed while writing one — the clerk closing the window during
 * "generating optimized images" — would leave half a picture there, and every later build would
 * publish it as it is. So a build marks the cache before it starts and removes the mark when it
 * has finished; a build that finds the mark left behind removes every cached file written since
 * it was set (they are drawn again), before Astro can reuse one.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The mark, in the cache folder: a file whose time is when the unfinished build started. */
export const IN_USE_MARK = 'build-in-progress';
/** The parts of the cache whose files a killed build may have written halfway. */
export const REWRITTEN_PARTS = ['assets', 'share-cards'] as const;

/** Of the files of a folder, those written at or after `since` (ms): a killed build's. */
export function writtenSince(files: readonly { name: string; mtimeMs: number }[], since: number): string[] {
  return files.filter((file) => file.mtimeMs >= since).map((file) => file.name);
}

/**
 * Marks the cache as in use by a starting build. If an earlier build left its mark (it was killed
 * or crashed), first removes what that build wrote into the cache; returns how many files.
 */
export function startUsingCache(cacheDir: string): number {
  const mark = path.join(cacheDir, IN_USE_MARK);
  let removed = 0;
  if (existsSync(mark)) {
    const since = statSync(mark).mtimeMs;
    for (const part of REWRITTEN_PARTS) {
      const dir = path.join(cacheDir, part);
      if (!existsSync(dir)) continue;
      const files = readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => ({ name: entry.name, mtimeMs: statSync(path.join(dir, entry.name)).mtimeMs }));
      for (const name of writtenSince(files, since)) {
        rmSync(path.join(dir, name), { force: true });
        removed++;
      }
    }
  }
  // Written anew, so its time is this build's start.
  mkdirSync(cacheDir, { recursive: true });
  rmSync(mark, { force: true });
  writeFileSync(mark, `${process.pid}\n`);
  return removed;
}

/** The build has finished writing into the cache: every file there is whole. */
export function stopUsingCache(cacheDir: string): void {
  rmSync(path.join(cacheDir, IN_USE_MARK), { force: true });
}
