/**
 * What `npm run build` tells a clerk when the site is built: a few Chinese lines — what was
 * built, what was left out and why, where the site is, how long it took — then what only they
 * can do: the robots.txt a sub-path deployment needs at the domain root, and the check's
 * reminders. Astro's own log is for `npm run build -- --verbose`. Pure: facts in, lines out.
 */
import { COLLECTIONS } from '../schemas/index';
import type { Problem } from './check/problem';
import { formatReport } from './check/report';
import { FORCE_FLAG } from './build-inputs';
import type { ChecklistExclusion, PublishChecklist } from './publish-checklist';
import { UNCHANGED } from './publish-log';
import type { Audience, ExclusionReason } from './publishing';
import { KEPT_VERSIONS, type ReleaseRecord } from './releases';
import { describeRelease } from './rollback';

export interface BuildSummaryInput {
  /** HTML pages of the site as published. */
  pages: number;
  /** How long the whole build took. */
  ms: number;
  /** The site's folder, absolute, as the clerk will look for it. */
  outDir: string;
  /** What the publishing gate let through and left out, for this build's audience and time. */
  checklist: Pick<PublishChecklist, 'audience' | 'published' | 'excluded'>;
  /** Earlier versions kept next to the site (npm run rollback). */
  kept: number;
  /** robots.txt advice for a sub-path deployment (src/lib/robots.ts); empty when none is needed. */
  robots: readonly string[];
  /** The content check's problems: its reminders are listed last. */
  problems: readonly Problem[];
}

/** The order reasons are listed in: the clerk's own decisions first, knock-on effects last. */
const REASON_ORDER: readonly ExclusionReason[] = ['no-consent', 'draft', 'embargoed', 'internal', 'depends-on-excluded'];

/** At most this many entries are named per reason; the count says the rest. */
const NAMED = 5;

/** 18 秒, 2 分 5 秒, 不到 1 秒. */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 1) return '不到 1 秒';
  if (seconds < 60) return `${seconds} 秒`;
  const rest = seconds % 60;
  return `${Math.floor(seconds / 60)} 分${rest ? ` ${rest} 秒` : '钟'}`;
}

/** People are counted as 人, everything else as 条. */
function counted(entries: readonly ChecklistExclusion[]): string {
  return `${entries.length} ${entries.every((x) => x.collection === 'officers') ? '人' : '条'}`;
}

/** `人物“张伟”、荣誉“…”等 7 条`. */
function named(entries: readonly ChecklistExclusion[]): string {
  const shown = entries.slice(0, NAMED).map((x) => `${COLLECTIONS[x.collection].label}“${x.name}”`);
  return `${shown.join('、')}${entries.length > NAMED ? ` 等 ${counted(entries)}` : ''}`;
}

/** Reminders that do not repeat what the exclusions already say (未同意公开 is one of them). */
function reminders(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => p.severity === 'warning' && p.code !== 'consent-missing');
}

/** The summary of a finished build, one line each. */
export function buildSummaryLines(input: BuildSummaryInput): string[] {
  const { checklist } = input;
  const edition = checklist.audience === 'internal' ? '内网版' : '网站';
  const publishedCount = checklist.published.reduce((n, c) => n + c.count, 0);
  const byReason = REASON_ORDER.map((reason) => checklist.excluded.filter((x) => x.reason === reason)).filter((list) => list.length > 0);
  const notes = reminders(input.problems);

  const lines = [
    `${edition}已生成：${input.pages} 个页面，用时 ${formatDuration(input.ms)}。`,
    `网站文件夹：${input.outDir}`,
    `公开 ${publishedCount} 个条目${publishedCount ? `：${checklist.published.map((c) => `${c.label} ${c.count}`).join('、')}` : ''}。`,
  ];
  if (byReason.length === 0) lines.push('没有不公开的条目。');
  else {
    lines.push(`不公开 ${checklist.excluded.length} 个条目：${byReason.map((list) => `${list[0]!.reasonLabel} ${counted(list)}`).join('、')}。`);
    for (const list of byReason) lines.push(`  ${list[0]!.reasonLabel}：${named(list)}`);
  }
  if (input.kept > 0) lines.push(`上一个版本已保留（共 ${input.kept} 个旧版本，最多 ${KEPT_VERSIONS} 个）：需要时运行 npm run rollback 回到上一个版本。`);
  return withAdvice(lines, input.robots, notes);
}

/** What only the clerk can do, after the summary: the robots.txt advice, then the check's reminders. */
function withAdvice(lines: string[], robots: readonly string[], notes: readonly Problem[]): string[] {
  if (notes.length > 0) lines.push(`内容检查有 ${notes.length} 个提醒，不影响这次生成，见下方。`);
  if (robots.length > 0) lines.push('', ...robots);
  if (notes.length > 0) lines.push('', ...formatReport(notes).split('\n'));
  while (lines.at(-1) === '') lines.pop();
  return lines;
}

export interface UnchangedSummaryInput extends Pick<BuildSummaryInput, 'ms' | 'outDir' | 'robots' | 'problems'> {
  audience: Audience;
  /** The live site, whose inputs this build found again. */
  live: ReleaseRecord;
}

/** The summary of a build that stopped because the live site was built from the same inputs (build-inputs.ts). */
export function unchangedSummaryLines(input: UnchangedSummaryInput): string[] {
  const edition = input.audience === 'internal' ? '内网版' : '网站';
  const lines = [
    `${edition}${UNCHANGED}：内容、设置和程序都和正在使用的${edition}一样，没有重新生成（用时 ${formatDuration(input.ms)}）。`,
    `正在使用：${describeRelease(input.live)}`,
    `网站文件夹：${input.outDir}`,
    `需要重新生成时，运行 npm run build -- ${FORCE_FLAG}。`,
  ];
  return withAdvice(lines, input.robots, reminders(input.problems));
}
