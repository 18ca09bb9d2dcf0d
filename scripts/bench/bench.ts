/**
 * `npm run bench -- --entries N [--json FILE] [--keep]`
 *
 * Builds a synthetic unit of N entries in a temporary folder (never the real content) and
 * measures: cold build (empty caches), warm build (nothing changed: it finds the live site built
 * from the same inputs and stops, src/lib/build-inputs.ts), the same forced (`--force`: everything
 * built again, Astro's content cache dropped too), a build after editing one entry, peak memory, output size, page weight, images in and out, and the first search in
 * headless Chromium (bytes transferred and time to results). Prints a table, writes JSON.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { chromium } from 'playwright-core';
import { serveStatic } from '../static-server';
import { buildPhases, coresBusy, memoryPeak, shareImagesMs, type BuildPhases, type CpuSample, type RssSample, type TimedLine } from './phases';
import { compareRows } from './compare';
import { measureEditorPreview, summarise } from './editor-preview';
import { writeSyntheticSite } from './synthetic';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ASTRO = path.join(ROOT, 'node_modules', 'astro', 'astro.js');

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '500' },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'no-search': { type: 'boolean', default: false },
    'no-editor': { type: 'boolean', default: false },
    /** Only the editor's save-to-preview time, on the synthetic unit or (with --sample) on a copy of the sample. */
    'editor-only': { type: 'boolean', default: false },
    sample: { type: 'boolean', default: false },
    /** A JSON an earlier run wrote (--json): printed beside this run's results. */
    compare: { type: 'string' },
  },
});
const entries = Number(values.entries);
if (!Number.isInteger(entries) || entries < 20) {
  console.error('--entries 应为不小于 20 的整数（--entries must be an integer ≥ 20）');
  process.exit(2);
}

interface BuildRun {
  seconds: number;
  /** Where the time went: pages, share images, images, each honor-roll step; and how many cores each kept busy. */
  phases: BuildPhases & { shareImagesMs: number; busy: Record<string, number> };
  /** Peak resident memory of the build process (Astro, sharp), in MiB. */
  peakRssMiB: number;
  /** The step during which the sampled resident memory was largest. */
  peakRssPhase: string;
  /** Peak resident memory of any helper process it started (Pagefind's binary), in MiB. */
  peakChildRssMiB: number;
  ok: boolean;
}

