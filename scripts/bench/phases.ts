/**
 * Where a build's time went, read from its log: Astro's own steps ("✓ Completed in 67.43s." after
 * each heading), the time Astro reports for each share image, and the `…, N ms）` every
 * honor-roll step logs. Pure: log text in, milliseconds out.
 */

export interface BuildPhases {
  /** Rendering every page and endpoint, share images included. */
  pagesMs: number;
  /** Of which: drawing (or reading from the cache) the share images. */
  shareImagesMs: number;
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

export function buildPhases(log: string): BuildPhases {
  const text = plain(log);
  const lines = text.split('\n');
  const shares = [...text.matchAll(/\/share\/\S+\.png\/? \(\+(\d+)ms\)/g)];
  const steps: Record<string, number> = {};
  for (const match of text.matchAll(/\[honor-roll(?::([a-z-]+))?\][^\n]*?(\d+) ms）/g)) {
    steps[match[1] ?? 'content-check'] = Number(match[2]);
  }
  return {
    pagesMs: sectionMs(lines, 'generating static routes'),
    shareImagesMs: shares.reduce((n, m) => n + Number(m[1]), 0),
    shareImages: shares.length,
    imagesMs: sectionMs(lines, 'generating optimized images'),
    steps,
  };
}
