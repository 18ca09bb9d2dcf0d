/**
 * Gzip copies kept between builds by the content they compress: a rebuild compresses only the
 * files that changed, and copies the rest (compressing at level 9 is the step's whole cost;
 * copying is a tenth of it). Each build keeps only the copies its own site used.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import { writeFileAtomic } from './editor/write-file';

export interface GzipCache {
  /** The gzip of `bytes`: from the cache when these bytes were compressed before. */
  gzip(bytes: Uint8Array): Buffer;
  /** Forgets the copies this build did not use. */
  prune(): void;
  /** How many copies came from the cache. */
  readonly reused: number;
}

export function openGzipCache(dir: string): GzipCache {
  mkdirSync(dir, { recursive: true });
  const before = new Set(readdirSync(dir));
  const used = new Set<string>();
  let reused = 0;
  return {
    get reused() {
      return reused;
    },
    gzip(bytes) {
      const name = `${createHash('sha256').update(bytes).digest('hex')}.gz`;
      used.add(name);
      if (before.has(name)) {
        try {
          const cached = readFileSync(path.join(dir, name));
          reused++;
          return cached;
        } catch {
          // removed meanwhile: compress again
        }
      }
      const compressed = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION });
      // Never half a file under the name: a build killed meanwhile would leave one for the next
      // build to serve for this page (nginx's gzip_static). A leftover temporary file is pruned.
      writeFileAtomic(path.join(dir, name), compressed);
      return compressed;
    },
    prune() {
      for (const name of before) if (!used.has(name)) rmSync(path.join(dir, name), { force: true });
    },
  };
}
