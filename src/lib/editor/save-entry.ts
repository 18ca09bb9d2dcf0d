/**
 * Saving an entry from the editor. The new file is composed as a person would write it (fields
 * changed in place, comments and order kept), the whole site is checked with the changed files
 * laid over the disk — the same check the build runs — and only a save that adds no error is
 * written, with the previous files kept for 撤销.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { newEntryId } from '../authoring/entry-id';
import { dataEntry, markdownEntry } from '../authoring/entry-file';
import { setBody, setFields } from '../authoring/frontmatter-edit';
import { checkSite, type SiteCheckOptions } from '../check/check-site';
import { diskFs, overlayFs } from '../check/content-fs';
import type { Problem } from '../check/problem';
import { splitFrontmatter } from '../check/source-file';
import { readEntries } from '../import/existing';
import { COLLECTIONS, describeCollection, IMAGE_FIELDS, type CollectionName } from '../../schemas/index';
import { resolveContentPath } from './content-path';
import { changedFields, toFileValue, toFormValue } from './form-values';
import { keepPrevious, record } from './history';
import { writeFileAtomic } from './write-file';

/** Where the unit's site lives, as the check needs it, and the folder whose `.honor-roll/` keeps the history. */
export type EditorSite = Omit<SiteCheckOptions, 'fs' | 'audience'> & { siteDir: string };

/** A picture for the entry's image field, already through the photo intake. */
export interface NewImage {
  bytes: Uint8Array;
  extension: 'jpg' | 'png';
}

/** A picture the body shows (`![说明](./word-1.jpg)`) that is not written yet: a Word document's, through the photo intake. */
export interface BodyPicture {
  /** The name the body gives it until the save names it after the entry. */
  name: string;
  image: NewImage;
}

export interface SaveRequest {
  collection: CollectionName;
  /** The entry's id; absent for a new entry, which gets its pinyin id. */
  id?: string | undefined;
  /** Field values as the form holds them, by top-level field. Fields not sent are left as they are. */
  data: Record<string, unknown>;
  /** The Markdown body; absent to leave it as it is. */
  body?: string | undefined;
  /** A new picture for the collection's image field. */
  image?: NewImage | undefined;
  /** New pictures for the body; those the body no longer shows are not written. */
  bodyPictures?: readonly BodyPicture[] | undefined;
}

export type SaveResult =
  | { ok: true; id: string; file: string; created: boolean; changed: string[]; warnings: Problem[] }
  | { ok: false; problems: Problem[]; warnings: Problem[] };

/** A save refused before any check: the entry cannot be found or its path is not a safe one. */
const refused = (message: string, hint = '请回到列表重新打开这个条目'): SaveResult => ({
  ok: false,
  warnings: [],
  problems: [{ severity: 'error', code: 'config', file: '', message, hint }],
});

const key = (p: Problem) => [p.file, p.code, p.field ?? '', p.message].join('|');
const errors = (problems: readonly Problem[]) => problems.filter((p) => p.severity === 'error');

/** `officers/wang-xiang` → 人物“王祥”, for the history. */
function describeEntry(collection: CollectionName, data: Record<string, unknown>, id: string): string {
  const name = [data.name, data.title, data.from].find((v) => typeof v === 'string' && v.trim() !== '');
  return `${COLLECTIONS[collection].label}“${typeof name === 'string' ? name : id}”`;
}

/**
 * Composes, checks and (when it adds no error) writes a save. `before` gives the check of the site
 * as it is on disk — asked for only when the save's check finds errors: errors the site already
 * had do not block the save, new ones do.
 */
