/**
 * Builds fixture sites with the real `astro build`, each into its own temporary output folder,
 * and reads what came out. Fixtures are folders with `site.config.yaml` and `content/`
 * (the layout HONOR_ROLL_SITE expects).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { parse, type HTMLElement } from 'node-html-parser';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = path.join(PROJECT_ROOT, 'tests', 'fixtures');
/**
 * The sample unit as it ships, kept apart from src/content/: every unit replaces that folder with
 * its own content, and the tests must hold whatever it holds.
 */
export const SAMPLE_SITE = path.join(PROJECT_ROOT, 'examples', 'hailing-xuntejing');
const ASTRO_BIN = path.join(PROJECT_ROOT, 'node_modules', 'astro', 'astro.js');

/**
 * The folder of this test run (set by tests/build/global-setup.ts): each test worker's copy of the
 * project and the shared sample builds live there, and go when the run ends.
 */
export const TEST_RUN_ENV = 'HONOR_ROLL_TEST_RUN';
/** What a worker's copy of the project leaves out: output, caches, history, and the tests themselves. */
const NOT_COPIED = new Set(['.git', '.astro', '.honor-roll', '.scratch', 'node_modules', 'dist', 'dist-internal', 'backup', 'bundles', 'tests']);

/**
 * Where builds and scripts run. Astro writes files under its project root that depend on the site
 * being built (.astro/content-assets.mjs, the staging folder), so two builds at once in one root
 * would read each other's. Each test worker therefore builds in its own copy of the project (its
 * node_modules a link to this one's); outside a build-test run, in the project itself.
 */
export const BUILD_ROOT = process.env[TEST_RUN_ENV] ? projectCopy(`worker-${process.env.VITEST_POOL_ID ?? 'main'}`) : PROJECT_ROOT;

/**
 * A copy of the project in this test run's folder, made the first time `name` is asked for: for a
 * worker, or for builds a global setup runs side by side.
 */
export function projectCopy(name: string): string {
  const run = process.env[TEST_RUN_ENV];
  if (!run) throw new Error(`${TEST_RUN_ENV} is not set: tests/build/global-setup.ts makes the run folder`);
  const root = path.join(run, name);
  // A name is asked for by one worker (which runs one file at a time) or one setup, so a copy is never made by two at once.
  if (!existsSync(path.join(root, '.ready'))) {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    for (const entry of readdirSync(PROJECT_ROOT)) {
      if (!NOT_COPIED.has(entry)) cpSync(path.join(PROJECT_ROOT, entry), path.join(root, entry), { recursive: true });
    }
    symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'junction');
    writeFileSync(path.join(root, '.ready'), '');
  }
  return root;
}

/** A fixed build time, so embargo tests do not depend on the day they run. */
export const BUILD_TIME = '2026-06-01T12:00:00+08:00';

export interface BuildResult {
  status: number | null;
  /** stdout and stderr together, ANSI colours removed. */
  output: string;
  outDir: string;
  siteDir: string;
}

export interface BuildOptions {
  /** Files to write into the copied fixture, relative to it: `content/officers/x.md` → text. */
  files?: Record<string, string | Buffer>;
  /** Files to delete from the copied fixture. */
  remove?: string[];
  /** An output folder to reuse (to test that a failed build keeps it). */
  outDir?: string;
  env?: Record<string, string>;
  /** Extra arguments for `astro build`, as `npm run build -- …` passes them. */
  args?: string[];
  /** The project copy to build in (default: this worker's, BUILD_ROOT). */
  root?: string;
}

/** Copies `tests/fixtures/<name>` to `<work>/site`, writes `files` into it and deletes `remove`. */
function copyFixture(name: string, work: string, { files = {}, remove = [] }: Pick<BuildOptions, 'files' | 'remove'> = {}): string {
  const siteDir = path.join(work, 'site');
  cpSync(path.join(FIXTURES, name), siteDir, { recursive: true });
  for (const file of remove) rmSync(path.join(siteDir, file), { force: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(siteDir, file)), { recursive: true });
    writeFileSync(path.join(siteDir, file), text);
  }
  return siteDir;
}

