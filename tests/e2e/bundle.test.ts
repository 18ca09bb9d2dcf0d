/**
 * `npm run bundle -- --platform linux-x64` for real: the bundle of the sample unit (the site folder
 * examples/hailing-xuntejing, never src/content) is unpacked with `unzip` into a folder with a
 * Chinese name and a space, and used inside a network namespace that has nothing but loopback
 * (`unshare -n`, which needs root or CAP_SYS_ADMIN): 发布网站.sh builds the site with the bundled
 * node, 预览网站.sh serves it, 编辑台.sh opens the editor, and pages are fetched from inside the same
 * namespace. A `node`, `npm` or `npx` taken from PATH would fail the test: the launchers must use
 * only what the bundle holds.
 *
 * Expensive (a 130 MB zip of 19,000 files, a build, two servers), so it runs with the browser tests
 * (`npm run test:e2e`), not in `npm test`; everything is done once and the bundle is
 * made from the installed node_modules without a second install; only the Node.js runtime comes
 * from npm (its cache after the first run).
 */
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchEditorOutput } from '../../scripts/editor-address';
import { listFiles } from '../../src/lib/bundle/contents';
import { PROJECT_ROOT, runScript } from '../build/harness';

const SAMPLE = path.join(PROJECT_ROOT, 'examples', 'hailing-xuntejing');
const work = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-bundle-test-'));
const zipFile = path.join(work, 'bundle.zip');
const unpacked = path.join(work, '荣誉榜 离线包');
/** Where a `node`, `npm` or `npx` from PATH would write that it was run. */
const trapLog = path.join(work, 'path-programs.log');

let top = '';
let bundleOutput = '';
/** `unshare -n` holding the namespace open; commands join it with nsenter. */
let namespace: ChildProcess | undefined;
const running: ChildProcess[] = [];

/** The launchers' environment: a clean one, with PATH's node, npm and npx replaced by traps. */
function launcherEnv(): NodeJS.ProcessEnv {
  const trap = path.join(work, 'trap');
  mkdirSync(trap, { recursive: true });
  for (const name of ['node', 'npm', 'npx']) writeFileSync(path.join(trap, name), `#!/bin/sh\necho "${name} $*" >> '${trapLog}'\nexit 97\n`, { mode: 0o755 });
  return { PATH: `${trap}:/usr/bin:/bin`, HOME: path.join(work, 'home'), LANG: 'C.UTF-8', NO_COLOR: '1' };
}

/** Runs a command inside the namespace without network. */
function inside(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  const child = spawn('nsenter', [`--target=${namespace!.pid}`, '--net', '--', command, ...args], { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...options });
  running.push(child);
  return child;
}

/** Waits for a command inside the namespace to end; its exit code and all it printed. */
function finished(child: ChildProcess): Promise<{ status: number | null; output: string }> {
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}

/**
 * Fetches a page from inside the namespace, retrying until the server answers (within a minute);
 * follows the editor's one redirect with the cookie it sets.
 */
async function fetchInside(url: string): Promise<{ status?: number; body?: string; error?: string }> {
  const script = `
    const url = process.argv[1];
    const until = Date.now() + 60000;
    for (;;) {
      try {
        let response = await fetch(url, { redirect: 'manual' });
        if (response.status === 303) {
          const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
          response = await fetch(new URL(response.headers.get('location'), url), { headers: { cookie } });
        }
        console.log(JSON.stringify({ status: response.status, body: await response.text() }));
        break;
      } catch (error) {
        if (Date.now() > until || process.argv[2] === 'once') {
          console.log(JSON.stringify({ error: String(error.cause?.code ?? error) }));
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }`;
  const { output } = await finished(inside(process.execPath, ['--input-type=module', '-e', script, url, url.includes('1.1.1.1') ? 'once' : 'retry']));
  return JSON.parse(output) as { status?: number; body?: string; error?: string };
}

/** Stops a server started inside the namespace, with whatever it started. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.on('exit', resolve));
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
}

const siteTitle = (parse(readFileSync(path.join(SAMPLE, 'site.config.yaml'), 'utf8')) as { title: string }).title;
const timings: Record<string, number> = {};

beforeAll(async () => {
  let start = performance.now();
  const made = await runScript('bundle.ts', ['--platform', 'linux-x64', '--out', zipFile], { env: { HONOR_ROLL_SITE: SAMPLE } });
  bundleOutput = made.stdout + made.stderr;
  expect(made.status, bundleOutput).toBe(0);
  timings.bundle = performance.now() - start;

  start = performance.now();
  // As a clerk on Linux unpacks it; a UTF-8 locale, as on any desktop, for the Chinese names.
  const unzip = spawnSync('unzip', ['-q', zipFile, '-d', unpacked], { encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } });
  expect(unzip.error, 'unzip is needed (apt-get install unzip)').toBeUndefined();
  expect(unzip.status, unzip.stderr).toBe(0);
  top = path.join(unpacked, readdirSync(unpacked)[0]!);
  timings.unzip = performance.now() - start;

  namespace = spawn('unshare', ['--net', 'sh', '-c', 'ip link set lo up && echo ready && exec sleep 3600'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const ready = await finishedOrReady(namespace);
  expect(ready, 'unshare --net needs root or CAP_SYS_ADMIN, and ip (iproute2)').toBe('ready');
  // Zipping and unpacking 19,000 files: about 40 s on a quiet 2-core machine, more beside other builds.
}, 600_000);

/** Resolves 'ready' once the namespace is set up, or with what went wrong when it ends first. */
function finishedOrReady(child: ChildProcess): Promise<string> {
  let output = '';
  return new Promise((resolve) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      if (output.includes('ready')) resolve('ready');
    });
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve(String(error)));
    child.on('exit', () => resolve(output));
  });
}