export async function saveEntry(site: EditorSite, request: SaveRequest, before: readonly Problem[] | (() => Promise<readonly Problem[]>)): Promise<SaveResult> {
  const { collection } = request;
  const fields = describeCollection(collection);
  const { format } = COLLECTIONS[collection];
  const existing = readEntries(site.contentDir, collection);
  const current = request.id === undefined ? undefined : existing.find((e) => e.id === request.id);
  if (request.id !== undefined && !current) {
    return refused(`没有找到这个条目：${collection}/${request.id}`, '它可能刚被删除或改名了：请回到列表重新打开');
  }
  const data = { ...request.data };
  const id = current?.id ?? newEntryId(collection, Object.fromEntries(fields.map((f) => [f.key, toFileValue(f, data[f.key])])), new Set(existing.map((e) => e.id)));
  // Every path written is checked to lie inside the content folder, links resolved.
  const existingPath = current?.path;
  const located = resolveContentPath(site.contentDir, { collection, id, existing: existingPath });
  if (!located.ok) return refused(located.reason);
  const entryPath = located.path;

  // A new picture is named after its entry, as `npm run photo` names it.
  const imageField = IMAGE_FIELDS[collection];
  const changes = new Map<string, Uint8Array | null>();
  if (request.image && imageField) {
    const name = `${id}${imageField === 'photo' ? '' : `-${imageField}`}.${request.image.extension}`;
    const image = resolveContentPath(site.contentDir, { collection, id, existing: existingPath, file: name });
    if (!image.ok) return refused(image.reason);
    changes.set(image.path, request.image.bytes);
    data[imageField] = name;
  }

  // The body's new pictures are named as `npm run import -- docx` names them (wang-xiang-1.jpg, the
  // next number free next to the entry), and the body is changed to say so.
  let body = request.body;
  if (body !== undefined && format === 'markdown' && request.bodyPictures?.length) {
    const folder = path.dirname(entryPath);
    const taken = new Set(existsSync(folder) ? readdirSync(folder).map((name) => name.replace(/\.[^.]*$/, '')) : []);
    let number = 0;
    for (const { name, image } of request.bodyPictures) {
      const written = `](./${name})`;
      if (!body.includes(written)) continue;
      do number++;
      while (taken.has(`${id}-${number}`));
      const file = `${id}-${number}.${image.extension}`;
      const located = resolveContentPath(site.contentDir, { collection, id, existing: existingPath, file });
      if (!located.ok) return refused(located.reason);
      changes.set(located.path, image.bytes);
      body = body.split(written).join(`](./${file})`);
    }
  }

  let text: string;
  let changed: string[];
  if (current) {
    const updates = changedFields(fields, data, current.data);
    changed = Object.keys(updates);
    text = changed.length ? setFields(current.text, updates, { data: format === 'data' }) : current.text;
    if (format === 'markdown' && body !== undefined && body.trim() !== readBody(current.text).trim()) {
      text = setBody(text, body);
      changed.push('body');
    }
  } else {
    const written = Object.fromEntries(fields.map((f) => [f.key, toFileValue(f, data[f.key])]).filter(([, v]) => v !== undefined));
    changed = Object.keys(written);
    text = format === 'data' ? dataEntry(written) : markdownEntry(written, body ?? '');
  }
  changes.set(entryPath, Buffer.from(text, 'utf8'));

  const after = await checkSite({ ...site, fs: overlayFs(diskFs, changes) });
  const found = errors(after.problems);
  const known = new Set(found.length ? errors(typeof before === 'function' ? await before() : before).map(key) : []);
  const added = found.filter((p) => !known.has(key(p)));
  const relative = path.relative(site.root, entryPath).split(path.sep).join('/');
  const warnings = after.problems.filter((p) => p.severity === 'warning' && p.file === relative);
  if (added.length > 0) return { ok: false, problems: added, warnings };

  // The history is the site's: paths relative to its folder (the content folder is inside it).
  const files = [...changes.keys()].map((file) => path.relative(site.siteDir, file).split(path.sep).join('/'));
  const kept = keepPrevious(site.siteDir, files);
  for (const [file, bytes] of changes) writeFileAtomic(file, bytes!);
  record(site.siteDir, {
    seq: kept.seq,
    action: current ? 'update' : 'create',
    entry: `${collection}/${id}`,
    summary: `${current ? '修改' : '新建'}了${describeEntry(collection, { ...current?.data, ...data }, id)}`,
    files: kept.files,
  });
  return { ok: true, id, file: relative, created: !current, changed, warnings };
}

/** The body of a Markdown entry text ('' when it has no readable frontmatter). */
function readBody(text: string): string {
  const split = splitFrontmatter(text);
  return split.ok ? split.body : '';
}

/** An entry as the form opens it: its fields as form values, and its body. */
export function loadEntry(site: Pick<EditorSite, 'contentDir'>, collection: CollectionName, id: string): { id: string; path: string; data: Record<string, unknown>; body: string } | undefined {
  const entry = readEntries(site.contentDir, collection).find((e) => e.id === id);
  if (!entry) return undefined;
  // A file that is a link to somewhere outside the content folder is not opened.
  if (!resolveContentPath(site.contentDir, { collection, id, existing: entry.path }).ok) return undefined;
  return { id, path: entry.path, data: toFormValue(entry.data) as Record<string, unknown>, body: readBody(entry.text).replace(/^\r?\n/, '') };
}
