/**
 * The digest of files and folders by name and content, for deciding whether something a build
 * reads has changed: the privacy guard's code version (guard-cache.ts) and a build's inputs
 * (build-inputs.ts). Every place is marked in the digest, and every name and content comes with
 * its length, so moving a file from one folder to the next, or splitting one file into two,
 * never gives the same digest. Files are read in pieces, so a 3 GB video dropped into a folder
 * costs time, not a crash.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import path from 'node:path';

export interface PlacesReading {
  /** SHA-256, hex. */
  digest: string;
  /**
   * The latest status change (ctime, ms) of any file read: a file written while a build ran is
   * newer than its start. Not the modification time, which a copy keeps from elsewhere (a phone
   * with a wrong clock) and a program may set back.
   */
  newestChangeMs: number;
}

const CHUNK = 1 << 20;

function hashFile(hash: Hash, file: string, buffer: Buffer): void {
  const fd = openSync(file, 'r');
  try {
    for (let read = readSync(fd, buffer, 0, CHUNK, null); read > 0; read = readSync(fd, buffer, 0, CHUNK, null)) hash.update(buffer.subarray(0, read));
  } finally {
    closeSync(fd);
  }
}

/** Reads every file of `places` (files, or folders with everything in them; a missing place counts as missing). */
export function readPlaces(places: readonly string[]): PlacesReading {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(CHUNK);
  let newestChangeMs = 0;
  const field = (text: string) => hash.update(`${Buffer.byteLength(text)}:${text}`);
  for (const [index, place] of places.entries()) {
    // Its position, not its path: the same code in another folder is the same version.
    field(`place ${index}`);
    const stat = statSync(place, { throwIfNoEntry: false });
    if (!stat) {
      field('missing');
      continue;
    }
    const files = stat.isDirectory() ? (readdirSync(place, { recursive: true }) as string[]).sort().map((f) => path.join(place, f)) : [place];
    for (const file of files) {
      const fileStat = statSync(file);
      if (!fileStat.isFile()) continue;
      newestChangeMs = Math.max(newestChangeMs, fileStat.ctimeMs);
      field(path.relative(place, file));
      hash.update(`${fileStat.size}:`);
      hashFile(hash, file, buffer);
    }
  }
  return { digest: hash.digest('hex'), newestChangeMs };
}
