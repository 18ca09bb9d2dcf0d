/**
 * `npm run bundle -- --platform <win32-x64|linux-x64> [--out <file.zip>]`: an offline bundle for a
 * PC without network access (公安网). One zip holds Node.js, the project with its dependencies for
 * that platform, the unit's content as it is now, and double-clickable launchers for the editor,
 * the preview and the build (src/lib/bundle/contents.ts has the layout). Nothing in it reaches the
 * network when used.
 *
 * Made from the node_modules installed here (`npm ci` first): the packages of package-lock.json
 * that run on the target (src/lib/bundle/lockfile.ts) are taken from here; only what is not
 * installed here — the Node.js runtime, and another platform's native packages — is fetched with
 * npm, from its cache when it has them. HONOR_ROLL_SITE bundles another unit's site folder.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { APP_FOLDER, bundleEntries, bundleFolderName, isPackageFile, listFiles, longestPath, PROJECT_ENTRIES, UNIT_DATA, windowsPathProblems } from '../src/lib/bundle/contents';
import { FetchError, fetchPackages, type FetchRequest } from '../src/lib/bundle/fetch';
import { LAUNCHERS, launcherArguments, launcherFile, launcherPackages } from '../src/lib/bundle/launchers';
import { binPath, bundledPackages, platformMatches, type Lockfile } from '../src/lib/bundle/lockfile';
import { BUNDLE_PLATFORMS, findPlatform, hostTarget, NODE_RUNTIME_VERSION } from '../src/lib/bundle/platform';
import { writeZip } from '../src/lib/bundle/zip';
import { activePublicDir, resolveSitePaths } from '../src/lib/site-paths';
import { CARD_FONT, cardFontFiles, readCardStylesheets } from '../src/lib/cjk-font';
import { fail } from './cli';

const PLATFORM_IDS = Object.keys(BUNDLE_PLATFORMS).join(' 或 ');

const HELP = `npm run bundle：制作离线安装包（zip），带到不能上网的电脑（如公安网电脑）上使用。

  npm run bundle -- --platform win32-x64           Windows 64 位电脑用
  npm run bundle -- --platform linux-x64           Linux 64 位电脑用（统信 UOS、麒麟等）
  npm run bundle -- --platform win32-x64 --out D:\\荣誉榜离线包.zip   指定 zip 的位置

包中有 Node.js ${NODE_RUNTIME_VERSION}、网站程序和它用到的全部组件、本单位现在的内容（src/content/、site.config.yaml、public/），
以及双击即可运行的“编辑台”“预览网站”“发布网站”。要在能上网的电脑上，先运行过 npm ci 再制作。
用法见 docs/authoring-guide.md 的“离线安装包”一节。`;

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
let options: { platform?: string; out?: string; help?: boolean };
try {
  options = parseArgs({ args, options: { platform: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }).values;
} catch {
  fail(`看不懂这些选项：${args.join(' ')}`, '运行 npm run bundle -- --help 查看用法');
}
if (options.help) {
  console.log(HELP);
  process.exit(0);
}
const platform = findPlatform(options.platform);
if (!platform) {
  fail(
    options.platform ? `不支持的平台：${options.platform}` : '没有写明离线包给哪种电脑用',
    `写 --platform ${PLATFORM_IDS}，例如 npm run bundle -- --platform win32-x64`,
  );
}

const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as Lockfile;
const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};

let launcherArgs: string[][];
let packages: ReturnType<typeof bundledPackages>;
try {
  launcherArgs = LAUNCHERS.map((launcher) => launcherArguments(launcher, scripts, (command) => binPath(lock, command)));
  packages = bundledPackages(lock, platform.target, [...new Set(launcherArgs.flatMap(launcherPackages))]);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error), '先修改 package.json 或运行 npm install 更新 package-lock.json，再制作离线包');
}

const sitePaths = resolveSitePaths(root, process.env);
console.log(`正在制作离线安装包：${platform.label}，Node.js ${NODE_RUNTIME_VERSION}`);

// Packages for this machine's platform come from node_modules; they must be the lockfile's.
const host = hostTarget();
const toFetch = packages.filter((pkg) => pkg.native && !platformMatches(lock.packages[pkg.location]!, host));
for (const pkg of packages) {
  if (toFetch.includes(pkg)) continue;
  let installed: string | undefined;
  try {
    installed = (JSON.parse(readFileSync(path.join(root, pkg.location, 'package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    installed = undefined;
  }
  if (installed !== pkg.version) {
    fail(
      `node_modules 与 package-lock.json 不一致：${pkg.location} ${installed ? `是 ${installed}，应为 ${pkg.version}` : '没有安装'}`,
      '先运行 npm ci，再制作离线包',
    );
  }
}

/** A path as the person at the keyboard reads it best: relative when inside the current folder. */
function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/** A project entry's files, relative to the project: the file itself, or every file of the folder. */
function projectFiles(entry: string): string[] {
  const full = path.join(root, entry);
  if (!existsSync(full)) return [];
  return statSync(full).isDirectory() ? listFiles(full).map((file) => `${entry}/${file}`) : [entry];
}