/** The high-water mark (VmHWM) or the current size (VmRSS) of a process's resident memory, from /proc (Linux), in KiB. */
function rssKiB(pid: number, which: 'VmHWM' | 'VmRSS' = 'VmHWM'): number {
  try {
    const match = new RegExp(`${which}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * CPU time a process has used, all its threads, in ms (/proc/<pid>/stat utime + stime, and with
 * `reaped` its finished children's, cutime + cstime, where Pagefind's time goes once it exits).
 */
function cpuMs(pid: number, reaped: boolean): number {
  try {
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ').map(Number);
    const [utime, stime, cutime, cstime] = [fields[11]!, fields[12]!, fields[13]!, fields[14]!];
    return ((utime + stime + (reaped ? cutime + cstime : 0)) * 1000) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}
/** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ, fixed for /proc on every architecture). */
const CLOCK_TICKS = 100;

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Runs `astro build` on the synthetic site, sampling memory every 50 ms. */
function build(siteDir: string, outDir: string, cacheDir: string, args: string[] = []): Promise<BuildRun> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [ASTRO, 'build', ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        HONOR_ROLL_SITE: siteDir,
        HONOR_ROLL_OUT_DIR: outDir,
        HONOR_ROLL_CACHE_DIR: cacheDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    // Each line with when it arrived, to tell when each phase ran (coresBusy).
    const lines: TimedLine[] = [];
    let partial = '';
    const read = (chunk: Buffer) => {
      output += chunk;
      const parts = (partial + chunk.toString('utf8')).split('\n');
      partial = parts.pop() ?? '';
      const t = performance.now() - started;
      for (const text of parts) lines.push({ t, text });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    let peak = 0;
    let childPeak = 0;
    const cpu: CpuSample[] = [];
    const rss: RssSample[] = [];
    const sample = setInterval(() => {
      if (!child.pid) return;
      peak = Math.max(peak, rssKiB(child.pid));
      const children = childrenOf(child.pid);
      for (const grandchild of children) childPeak = Math.max(childPeak, rssKiB(grandchild));
      const t = performance.now() - started;
      cpu.push({ t, cpuMs: cpuMs(child.pid, true) + sum(children.map((c) => cpuMs(c, false))) });
      rss.push({ t, rssMiB: rssKiB(child.pid, 'VmRSS') / 1024 });
    }, 50);
    child.on('exit', (code) => {
      clearInterval(sample);
      if (code !== 0) console.error(output);
      resolve({
        seconds: (performance.now() - started) / 1000,
        phases: { ...buildPhases(output), shareImagesMs: shareImagesMs(lines), busy: coresBusy(lines, cpu) },
        peakRssMiB: peak / 1024,
        peakRssPhase: memoryPeak(lines, rss)?.phase ?? '',
        peakChildRssMiB: childPeak / 1024,
        ok: code === 0,
      });
    });
  });
}

function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).map((f) => path.join(dir, f)).filter((f) => statSync(f).isFile());
}

const sum = (numbers: number[]) => numbers.reduce((a, b) => a + b, 0);
const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** What the output weighs: pages, HTML per page (gzip), JS per page, images, search index. */
function measureOutput(outDir: string) {
  const files = filesUnder(outDir);
  const pages = files.filter((f) => f.endsWith('.html'));
  const htmlGzip = pages.map((f) => gzipSync(readFileSync(f)).length);
  const assets = (ext: RegExp) => files.filter((f) => ext.test(f));
  const profile = pages.find((f) => f.includes(`${path.sep}officers${path.sep}officer-`));
  let profileJs = 0;
  if (profile) {
    const html = parse(readFileSync(profile, 'utf8'));
    for (const script of html.querySelectorAll('script')) {
      const src = script.getAttribute('src');
      profileJs += src ? statSync(path.join(outDir, src)).size : Buffer.byteLength(script.text);
    }
  }
  return {
    files: files.length,
    pages: pages.length,
    distMiB: Math.round((sum(files.map((f) => statSync(f).size)) / 1024 / 1024) * 10) / 10,
    htmlGzipKiBMean: kib(sum(htmlGzip) / pages.length),
    htmlGzipKiBMax: kib(Math.max(...htmlGzip)),
    profileJsBytes: profileJs,
    imageOutMiB: Math.round((sum(assets(/\.(webp|avif|jpe?g|png)$/).map((f) => statSync(f).size)) / 1024 / 1024) * 10) / 10,
    searchIndexMiB: Math.round((sum(files.filter((f) => f.includes(`${path.sep}pagefind${path.sep}`)).map((f) => statSync(f).size)) / 1024 / 1024) * 10) / 10,
  };
}

/** The first search a reader makes, in headless Chromium: bytes over the wire and time to results. */
async function measureSearch(outDir: string, query: string) {
  const server = await serveStatic(outDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const transferred = (from: number) => server.log.slice(from).reduce((n, r) => n + r.bytes, 0);
    const largest = (from: number) =>
      server.log
        .slice(from)
        .sort((a, b) => b.bytes - a.bytes)
        .slice(0, 5)
        .map((r) => `${r.path.replace(/\?.*$/, '')} ${kib(r.bytes)} KiB`);

    await page.goto(`${server.url}search/`);
    await page.waitForLoadState('networkidle');
    const pageBytes = transferred(0);

    let mark = server.log.length;
    const started = performance.now();
    await page.fill('#search-query', query);
    await page.press('#search-query', 'Enter');
    await page.locator('.search-result').first().waitFor({ timeout: 30_000 });
    const firstMs = Math.round(performance.now() - started);
    await page.waitForLoadState('networkidle');
    const firstBytes = transferred(mark);
    const firstLargest = largest(mark);

    // A second query, as a reader refines it: the library and the index root are cached.
    mark = server.log.length;
    const secondStart = performance.now();
    await page.fill('#search-query', '见义勇为');
    await page.press('#search-query', 'Enter');
    await page.waitForFunction(() => document.getElementById('search-status')?.textContent?.includes('见义勇为'), undefined, { timeout: 30_000 });
    const secondMs = Math.round(performance.now() - secondStart);
    await page.waitForLoadState('networkidle');
    return {
      searchPageKiB: kib(pageBytes),
      firstQueryKiB: kib(firstBytes),
      firstQueryMs: firstMs,
      secondQueryKiB: kib(transferred(mark)),
      secondQueryMs: secondMs,
      largestFiles: firstLargest,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

const work = mkdtempSync(path.join(os.tmpdir(), `honor-roll-bench-${entries}-`));
const siteDir = path.join(work, 'site');
const outDir = path.join(work, 'dist');
const cacheDir = path.join(work, 'cache');

/** The editor on the site: save an honour five times, time each save and its preview. */
async function editorRun(collection: string, id: string) {
  const run = await measureEditorPreview(ROOT, siteDir, path.join(work, 'editor-cache'), { collection, id });
  const editor = { startSeconds: round(run.startSeconds), firstPageMs: Math.round(run.firstPageMs), saveMs: summarise(run.saveMs), previewMs: summarise(run.previewMs), totalMs: summarise(run.totalMs) };
  console.table({
    'editor start (s)': editor.startSeconds,
    'first page (ms)': editor.firstPageMs,
    'save, median / max (ms)': `${editor.saveMs.median} / ${editor.saveMs.max}`,
    'save → preview shows it, median / max (ms)': `${editor.previewMs.median} / ${editor.previewMs.max}`,
    'press 保存 → preview shows it, median / max (ms)': `${editor.totalMs.median} / ${editor.totalMs.max}`,
  });
  return editor;
}

if (values.sample) {
  // The sample unit as it ships (examples/), copied so that nothing of it changes.
  cpSync(path.join(ROOT, 'examples', 'hailing-xuntejing'), siteDir, { recursive: true });
  console.log(`示例站点（the sample）→ ${work}`);
  const editor = await editorRun('honors', readdirSync(path.join(siteDir, 'content', 'honors'))[0]!.replace(/\.mdx?$/, ''));
  if (values.json) writeFileSync(values.json, `${JSON.stringify({ sample: true, node: process.version, cpus: os.cpus().length, editor }, null, 2)}\n`);
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  process.exit(0);
}

console.log(`合成站点（synthetic site）: ${entries} 条 → ${work}`);
const site = await writeSyntheticSite(siteDir, entries);
if (values['editor-only']) {
  const editor = await editorRun('honors', path.basename(site.editableFile, '.md'));
  if (values.json) writeFileSync(values.json, `${JSON.stringify({ entries, node: process.version, cpus: os.cpus().length, editor }, null, 2)}\n`);
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  process.exit(0);
}

const cold = await build(siteDir, outDir, cacheDir);
if (!cold.ok) process.exit(1);
const warm = await build(siteDir, outDir, cacheDir);
const forced = await build(siteDir, outDir, cacheDir, ['--force']);
appendFileSync(site.editableFile, '\n补充一句话：这是基准测试对一个条目的修改。\n');
const edited = await build(siteDir, outDir, cacheDir);
const output = measureOutput(outDir);
const search = values['no-search'] || !existsSync(path.join(outDir, 'pagefind')) ? null : await measureSearch(outDir, '救助');
const editor = values['no-editor'] ? null : await editorRun('honors', path.basename(site.editableFile, '.md'));

const result = {
  entries,
  counts: site.counts,
  node: process.version,
  cpus: os.cpus().length,
  build: {
    coldSeconds: round(cold.seconds),
    warmSeconds: round(warm.seconds),
    forcedSeconds: round(forced.seconds),
    editedSeconds: round(edited.seconds),
    warmToCold: round(warm.seconds / cold.seconds),
    msPerEntryCold: round((cold.seconds * 1000) / entries),
    peakRssMiB: Math.round(Math.max(cold.peakRssMiB, warm.peakRssMiB, forced.peakRssMiB, edited.peakRssMiB)),
    peakRssPhase: [cold, warm, forced, edited].reduce((max, run) => (run.peakRssMiB > max.peakRssMiB ? run : max)).peakRssPhase,
    peakPagefindRssMiB: Math.round(Math.max(cold.peakChildRssMiB, warm.peakChildRssMiB, forced.peakChildRssMiB, edited.peakChildRssMiB)),
    shareImages: cold.phases.shareImages,
    shareImageMsCold: round(cold.phases.shareImagesMs / Math.max(1, cold.phases.shareImages)),
    shareImageMsCached: round(forced.phases.shareImagesMs / Math.max(1, forced.phases.shareImages)),
  },
  phases: { cold: cold.phases, warm: warm.phases, forced: forced.phases, edited: edited.phases },
  output: { ...output, imageInMiB: Math.round((site.imageBytes / 1024 / 1024) * 10) / 10 },
  search,
  editor,
};

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

console.table({
  'cold build (s)': result.build.coldSeconds,
  'warm build, nothing changed (s)': result.build.warmSeconds,
  'warm build, --force (s)': result.build.forcedSeconds,
  'one entry edited (s)': result.build.editedSeconds,
  'warm / cold': result.build.warmToCold,
  'ms per entry (cold)': result.build.msPerEntryCold,
  'peak RSS, build (MiB)': result.build.peakRssMiB,
  'peak RSS reached during': result.build.peakRssPhase,
  'peak RSS, pagefind (MiB)': result.build.peakPagefindRssMiB,
  'share images': result.build.shareImages,
  'share image, cold (ms each)': result.build.shareImageMsCold,
  'share image, cached (ms each)': result.build.shareImageMsCached,
  pages: output.pages,
  'dist (MiB)': output.distMiB,
  'HTML per page, gzip, mean (KiB)': output.htmlGzipKiBMean,
  'HTML per page, gzip, max (KiB)': output.htmlGzipKiBMax,
  'JS on a profile page (bytes)': output.profileJsBytes,
  'images in (MiB)': result.output.imageInMiB,
  'images out (MiB)': output.imageOutMiB,
  'search index (MiB)': output.searchIndexMiB,
  ...(search
    ? {
        'first query, transferred (KiB)': search.firstQueryKiB,
        'first query, time to results (ms)': search.firstQueryMs,
        'second query, transferred (KiB)': search.secondQueryKiB,
        'second query, time to results (ms)': search.secondQueryMs,
      }
    : {}),
});
/** One row per phase, cores busy in each of the three builds. */
function busyRows(runs: Record<string, Record<string, number>>) {
  const names = [...new Set(Object.values(runs).flatMap((b) => Object.keys(b)))];
  return Object.fromEntries(names.map((name) => [name, Object.fromEntries(Object.entries(runs).map(([run, b]) => [run, b[name] ?? '']))]));
}
/** One row per step, seconds in each of the three builds. */
function phaseRows(runs: Record<string, BuildPhases & { shareImagesMs: number }>) {
  const seconds = (ms: number | undefined) => round((ms ?? 0) / 1000);
  const stepNames = [...new Set(Object.values(runs).flatMap((p) => Object.keys(p.steps)))];
  const row = (pick: (p: BuildPhases & { shareImagesMs: number }) => number | undefined) => Object.fromEntries(Object.entries(runs).map(([name, p]) => [name, seconds(pick(p))]));
  return {
    'pages (s)': row((p) => p.pagesMs),
    '  of which share images (s)': row((p) => p.shareImagesMs),
    'images, astro:assets (s)': row((p) => p.imagesMs),
    ...Object.fromEntries(stepNames.map((step) => [`${step} (s)`, row((p) => p.steps[step])])),
  };
}
console.log('where the time went:');
console.table(phaseRows({ cold: cold.phases, warm: warm.phases, forced: forced.phases, edited: edited.phases }));
console.log(`cores busy (CPU time / wall time; ${os.availableParallelism()} cores here):`);
console.table(busyRows({ cold: cold.phases.busy, warm: warm.phases.busy, forced: forced.phases.busy, edited: edited.phases.busy }));
if (values.compare) {
  const before = JSON.parse(readFileSync(values.compare, 'utf8'));
  console.log(`compared with ${values.compare}:`);
  console.table(compareRows(before, result));
}
if (search) console.log('first query, largest transfers:', search.largestFiles.join(', '));
if (values.json) writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`);
if (!values.keep) rmSync(work, { recursive: true, force: true });
