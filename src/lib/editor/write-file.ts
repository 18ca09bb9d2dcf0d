import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes a file so that it is never seen half-written — by the dev server's watcher, a build, or
 * after a power cut: the bytes go to a temporary file next to it, which is then renamed over it.
 */
export function writeFileAtomic(file: string, bytes: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  // A dot-name: the content check and Astro's loader pass over hidden files.
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
}
