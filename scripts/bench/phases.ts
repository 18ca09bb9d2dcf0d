/**
 * Where a build's time went, read from its log: Astro's own steps ("✓ Completed in 67.43s." after
 * each heading), the time Astro reports for each share image, and the `…, N ms）` every
 * honor-roll step logs. Pure: log text in, milliseconds out.
 */

export interface BuildPhases {
  /** Rendering every page and endpoint, share images included. */
  pagesMs: number;
  shareImages: number;
  /** Astro resizing and converting images (astro:assets). */
  imagesMs: number;
  /** Each honor-roll step, by name: content check, prune-assets, search-index, privacy-guard … */
  steps: Record<string, number>;
}

const plain = (log: string) => log.replace(/\x1b\[[0-9;]*m/g, '');

/** The "✓ Completed in …" that follows a section heading such as ` generating static routes `. */
function sectionMs(lines: string[], heading: string): number {
  const start = lines.findIndex((line) => line.trim() === heading);
  if (start < 0) return 0;
  for (const line of lines.slice(start + 1)) {
    const match = /✓ Completed in ([\d.]+)(ms|s)\./.exec(line);
    if (match) return Math.round(Number(match[1]) * (match[2] === 's' ? 1000 : 1));
  }
  return 0;
}

/** The line Astro prints when it has rendered a share image. */
const SHARE_IMAGE_LINE = /\/share\/\S+\.(?:png|jpg)\/? \(\+\d+ms\)/;

export function buildPhases(log: string): BuildPhases {
  const text = plain(log);
  const lines = text.split('\n');
  const shares = text.match(new RegExp(SHARE_IMAGE_LINE.source, 'g')) ?? [];
  const steps: Record<string, number> = {};
  for (const match of text.matchAll(/\[honor-roll(?::([a-z-]+))?\][^\n]*?(\d+) ms）/g)) {
    steps[match[1] ?? 'content-check'] = Number(match[2]);
  }
  return {
    pagesMs: sectionMs(lines, 'generating static routes'),
    shareImages: shares.length,
    imagesMs: sectionMs(lines, 'generating optimized images'),
    steps,
  };
}

/** A line of the build's output and when it arrived (ms since the build started). */
export interface TimedLine {
  t: number;
  text: string;
}

/** The CPU time the build had used (its threads and its children's, in ms) at time `t`. */
export interface CpuSample {
  t: number;
  cpuMs: number;
}

/** When each phase ran, in ms since the build started, as the build's output shows it. */
export function phaseWindows(lines: TimedLine[]): Record<string, { start: number; end: number }> {
  const windows: Record<string, { start: number; end: number }> = {};
  const section = (name: string, heading: string) => {
    const start = lines.findIndex((line) => plain(line.text).trim() === heading);
    const end = lines.findIndex((line, i) => i > start && /✓ Completed in/.test(line.text));
    if (start >= 0 && end > start) windows[name] = { start: lines[start]!.t, end: lines[end]!.t };
  };
  section('pages', 'generating static routes');
  section('images', 'generating optimized images');
  for (const line of lines) {
    const match = /\[honor-roll(?::([a-z-]+))?\][^\n]*?(\d+) ms）/.exec(plain(line.text));
    if (match) windows[match[1] ?? 'content-check'] = { start: line.t - Number(match[2]), end: line.t };
  }
  return windows;
}

/** The CPU time used by `t`, between the samples around it. */
function cpuAt(samples: CpuSample[], t: number): number {
  const after = samples.findIndex((s) => s.t >= t);
  if (after < 0) return samples.at(-1)?.cpuMs ?? 0;
  if (after === 0) return samples[0]!.cpuMs;
  const a = samples[after - 1]!;
  const b = samples[after]!;
  return a.cpuMs + ((b.cpuMs - a.cpuMs) * (t - a.t)) / (b.t - a.t);
}

/**
 * Cores busy in each phase: CPU time over wall time (1.0 = one core the whole time; on two cores
 * 2.0 is all there is). Phases shorter than 200 ms are left out: a sample every 50 ms says nothing
 * about them.
 */
export function coresBusy(lines: TimedLine[], samples: CpuSample[]): Record<string, number> {
  const busy: Record<string, number> = {};
  for (const [name, { start, end }] of Object.entries(phaseWindows(lines))) {
    if (end - start < 200) continue;
    busy[name] = Math.round(((cpuAt(samples, end) - cpuAt(samples, start)) / (end - start)) * 100) / 100;
  }
  return busy;
}

/** The resident memory of the build process (in MiB) at time `t`. */
export interface RssSample {
  t: number;
  rssMiB: number;
}

/**
 * When memory peaked: the largest sample, and the step whose window holds it ('astro' between the
 * steps: Astro's own start, content layer and bundling, or pages not yet announced).
 */
export function memoryPeak(lines: TimedLine[], samples: RssSample[]): { rssMiB: number; phase: string } | undefined {
  const peak = samples.reduce<RssSample | undefined>((max, sample) => (!max || sample.rssMiB > max.rssMiB ? sample : max), undefined);
  if (!peak) return undefined;
  const phase = Object.entries(phaseWindows(lines)).find(([, { start, end }]) => peak.t >= start && peak.t <= end)?.[0] ?? 'astro';
  return { rssMiB: Math.round(peak.rssMiB), phase };
}

/**
 * The wall time spent on the share images (drawing them, or reading them from the cache). Astro
 * renders several pages at a time and prints each one's own time, so those times overlap and their
 * sum overstates it; the time between the lines before each share image's line is summed instead.
 */
export function shareImagesMs(lines: TimedLine[]): number {
  let total = 0;
  for (let i = 1; i < lines.length; i++) if (SHARE_IMAGE_LINE.test(plain(lines[i]!.text))) total += lines[i]!.t - lines[i - 1]!.t;
  return Math.round(total);
}
