/**
 * Published versions of a site. A build no longer deletes the site it replaces: the replaced site
 * is kept next to the output folder, on the same disk, so that bringing it back (回退) is a rename
 * rather than a copy, and takes a moment whatever the size of the site.
 *
 *   dist/                              the live site (what nginx or IIS serves)
 *   .dist-versions/live.json           the live site's record, and which version was live before it
 *   .dist-versions/<id>/site/          a kept version, as it was published
 *   .dist-versions/<id>/release.json   its record: when, by which command, how many pages and files
 *
 * Besides the live site at most `KEPT_VERSIONS` versions are kept; the one live longest ago goes
 * first. A record is never put inside a site: it would be served with it.
 *
 * Every change of the live site, a build's or a rollback's, is one journaled swap (`swap.json`):
 * set the live site aside, move the other one in, write the new `live.json`, drop the journal.
 * A process killed at any point leaves the journal, which `recoverReleases` reads at the start of
 * the next build or rollback: before the second rename it puts the previous site back, after it
 * it completes the swap. The site folder is missing only between two renames, and recovery ends that.
 * Callers hold the build lock (src/lib/build-lock.ts) around everything that changes the folders.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renameWithRetry, type RetryOptions } from './folder-rename';
import { filesUnder } from './guard-site';
import { SITE_UTC_OFFSET_MINUTES } from './instant';
import type { Audience } from './publishing';

/** How many earlier versions are kept besides the live one. */
export const KEPT_VERSIONS = 5;

/** What is known of one published version. */
export interface ReleaseRecord {
  /** Its folder's name: the time of publication in Beijing time and a sequence number, `20260601-120000-001`. */
  id: string;
  /** When it was published (ISO 8601). */
  publishedAt: string;
  /** What published it: `npm run build`, 编辑台发布 … */
  command: string;
  /** Its pages (HTML files). */
  pages: number;
  /** All its files, compressed copies included. */
  files: number;
  /** Which edition; absent for a site published before versions were recorded. */
  audience?: Audience | undefined;
  /** When it stopped being the live site; absent on the live one. */
  retiredAt?: string | undefined;
  /** The digest of what the build read (build-inputs.ts); absent when unknown, or when a file changed while it ran. */
  inputs?: string | undefined;
  /** The digest of its files' names, sizes and modification times when published (`folderStamp`). */
  output?: string | undefined;
}

/** The versions of one output folder. */
export interface ReleaseList {
  outDir: string;
  versionsDir: string;
  /** The live site; null when the output folder does not exist. */
  live: ReleaseRecord | null;
  /** The kept versions, the one live most recently first. */
  kept: ReleaseRecord[];
  /** What a rollback brings back: the version that was live before the live one. */
  previous: ReleaseRecord | null;
  /** A swap was interrupted and is repaired by the next build or rollback. */
  interrupted: boolean;
  /** The live folder was changed by hand since it was published (asked for with `verify`). */
  liveChanged: boolean;
}

/**
 * The file operations that change the folders, in the order a swap makes them. Tests replace them
 * to stop a swap after any one of them, as a killed process would.
 */
export interface ReleaseDisk {
  rename(from: string, to: string): void;
  writeFile(file: string, text: string): void;
  /** Removes a file or a folder with everything in it; nothing when it does not exist. */
  remove(target: string): void;
  mkdir(dir: string): void;
}

export const NODE_DISK: ReleaseDisk = {
  rename: renameSync,
  writeFile: (file, text) => writeFileSync(file, text),
  remove: (target) => rmSync(target, { recursive: true, force: true, maxRetries: 3 }),
  mkdir: (dir) => mkdirSync(dir, { recursive: true }),
};

export interface ReleaseOptions {
  disk?: ReleaseDisk | undefined;
  /** How renames of busy folders are retried (Windows). */
  retry?: RetryOptions | undefined;
  /** The time of the change (tests pin it). */
  now?: Date | undefined;
  /** How many earlier versions to keep. Default `KEPT_VERSIONS`. */
  keep?: number | undefined;
}

