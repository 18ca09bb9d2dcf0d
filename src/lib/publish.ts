/**
 * Publishing from a program: the editor's 发布 button (and its 回退, from ./rollback), and
 * `npm run build` itself (scripts/build.ts). Both go through `runSiteBuild`, which runs the real
 * build — Astro's CLI from the project's node_modules, in a child process, with the same
 * environment — so neither can do anything the other does not: the same check, privacy guard,
 * build lock, swap and kept versions. It starts `node <astro.js> build`, never npm or a shell, so
 * it behaves the same on Windows. The clerk sees five steps in Chinese, and at the end either
 * what was published and what was left out and why (发布前清单, and for a sub-path the robots.txt
 * the domain root needs), or the problems in the build's own Chinese words and that the live site
 * was not touched.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { checkSite } from './check/check-site';
import { displayPath } from './check/problem';
import { publishChecklist, type PublishChecklist } from './publish-checklist';
import { builtPageCount, noticeLine, problemLines, progressAt, progressReader, unchangedBuild, type PublishProgress } from './publish-log';
import type { Audience } from './publishing';
import { KEPT_VERSIONS, listReleases, type ReleaseList, type ReleaseRecord } from './releases';
import { describeRelease, type SiteTarget } from './rollback';
import { robotsAdvice } from './robots';
import { activePublicDir, readAudience, readBuildTime, resolveSitePaths } from './site-paths';

export { listSite, recoverSite, rollbackSite, type RollbackResult, type RollbackSiteOptions } from './rollback';
export type { PublishChecklist } from './publish-checklist';
export type { PublishProgress } from './publish-log';

export interface PublishSiteOptions extends SiteTarget {
  /** What the version record names as the publisher. Default 编辑台发布. */
  by?: string;
  /** Told each new step at once, and how far within a step at most every 200 ms. */
  onProgress?: (progress: PublishProgress) => void;
}

interface Outcome {
  outDir: string;
  /** Chinese, for showing as they are: the result first. */
  lines: string[];
  /** The whole build log, for a technician. */
  log: string;
  ms: number;
}

export type PublishResult =
  | (Outcome & { ok: true; pages: number; release: ReleaseRecord | null; checklist: PublishChecklist | null })
  | (Outcome & { ok: false; problems: string[]; siteUntouched: boolean; statement: string });

