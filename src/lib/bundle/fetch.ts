/**
 * Getting the packages the machine making the bundle does not have installed: the Node.js runtime
 * and, for another platform, that platform's native packages (for Windows: `@img/sharp-win32-x64`,
 * `@esbuild/win32-x64` in each version the tree uses, `@pagefind/windows-x64`,
 * `@rollup/rollup-win32-x64-*`). npm fetches them — with its cache, its registry settings (a
 * mirror such as npmmirror.com included) and its integrity checks — into a temporary folder.
 *
 * npm refuses a direct dependency for another platform (EBADPLATFORM) whatever `--os` says, but
 * installs an optional one when `--os`/`--cpu`/`--libc` name that platform; and it skips an
 * optional one silently when they do not. So each package is an optional dependency under an
 * alias of its own (two esbuild versions can sit side by side), and every one is checked to be
 * there, with its name and version, afterwards.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PlatformTarget } from './platform';

export interface FetchRequest {
  name: string;
  version: string;
}

/** The alias a package is installed under in the temporary folder. */
export const fetchAlias = (index: number) => `bundle-package-${index}`;

/** The temporary folder's package.json: every request an optional dependency under its alias. */
export function fetchManifest(requests: readonly FetchRequest[]): string {
  const optionalDependencies = Object.fromEntries(requests.map((request, index) => [fetchAlias(index), `npm:${request.name}@${request.version}`]));
  return `${JSON.stringify({ name: 'honor-roll-bundle-fetch', private: true, optionalDependencies }, null, 2)}\n`;
}

/** npm's arguments: that platform's optional packages, from the cache first, no scripts, no lockfile, no audit. */
export function npmInstallArgs(target: PlatformTarget): string[] {
  return [
    'install',
    `--os=${target.os}`,
    `--cpu=${target.cpu}`,
    ...(target.libc ? [`--libc=${target.libc}`] : []),
    '--ignore-scripts',
    '--no-package-lock',
    '--no-audit',
    '--no-fund',
    '--prefer-offline',
    '--loglevel=error',
  ];
}

export class FetchError extends Error {
  override name = 'FetchError';
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/** How to start npm: the npm that runs this script (`npm run bundle`), else the one on PATH. */
function npmCommand(): { command: string; prefix: string[]; shell: boolean } {
  const cli = process.env.npm_execpath;
  if (cli && /\.[cm]?js$/.test(cli)) return { command: process.execPath, prefix: [cli], shell: false };
  return { command: 'npm', prefix: [], shell: process.platform === 'win32' };
}

/**
 * Installs the requests for `target` into `dir` and returns each one's folder, in request order.
 * Throws a FetchError saying what is missing and why when npm fails or leaves one out.
 */
export async function fetchPackages(requests: readonly FetchRequest[], target: PlatformTarget, dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), fetchManifest(requests));
  const npm = npmCommand();
  const { status, output } = await new Promise<{ status: number | null; output: string }>((resolve, reject) => {
    const child = spawn(npm.command, [...npm.prefix, ...npmInstallArgs(target)], { cwd: dir, shell: npm.shell, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (chunk) => (text += chunk));
    child.stderr.on('data', (chunk) => (text += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ status: code, output: text }));
  }).catch((error: unknown) => {
    throw new FetchError(`无法运行 npm：${error instanceof Error ? error.message : String(error)}`, '制作离线包的电脑上要装有 Node.js 和 npm');
  });
  const hint = '这一步要从 npm 源下载（下载过的会从 npm 缓存中取）：请在能上网的电脑上制作离线包；用镜像源时，检查 npm config get registry';
  if (status !== 0) throw new FetchError(`npm 没有取得所需的包：\n${output.trim().split('\n').slice(-15).join('\n')}`, hint);
  return requests.map((request, index) => {
    const folder = path.join(dir, 'node_modules', fetchAlias(index));
    const manifest = path.join(folder, 'package.json');
    const got = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string }) : undefined;
    if (got?.name !== request.name || got.version !== request.version) {
      throw new FetchError(
        `npm 没有取得 ${request.name}@${request.version}（${target.os}-${target.cpu}）${got ? `，取得的是 ${got.name}@${got.version}` : ''}`,
        `${hint}；npm 要 10 或更高版本才能按 --os/--cpu 下载其他平台的包（npm --version 查看）`,
      );
    }
    return folder;
  });
}
