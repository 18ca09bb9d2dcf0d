/**
 * How the content check reads the content folder. Usually the disk; the editor checks a save
 * before writing it by laying the changed files over the disk, so the check sees the site as it
 * would be — with exactly the rules of the build — while nothing has been written yet.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';

export interface ContentFs {
  /** Files under `dir`, recursively, as absolute paths, sorted; hidden ones (.DS_Store) left out. */
  listFiles(dir: string): string[];
  readFile(file: string): Buffer;
  /** The first `length` bytes of a file (all of it when it is shorter): a picture's header, without reading the picture. */
  readStart(file: string, length: number): Buffer;
  /** Size in bytes of an existing file. */
  size(file: string): number;
  /** Whether a file (not a folder) exists. */
  isFile(file: string): boolean;
}

/** Hidden files (.DS_Store, .gitkeep) are the system's, not the author's. */
const isHidden = (relative: string) => relative.split(path.sep).some((part) => part.startsWith('.'));

/** The content folder as it is on disk. */
export const diskFs: ContentFs = {
  listFiles(dir) {
    if (!existsSync(dir)) return [];
    return (readdirSync(dir, { recursive: true }) as string[])
      .filter((name) => !isHidden(name))
      .map((name) => path.join(dir, name))
      .filter((file) => diskFs.isFile(file))
      .sort();
  },
  readFile: (file) => readFileSync(file),
  readStart(file, length) {
    const fd = openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(length);
      return buffer.subarray(0, readSync(fd, buffer, 0, length, 0));
    } finally {
      closeSync(fd);
    }
  },
  size: (file) => statSync(file).size,
  isFile(file) {
    // A broken symlink is not a file and must not make the check throw.
    try {
      return statSync(file).isFile();
    } catch {
      return false;
    }
  },
};

/**
 * `base` with some files changed: a path mapped to bytes is written (or added), a path mapped to
 * null is deleted. Paths are absolute.
 */
export function overlayFs(base: ContentFs, changes: ReadonlyMap<string, Uint8Array | null>): ContentFs {
  const changed = new Map([...changes].map(([file, bytes]) => [path.resolve(file), bytes]));
  return {
    listFiles(dir) {
      const inside = (file: string) => !path.relative(dir, file).startsWith('..') && !path.isAbsolute(path.relative(dir, file));
      const files = new Set(base.listFiles(dir).filter((file) => changed.get(file) !== null));
      for (const [file, bytes] of changed) if (bytes !== null && inside(file) && !isHidden(path.relative(dir, file))) files.add(file);
      return [...files].sort();
    },
    readFile(file) {
      const bytes = changed.get(path.resolve(file));
      if (bytes === null) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
      return bytes === undefined ? base.readFile(file) : Buffer.from(bytes);
    },
    readStart(file, length) {
      const bytes = changed.get(path.resolve(file));
      if (bytes === null) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
      return bytes === undefined ? base.readStart(file, length) : Buffer.from(bytes.subarray(0, length));
    },
    size(file) {
      const bytes = changed.get(path.resolve(file));
      return bytes === undefined || bytes === null ? base.size(file) : bytes.byteLength;
    },
    isFile(file) {
      const bytes = changed.get(path.resolve(file));
      return bytes === undefined ? base.isFile(file) : bytes !== null;
    },
  };
}