/** What a record says when the live site was published before versions were recorded. */
export const UNRECORDED_COMMAND = '发布方式未记录';

const LIVE_FILE = 'live.json';
const JOURNAL_FILE = 'swap.json';
const RECORD_FILE = 'release.json';
const SITE_DIR = 'site';
/** Where a new site waits for its swap: inside the versions folder, so on the output's disk. */
const INCOMING_DIR = '.incoming';
/** A version being deleted is renamed first, so a half-deleted one is never listed. */
const TRASH_PREFIX = '.trash-';
const ID_PATTERN = /^\d{8}-\d{6}-\d{3,}$/;

interface LiveState {
  release: ReleaseRecord;
  /** The version live before this one: what a rollback brings back. */
  before: string | null;
}

/** A swap under way: enough to finish it or to undo it after a crash. */
interface Journal {
  /** The live site being set aside; null when there was none. */
  outgoing: ReleaseRecord | null;
  incoming: ReleaseRecord;
  /** The kept version being brought back; null for a new site (in `.incoming`). */
  sourceId: string | null;
}

/** A hidden sibling of the output folder: `dist` → `.dist-versions`. */
export function versionsDirFor(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}-versions`);
}

const keptSite = (dir: string, id: string) => path.join(dir, id, SITE_DIR);

/**
 * The names, sizes and modification times of every file of a folder, as one digest: moving the
 * folder keeps it; a site put back from a backup, or a page edited or a picture swapped by hand,
 * gives another. Null when the folder cannot be read whole (a broken link in it).
 */
export function folderStamp(dir: string): string | null {
  try {
    const hash = createHash('sha256');
    // One stat a file (filesUnder would take two): a 2,000-entry site has over 11,000.
    for (const name of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
      const stat = statSync(path.join(dir, name));
      if (stat.isDirectory()) continue;
      const file = name.split(path.sep).join('/');
      hash.update(`${Buffer.byteLength(file)}:${file}${stat.size}:${stat.mtimeMs}\n`);
    }
    return hash.digest('hex');
  } catch {
    return null;
  }
}
const countPages = (files: readonly string[]) => files.filter((f) => f.endsWith('.html')).length;

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

/** Written whole or not at all: a crash never leaves half a record. */
function writeJson(disk: ReleaseDisk, file: string, value: unknown): void {
  disk.writeFile(`${file}.tmp`, `${JSON.stringify(value, null, 2)}\n`);
  disk.rename(`${file}.tmp`, file);
}

function isRecord(value: unknown): value is ReleaseRecord {
  const r = value as Partial<ReleaseRecord> | null;
  return typeof r?.id === 'string' && typeof r.publishedAt === 'string' && typeof r.command === 'string' && typeof r.pages === 'number' && typeof r.files === 'number';
}

function readLive(dir: string): LiveState | null {
  const state = readJson<LiveState>(path.join(dir, LIVE_FILE));
  return state && isRecord(state.release) ? state : null;
}

/** `20260601-120000-001`: the moment in Beijing time, and the first sequence number not taken. */
function releaseId(moment: Date, taken: (id: string) => boolean): string {
  const b = new Date(moment.getTime() + SITE_UTC_OFFSET_MINUTES * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${b.getUTCFullYear()}${pad(b.getUTCMonth() + 1)}${pad(b.getUTCDate())}-${pad(b.getUTCHours())}${pad(b.getUTCMinutes())}${pad(b.getUTCSeconds())}`;
  for (let seq = 1; ; seq++) {
    const id = `${stamp}-${String(seq).padStart(3, '0')}`;
    if (!taken(id)) return id;
  }
}

const takenIn = (dir: string) => (id: string) => existsSync(path.join(dir, id)) || readLive(dir)?.release.id === id;