/** Copies `tests/fixtures/<name>` to a temporary folder, applies `files`, and runs `astro build`. */
export function buildFixture(name: string, options: BuildOptions = {}): Promise<BuildResult> {
  const work = mkdtempSync(path.join(os.tmpdir(), `honor-roll-${name}-`));
  const siteDir = copyFixture(name, work, options);
  return buildSite(siteDir, { outDir: options.outDir ?? path.join(work, 'dist'), env: options.env ?? {}, args: options.args ?? [], ...(options.root ? { root: options.root } : {}) });
}

/**
 * Builds `tests/fixtures/<fixture>` with what `options` gives, once per test run under `name`,
 * for the test files that read the same site (tests/build/shared-builds.ts). The options are
 * made by the worker that builds, so they need not come out the same byte for byte in each.
 */
export function buildSharedFixture(fixture: string, name: string, options: () => Promise<Omit<BuildOptions, 'outDir' | 'root'>>): Promise<BuildResult> {
  return sharedBuild(name, async (work) => {
    const { env = {}, args = [], ...changes } = await options();
    return buildSite(copyFixture(fixture, work, changes), { outDir: path.join(work, 'dist'), env: { ...ownCache(work), ...env }, args });
  });
}

/**
 * Builds a copy of the sample unit (examples/hailing-xuntejing) into a temporary folder, once per
 * environment for the whole run: the test files that read the built sample share one build, in
 * whichever worker asks first (the others wait for it).
 */
export function buildSample(env: Record<string, string> = {}): Promise<BuildResult> {
  return sharedBuild(`sample-${createHash('sha256').update(JSON.stringify(env)).digest('hex').slice(0, 12)}`, (work) => {
    const siteDir = path.join(work, 'site');
    cpSync(SAMPLE_SITE, siteDir, { recursive: true });
    return buildSite(siteDir, { outDir: path.join(work, 'dist'), env: { ...ownCache(work), ...env } });
  });
}

/**
 * A cache of its own for a build that test files in other workers read (and copy, cache included):
 * a worker's shared cache could be written while another worker copies it.
 */
function ownCache(work: string): { HONOR_ROLL_CACHE_DIR: string } {
  return { HONOR_ROLL_CACHE_DIR: path.join(work, 'cache') };
}

/** The shared builds this worker has asked for, by name. */
const sharedBuilds = new Map<string, Promise<BuildResult>>();

/**
 * Runs `build` once per test run under `name`: the first worker to ask builds (it creates the
 * folder, which only one can) and records the result; the others wait for that record. A worker
 * asking again (another of its files) gets the same result.
 */
function sharedBuild(name: string, build: (work: string) => Promise<BuildResult>): Promise<BuildResult> {
  let shared = sharedBuilds.get(name);
  if (!shared) {
    shared = buildOrWait(name, build);
    sharedBuilds.set(name, shared);
  }
  return shared;
}

async function buildOrWait(name: string, build: (work: string) => Promise<BuildResult>): Promise<BuildResult> {
  const run = process.env[TEST_RUN_ENV];
  if (!run) return build(mkdtempSync(path.join(os.tmpdir(), `honor-roll-${name}-`)));
  const work = path.join(run, name);
  const record = path.join(work, 'result.json');
  try {
    mkdirSync(work);
  } catch {
    while (!existsSync(record)) await new Promise((resolve) => setTimeout(resolve, 250));
    return JSON.parse(readFileSync(record, 'utf8')) as BuildResult;
  }
  // A build that could not even start is recorded too, so no worker waits for it forever.
  const result = await build(work).catch((error: unknown): BuildResult => ({ status: null, output: String(error), outDir: '', siteDir: '' }));
  // Written whole, then renamed: a waiting worker never reads half a record.
  writeFileSync(`${record}.part`, JSON.stringify(result));
  renameSync(`${record}.part`, record);
  return result;
}

/** The environment of a fixture build: its own site, output and cache folders, the fixed build time. */
export function buildEnv(siteDir: string | null, outDir: string, env: Record<string, string>): NodeJS.ProcessEnv {
  return {
      ...withoutHonorRollVariables(process.env),
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      ...(siteDir ? { HONOR_ROLL_SITE: siteDir } : {}),
      HONOR_ROLL_OUT_DIR: outDir,
      HONOR_ROLL_CACHE_DIR: path.join(path.dirname(outDir), 'cache'),
      HONOR_ROLL_NOW: BUILD_TIME,
      ...env,
  };
}

