/**
 * 回退: an earlier published site back in place, for `npm run rollback` and the editor's 回退
 * button — one function for both. It takes the build lock, so a rollback and a build never
 * interleave, repairs a swap a killed process left half-done, and says in Chinese what was live,
 * what is live now and where.
 *
 * What "the previous one" means: the site that was live before the live one went live. So a
 * rollback of a rollback brings back what was live before the first rollback — a clerk who rolled
 * back by mistake rolls back again and is where they started, as with 撤销 in Word. Going further
 * back takes a version named from the list (`to`).
 */
import { existsSync } from 'node:fs';
import { acquireBuildLock, buildLockFile } from './build-lock';
import { FolderBusyError, type RetryOptions } from './folder-rename';
import { formatInstant } from './instant';
import type { Audience } from './publishing';
import { KEPT_VERSIONS, listReleases, recoverReleases, rollbackRelease, type ReleaseList, type ReleaseRecord } from './releases';
import { resolveSitePaths } from './site-paths';

/** Which site: the project, its environment (HONOR_ROLL_SITE, HONOR_ROLL_OUT_DIR) and the edition. */
export interface SiteTarget {
  /** The project folder. */
  root: string;
  /** Default: this process's environment. */
  env?: Record<string, string | undefined> | undefined;
  /** Default: HONOR_ROLL_AUDIENCE, else the public site. */
  audience?: Audience | undefined;
}

/** The output folder of a site, as the build resolves it. */
export function outDirOf({ root, env = process.env, audience }: SiteTarget): string {
  return resolveSitePaths(root, env, audience ? ['--audience', audience] : []).outDir;
}

/** `2026年6月1日 12:00 发布（npm run build，31 个页面）` */
export function describeRelease(release: ReleaseRecord): string {
  return `${formatInstant(new Date(release.publishedAt))} 发布（${release.command}，${release.pages} 个页面）`;
}

/** The live site and the kept versions, in Chinese. */
export function releaseListLines(list: ReleaseList): string[] {
  const lines = [`网站文件夹：${list.outDir}`, list.live ? `现在在线：${describeRelease(list.live)}  编号 ${list.live.id}` : '现在在线：没有（网站文件夹不存在）'];
  if (list.liveChanged) lines.push('网站文件夹中的文件在发布之后被改动或替换过，和发布记录不一致：上面写的是它现在的样子。下次发布会重新生成。');
  if (list.interrupted) lines.push('上次替换网站时被中断：下次发布或回退时会自动修复。');
  if (list.kept.length === 0) return [...lines, '没有保留的旧版本。'];
  lines.push(`保留的旧版本（最近在线的在前，最多 ${KEPT_VERSIONS} 个）：`);
  for (const release of list.kept) {
    const retired = release.retiredAt ? `，${formatInstant(new Date(release.retiredAt))} 撤下` : '';
    const next = release.id === list.previous?.id ? '  ← 回退会恢复这个版本' : '';
    lines.push(`  编号 ${release.id}  ${describeRelease(release)}${retired}${next}`);
  }
  return lines;
}

/** The versions of a site, with the lines that describe them. */
export function listSite(target: SiteTarget): { list: ReleaseList; lines: string[] } {
  const list = listReleases(outDirOf(target), { verify: true });
  return { list, lines: releaseListLines(list) };
}

export interface RollbackSiteOptions extends SiteTarget {
  /** A kept version's id; default: the version live before the live one. */
  to?: string | undefined;
  /** Told once when another build or rollback runs and this one waits for it. */
  onWait?: (message: string) => void;
  retry?: RetryOptions | undefined;
}

export type RollbackResult =
  | { ok: true; from: ReleaseRecord | null; to: ReleaseRecord; outDir: string; lines: string[] }
  | { ok: false; reason: 'no-earlier' | 'unknown-version' | 'already-live' | 'busy'; outDir: string; lines: string[] };

