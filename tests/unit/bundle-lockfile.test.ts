/**
 * Which packages an offline bundle holds (src/lib/bundle/lockfile.ts): npm's platform rules, Node's
 * resolution through nested node_modules, and the project's own package-lock.json walked for both
 * platforms — the native packages of sharp, esbuild (every version in the tree), Pagefind and
 * Rollup for the target, none for another platform.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { binPath, bundledPackages, platformMatches, resolveLocation, type Lockfile } from '../../src/lib/bundle/lockfile';
import { BUNDLE_PLATFORMS, type PlatformTarget } from '../../src/lib/bundle/platform';

const WIN: PlatformTarget = BUNDLE_PLATFORMS['win32-x64'].target;
const LINUX: PlatformTarget = BUNDLE_PLATFORMS['linux-x64'].target;

describe('platformMatches', () => {
  it('follows npm: a plain entry must match, a negated one excludes, libc counts only on Linux', () => {
    expect(platformMatches({}, WIN)).toBe(true);
    expect(platformMatches({ os: ['win32'], cpu: ['x64'] }, WIN)).toBe(true);
    expect(platformMatches({ os: ['win32'], cpu: ['arm64'] }, WIN)).toBe(false);
    expect(platformMatches({ os: ['linux'], cpu: ['x64'] }, WIN)).toBe(false);
    expect(platformMatches({ os: ['!win32'] }, WIN)).toBe(false);
    expect(platformMatches({ os: ['!darwin'] }, WIN)).toBe(true);
    expect(platformMatches({ os: ['linux'], cpu: ['x64'], libc: ['glibc'] }, LINUX)).toBe(true);
    expect(platformMatches({ os: ['linux'], cpu: ['x64'], libc: ['musl'] }, LINUX)).toBe(false);
    expect(platformMatches({ cpu: ['x64'], libc: ['musl'] }, WIN)).toBe(true);
  });
});

/** A lockfile as npm writes it: two esbuild versions (one nested under vite), natives for two platforms, a dev tool. */
const lock: Lockfile = {
  lockfileVersion: 3,
  packages: {
    '': { dependencies: { astro: '^5', sharp: '^0.34' }, devDependencies: { tsx: '^4', vitest: '^3' } },
    'node_modules/astro': { version: '5.18.2', bin: { astro: 'astro.js' }, dependencies: { vite: '^6', esbuild: '^0.27' } },
    'node_modules/vite': { version: '6.4.6', dependencies: { esbuild: '^0.25' }, peerDependencies: { less: '*' } },
    'node_modules/vite/node_modules/esbuild': { version: '0.25.12', optionalDependencies: { '@esbuild/linux-x64': '0.25.12', '@esbuild/win32-x64': '0.25.12' } },
    'node_modules/vite/node_modules/@esbuild/linux-x64': { version: '0.25.12', optional: true, os: ['linux'], cpu: ['x64'] },
    'node_modules/vite/node_modules/@esbuild/win32-x64': { version: '0.25.12', optional: true, os: ['win32'], cpu: ['x64'] },
    'node_modules/esbuild': { version: '0.27.7', optionalDependencies: { '@esbuild/linux-x64': '0.27.7', '@esbuild/win32-x64': '0.27.7' } },
    'node_modules/@esbuild/linux-x64': { version: '0.27.7', optional: true, os: ['linux'], cpu: ['x64'] },
    'node_modules/@esbuild/win32-x64': { version: '0.27.7', optional: true, os: ['win32'], cpu: ['x64'] },
    'node_modules/sharp': {
      version: '0.34.5',
      optionalDependencies: { '@img/sharp-linux-x64': '0.34.5', '@img/sharp-linuxmusl-x64': '0.34.5', '@img/sharp-win32-x64': '0.34.5', '@img/sharp-darwin-arm64': '0.34.5' },
    },
    'node_modules/@img/sharp-linux-x64': { version: '0.34.5', optional: true, os: ['linux'], cpu: ['x64'], libc: ['glibc'], optionalDependencies: { '@img/sharp-libvips-linux-x64': '1.2.4' } },
    'node_modules/@img/sharp-libvips-linux-x64': { version: '1.2.4', optional: true, os: ['linux'], cpu: ['x64'], libc: ['glibc'] },
    'node_modules/@img/sharp-linuxmusl-x64': { version: '0.34.5', optional: true, os: ['linux'], cpu: ['x64'], libc: ['musl'] },
    'node_modules/@img/sharp-win32-x64': { version: '0.34.5', optional: true, os: ['win32'], cpu: ['x64'] },
    'node_modules/tsx': { version: '4.23.15', dev: true, bin: { tsx: './dist/cli.mjs' }, dependencies: { 'get-tsconfig': '^4' } },
    'node_modules/get-tsconfig': { version: '4.10.1', dev: true },
    'node_modules/vitest': { version: '3.2.7', dev: true },
  },
};

const locations = (target: PlatformTarget, extra: string[] = []) => bundledPackages(lock, target, extra).map((pkg) => pkg.location);

describe('resolveLocation', () => {
  it('looks in the package’s own node_modules first, then in each enclosing one', () => {
    expect(resolveLocation(lock.packages, 'node_modules/vite', 'esbuild')).toBe('node_modules/vite/node_modules/esbuild');
    expect(resolveLocation(lock.packages, 'node_modules/vite/node_modules/esbuild', '@esbuild/win32-x64')).toBe('node_modules/vite/node_modules/@esbuild/win32-x64');
    expect(resolveLocation(lock.packages, 'node_modules/astro', 'esbuild')).toBe('node_modules/esbuild');
    expect(resolveLocation(lock.packages, 'node_modules/vite/node_modules/esbuild', 'sharp')).toBe('node_modules/sharp');
    expect(resolveLocation(lock.packages, '', 'left-pad')).toBeUndefined();
  });
});

