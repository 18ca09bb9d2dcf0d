/**
 * What `npm run init` does to a site folder, without ever destroying anything: the new site is
 * written into a staging folder first (where the check runs on it), then the current content, config
 * and editor history are moved aside into `backup/<date-time>/` — a site folder of its own —
 * and the new site renamed into place. Only a content folder and config that are byte for byte
 * the shipped sample are removed instead of kept, since the sample is kept in `examples/`.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renameWithRetry } from '../folder-rename';
import { historyDir } from '../editor/history';

/** The folders init works on (from `resolveSitePaths`) and where the shipped sample is kept. */
export interface InitPaths {
  /** The site folder: the project, or HONOR_ROLL_SITE. */
  siteDir: string;
  contentDir: string;
  configFile: string;
  /** The shipped sample as a site folder: `examples/hailing-xuntejing`. */
  sampleDir: string;
}

/** The folder, under the site folder, that keeps what init replaced. */
export const BACKUP_FOLDER = 'backup';

/** A file of the new site, relative to the site folder's content folder (`units/dong-hu.md`). */
export interface NewSite {
  config: string;
  /** Content files by their path inside the content folder. */
  entries: Record<string, string>;
  /** Collection folders to create empty. */
  folders: readonly string[];
}

/** Every file under `dir`, relative, with `/`, sorted. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

/** Whether two folders hold the same files with the same bytes (empty folders do not count). */
function sameFiles(a: string, b: string): boolean {
  const left = filesUnder(a);
  const right = filesUnder(b);
  return left.length === right.length && left.every((f, i) => f === right[i] && readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f))));
}

/** Whether the site's content and config are exactly the shipped sample. */
export function isShippedSample(paths: InitPaths): boolean {
  const sampleConfig = path.join(paths.sampleDir, 'site.config.yaml');
  return (
    existsSync(paths.configFile) &&
    existsSync(sampleConfig) &&
    readFileSync(paths.configFile).equals(readFileSync(sampleConfig)) &&
    sameFiles(paths.contentDir, path.join(paths.sampleDir, 'content'))
  );
}

/** Whether there is anything to keep: a config, or a content folder with any file in it. */
export function hasSite(paths: InitPaths): boolean {
  return existsSync(paths.configFile) || filesUnder(paths.contentDir).length > 0;
}

/** `2026-06-01-143005`: Beijing time, as the clerk's clock shows it. */
export function backupStamp(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', '-').replace(/:/g, '');
}

/** A backup folder not yet used: `backup/2026-06-01-143005`, or `…-2` when two runs share a second. */
function freshFolder(siteDir: string, stamp: string): string {
  const base = path.join(siteDir, BACKUP_FOLDER, stamp);
  let folder = base;
  for (let n = 2; existsSync(folder); n++) folder = `${base}-${n}`;
  return folder;
}

/** What `putAside` did with the site that was there. */
export type PutAside = { kind: 'nothing' } | { kind: 'sample-removed' } | { kind: 'moved'; folder: string };

/**
 * Clears the way for a new site: the shipped sample is removed (it is kept in `examples/`);
 * anything else — content, config, the editor's history of it — is moved into a new backup
 * folder, laid out as a site folder (`content/`, `site.config.yaml`) so it can be built or
 * brought back as it was.
 */
export async function putAside(paths: InitPaths, now: Date): Promise<PutAside> {
  if (!hasSite(paths)) {
    rmSync(paths.contentDir, { recursive: true, force: true });
    return { kind: 'nothing' };
  }
  if (isShippedSample(paths)) {
    rmSync(paths.contentDir, { recursive: true, force: true });
    rmSync(paths.configFile, { force: true });
    return { kind: 'sample-removed' };
  }
  const folder = freshFolder(paths.siteDir, backupStamp(now));
  mkdirSync(folder, { recursive: true });
  const moves: [string, string][] = [
    [paths.contentDir, path.join(folder, 'content')],
    [paths.configFile, path.join(folder, 'site.config.yaml')],
    // 撤销 in the editor must not bring an entry of the old site back into the new one.
    [historyDir(paths.siteDir), path.join(folder, 'editor-history')],
  ];
  for (const [from, to] of moves) if (existsSync(from)) await renameWithRetry(from, to);
  return { kind: 'moved', folder };
}

/** A staging folder next to the content, on the same disk, so the new site is renamed into place. */
export function stagingDir(siteDir: string): string {
  return path.join(siteDir, '.honor-roll', `init-staging-${process.pid}`);
}

/** Writes the new site into a fresh staging folder (`content/`, `site.config.yaml`) and returns it. */
export function stageSite(siteDir: string, site: NewSite): string {
  const staging = stagingDir(siteDir);
  rmSync(staging, { recursive: true, force: true });
  for (const folder of site.folders) mkdirSync(path.join(staging, 'content', folder), { recursive: true });
  for (const [file, text] of Object.entries(site.entries)) {
    mkdirSync(path.dirname(path.join(staging, 'content', file)), { recursive: true });
    writeFileSync(path.join(staging, 'content', file), text);
  }
  writeFileSync(path.join(staging, 'site.config.yaml'), site.config);
  return staging;
}

/** Copies the shipped sample into a fresh staging folder, byte for byte. */
export function stageSample(paths: InitPaths): string {
  const staging = stagingDir(paths.siteDir);
  rmSync(staging, { recursive: true, force: true });
  cpSync(path.join(paths.sampleDir, 'content'), path.join(staging, 'content'), { recursive: true });
  cpSync(path.join(paths.sampleDir, 'site.config.yaml'), path.join(staging, 'site.config.yaml'));
  return staging;
}

/** Moves a staged site into place (after `putAside`) and removes the staging folder. */
export async function installStaged(staging: string, paths: InitPaths): Promise<void> {
  mkdirSync(path.dirname(paths.contentDir), { recursive: true });
  await renameWithRetry(path.join(staging, 'content'), paths.contentDir);
  await renameWithRetry(path.join(staging, 'site.config.yaml'), paths.configFile);
  rmSync(staging, { recursive: true, force: true });
}
