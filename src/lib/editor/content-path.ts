/**
 * Where the editor may read and write: a file of one entry, or an image next to it, strictly inside
 * the content folder. Every name that arrives from the browser goes through here before it
 * touches the disk, so a crafted request cannot reach `../../site.config.yaml`, `C:\Windows`, a
 * device such as `CON` (which Windows opens whatever the folder or extension), or a folder that a
 * symbolic link or junction inside the content folder points elsewhere.
 */
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { IMAGE_EXTENSIONS } from '../check/check-content';
import { ENTRY_ID_PATTERN } from '../entry-id';
import { COLLECTION_NAMES, COLLECTIONS, EXTENSIONS, type CollectionName } from '../../schemas/index';

/** An entry, or an image of it, as the browser names it. */
export interface ContentTarget {
  collection: string;
  id: string;
  /** An image next to the entry: a plain file name (`wang-xiang.jpg`). */
  file?: string | undefined;
  /**
   * Where the entry already is, relative to the content folder with `/` (`officers/2020/wang-xiang.md`),
   * as the content check found it. Without it, a new entry at the top of its collection folder.
   */
  existing?: string | undefined;
}

export type PathResult = { ok: true; path: string; collection: CollectionName } | { ok: false; status: 400 | 403; reason: string };

/** Longer names than this are no one's real file names, and Windows paths have a length limit. */
const MAX_NAME_LENGTH = 120;

/**
 * Names Windows reserves for devices, in any case and with any extension (`con.jpg`, `Nul.md`):
 * opening `officers\con.md` opens the console instead of a file. Superscript digits count too.
 */
const RESERVED_DEVICE = /^(?:con|prn|aux|nul|conin\$|conout\$|(?:com|lpt)[0-9¹²³])$/i;

/**
 * A folder or file name: letters of any script, digits, `-`, `_`, spaces and dots inside. Not a
 * separator of any system, not `%` (encoded traversal), not `:` (drive letters and NTFS streams),
 * not `~` (8.3 short names), and no trailing dot or space, which Windows silently drops.
 */
const SAFE_NAME = /^[\p{L}\p{N}_-](?:[\p{L}\p{N} ._-]*[\p{L}\p{N}_-])?$/u;

const refuse = (reason: string, status: 400 | 403 = 400): PathResult => ({ ok: false, status, reason });

/** Why a single folder or file name cannot be used, or null. */
function nameProblem(name: string): string | null {
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) return `文件名“${name}”的长度不合适`;
  if (!SAFE_NAME.test(name) || name.includes('..')) return `文件名“${name}”含有不允许的字符`;
  if (RESERVED_DEVICE.test(name.split('.')[0]!.trim())) return `“${name}”是 Windows 保留的设备名，不能用作文件名`;
  return null;
}

/** Whether the collection is one of the content model's (not `__proto__`, not `../units`). */
export function isCollectionName(name: string): name is CollectionName {
  return (COLLECTION_NAMES as readonly string[]).includes(name);
}

/** Why an entry id cannot be used, or null. Ids are file names and part of the page's address. */
export function entryIdProblem(id: string): string | null {
  if (!ENTRY_ID_PATTERN.test(id) || id.length > MAX_NAME_LENGTH) return `“${id}”不是有效的条目 id（只能用小写拼音字母、数字和连字符，如 wang-xiang）`;
  return nameProblem(id);
}

/** Whether `child` is `parent` or inside it (by path; links are not followed). */
export function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The real location of the nearest part of `file` that exists: links and junctions resolved. */
function realNearest(file: string): string {
  let current = file;
  while (!existsSync(current)) {
    const parent = path.dirname(current);
    if (parent === current) return current;
    current = parent;
  }
  // The remaining, not yet existing part is made of checked names: it cannot leave the folder.
  return path.join(realpathSync.native(current), path.relative(current, file));
}

/** The entry's file relative to its collection folder: the existing one after checking it, or `<id>.<ext>`. */
function entryFileParts(collection: CollectionName, id: string, existing: string | undefined): { parts: string[] } | { problem: string } {
  const extensions = EXTENSIONS[COLLECTIONS[collection].format];
  if (existing === undefined) return { parts: [`${id}${extensions[0]}`] };
  const parts = existing.split('/');
  if (parts.shift() !== collection) return { problem: `“${existing}”不在 ${collection} 文件夹中` };
  const fileName = parts.at(-1) ?? '';
  const ext = path.extname(fileName).toLowerCase();
  if (fileName !== `${id}${path.extname(fileName)}` || !extensions.includes(ext)) return { problem: `“${existing}”不是条目 ${collection}/${id} 的文件` };
  const problem = parts.map(nameProblem).find((p) => p !== null);
  return problem ? { problem } : { parts };
}

/**
 * The absolute path of an entry's file, or of an image next to it, strictly inside `contentDir`;
 * or why not. Reads the disk only to resolve links (`realpath` of the nearest existing ancestor).
 */
export function resolveContentPath(contentDir: string, target: ContentTarget): PathResult {
  const { collection, id, file, existing } = target;
  if (!isCollectionName(collection)) return refuse(`没有“${collection}”这类内容`);
  const idProblem = entryIdProblem(id);
  if (idProblem) return refuse(idProblem);
  const located = entryFileParts(collection, id, existing);
  if ('problem' in located) return refuse(located.problem);
  const { parts } = located;
  if (file !== undefined) {
    const problem = nameProblem(file);
    if (problem) return refuse(problem);
    if (!IMAGE_EXTENSIONS.includes(path.extname(file).toLowerCase())) return refuse(`“${file}”不是图片文件（可用 ${IMAGE_EXTENSIONS.join('、')}）`);
    parts.splice(-1, 1, file);
  }

  const base = path.resolve(contentDir);
  const resolved = path.join(base, collection, ...parts);
  // Checked names cannot climb out; this is the second lock on the same door.
  if (!isInside(base, resolved)) return refuse('路径不在内容文件夹中', 403);
  if (!existsSync(base)) return refuse('找不到内容文件夹', 403);
  if (!isInside(realpathSync.native(base), realNearest(resolved))) {
    return refuse('路径经由链接指向内容文件夹之外，编辑台不会读写它', 403);
  }
  return { ok: true, path: resolved, collection };
}