/**
 * The live site's record: from `live.json`, or made up from the folder for a site published before
 * versions were recorded (the same every time it is asked for, so the list and the swap agree).
 * With `verify`, also made up when the folder no longer holds the files it was published with
 * (emptied or changed by hand): a kept version's record must say what is in it.
 */
function liveRecord(outDir: string, dir: string, { verify = false } = {}): ReleaseRecord | null {
  if (!existsSync(outDir)) return null;
  const state = readLive(dir);
  const changedByHand = verify && state?.release.output !== undefined && folderStamp(outDir) !== state.release.output;
  if (state && !changedByHand) return state.release;
  const files = readableFilesUnder(outDir);
  const modified = statSync(outDir).mtime;
  return { id: releaseId(modified, takenIn(dir)), publishedAt: modified.toISOString(), command: UNRECORDED_COMMAND, pages: countPages(files), files: files.length };
}

/** The files of a folder; none when it cannot be read whole (a broken link in it), rather than a crash. */
function readableFilesUnder(dir: string): string[] {
  try {
    return filesUnder(dir);
  } catch {
    return [];
  }
}

/** The kept versions, complete ones only, the one live most recently first. */
function keptVersions(dir: string): ReleaseRecord[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && ID_PATTERN.test(d.name) && existsSync(keptSite(dir, d.name)))
    .flatMap((d) => {
      const record = readJson<unknown>(path.join(dir, d.name, RECORD_FILE));
      return isRecord(record) ? [{ ...record, id: d.name }] : [];
    })
    .sort((a, b) => (b.retiredAt ?? b.publishedAt).localeCompare(a.retiredAt ?? a.publishedAt) || b.id.localeCompare(a.id));
}

/**
 * The live site and the kept versions of an output folder. With `verify`, a live folder that no
 * longer holds the files it was published with is described by what it holds (and `liveChanged`
 * says so): for the clerk's list, at the cost of reading every file's size and time.
 */
export function listReleases(outDir: string, { verify = false } = {}): ReleaseList {
  const dir = versionsDirFor(outDir);
  const kept = keptVersions(dir);
  const before = existsSync(outDir) ? readLive(dir)?.before : undefined;
  const recorded = readLive(dir)?.release;
  const live = liveRecord(outDir, dir, { verify });
  return {
    outDir,
    versionsDir: dir,
    live,
    liveChanged: verify && live !== null && recorded !== undefined && live.id !== recorded.id,
    kept,
    previous: kept.find((r) => r.id === before) ?? kept[0] ?? null,
    interrupted: existsSync(path.join(dir, JOURNAL_FILE)),
  };
}

/**
 * Moves `source` into the output folder and sets the live site aside as a kept version, as one
 * journaled swap. When a rename fails (a folder stays busy), what was done is undone and the
 * error thrown: the live site is the one before.
 */
async function swapIn(outDir: string, incoming: ReleaseRecord, sourceId: string | null, options: ReleaseOptions): Promise<void> {
  const dir = versionsDirFor(outDir);
  const disk = options.disk ?? NODE_DISK;
  const rename = (from: string, to: string) => renameWithRetry(from, to, disk.rename, options.retry);
  const now = options.now ?? new Date();
  const live = liveRecord(outDir, dir, { verify: true });
  let outgoing = live ? { ...live, retiredAt: now.toISOString() } : null;
  // Only a damaged versions folder can already hold the live site's id: never overwrite a version.
  if (outgoing && existsSync(path.join(dir, outgoing.id))) outgoing = { ...outgoing, id: releaseId(new Date(outgoing.publishedAt), takenIn(dir)) };
  const { retiredAt: _, ...fresh } = incoming;
  const journal: Journal = { outgoing, incoming: fresh, sourceId };
  writeJson(disk, path.join(dir, JOURNAL_FILE), journal);
  if (outgoing) {
    disk.mkdir(path.join(dir, outgoing.id));
    writeJson(disk, path.join(dir, outgoing.id, RECORD_FILE), outgoing);
    try {
      await rename(outDir, keptSite(dir, outgoing.id));
    } catch (error) {
      abandon(dir, journal, disk);
      throw error;
    }
  }
  try {
    await rename(sourceId ? keptSite(dir, sourceId) : path.join(dir, INCOMING_DIR), outDir);
  } catch (error) {
    // If putting the live site back fails too, the journal stays and the next run puts it back.
    if (outgoing) await rename(keptSite(dir, outgoing.id), outDir);
    abandon(dir, journal, disk);
    throw error;
  }
  finish(dir, journal, disk);
}

