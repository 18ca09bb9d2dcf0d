/**
 * Which packages of package-lock.json an offline bundle holds, and where: the tree npm would
 * install for the bundle's platform, limited to what runs there. The lockfile (version 3) already
 * lists every platform's native packages (sharp's `@img/sharp-*`, `@esbuild/*`, `@pagefind/*`,
 * `@rollup/rollup-*`) with their `os`, `cpu` and `libc`, at the place npm puts them; walking it
 * from the project's dependencies with Node's resolution rule gives the same tree as
 * `npm install --omit=dev --os … --cpu …`, without a second install.
 */
import type { PlatformTarget } from './platform';

/** The fields of a lockfile entry this module reads. */
export interface LockPackage {
  name?: string;
  version?: string;
  dev?: boolean;
  optional?: boolean;
  link?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  bin?: Record<string, string>;
  dependencies?: Record<string, string>;
  /** Only on the project's own entry (''); never followed. */
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

export interface Lockfile {
  lockfileVersion?: number;
  packages: Record<string, LockPackage>;
}

/** One package of the bundle: where it sits (`node_modules/vite/node_modules/esbuild`) and what it is. */
export interface BundledPackage {
  location: string;
  name: string;
  version: string;
  /** Whether it has `os`, `cpu` or `libc` fields: a binary for one platform. */
  native: boolean;
}

/** npm's rule for `os`/`cpu`/`libc` lists: `!x` excludes x; any plain entry must match. */
function listAllows(list: readonly string[] | undefined, value: string | undefined): boolean {
  if (!list || list.length === 0) return true;
  if (value !== undefined && list.includes(`!${value}`)) return false;
  const wanted = list.filter((item) => !item.startsWith('!'));
  return wanted.length === 0 || (value !== undefined && wanted.includes(value));
}

/** Whether npm installs this package on that platform (libc only counts on Linux, as in npm). */
export function platformMatches(entry: LockPackage, target: PlatformTarget): boolean {
  return (
    listAllows(entry.os, target.os) &&
    listAllows(entry.cpu, target.cpu) &&
    (target.os !== 'linux' || listAllows(entry.libc, target.libc))
  );
}

export const isNative = (entry: LockPackage): boolean => Boolean(entry.os?.length || entry.cpu?.length || entry.libc?.length);

/** The package name at a lockfile location: its own `name` (aliases), or the path after the last node_modules/. */
export function packageName(location: string, entry: LockPackage): string {
  return entry.name ?? location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

/**
 * Where Node finds `name` when required from the package at `from` ('' for the project): its own
 * node_modules, then each enclosing one up to the project's.
 */
export function resolveLocation(packages: Lockfile['packages'], from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (Object.hasOwn(packages, candidate)) return candidate;
    if (!base) return undefined;
    base = base.slice(0, base.lastIndexOf('node_modules/')).replace(/\/$/, '');
  }
}

export class LockfileError extends Error {
  override name = 'LockfileError';
}

/**
 * The packages the bundle holds: the project's dependencies and `extraRoots` (devDependencies the
 * launchers run, such as tsx), with everything they need, for `target`. A package for another
 * platform is left out, as npm leaves it out; a required dependency missing from the lockfile is
 * an error (the lockfile does not match package.json).
 */
export function bundledPackages(lock: Lockfile, target: PlatformTarget, extraRoots: readonly string[] = []): BundledPackage[] {
  const packages = lock.packages;
  const root = packages[''];
  if (!root || (lock.lockfileVersion ?? 0) < 2) throw new LockfileError('package-lock.json 不是 npm 7 及以后的格式（lockfileVersion 2 或 3）');
  const found = new Map<string, BundledPackage>();
  const queue: { from: string; name: string; optional: boolean }[] = [
    ...Object.keys(root.dependencies ?? {}).map((name) => ({ from: '', name, optional: false })),
    ...Object.keys(root.optionalDependencies ?? {}).map((name) => ({ from: '', name, optional: true })),
    ...extraRoots.map((name) => ({ from: '', name, optional: false })),
  ];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const location = resolveLocation(packages, next.from, next.name);
    if (location === undefined) {
      if (next.optional) continue;
      throw new LockfileError(`package-lock.json 中没有 ${next.name}（${next.from || 'package.json'} 需要它）`);
    }
    if (found.has(location)) continue;
    const entry = packages[location]!;
    if (entry.link) throw new LockfileError(`${location} 是链接（workspace 或 npm link），离线包无法带上`);
    if (!platformMatches(entry, target)) continue;
    found.set(location, { location, name: packageName(location, entry), version: entry.version ?? '', native: isNative(entry) });
    for (const name of Object.keys(entry.dependencies ?? {})) queue.push({ from: location, name, optional: false });
    for (const name of Object.keys(entry.optionalDependencies ?? {})) queue.push({ from: location, name, optional: true });
    // npm 7+ installs peers; one that is absent was optional or is satisfied higher up.
    for (const name of Object.keys(entry.peerDependencies ?? {})) queue.push({ from: location, name, optional: true });
  }
  return [...found.values()].sort((a, b) => a.location.localeCompare(b.location));
}

/** The file a command name runs, from the package at the top of node_modules that declares it (what node_modules/.bin links to). */
export function binPath(lock: Lockfile, command: string): string | undefined {
  for (const [location, entry] of Object.entries(lock.packages)) {
    if (!location.startsWith('node_modules/') || location.includes('/node_modules/')) continue;
    const target = entry.bin?.[command];
    if (target) return `${location}/${target.replace(/^\.\//, '')}`;
  }
  return undefined;
}
