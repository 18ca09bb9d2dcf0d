/**
 * The offline bundle's launchers (src/lib/bundle/launchers.ts): package.json scripts turned into
 * arguments for the bundled node, the text of the Windows `.cmd` (GBK, CRLF, ASCII commands) and
 * of the Linux `.sh`, which is run here from a folder with a Chinese name and a space in it.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { LAUNCHERS, launcherArguments, launcherFile, launcherPackages, launcherText, nodeArguments, OFFLINE_ENV } from '../../src/lib/bundle/launchers';
import { binPath, type Lockfile } from '../../src/lib/bundle/lockfile';
import { BUNDLE_PLATFORMS } from '../../src/lib/bundle/platform';

const WIN = BUNDLE_PLATFORMS['win32-x64'];
const LINUX = BUNDLE_PLATFORMS['linux-x64'];
const bins: Record<string, string> = { astro: 'node_modules/astro/astro.js' };
const bin = (command: string) => bins[command];
const [EDITOR, PREVIEW, BUILD] = LAUNCHERS as [(typeof LAUNCHERS)[number], (typeof LAUNCHERS)[number], (typeof LAUNCHERS)[number]];

describe('nodeArguments', () => {
  it('runs a tsx script with tsx’s loader in the same process, a bin by its file, node as it is', () => {
    expect(nodeArguments('edit', 'tsx scripts/edit.ts', bin)).toEqual(['--import', 'tsx', 'scripts/edit.ts']);
    expect(nodeArguments('build', 'astro build', bin)).toEqual(['node_modules/astro/astro.js', 'build']);
    expect(nodeArguments('preview', '  astro   preview ', bin)).toEqual(['node_modules/astro/astro.js', 'preview']);
    expect(nodeArguments('x', 'node scripts/x.mjs --fast', bin)).toEqual(['scripts/x.mjs', '--fast']);
  });

  it('refuses what only a shell or npm could run, naming the script', () => {
    expect(() => nodeArguments('build', 'astro check && astro build', bin)).toThrow('package.json 的 "build" 脚本（astro check && astro build）需要命令行解释');
    expect(() => nodeArguments('build', 'HONOR_ROLL_NOW=x astro build', bin)).toThrow('需要命令行解释');
    expect(() => nodeArguments('build', 'astro build > log.txt', bin)).toThrow('需要命令行解释');
    expect(() => nodeArguments('edit', 'tsx watch scripts/edit.ts', bin)).toThrow('只支持“tsx 文件 参数…”');
    expect(() => nodeArguments('dev', 'vite dev', bin)).toThrow('package.json 的 "dev" 脚本运行的 vite 不在 package-lock.json 的依赖中');
    expect(() => nodeArguments('edit', undefined, bin)).toThrow('package.json 中没有 "edit" 脚本');
  });

  it('tells which package a launcher loads besides the dependencies', () => {
    expect(launcherPackages(['--import', 'tsx', 'scripts/edit.ts'])).toEqual(['tsx']);
    expect(launcherPackages(['node_modules/astro/astro.js', 'build'])).toEqual([]);
  });

  it('turns every script of the project’s own package.json into a launcher', () => {
    const root = new URL('../../', import.meta.url);
    const scripts = (JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as Lockfile;
    for (const launcher of LAUNCHERS) {
      const args = launcherArguments(launcher, scripts, (command) => binPath(lock, command));
      expect(args.length, launcher.name).toBeGreaterThan(0);
    }
    expect(launcherArguments(PREVIEW, scripts, (command) => binPath(lock, command)).at(-1)).toBe('--open');
  });
});

describe('the Windows launcher', () => {
  const file = launcherFile(WIN, EDITOR, ['--import', 'tsx', 'scripts/edit.ts']);
  const text = iconv.decode(file.bytes, 'gbk');

  it('is a .cmd with its Chinese name, written in GBK with CRLF line ends', () => {
    expect(file.fileName).toBe('编辑台.cmd');
    expect(text).toBe(launcherText(WIN, EDITOR, ['--import', 'tsx', 'scripts/edit.ts']));
    expect(iconv.encode(text, 'gbk').equals(file.bytes)).toBe(true);
    expect(text.split('\r\n').length).toBeGreaterThan(5);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('runs the bundled node from its own folder, whatever the current folder, with telemetry off', () => {
    const lines = text.split('\r\n');
    expect(lines).toContain('set "ROOT=%~dp0"');
    expect(lines).toContain('cd /d "%ROOT%app"');
    expect(lines).toContain('set "ASTRO_TELEMETRY_DISABLED=1"');
    expect(lines).toContain('set "ASTRO_DISABLE_UPDATE_CHECK=true"');
    expect(lines).toContain('"%ROOT%runtime\\node.exe" --import tsx scripts\\edit.ts %*');
    expect(lines.at(-2)).toBe('pause');
  });

  it('has Chinese only in its comment and its one message, so every command reads the same under any code page', () => {
    const nonAscii = text.split('\r\n').filter((line) => /[^\x00-\x7f]/.test(line));
    expect(nonAscii.map((line) => line.trim().split(' ')[0])).toEqual(['rem', 'echo']);
    expect(nonAscii[1]).toBe(
      '  echo 找不到 runtime\\node.exe。请不要把“编辑台”单独复制出来：回到解压出的文件夹中双击它，或者在桌面上放它的快捷方式（右键 → 发送到 → 桌面快捷方式）。',
    );
  });

  it('passes the build and the preview their own arguments', () => {
    expect(launcherText(WIN, BUILD, ['node_modules/astro/astro.js', 'build'])).toContain('"%ROOT%runtime\\node.exe" node_modules\\astro\\astro.js build %*\r\n');
    expect(launcherFile(WIN, PREVIEW, ['node_modules/astro/astro.js', 'preview', '--open']).fileName).toBe('预览网站.cmd');
  });
});

describe('the Linux launcher, run', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'bundle-launchers-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** A bundle whose "node" reports how it was started. */
  function fakeBundle(name: string, withNode = true): string {
    const top = path.join(work, name);
    mkdirSync(path.join(top, 'runtime'), { recursive: true });
    mkdirSync(path.join(top, 'app'), { recursive: true });
    if (withNode) {
      writeFileSync(path.join(top, 'runtime', 'node'), '#!/bin/sh\necho "cwd=$(pwd)"\necho "args=$*"\necho "telemetry=$ASTRO_TELEMETRY_DISABLED update=$ASTRO_DISABLE_UPDATE_CHECK options=${NODE_OPTIONS-unset}"\n');
      chmodSync(path.join(top, 'runtime', 'node'), 0o755);
    }
    const launcher = launcherFile(LINUX, BUILD, ['node_modules/astro/astro.js', 'build']);
    writeFileSync(path.join(top, launcher.fileName), launcher.bytes, { mode: launcher.mode });
    return top;
  }

  it('starts the bundled node in app/ with the script’s arguments and its own, telemetry off, from a Chinese folder with a space', () => {
    const top = fakeBundle('荣誉榜 离线包');
    const run = spawnSync(path.join(top, '发布网站.sh'), ['--verbose'], { cwd: os.tmpdir(), encoding: 'utf8', env: { PATH: '/usr/bin:/bin', NODE_OPTIONS: '--inspect' } });
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      `cwd=${path.join(top, 'app')}`,
      'args=node_modules/astro/astro.js build --verbose',
      `telemetry=${OFFLINE_ENV.ASTRO_TELEMETRY_DISABLED} update=${OFFLINE_ENV.ASTRO_DISABLE_UPDATE_CHECK} options=unset`,
      '',
    ]);
  });

  it('says in Chinese what to do when it was copied out of the bundle', () => {
    const top = fakeBundle('只有启动文件', false);
    const run = spawnSync(path.join(top, '发布网站.sh'), [], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('找不到 runtime/node。请不要把“发布网站”单独复制出来：回到解压出的文件夹中双击它，或者在桌面上建立指向它的链接。\n');
  });
});