/** Copies a fixture to a temporary folder (with `files` applied) without building it. */
export function prepareFixture(name: string, files: Record<string, string | Buffer> = {}): { siteDir: string; outDir: string } {
  const work = mkdtempSync(path.join(os.tmpdir(), `honor-roll-${name}-`));
  return { siteDir: copyFixture(name, work, { files }), outDir: path.join(work, 'dist') };
}

/** Starts `astro build` without waiting: for tests of concurrent and interrupted builds. */
export function startBuild(siteDir: string | null, { outDir, env = {}, args = [] }: { outDir: string; env?: Record<string, string>; args?: string[] }): ChildProcess {
  return spawn(process.execPath, [ASTRO_BIN, 'build', ...args], { cwd: BUILD_ROOT, env: buildEnv(siteDir, outDir, env), stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Runs `astro build` on a site folder (null: the project's own src/content). Asynchronous: a test
 * worker blocked on a build for a minute (a slow machine, a large site) misses vitest's heartbeat.
 */
export function buildSite(
  siteDir: string | null,
  { outDir, env, args = [], root = BUILD_ROOT }: { outDir: string; env: Record<string, string>; args?: string[]; root?: string },
): Promise<BuildResult> {
  const release = shareCache(outDir, env);
  const child = spawn(process.execPath, [ASTRO_BIN, 'build', ...args], { cwd: root, env: buildEnv(siteDir, outDir, env), stdio: ['ignore', 'pipe', 'pipe'] });
  return finished(child, { outDir, siteDir: siteDir ?? root }).finally(release);
}

/**
 * The parts of a build's cache that hold drawings made from content alone: resized pictures
 * (Astro's), share cards and QR codes. Each is stored under a name that hashes everything it is
 * drawn from, so builds of different sites can share them, as a unit's successive builds do.
 */
const SHARED_CACHE_PARTS = ['assets', 'share-cards', 'qr'];
/** Whether one of this worker's builds is using the shared cache now. */
let sharedCacheInUse = false;

/**
 * Points the drawing parts of a build's cache at this worker's shared ones, so a picture or card
 * drawn by one test's build is not drawn again by the next: most builds of a test run draw the
 * same few fixture pictures. Not for a test that names its own cache folder (a test of the cache),
 * nor while another build of this worker uses it (Astro writes a cached picture in place, so a
 * build running beside the one writing it could copy half a file). Returns what ends the use.
 */
function shareCache(outDir: string, env: Record<string, string>): () => void {
  const run = process.env[TEST_RUN_ENV];
  if (!run || env.HONOR_ROLL_CACHE_DIR || sharedCacheInUse) return () => {};
  const cache = path.join(path.dirname(outDir), 'cache');
  for (const part of SHARED_CACHE_PARTS) {
    const shared = path.join(run, `cache-${process.env.VITEST_POOL_ID ?? 'main'}`, part);
    mkdirSync(shared, { recursive: true });
    mkdirSync(cache, { recursive: true });
    if (!existsSync(path.join(cache, part))) symlinkSync(shared, path.join(cache, part), 'junction');
  }
  sharedCacheInUse = true;
  return () => void (sharedCacheInUse = false);
}

/** Runs `npm run build` — the clerk's command, scripts/build.ts — on a site folder, as buildSite runs `astro build`. */
export function npmRunBuild(siteDir: string, { outDir, env = {}, args = [] }: { outDir: string; env?: Record<string, string>; args?: string[] }): Promise<BuildResult> {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const release = shareCache(outDir, env);
  const child = spawn(npm, ['run', 'build', ...(args.length > 0 ? ['--', ...args] : [])], {
    cwd: BUILD_ROOT,
    env: { ...buildEnv(siteDir, outDir, env), npm_config_update_notifier: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
    shell: process.platform === 'win32',
  });
  return finished(child, { outDir, siteDir }).finally(release);
}

/** The result of a build process once it has ended: stdout and stderr together, without colours. */
function finished(child: ChildProcess, { outDir, siteDir }: { outDir: string; siteDir: string }): Promise<BuildResult> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      // eslint-disable-next-line no-control-regex
      resolve({ status, output: output.replace(/\x1b\[[0-9;]*m/g, ''), outDir, siteDir });
    });
  });
}

/** Runs one of the project's command-line scripts (scripts/<name>.ts) with tsx, without blocking. */
export function runScript(
  script: string,
  args: string[],
  { env = {}, input = '' }: { env?: Record<string, string>; input?: string } = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const tsx = path.join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const child = spawn(process.execPath, [tsx, path.join(BUILD_ROOT, 'scripts', script), ...args], {
      cwd: BUILD_ROOT,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** What `process.exit` throws while a script runs in-process: the run ends with this status. */
class ScriptExit extends Error {
  constructor(readonly status: number) {
    super(`process.exit(${status})`);
  }
}

let scriptRuns = 0;

/**
 * Runs `scripts/<script>` as `runScript` does, but in this process: the command's modules are
 * loaded once per test file instead of once per run (each start of a command costs 1.5–2 s of
 * CPU, most of it compiling and loading its modules). The script sees the same arguments,
 * environment and working folder; `process.exit` ends the run with its status, and what the
 * script prints to the console or its streams is returned. For commands that read their input
 * from stdin, and for the one run of each command that proves the command itself starts, use
 * `runScript`.
 */
export async function runScriptInProcess(
  script: string,
  args: string[],
  { env = {} }: { env?: Record<string, string> } = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const saved = { argv: process.argv, env: process.env, cwd: process.cwd(), exitCode: process.exitCode, exit: process.exit };
  const streams = { stdout: process.stdout.write, stderr: process.stderr.write };
  const consoleSaved = { log: console.log, error: console.error, warn: console.warn, info: console.info };
  let stdout = '';
  let stderr = '';
  // The project's own copy of the script: vitest loads modules from the project folder only. The
  // commands find the site from their working folder (this worker's copy), not from their file.
  const file = path.join(PROJECT_ROOT, 'scripts', script);
  process.argv = [process.execPath, file, ...args];
  process.env = { ...saved.env, ...env };
  process.exitCode = undefined;
  process.chdir(BUILD_ROOT);
  process.exit = ((code?: number | string | null) => {
    throw new ScriptExit(Number(code ?? process.exitCode ?? 0));
  }) as typeof process.exit;
  // As the console and the streams would print them: objects formatted, bytes decoded.
  const text = (values: unknown[]) => `${format(...values)}\n`;
  const chunkText = (chunk: string | Uint8Array) => (typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
  console.log = console.info = (...values: unknown[]) => void (stdout += text(values));
  console.error = console.warn = (...values: unknown[]) => void (stderr += text(values));
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += chunkText(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += chunkText(chunk)), true)) as typeof process.stderr.write;
  let status: number;
  try {
    // A new module instance per run (the query), so its top-level code runs again; what it
    // imports is shared.
    await import(`${pathToFileURL(file).href}?run=${++scriptRuns}`);
    status = Number(process.exitCode ?? 0);
  } catch (error) {
    if (!(error instanceof ScriptExit)) throw error;
    status = error.status;
  } finally {
    Object.assign(console, consoleSaved);
    process.stdout.write = streams.stdout;
    process.stderr.write = streams.stderr;
    process.exit = saved.exit;
    process.chdir(saved.cwd);
    process.argv = saved.argv;
    process.env = saved.env;
    process.exitCode = saved.exitCode;
  }
  return { status, stdout, stderr };
}

/** Every file under `dir`, relative, with `/`. */
export function listOutput(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

/** Parses `dist/<page>/index.html`. */
export function readPage(outDir: string, page: string): HTMLElement {
  const file = path.join(outDir, page.replace(/^\//, ''), page.endsWith('.html') ? '' : 'index.html');
  return parse(readFileSync(file, 'utf8'));
}

/** All text of all HTML files of a build, for "appears nowhere" assertions. */
export function allHtml(outDir: string): string {
  return listOutput(outDir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => readFileSync(path.join(outDir, f), 'utf8'))
    .join('\n');
}

/**
 * Every output file as searchable text. Pagefind's index files are gzip-compressed, so they are
 * decompressed first: a canary in the search index must be caught too.
 */
export function everyOutputFile(outDir: string): { file: string; text: string }[] {
  return listOutput(outDir).map((file) => {
    let bytes = readFileSync(path.join(outDir, file));
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
    return { file, text: bytes.toString('latin1') + bytes.toString('utf8') };
  });
}

/** The caller's own HONOR_ROLL_* settings must not leak into a fixture build. */
export function withoutHonorRollVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith('HONOR_ROLL_')));
}