describe('bundledPackages', () => {
  it('for Windows: each esbuild with its own Windows binary, sharp’s Windows package, nothing for Linux or macOS', () => {
    expect(locations(WIN)).toEqual([
      'node_modules/@esbuild/win32-x64',
      'node_modules/@img/sharp-win32-x64',
      'node_modules/astro',
      'node_modules/esbuild',
      'node_modules/sharp',
      'node_modules/vite',
      'node_modules/vite/node_modules/@esbuild/win32-x64',
      'node_modules/vite/node_modules/esbuild',
    ]);
  });

  it('for Linux: glibc packages with libvips, never the musl ones', () => {
    const linux = locations(LINUX);
    expect(linux).toContain('node_modules/@img/sharp-linux-x64');
    expect(linux).toContain('node_modules/@img/sharp-libvips-linux-x64');
    expect(linux).toContain('node_modules/vite/node_modules/@esbuild/linux-x64');
    expect(linux.filter((location) => /musl|win32|darwin/.test(location))).toEqual([]);
  });

  it('leaves devDependencies out, except those asked for, with what they need', () => {
    expect(locations(WIN)).not.toContain('node_modules/vitest');
    expect(locations(WIN, ['tsx'])).toEqual(expect.arrayContaining(['node_modules/tsx', 'node_modules/get-tsconfig']));
    expect(locations(WIN, ['tsx'])).not.toContain('node_modules/vitest');
  });

  it('brings a peer that npm installed (vite’s tsx), and skips one it did not (less)', () => {
    const withPeer: Lockfile = { lockfileVersion: 3, packages: { ...lock.packages, 'node_modules/vite': { ...lock.packages['node_modules/vite'], peerDependencies: { tsx: '^4', less: '*' } } } };
    const found = bundledPackages(withPeer, WIN).map((pkg) => pkg.location);
    expect(found).toEqual(expect.arrayContaining(['node_modules/tsx', 'node_modules/get-tsconfig']));
    expect(found.some((location) => location.endsWith('/less'))).toBe(false);
  });

  it('marks the packages built for one platform', () => {
    const natives = bundledPackages(lock, WIN).filter((pkg) => pkg.native);
    expect(natives.map((pkg) => `${pkg.name}@${pkg.version}`)).toEqual(['@esbuild/win32-x64@0.27.7', '@img/sharp-win32-x64@0.34.5', '@esbuild/win32-x64@0.25.12']);
  });

  it('refuses a lockfile that lacks a required dependency, and one older than npm 7', () => {
    const broken: Lockfile = { lockfileVersion: 3, packages: { ...lock.packages, 'node_modules/vite': { version: '6.4.6', dependencies: { rollup: '^4' } } } };
    expect(() => bundledPackages(broken, WIN)).toThrow('package-lock.json 中没有 rollup（node_modules/vite 需要它）');
    expect(() => bundledPackages({ lockfileVersion: 1, packages: lock.packages }, WIN)).toThrow('lockfileVersion 2 或 3');
  });

  it('finds the file a command runs, as node_modules/.bin links it', () => {
    expect(binPath(lock, 'astro')).toBe('node_modules/astro/astro.js');
    expect(binPath(lock, 'tsx')).toBe('node_modules/tsx/dist/cli.mjs');
    expect(binPath(lock, 'vite')).toBeUndefined();
  });
});

describe('the project’s package-lock.json', () => {
  const projectLock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as Lockfile;
  const nativeNames = (target: PlatformTarget) => bundledPackages(projectLock, target, ['tsx']).filter((pkg) => pkg.native);
  /** Every esbuild in the tree: each needs its own binary, of its own version, beside it. */
  const esbuilds = bundledPackages(projectLock, WIN, ['tsx']).filter((pkg) => pkg.name === 'esbuild');

  it('gives a Windows bundle the Windows binaries of sharp, every esbuild, Pagefind and Rollup, and no other platform’s', () => {
    const natives = nativeNames(WIN);
    expect(natives.every((pkg) => platformMatches(projectLock.packages[pkg.location]!, WIN))).toBe(true);
    expect(natives.map((pkg) => pkg.name)).toEqual(expect.arrayContaining(['@img/sharp-win32-x64', '@pagefind/windows-x64', '@rollup/rollup-win32-x64-msvc']));
    expect(esbuilds.length).toBeGreaterThan(0);
    for (const esbuild of esbuilds) {
      const binary = natives.find((pkg) => pkg.location === esbuild.location.replace(/esbuild$/, '@esbuild/win32-x64'));
      expect(binary?.version, esbuild.location).toBe(esbuild.version);
    }
    expect(natives.filter((pkg) => /linux|darwin|arm64|ia32/.test(pkg.name))).toEqual([]);
  });

  it('gives a Linux bundle the glibc binaries, sharp’s libvips among them', () => {
    const names = nativeNames(LINUX).map((pkg) => pkg.name);
    expect(names).toEqual(expect.arrayContaining(['@img/sharp-linux-x64', '@img/sharp-libvips-linux-x64', '@pagefind/linux-x64', '@rollup/rollup-linux-x64-gnu', '@esbuild/linux-x64']));
    expect(names.filter((name) => /musl|win32|windows|darwin/.test(name))).toEqual([]);
  });

  it('holds no test or browser tooling', () => {
    const names = bundledPackages(projectLock, WIN, ['tsx']).map((pkg) => pkg.name);
    expect(names).toContain('astro');
    expect(names).toContain('tsx');
    expect(names.filter((name) => ['vitest', 'playwright-core', 'axe-core', 'fast-check', 'yazl', '@astrojs/check'].includes(name))).toEqual([]);
  });
});