/** The CLI Astro's package names as its `bin`, found as Node would find the package from `root`. */
function astroCli(root: string): string {
  const manifest = createRequire(path.join(root, 'package.json')).resolve('astro/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: string | Record<string, string> };
  return path.join(path.dirname(manifest), typeof bin === 'string' ? bin : (bin.astro ?? 'astro.js'));
}

/** Runs `astro build` and hands over each line of its output as it comes. */
function runBuild(root: string, env: Record<string, string | undefined>, args: string[], onLine: (line: string) => void): Promise<{ code: number | null; log: string }> {
  let log = '';
  const child = spawn(process.execPath, [astroCli(root), 'build', ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
  const lines = (stream: Readable) =>
    new Promise<void>((resolve) =>
      createInterface({ input: stream, crlfDelay: Infinity })
        .on('line', (line) => {
          log += `${line}\n`;
          onLine(line);
        })
        .on('close', resolve),
    );
  const exited = new Promise<number | null>((resolve) => {
    child.on('error', (error) => {
      log += `[ERROR] ${error.message}\n`;
      resolve(null);
    });
    child.on('close', resolve);
  });
  return Promise.all([exited, lines(child.stdout), lines(child.stderr)]).then(([code]) => ({ code, log }));
}

/** Step changes at once; within a step, at most one report per 200 ms (a big site has thousands of pages). */
function throttled(onProgress: ((progress: PublishProgress) => void) | undefined): (progress: PublishProgress) => void {
  let last: PublishProgress | undefined;
  let at = 0;
  return (progress) => {
    const now = Date.now();
    if (last?.step === progress.step && now - at < 200 && progress.detail !== '完成') return;
    last = progress;
    at = now;
    onProgress?.(progress);
  };
}

/**
 * The 发布前清单 of the site as it is now, with the rules and time the build will use, and the
 * robots.txt advice of the build's summary; null when the check cannot run.
 */
async function checklistFor(root: string, env: Record<string, string | undefined>, args: string[]): Promise<{ checklist: PublishChecklist; robots: string[] } | null> {
  const paths = resolveSitePaths(root, env, args);
  const now = readBuildTime(env, new Date());
  if (!now) return null;
  const audience: Audience = readAudience(env, args);
  try {
    const publicDir = activePublicDir(paths, path.join(root, 'public'));
    const { config, content } = await checkSite({ root, contentDir: paths.contentDir, configFile: paths.configFile, publicDir, now, audience });
    const points = config.ok ? config.config.points.publish : undefined;
    const checklist = publishChecklist(content, { now, audience, points, contentFolder: displayPath(root, paths.contentDir) });
    return { checklist, robots: config.ok ? robotsAdvice(config.config, audience) : [] };
  } catch {
    return null;
  }
}

export interface SiteBuildOptions {
  root: string;
  env: Record<string, string | undefined>;
  /** What follows `npm run build --`: `--audience internal`. */
  args: readonly string[];
  /** What the version record names as the publisher. */
  by: string;
  /** Each line of Astro's log as it comes. */
  onLine?: (line: string) => void;
}

export interface SiteBuild {
  ok: boolean;
  /** The whole build log. */
  log: string;
  outDir: string;
  /** The live site after the build, and the versions kept beside it. */
  after: ReleaseList;
  /** Whether the live site is the one that was live before (always, when the build failed before its swap). */
  siteUntouched: boolean;
  /** 网站没有更新：正在使用的网站保持不变。 — or what to look at when the swap itself went wrong. */
  statement: string;
}

/**
 * Runs the real build as `npm run build` and the editor's 发布 do: `astro build` in a child process,
 * told who publishes; never throws for a failed build.
 */
export async function runSiteBuild({ root, env, args, by, onLine }: SiteBuildOptions): Promise<SiteBuild> {
  const { outDir } = resolveSitePaths(root, env, args);
  const liveBefore = listReleases(outDir).live?.id ?? null;
  let build: { code: number | null; log: string };
  try {
    // Not the NODE_ENV of the process asking (the editor's dev server says development): the
    // build decides it, so the editor's 发布 and npm run build build the same site, and each
    // finds the other's up to date (build-inputs.ts).
    const { NODE_ENV: _, ...inherited } = env;
    const childEnv = { ...inherited, HONOR_ROLL_PUBLISHED_BY: by, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };
    build = await runBuild(root, childEnv, [...args], onLine ?? (() => {}));
  } catch (error) {
    // No Astro to run: node_modules missing or incomplete.
    build = { code: null, log: `[ERROR] ${error instanceof Error ? error.message : String(error)}\n找不到 Astro：请在项目文件夹中运行 npm install（没有网络的电脑请使用离线安装包）。\n` };
  }
  const after = listReleases(outDir);
  const siteUntouched = (after.live?.id ?? null) === liveBefore;
  const statement = siteUntouched ? '网站没有更新：正在使用的网站保持不变。' : '网站文件夹在发布过程中有变化，请查看保留的版本（npm run rollback -- --list）。';
  return { ok: build.code === 0, log: build.log, outDir, after, siteUntouched, statement };
}

/** The notices of a build's log (noticeLine), each once. */
function noticesOf(log: string): string[] {
  return [...new Set(log.split(/\r?\n/).flatMap((line) => noticeLine(line) ?? []))];
}

/** Builds and publishes the site; never throws for a failed build, whose problems are in the result. */
export async function publishSite({ root, env = process.env, audience, by = '编辑台发布', onProgress }: PublishSiteOptions): Promise<PublishResult> {
  const started = performance.now();
  const report = throttled(onProgress);
  const args = audience ? ['--audience', audience] : [];
  const ms = () => Math.round(performance.now() - started);

  report(progressAt(0));
  const before = await checklistFor(root, env, args);
  const checklist = before?.checklist ?? null;
  const read = progressReader();
  const build = await runSiteBuild({
    root,
    env,
    args,
    by,
    onLine: (line) => {
      const progress = read(line);
      if (progress) report(progress);
    },
  });
  const { outDir, after, log } = build;

  if (build.ok) {
    const pages = builtPageCount(log) ?? after.live?.pages ?? 0;
    const lines = [
      unchangedBuild(log) ? `网站已是最新：内容和设置自上次发布以来没有变化，不用重新生成（${pages} 个页面）。` : `发布成功：${pages} 个页面。`,
      // What the build said on the way: it waited for another, repaired an interrupted one, or a file changed while it ran.
      ...noticesOf(log),
      ...(after.live ? [`现在在线：${describeRelease(after.live)}`] : []),
      `网站文件夹：${outDir}`,
      ...(after.kept.length > 0 ? [`上一个版本已保留（共保留 ${after.kept.length} 个旧版本，最多 ${KEPT_VERSIONS} 个），需要时可以回退。`] : []),
      ...(checklist ? ['', ...checklist.lines] : []),
      // What only the clerk can do, as the build's summary says it: the domain's robots.txt under a sub-path.
      ...(before?.robots.length ? ['', ...before.robots] : []),
    ];
    return { ok: true, pages, release: after.live, checklist, outDir, lines, log, ms: ms() };
  }
  const problems = problemLines(log);
  const { siteUntouched, statement } = build;
  return { ok: false, problems, siteUntouched, statement, outDir, lines: [`发布失败。${statement}`, '', ...problems], log, ms: ms() };
}
