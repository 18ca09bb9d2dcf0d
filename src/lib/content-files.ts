/**
 * Whether a collection's folder holds any entry file: a unit may have no letters yet, no
 * activities, no points records. The loader, the build's context and the catalog ask the same
 * question, so an empty collection is treated alike everywhere.
 */
import path from 'node:path';
import { EXTENSIONS, type EntryFormat } from '../schemas/index';
import { diskFs } from './check/content-fs';

/** Whether `dir` (absent, empty, or holding only pictures) has a file of the format's extensions, as glob() would find it. */
export function hasEntryFiles(dir: string, format: EntryFormat): boolean {
  return diskFs.listFiles(dir).some((file) => isEntryFile(dir, format, file));
}

/** Whether `file` is an entry file of a collection folder `dir`: inside it, not hidden, with the format's extension. */
export function isEntryFile(dir: string, format: EntryFormat, file: string): boolean {
  const relative = path.relative(dir, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return false;
  // Hidden files and folders are left out, and extensions compared as written, as glob() does.
  return !relative.split(path.sep).some((part) => part.startsWith('.')) && EXTENSIONS[format].includes(path.extname(file));
}
