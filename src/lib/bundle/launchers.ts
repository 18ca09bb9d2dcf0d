/**
 * The double-clickable launchers of an offline bundle. Each runs one of package.json's scripts the
 * way `npm run` would, but with the bundled Node.js on the script's file directly: no npm (which
 * would look for updates and read the registry), no shell of the PC's own, nothing from PATH. The
 * command is read from package.json when the bundle is made, so a script that changes is followed.
 */
import iconv from 'iconv-lite';
import type { BundlePlatform } from './platform';

export interface Launcher {
  /** The file name without extension, as the clerk sees it. */
  name: string;
  /** The package.json script it runs. */
  script: string;
  /** Arguments after the script's own, as `npm run <script> -- …` would pass them. */
  args?: readonly string[];
  /** What it does, in the launcher's first comment line. */
  purpose: string;
}

export const LAUNCHERS: readonly Launcher[] = [
  { name: '编辑台', script: 'edit', purpose: '打开编辑台（npm run edit）' },
  // The editor opens the browser itself; the preview does when asked, so no address has to be typed.
  { name: '预览网站', script: 'preview', args: ['--open'], purpose: '在本机预览已生成的网站（npm run preview -- --open）' },
  { name: '发布网站', script: 'build', purpose: '检查内容并生成网站，放到 app/dist（npm run build）' },
];

/** Telemetry and update checks off: the PC may have no network, and must not try to reach one. */
export const OFFLINE_ENV: Readonly<Record<string, string>> = {
  ASTRO_TELEMETRY_DISABLED: '1',
  ASTRO_DISABLE_UPDATE_CHECK: 'true',
};

export class LauncherError extends Error {
  override name = 'LauncherError';
}

/**
 * The arguments for `node` that do what `npm run <script>` does: `tsx file.ts …` becomes
 * `--import tsx file.ts …` (tsx's loader in the same process, so Ctrl+C reaches the script);
 * `<bin> …` becomes the bin's file; `node …` stays. Anything a shell would have to read (quotes,
 * `&&`, pipes, variables) is refused, since the launchers run no shell.
 */
export function nodeArguments(scriptName: string, command: string | undefined, binPath: (command: string) => string | undefined): string[] {
  if (command === undefined) throw new LauncherError(`package.json 中没有 "${scriptName}" 脚本`);
  if (/["'`$&|;<>()\\%^!*?]/.test(command) || /(^|\s)\w+=/.test(command)) {
    throw new LauncherError(`package.json 的 "${scriptName}" 脚本（${command}）需要命令行解释，离线包的启动文件无法照做：请让它只是“命令 参数…”`);
  }
  const [program, ...args] = command.trim().split(/\s+/);
  if (!program) throw new LauncherError(`package.json 的 "${scriptName}" 脚本是空的`);
  if (program === 'node') return args;
  if (program === 'tsx') {
    if (!args[0] || args[0].startsWith('-') || args[0] === 'watch') {
      throw new LauncherError(`package.json 的 "${scriptName}" 脚本（${command}）用了 tsx 的命令或选项，离线包只支持“tsx 文件 参数…”`);
    }
    return ['--import', 'tsx', ...args];
  }
  const file = binPath(program);
  if (!file) throw new LauncherError(`package.json 的 "${scriptName}" 脚本运行的 ${program} 不在 package-lock.json 的依赖中`);
  return [file, ...args];
}

/** The node arguments of a launcher, from the package.json scripts and the lockfile's bins. */
export function launcherArguments(launcher: Launcher, scripts: Readonly<Record<string, string>>, binPath: (command: string) => string | undefined): string[] {
  return [...nodeArguments(launcher.script, scripts[launcher.script], binPath), ...(launcher.args ?? [])];
}

/** The packages a launcher's arguments load besides the project's dependencies (tsx is a devDependency). */
export function launcherPackages(args: readonly string[]): string[] {
  return args[0] === '--import' && args[1] ? [args[1]] : [];
}

/** Quotes an argument for cmd.exe and POSIX sh alike; the arguments come from nodeArguments, so they hold no quotes. */
const quoted = (arg: string) => (/^[\w@%+=:,./\\-]+$/.test(arg) ? arg : `"${arg}"`);

/**
 * The launcher's text. Windows: a `.cmd` that finds the bundle from its own place (`%~dp0`), so it
 * works from any folder, a Chinese or spaced path included, and keeps its window open at the end
 * so the clerk can read what happened. Linux: the same as a POSIX shell script. The only message of
 * its own is the one Node cannot give: the launcher was copied out of the bundle.
 */
export function launcherText(platform: BundlePlatform, launcher: Launcher, args: readonly string[]): string {
  const envNames = Object.keys(OFFLINE_ENV);
  const nodeShown = platform.launcherKind === 'cmd' ? platform.nodeBinaryInBundle.replaceAll('/', '\\') : platform.nodeBinaryInBundle;
  const shortcut = platform.launcherKind === 'cmd' ? '在桌面上放它的快捷方式（右键 → 发送到 → 桌面快捷方式）' : '在桌面上建立指向它的链接';
  const missing = `找不到 ${nodeShown}。请不要把“${launcher.name}”单独复制出来：回到解压出的文件夹中双击它，或者${shortcut}。`;
  if (platform.launcherKind === 'cmd') {
    const node = `%ROOT%${platform.nodeBinaryInBundle.replaceAll('/', '\\')}`;
    const argv = args.map((arg) => quoted(arg.replaceAll('/', '\\'))).join(' ');
    return [
      '@echo off',
      `rem 荣誉榜离线包：${launcher.purpose}。由 npm run bundle 生成。`,
      'setlocal',
      'set "ROOT=%~dp0"',
      `if not exist "${node}" (`,
      `  echo ${missing}`,
      '  pause',
      '  exit /b 1',
      ')',
      'cd /d "%ROOT%app"',
      ...envNames.map((name) => `set "${name}=${OFFLINE_ENV[name]}"`),
      'set "NODE_OPTIONS="',
      `"${node}" ${argv} %*`,
      'pause',
      '',
    ].join('\r\n');
  }
  return [
    '#!/bin/sh',
    `# 荣誉榜离线包：${launcher.purpose}。由 npm run bundle 生成。`,
    'root=$(cd "$(dirname "$0")" && pwd) || exit 1',
    `if [ ! -x "$root/${platform.nodeBinaryInBundle}" ]; then`,
    `  echo '${missing}' >&2`,
    '  exit 1',
    'fi',
    'cd "$root/app" || exit 1',
    ...envNames.map((name) => `export ${name}=${OFFLINE_ENV[name]}`),
    'unset NODE_OPTIONS',
    `exec "$root/${platform.nodeBinaryInBundle}" ${args.map(quoted).join(' ')} "$@"`,
    '',
  ].join('\n');
}

/**
 * The launcher as a file of the bundle. A `.cmd` is written in GBK: cmd.exe reads a batch file in
 * the console's code page, 936 on Chinese Windows, so its one Chinese message shows as written
 * (every command in it is ASCII and works under any code page). A `.sh` is UTF-8 and executable.
 */
export function launcherFile(platform: BundlePlatform, launcher: Launcher, args: readonly string[]): { fileName: string; bytes: Buffer; mode: number } {
  const text = launcherText(platform, launcher, args);
  return platform.launcherKind === 'cmd'
    ? { fileName: `${launcher.name}.cmd`, bytes: iconv.encode(text, 'gbk'), mode: 0o644 }
    : { fileName: `${launcher.name}.sh`, bytes: Buffer.from(text, 'utf8'), mode: 0o755 };
}