afterAll(async () => {
  for (const child of running) await stop(child).catch(() => {});
  namespace?.kill();
  rmSync(work, { recursive: true, force: true });
  console.log(`bundle test: ${Object.entries(timings).map(([step, ms]) => `${step} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
});

// The build-test project's time limit, which this file had there: a server in the namespace may
// take minutes to answer on a loaded machine (the e2e default is one minute).
describe('the linux-x64 offline bundle', { timeout: 180_000 }, () => {
  it('says what it holds, in Chinese', () => {
    expect(bundleOutput).toContain('正在制作离线安装包：Linux 64 位，Node.js 20.');
    expect(bundleOutput).toMatch(/内容：.*examples\/hailing-xuntejing\/content（\d+ 个文件）/);
    expect(bundleOutput).toMatch(/✔ 已写入 .*bundle\.zip（\d+ MB，\d+ 个文件）/);
    expect(bundleOutput).toContain('解压后双击“编辑台.sh”打开编辑台');
  });

  it('unpacks to the launchers, the runtime and the project with the sample unit, executables still executable', () => {
    expect(path.basename(top)).toMatch(/^honor-roll-linux-x64-\d{8}$/);
    const executable = (file: string) => (statSync(path.join(top, file)).mode & 0o111) === 0o111;
    for (const file of ['编辑台.sh', '预览网站.sh', '发布网站.sh', 'runtime/node']) expect(executable(file), file).toBe(true);
    expect(executable('app/node_modules/@pagefind/linux-x64/bin/pagefind_extended')).toBe(true);
    expect(executable('app/node_modules/@esbuild/linux-x64/bin/esbuild')).toBe(true);
    expect(existsSync(path.join(top, 'app/node_modules/@img/sharp-libvips-linux-x64/package.json'))).toBe(true);

    // Of the CJK font, only the WOFF files of the weights the share cards set (cardFontFiles): the
    // build below draws the sample's cards with them.
    const fonts = path.join(top, 'app/node_modules/@fontsource/noto-sans-sc');
    expect(existsSync(path.join(fonts, '700.css'))).toBe(true);
    const fontFiles = readdirSync(path.join(fonts, 'files'));
    expect(fontFiles.length).toBeGreaterThan(100);
    expect(fontFiles.filter((file) => !/-(400|700)-normal\.woff$/.test(file))).toEqual([]);

    expect(listFiles(path.join(top, 'app/src/content'))).toEqual(listFiles(path.join(SAMPLE, 'content')));
    expect(readFileSync(path.join(top, 'app/site.config.yaml'))).toEqual(readFileSync(path.join(SAMPLE, 'site.config.yaml')));
    for (const absent of ['tests', 'dist', 'node_modules/.bin', 'node_modules/vitest', 'node_modules/playwright-core', 'node_modules/yazl']) {
      expect(existsSync(path.join(top, 'app', absent)), absent).toBe(false);
    }
  });

  it('is used in a namespace without network', async () => {
    expect(readlinkSync(`/proc/${namespace!.pid}/ns/net`)).not.toBe(readlinkSync('/proc/self/ns/net'));
    expect(await fetchInside('http://1.1.1.1/')).toEqual({ error: 'ENETUNREACH' });
  });

  it('builds the sample unit there with the bundled node (发布网站.sh)', async () => {
    const start = performance.now();
    const { status, output } = await finished(inside(path.join(top, '发布网站.sh'), [], { cwd: top, env: launcherEnv() }));
    timings.build = performance.now() - start;
    expect(status, output).toBe(0);
    // The clerk's summary (the privacy guard ran: a build it stops prints no summary).
    expect(output).toMatch(/网站已生成：\d+ 个页面/);
    expect(output).toContain(`网站文件夹：${path.join(top, 'app', 'dist')}`);
    expect(existsSync(path.join(top, 'app/dist/pagefind/pagefind.js'))).toBe(true);
    expect(existsSync(trapLog), existsSync(trapLog) ? readFileSync(trapLog, 'utf8') : '').toBe(false);
  }, 300_000);

  it('serves it there with the preview launcher (预览网站.sh)', async () => {
    const start = performance.now();
    const preview = inside(path.join(top, '预览网站.sh'), [], { cwd: top, env: launcherEnv() });
    const page = await fetchInside('http://localhost:4321/officers/');
    timings.preview = performance.now() - start;
    await stop(preview);
    expect(page.status, page.error).toBe(200);
    expect(page.body).toContain(`<title>榜样人物 - ${siteTitle}</title>`);
    expect(existsSync(trapLog)).toBe(false);
  });

  it('opens the editor there (编辑台.sh)', async () => {
    const start = performance.now();
    const editor = inside(path.join(top, '编辑台.sh'), ['--no-open'], { cwd: top, env: launcherEnv() });
    const address = await watchEditorOutput(editor, 120_000).address;
    const page = await fetchInside(address.href);
    timings.editor = performance.now() - start;
    await stop(editor);
    expect(page.status, page.error).toBe(200);
    expect(page.body).toContain('编辑台');
    expect(existsSync(trapLog)).toBe(false);
  });
});

describe('npm run bundle, asked wrongly', () => {
  it('names the platforms it can make a bundle for', async () => {
    const run = await runScript('bundle.ts', ['--platform', 'win32-arm64']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('✖ 不支持的平台：win32-arm64\n  怎么改：写 --platform win32-x64 或 linux-x64，例如 npm run bundle -- --platform win32-x64\n');
  });
});
