/**
 * `astro build`'s log, read for a clerk who cannot read it: which of five steps the build is at,
 * how far the pages have got, and — when it fails — the Chinese lines that say what is wrong
 * (the honor-roll integrations report in Chinese; Astro's own lines are English and left out).
 * Pure: log lines in, Chinese out. The markers are the lines each step already prints.
 */

/** The steps a publish goes through, in order, as the clerk sees them. */
export const PUBLISH_STEPS = [
  { step: 'check', label: '检查内容' },
  { step: 'pages', label: '生成页面' },
  { step: 'search', label: '建立搜索索引' },
  { step: 'privacy', label: '隐私检查' },
  { step: 'swap', label: '替换网站' },
] as const;

export type PublishStep = (typeof PUBLISH_STEPS)[number]['step'];

/** Where a publish is. */
export interface PublishProgress {
  step: PublishStep;
  /** 检查内容, 生成页面 … */
  label: string;
  /** 1-based position among the steps. */
  index: number;
  total: number;
  /** How far within the step: 已生成 12 个页面, 处理图片 3/40, 等待另一个发布完成. */
  detail?: string | undefined;
}

/** Colours and Astro's `12:00:00 ` time stamp off. */
function plain(line: string): string {
  // eslint-disable-next-line no-control-regex
  return line.replace(/\x1b\[[0-9;]*m/g, '').replace(/^\d{2}:\d{2}:\d{2} /, '');
}

/** The progress of step `index` (0-based). */
export function progressAt(index: number, detail?: string): PublishProgress {
  const { step, label } = PUBLISH_STEPS[index]!;
  return { step, label, index: index + 1, total: PUBLISH_STEPS.length, ...(detail ? { detail } : {}) };
}

/**
 * A reader of one build's log, line by line: returns the progress a line shows, or null. Steps
 * only go forward: a step whose own line a build does not print (no assets to prune, an edition
 * without a sitemap) is passed over when a later one shows.
 */
export function progressReader(): (line: string) => PublishProgress | null {
  let current = 0;
  let pages = 0;
  let section: 'routes' | 'images' | null = null;
  const at = (index: number, detail?: string) => {
    if (index < current) return null;
    current = index;
    return progressAt(index, detail);
  };
  return (raw) => {
    const line = plain(raw);
    const heading = line.trim();
    if (line.includes('另一个生成正在进行')) return at(0, '等待另一个发布完成');
    if (/\[honor-roll\] 内容检查：/.test(line)) return at(0, '内容检查通过');
    if (/\[build\] (Collecting build info|Building static entrypoints)/.test(line)) return at(1, '准备');
    if (heading === 'generating static routes') {
      section = 'routes';
      return at(1);
    }
    if (heading === 'generating optimized images') {
      section = 'images';
      return at(1, '处理图片');
    }
    if (section === 'routes' && /^\s*[├└]─ \/\S*\.html\b/.test(line)) return at(1, `已生成 ${++pages} 个页面`);
    const image = section === 'images' ? /\((\d+)\/(\d+)\)\s*$/.exec(line) : null;
    if (image) return at(1, `处理图片 ${image[1]}/${image[2]}`);
    if (section === 'images' && heading.startsWith('✓ Completed')) {
      section = null;
      return at(2);
    }
    if (/\[(@astrojs\/sitemap|honor-roll:prune-assets)\]/.test(line)) return at(2);
    if (/\[honor-roll:search-index\]/.test(line)) return at(3);
    if (/\[honor-roll:precompress\]/.test(line)) return at(4);
    if (/\[honor-roll:summary\] (网站|内网版)已生成/.test(line)) return at(4, '完成');
    if (isUnchangedLine(line)) return at(4, '网站已是最新');
    return null;
  };
}

/** `[build] 31 page(s) built`: the pages Astro wrote; null when the log does not say. */
export function builtPageCount(log: string): number | null {
  const match = /\[build\] (\d+) page\(s\) built/.exec(plain(log.replace(/\r/g, '')));
  return match ? Number(match[1]) : null;
}

/** The first words of the summary of a build that found nothing changed (build-summary.ts writes them). */
export const UNCHANGED = '已是最新';

const isUnchangedLine = (line: string) => line.startsWith(`[honor-roll:summary] 网站${UNCHANGED}`) || line.startsWith(`[honor-roll:summary] 内网版${UNCHANGED}`);

/** Whether the build found the live site built from the same inputs, and stopped (build-inputs.ts). */
export function unchangedBuild(log: string): boolean {
  return log.split(/\r?\n/).some((line) => isUnchangedLine(plain(line)));
}

/**
 * The clerk's summary of a finished build (src/lib/build-summary.ts): the lines the build printed
 * under `[honor-roll:summary]`, without time stamp and label. Empty when the log has none.
 */
export function summaryLines(log: string): string[] {
  return log
    .split(/\r?\n/)
    .map((line) => /^\[honor-roll:summary\] (.*)$/.exec(plain(line))?.[1])
    .filter((line): line is string => line !== undefined);
}

/**
 * A line the clerk must see while the build runs — it waits for another build, or it repaired a
 * swap that was interrupted — in Chinese only; null for any other line.
 */
export function noticeLine(raw: string): string | null {
  const match = /^(?:\[WARN\] )?\[honor-roll:atomic-output\] (.*)$/.exec(plain(raw));
  return match ? match[1]!.replace(ENGLISH_GLOSS, '') : null;
}

const HAN = /\p{Script=Han}/u;
/** An English gloss in full-width brackets after the Chinese: （content has 1 errors; nothing was built）. */
const ENGLISH_GLOSS = /（[A-Za-z][^（）\p{Script=Han}]*\s[^（）\p{Script=Han}]*）/gu;

/**
 * The Chinese lines of a failed build: from Astro's `[ERROR]` line on, the report of the check or
 * the guard — file names heading their problems kept, English glosses, the codes after each
 * problem and stack traces dropped; Astro's `Hint:` said as 建议. When the failure has no Chinese
 * line at all (a crash inside Astro), its first line is given as it is, for a technician.
 */
export function problemLines(log: string): string[] {
  const lines = log.split(/\r?\n/).map(plain);
  const start = lines.findIndex((line) => line.includes('[ERROR]'));
  if (start === -1) return ['生成网站中途停止了，没有说明原因（程序可能被关闭，或内存不足）。请重新发布；仍然失败时，把完整的日志发给技术人员。'];
  const block = lines.slice(start + 1);
  const out: string[] = [];
  let hint = false;
  for (const [i, raw] of block.entries()) {
    const line = raw.replace(/^\[\w*Error\]\s*/, '');
    if (/^\s*Stack trace:/.test(line)) break;
    if (/^\s*Hint:\s*$/.test(line)) {
      hint = true;
      continue;
    }
    const next = block[i + 1] ?? '';
    const isFileHeading = !/^\s/.test(line) && line.trim() !== '' && /^\s+[✖⚠]/.test(next);
    const isCodeLine = /^\s*\[[a-z-]+\] \S/.test(line);
    if (isCodeLine || /^\s+at /.test(line) || line.trim().startsWith('网站没有更新：上一次成功生成的网站保持不变')) continue;
    if (HAN.test(line) || isFileHeading) {
      const text = line.replace(ENGLISH_GLOSS, '').trimEnd();
      out.push(hint ? `建议：${text.trim()}` : text);
      hint = false;
    } else if (line.trim() === '' && out.length > 0 && out.at(-1) !== '') {
      out.push('');
    }
  }
  while (out.at(-1) === '') out.pop();
  if (out.length > 0) return out;
  const first = block.find((line) => line.trim() !== '') ?? lines[start]!;
  return [`生成网站时程序出错：${first.trim()}。请把完整的日志发给技术人员。`];
}
