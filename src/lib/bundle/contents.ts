/**
 * What an offline bundle holds and where, as one list of zip entries:
 *
 *   honor-roll-<platform>-<date>/
 *     编辑台.cmd 预览网站.cmd 发布网站.cmd    (Linux: .sh)
 *     runtime/node.exe                        (Linux: runtime/node)
 *     app/                                    the project: its code, docs and dependencies
 *       src/content/ site.config.yaml public/ the unit's own data, as it was when the bundle was made
 *
 * Only what runs or helps on the PC goes in: no tests, no build output, no editor history, no
 * version-control folder, no devDependencies but those the launchers run.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The project's files and folders a bundle carries (besides node_modules and the unit's data). */
export const PROJECT_ENTRIES = [
  'package.json',
  'package-lock.json',
  'astro.config.mjs',
  'tsconfig.json',
  'README.md',
  'src',
  'scripts',
  'docs',
  'examples',
  'deploy',
] as const;

/**
 * The unit's own data inside `app/`: taken from the site being bundled (the project's own, or the
 * HONOR_ROLL_SITE folder), and what a clerk copies from an old bundle into a new one.
 */
export const UNIT_DATA = { content: 'src/content', config: 'site.config.yaml', public: 'public' } as const;

/** The folder of the project inside the bundle. */
export const APP_FOLDER = 'app';

/** Files that operating systems leave behind: never worth carrying. */
const LITTER = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

/** The bundle's top folder: one per platform and day (this PC's day), so a new bundle unpacks beside the old one. */
export function bundleFolderName(platformId: string, date: Date): string {
  const day = [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((part) => String(part).padStart(2, '0')).join('');
  return `honor-roll-${platformId}-${day}`;
}

/** One file of the bundle: its path in the zip, and where its bytes come from. */
export interface BundleEntry {
  zipPath: string;
  /** A file on this machine… */
  source?: string;
  /** …or bytes made here (the launchers). */
  bytes?: Buffer;
  /** Unix permissions: executables must stay executable on Linux. */
  mode?: number;
}

/** A folder's files as relative paths with `/`, and the folder they are in. */
export interface FileSet {
  dir: string;
  files: readonly string[];
}

export interface BundleInput {
  top: string;
  /** The project's files, relative to the project (already limited to PROJECT_ENTRIES). */
  project: FileSet;
  content: FileSet;
  configFile: string;
  publicFiles: FileSet;
  /**
   * Each package: its lockfile location and its own files (its nested node_modules are packages of
   * their own), and whether it is a binary for one platform.
   */
  packages: readonly (FileSet & { location: string; native?: boolean })[];
  /** Whether the target runs what has the executable bit (Linux), rather than what ends in .exe. */
  unixTarget?: boolean;
  node: { source: string; zipPath: string };
  launchers: readonly { fileName: string; bytes: Buffer; mode: number }[];
}

/** Whether a project file (relative, with `/`) goes into `app/` as part of the project's code. */
export function isProjectFile(relative: string): boolean {
  const parts = relative.split('/');
  if (parts.some((part) => LITTER.has(part) || part === 'node_modules' || part === '.git')) return false;
  const entry = PROJECT_ENTRIES.find((name) => relative === name || relative.startsWith(`${name}/`));
  if (!entry) return false;
  // The unit's data comes from the site being bundled, never from the project's copy.
  return !Object.values(UNIT_DATA).some((data) => relative === data || relative.startsWith(`${data}/`));
}

/** Whether a file of a package goes in: not its nested node_modules (separate packages, included only when needed). */
export function isPackageFile(relative: string): boolean {
  return !relative.startsWith('node_modules/') && relative !== 'node_modules' && !LITTER.has(path.posix.basename(relative));
}

/** Every entry of the bundle, sorted by path, each path given once. */
export function bundleEntries(input: BundleInput): BundleEntry[] {
  const app = `${input.top}/${APP_FOLDER}`;
  const from = (set: FileSet, prefix: string, keep: (file: string) => boolean = () => true) =>
    set.files.filter(keep).map((file): BundleEntry => ({ zipPath: `${prefix}/${file}`, source: path.join(set.dir, file) }));
  const entries: BundleEntry[] = [
    ...input.launchers.map((launcher) => ({ zipPath: `${input.top}/${launcher.fileName}`, bytes: launcher.bytes, mode: launcher.mode })),
    { zipPath: `${input.top}/${input.node.zipPath}`, source: input.node.source, mode: 0o755 },
    ...from(input.project, app, isProjectFile),
    ...from(input.content, `${app}/${UNIT_DATA.content}`, (file) => !LITTER.has(path.posix.basename(file))),
    { zipPath: `${app}/${UNIT_DATA.config}`, source: input.configFile },
    ...from(input.publicFiles, `${app}/${UNIT_DATA.public}`, (file) => !LITTER.has(path.posix.basename(file))),
    ...input.packages.flatMap((pkg) =>
      from(pkg, `${app}/${pkg.location}`, isPackageFile).map((entry) =>
        // esbuild's and Pagefind's programs have no extension. Marked executable here, so a Linux
        // bundle made on Windows, whose files carry no such bit, still runs them.
        input.unixTarget && pkg.native && !path.posix.basename(entry.zipPath).includes('.') ? { ...entry, mode: 0o755 } : entry,
      ),
    ),
  ];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.zipPath)) throw new Error(`离线包中有两个 ${entry.zipPath}`);
    seen.add(entry.zipPath);
  }
  return entries.sort((a, b) => (a.zipPath < b.zipPath ? -1 : a.zipPath > b.zipPath ? 1 : 0));
}

/**
 * The longest path a clerk's unpacking creates, for Windows' 260-character limit: Explorer cannot
 * unpack a file whose whole path is longer, so the bundle command says how deep it may be unpacked.
 */
export function longestPath(entries: readonly BundleEntry[]): string {
  return entries.reduce((longest, entry) => (entry.zipPath.length > longest.length ? entry.zipPath : longest), '');
}

/** Names Windows reserves for devices, whatever the extension (`aux.js` cannot be created). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;

/**
 * The paths Windows cannot unpack as they are: characters it forbids in names, device names,
 * names ending in a dot or a space, and two paths that differ only in case (the second would
 * overwrite the first). Each with what is wrong, in Chinese.
 */
export function windowsPathProblems(zipPaths: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const zipPath of zipPaths) {
    const bad = zipPath.split('/').find((part) => /[<>:"|?*\\\x00-\x1f]/.test(part) || WINDOWS_RESERVED.test(part) || /[. ]$/.test(part));
    if (bad !== undefined) problems.push(`${zipPath}：Windows 不允许“${bad}”这样的名字`);
    const folded = zipPath.toLowerCase();
    const earlier = seen.get(folded);
    if (earlier !== undefined) problems.push(`${zipPath}：和 ${earlier} 只有大小写不同，Windows 上会互相覆盖`);
    else seen.set(folded, zipPath);
  }
  return problems;
}

/**
 * Every file under `dir`, relative with `/`, sorted; symbolic links followed as the zip will read
 * them. `skip` prunes folders (a package's nested node_modules) before they are read.
 */
export function listFiles(dir: string, skip: (relative: string) => boolean = () => false): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  const visit = (relative: string) => {
    for (const name of readdirSync(path.join(dir, relative))) {
      const child = relative ? `${relative}/${name}` : name;
      if (skip(child)) continue;
      if (statSync(path.join(dir, child)).isDirectory()) visit(child);
      else files.push(child);
    }
  };
  visit('');
  return files.sort();
}