// The lock is per process id, so two rollbacks of one process (two clicks in the editor) would
// both hold it: they take turns here first.
let queue: Promise<unknown> = Promise.resolve();

/** Puts an earlier published site back in place; see the module comment for which one. */
export function rollbackSite(options: RollbackSiteOptions): Promise<RollbackResult> {
  const run = queue.then(() => rollbackLocked(options));
  queue = run.catch(() => undefined);
  return run;
}

/** Repairs a swap a killed process left half-done; says what it did, in Chinese. The caller holds the lock. */
async function recoveryNotes(outDir: string, retry?: RetryOptions): Promise<string[]> {
  const recovery = await recoverReleases(outDir, { retry });
  if (recovery === 'restored') return ['上次发布或回退在替换网站时被中断，已先恢复原来的网站。'];
  if (recovery === 'completed') return ['上次发布或回退在替换网站时被中断，已先完成那次替换。'];
  return [];
}

/**
 * Repairs a swap a killed process left half-done, now rather than at the next publish: for the
 * editor when it starts and for `npm run rollback -- --list`. Under the lock, so never during a build.
 */
export async function recoverSite(target: SiteTarget & { onWait?: (message: string) => void }): Promise<string[]> {
  const lock = await acquireBuildLock(buildLockFile(target.root), { onWait: () => target.onWait?.('正在发布或回退，等它完成…') });
  try {
    return await recoveryNotes(outDirOf(target));
  } finally {
    lock.release();
  }
}

async function rollbackLocked({ root, env, audience, to, onWait, retry }: RollbackSiteOptions): Promise<RollbackResult> {
  const outDir = outDirOf({ root, env, audience });
  const lock = await acquireBuildLock(buildLockFile(root), { onWait: () => onWait?.('正在发布或回退，等它完成后再回退…') });
  try {
    const notes = await recoveryNotes(outDir, retry);
    const outcome = await rollbackRelease(outDir, { to }, { retry });
    if (outcome.ok) {
      return {
        ok: true,
        from: outcome.from,
        to: outcome.to,
        outDir,
        lines: [
          ...notes,
          to === undefined ? '已回退到上一个版本。' : `已换成编号 ${to} 的版本。`,
          `回退前在线：${outcome.from ? describeRelease(outcome.from) : '没有（网站文件夹不存在）'}`,
          `现在在线：${describeRelease(outcome.to)}`,
          `网站文件夹：${outDir}`,
          ...(outcome.from ? ['回退前的版本也已保留：想撤销这次回退，再回退一次即可。'] : []),
        ],
      };
    }
    const { list } = outcome;
    const why = {
      'no-earlier': list.live
        ? [`没有可以回退的旧版本：现在在线的网站是 ${describeRelease(list.live)}，在它之前没有保留的版本。`, `网站文件夹：${outDir}`, '每次发布都会保留当时在线的网站，下次发布之后就可以回退到现在这个版本。']
        : [`还没有发布过网站：${outDir} 不存在，也没有保留的旧版本。`, '请先发布网站（npm run build，或编辑台的“发布”）。'],
      'unknown-version': [`没有编号为 ${to} 的版本。保留的版本有：${list.kept.map((r) => r.id).join('、') || '无'}。`],
      'already-live': [`编号 ${to} 的版本就是现在在线的网站，不需要回退。`],
    }[outcome.reason];
    return { ok: false, reason: outcome.reason, outDir, lines: [...notes, ...why] };
  } catch (error) {
    if (!(error instanceof FolderBusyError)) throw error;
    const state = existsSync(outDir) ? '网站没有回退：正在使用的网站保持不变。' : '网站文件夹暂时不在原处：处理后再回退一次，会先把原来的网站放回。';
    return { ok: false, reason: 'busy', outDir, lines: [`${error.message}。`, `怎么改：${error.hint}`, state] };
  } finally {
    lock.release();
  }
}
