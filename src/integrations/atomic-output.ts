/**
 * A failed build never leaves half a site behind. Astro writes into a staging folder; only when
 * every later step has passed is the staging folder moved into place, and the site it replaces
 * is kept as a published version (src/lib/releases.ts), so `npm run rollback` can bring it back.
 * Until then the previous good `dist/` is untouched and keeps being served. A build whose inputs
 * are those of the live site (src/lib/build-inputs.ts) stops after the check and says so.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import { getBuildContext, type BuildContext } from './build-context';
import { SUMMARY_LABEL } from './build-summary';
import { acquireBuildLock, buildLockFile, type BuildLock } from '../lib/build-lock';
import { FORCE_FLAG, readBuildInputs, stillAsRead, unreadableInputsMessage, type BuildInputs } from '../lib/build-inputs';
import { unchangedSummaryLines } from '../lib/build-summary';
import { FolderBusyError } from '../lib/folder-rename';
import { startUsingCache, stopUsingCache } from '../lib/interrupted-cache';
import { folderStamp, listReleases, publishStaging, recoverReleases } from '../lib/releases';
import { robotsAdvice } from '../lib/robots';
import { readAudience, resolveSitePaths } from '../lib/site-paths';

/**
 * The staging folder: always inside the project. Astro writes a static build whose `outDir` lies
 * outside the working directory through `<cwd>/.astro/` and then copies that whole folder — its
 * content manifests listing every entry's images included — into `outDir`, deleting `.astro/`.
 * Staging inside the project avoids that path entirely.
 */
export function stagingDirFor(root: string): string {
  return path.join(root, '.honor-roll', 'staging');
}

/** Astro's config wants folders as URLs ending in a slash. */
export function dirUrl(dir: string): URL {
  return pathToFileURL(dir.endsWith(path.sep) ? dir : `${dir}${path.sep}`);
}

/**
 * What the version record says published the site: the editor names itself through
 * HONOR_ROLL_PUBLISHED_BY; otherwise the command as the clerk typed it.
 */
export function publishedBy(env: Record<string, string | undefined>, argv: readonly string[]): string {
  if (env.HONOR_ROLL_PUBLISHED_BY) return env.HONOR_ROLL_PUBLISHED_BY;
  const at = argv.indexOf('build');
  const args = at === -1 ? [] : argv.slice(at + 1);
  return args.length > 0 ? `npm run build -- ${args.join(' ')}` : 'npm run build';
}

/** What this build reads (build-inputs.ts); undefined, and the build goes on, when a file cannot be read. */
function readInputs(context: BuildContext, logger: AstroIntegrationLogger): BuildInputs | undefined {
  try {
    return readBuildInputs({
      paths: context.paths,
      publicDir: context.publicDir,
      env: process.env,
      argv: process.argv,
      entries: context.check.entries,
      images: context.check.images,
      publish: { now: context.now, audience: context.audience, points: context.siteConfig.points.publish },
      sinceMs: context.checkedSinceMs,
    });
  } catch (error) {
    logger.warn(unreadableInputsMessage(error));
    return undefined;
  }
}

/** Whether the files are as the build found them at its start; says so when one was changed meanwhile. */
function stillUnchanged(inputs: BuildInputs, logger: AstroIntegrationLogger): boolean {
  let unchanged = false;
  try {
    unchanged = stillAsRead(inputs);
  } catch {
    // unreadable now: treated as changed
  }
  if (!unchanged) logger.warn('生成期间有内容文件被改动，这次发布的网站可能没有包含最新的改动：请再发布一次（content changed during the build）');
  return unchanged;
}

/** Must follow every other integration that checks or writes the site, so its `astro:build:done` runs after them. */
export function atomicOutput(): AstroIntegration {
  let outDir = '';
  let stagingDir = '';
  let cacheDir = '';
  let lock: BuildLock | undefined;
  let inputs: BuildInputs | undefined;
  return {
    name: 'honor-roll:atomic-output',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig, logger }) => {
        const root = fileURLToPath(config.root);
        ({ outDir, cacheDir } = resolveSitePaths(root, process.env, process.argv));
        if (command !== 'build') {
          // `astro preview` serves the finished site.
          updateConfig({ outDir: dirUrl(outDir) });
          return;
        }
        lock = await acquireBuildLock(buildLockFile(root), {
          onWait: (pid) => logger.info(`另一个生成正在进行（进程 ${pid}），等它完成后再开始（waiting for another build）…`),
        });
        const recovery = await recoverReleases(outDir);
        if (recovery === 'restored') logger.warn(`上次生成或回退在替换网站时被中断，已恢复原来的网站：${outDir}`);
        if (recovery === 'completed') logger.warn(`上次生成或回退在替换网站时被中断，已完成替换：${outDir}`);
        // Under the lock: no other build of this project is writing into the cache.
        const removed = startUsingCache(cacheDir);
        if (removed > 0) logger.warn(`上次生成没有完成（被中断或出错），它写进缓存的 ${removed} 个图片文件可能不完整，已删除，这次重新生成（removed ${removed} cached files an unfinished build wrote）`);
        const context = getBuildContext();
        inputs = readInputs(context, logger);
        const { live } = listReleases(outDir);
        // Also under the lock: the live site is the one its record describes, file for file.
        if (inputs && live?.inputs === inputs.digest && live.output && !process.argv.includes(FORCE_FLAG) && folderStamp(outDir) === live.output) {
          stopUsingCache(cacheDir);
          lock.release();
          const lines = unchangedSummaryLines({ live, ms: performance.now(), outDir, audience: context.audience, robots: robotsAdvice(context.siteConfig, context.audience), problems: context.problems });
          const summary = logger.fork(SUMMARY_LABEL);
          for (const line of lines) summary.info(line);
          // Nothing more to do, and Astro has no way to end a build early but with an error: the
          // process ends here, once what it printed is out (a pipe to the editor may be slow).
          await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
          process.exit(0);
        }
        stagingDir = stagingDirFor(root);
        rmSync(stagingDir, { recursive: true, force: true });
        updateConfig({ outDir: dirUrl(stagingDir) });
      },
      // Astro has written every page, share card and picture: the cache holds only whole files,
      // whatever the later steps (privacy guard, publishing) decide.
      'astro:build:generated': () => stopUsingCache(cacheDir),
      'astro:build:done': async ({ logger }) => {
        // What was published, and where, is said by the summary that follows (build-summary.ts).
        try {
          const recorded = inputs && stillUnchanged(inputs, logger) ? inputs.digest : undefined;
          await publishStaging(stagingDir, outDir, { command: publishedBy(process.env, process.argv), audience: readAudience(process.env, process.argv), inputs: recorded });
        } catch (error) {
          if (!(error instanceof FolderBusyError)) throw error;
          const kept = existsSync(outDir) ? '网站没有更新：正在使用的网站保持不变。' : '网站文件夹暂时不在原处：处理后重新运行 npm run build，会先把原来的网站放回。';
          const stop = new AstroError(`${error.message}。${kept}`, error.hint);
          stop.stack = '';
          throw stop;
        } finally {
          lock?.release();
        }
      },
    },
  };
}