/** The swap went through: record the new live site, forget the journal. Repeatable after a crash. */
function finish(dir: string, journal: Journal, disk: ReleaseDisk): void {
  const state: LiveState = { release: journal.incoming, before: journal.outgoing?.id ?? null };
  writeJson(disk, path.join(dir, LIVE_FILE), state);
  // The version brought back left its record behind, alone in its folder.
  if (journal.sourceId) disk.remove(path.join(dir, journal.sourceId));
  disk.remove(path.join(dir, JOURNAL_FILE));
}

/** The swap did not happen: drop what it had prepared, the new site waiting to go live included. */
function abandon(dir: string, journal: Journal, disk: ReleaseDisk): void {
  if (journal.outgoing && !existsSync(keptSite(dir, journal.outgoing.id))) disk.remove(path.join(dir, journal.outgoing.id));
  if (!journal.sourceId) disk.remove(path.join(dir, INCOMING_DIR));
  disk.remove(path.join(dir, JOURNAL_FILE));
}

/** What the next build or rollback found and repaired. */
export type Recovery = 'none' | 'restored' | 'completed';

/**
 * Repairs a swap a killed process left half-done, and clears what it left lying around. Before
 * the live site was moved in, the previous one is put back (`restored`); after, the swap is
 * completed (`completed`). Also repairs a swap of the previous build code, which set the old site
 * aside as `.dist-previous` and deleted it afterwards.
 */
export async function recoverReleases(outDir: string, options: ReleaseOptions = {}): Promise<Recovery> {
  const dir = versionsDirFor(outDir);
  const disk = options.disk ?? NODE_DISK;
  const rename = (from: string, to: string) => renameWithRetry(from, to, disk.rename, options.retry);
  let result: Recovery = 'none';

  const legacyPrevious = path.join(path.dirname(outDir), `.${path.basename(outDir)}-previous`);
  if (!existsSync(outDir) && existsSync(legacyPrevious)) {
    await rename(legacyPrevious, outDir);
    result = 'restored';
  }
  disk.remove(legacyPrevious);
  disk.remove(path.join(path.dirname(outDir), `.${path.basename(outDir)}-incoming`));

  const journal = readJson<Journal>(path.join(dir, JOURNAL_FILE));
  if (journal && isRecord(journal.incoming)) {
    const setAside = journal.outgoing ? keptSite(dir, journal.outgoing.id) : null;
    const wasSetAside = setAside !== null && existsSync(setAside);
    if (existsSync(outDir) && (wasSetAside || !journal.outgoing)) {
      finish(dir, journal, disk);
      result = 'completed';
    } else if (setAside && wasSetAside) {
      await rename(setAside, outDir);
      abandon(dir, journal, disk);
      result = 'restored';
    } else {
      abandon(dir, journal, disk);
    }
  } else if (journal) {
    disk.remove(path.join(dir, JOURNAL_FILE));
  }

  if (existsSync(dir)) {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const leftover =
        entry.name === INCOMING_DIR ||
        entry.name.startsWith(TRASH_PREFIX) ||
        entry.name.endsWith('.tmp') ||
        (entry.isDirectory() && ID_PATTERN.test(entry.name) && !existsSync(keptSite(dir, entry.name)));
      if (leftover) disk.remove(path.join(dir, entry.name));
    }
  }
  return result;
}