const work = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-bundle-'));
// Also when fail() ends the run early.
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const requests: FetchRequest[] = [{ name: platform.nodePackage, version: NODE_RUNTIME_VERSION }, ...toFetch];
console.log(`  从 npm 取得：${requests.map((request) => `${request.name}@${request.version}`).join('、')}`);
const fetched = await fetchPackages(requests, platform.target, path.join(work, 'fetch')).catch((error: unknown) => {
  if (error instanceof FetchError) fail(error.message, error.hint);
  throw error;
});
const fetchedDir = new Map(toFetch.map((pkg, index) => [pkg.location, fetched[index + 1]!]));

const top = bundleFolderName(platform.id, new Date());
const publicDir = activePublicDir(sitePaths, path.join(root, 'public'));
const content = { dir: sitePaths.contentDir, files: listFiles(sitePaths.contentDir) };
const entries = bundleEntries({
  top,
  project: { dir: root, files: PROJECT_ENTRIES.flatMap((entry) => projectFiles(entry)) },
  content,
  configFile: sitePaths.configFile,
  publicFiles: { dir: publicDir, files: listFiles(publicDir) },
  packages: packages.map((pkg) => {
    const dir = fetchedDir.get(pkg.location) ?? path.join(root, pkg.location);
    const files = listFiles(dir, (relative) => !isPackageFile(relative));
    return { location: pkg.location, native: pkg.native, dir, files: pkg.location === `node_modules/${CARD_FONT.package}` ? cardFontFiles(files, readCardStylesheets(dir)) : files };
  }),
  unixTarget: platform.launcherKind === 'sh',
  node: { source: path.join(fetched[0]!, platform.nodeBinaryInPackage), zipPath: platform.nodeBinaryInBundle },
  launchers: LAUNCHERS.map((launcher, index) => launcherFile(platform, launcher, launcherArgs[index]!)),
});
if (platform.launcherKind === 'cmd') {
  const problems = windowsPathProblems(entries.map((entry) => entry.zipPath));
  if (problems.length > 0) {
    fail(
      `有 ${problems.length} 个文件在 Windows 上无法解压：\n${problems.slice(0, 20).map((problem) => `  ${problem}`).join('\n')}`,
      '把这些文件改名（内容中的文件改名后，引用它的字段也要改），再制作离线包',
    );
  }
}
console.log(`  内容：${shownPath(sitePaths.contentDir)}（${content.files.length} 个文件）、${shownPath(sitePaths.configFile)}、${shownPath(publicDir)}`);
console.log(`  组件：${packages.length} 个包，其中 ${platform.label}专用的 ${packages.filter((pkg) => pkg.native).length} 个`);
console.log('  正在压缩……');

const outFile = path.resolve(options.out ?? path.join(root, 'bundles', `${top}.zip`));
mkdirSync(path.dirname(outFile), { recursive: true });
const size = await writeZip(entries, outFile);
const longest = longestPath(entries);
console.log(
  [
    `✔ 已写入 ${shownPath(outFile)}（${Math.round(size / 1024 / 1024)} MB，${entries.length} 个文件）`,
    `  解压后双击“${LAUNCHERS[0]!.name}.${platform.launcherKind}”打开编辑台，用法见 docs/authoring-guide.md 的“离线安装包”一节。`,
    `  本单位的内容在 ${top}/${APP_FOLDER}/ 下的 ${UNIT_DATA.content}/、${UNIT_DATA.config} 和 ${UNIT_DATA.public}/。`,
    ...(platform.launcherKind === 'cmd'
      ? [`  包中最长的路径有 ${longest.length} 个字符：请解压到 D:\\ 这样较短的位置，解压后的完整路径不能超过 260 个字符。`]
      : []),
  ].join('\n'),
);