/**
 * Deletes the kept versions beyond `keep`, those live longest ago first; never the one a rollback
 * would bring back. A version that cannot be deleted now (a file in use) is left for next time.
 * Returns the ids deleted.
 */
export function pruneReleases(outDir: string, { keep = KEPT_VERSIONS, disk = NODE_DISK }: Pick<ReleaseOptions, 'keep' | 'disk'> = {}): string[] {
  const { kept, previous, versionsDir } = listReleases(outDir);
  const removed: string[] = [];
  for (const { id } of kept.slice(keep)) {
    if (id === previous?.id) continue;
    try {
      const trash = path.join(versionsDir, `${TRASH_PREFIX}${id}`);
      disk.rename(path.join(versionsDir, id), trash);
      disk.remove(trash);
      removed.push(id);
    } catch {
      // Deleted by the next build or rollback.
    }
  }
  return removed;
}

/** What a build tells about the site it publishes. */
export interface PublishInfo {
  command: string;
  audience?: Audience | undefined;
  /** The digest of what the build read. */
  inputs?: string | undefined;
}

/**
 * Publishes a finished site: the staging folder becomes the live site, the live one becomes a
 * kept version, and versions beyond the kept number are deleted. The staging folder may be on
 * another disk (it is then copied next to the output first). Returns the new live site's record.
 */
export async function publishStaging(stagingDir: string, outDir: string, info: PublishInfo, options: ReleaseOptions = {}): Promise<ReleaseRecord> {
  const dir = versionsDirFor(outDir);
  const disk = options.disk ?? NODE_DISK;
  await recoverReleases(outDir, options);
  disk.mkdir(dir);
  const files = filesUnder(stagingDir);
  const now = options.now ?? new Date();
  const record: ReleaseRecord = {
    id: releaseId(now, takenIn(dir)),
    publishedAt: now.toISOString(),
    command: info.command,
    pages: countPages(files),
    files: files.length,
    ...(info.audience ? { audience: info.audience } : {}),
    ...(info.inputs ? { inputs: info.inputs } : {}),
  };
  const incoming = path.join(dir, INCOMING_DIR);
  try {
    await renameWithRetry(stagingDir, incoming, disk.rename, options.retry);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(stagingDir, incoming, { recursive: true });
    disk.remove(stagingDir);
  }
  // Stamped where it stays: the swap renames it on the same disk, which keeps the times.
  const output = folderStamp(incoming);
  const published = output ? { ...record, output } : record;
  await swapIn(outDir, published, null, options);
  pruneReleases(outDir, options);
  return published;
}

/** What a rollback did, or why it could not. */
export type RollbackOutcome =
  | { ok: true; from: ReleaseRecord | null; to: ReleaseRecord; list: ReleaseList }
  | { ok: false; reason: 'no-earlier' | 'unknown-version' | 'already-live'; list: ReleaseList };

/**
 * Brings a kept version back as the live site; the live one becomes a kept version. Without `to`,
 * the version that was live before the live one: so a second rollback undoes the first.
 */
export async function rollbackRelease(outDir: string, { to }: { to?: string | undefined } = {}, options: ReleaseOptions = {}): Promise<RollbackOutcome> {
  await recoverReleases(outDir, options);
  const list = listReleases(outDir);
  if (to !== undefined && to === list.live?.id) return { ok: false, reason: 'already-live', list };
  const target = to === undefined ? list.previous : (list.kept.find((r) => r.id === to) ?? null);
  if (!target) return { ok: false, reason: to === undefined ? 'no-earlier' : 'unknown-version', list };
  await swapIn(outDir, target, target.id, options);
  pruneReleases(outDir, options);
  return { ok: true, from: list.live, to: target, list: listReleases(outDir) };
}
