/**
 * Reading page weight off the built site: how wide an image can be shown (from its `sizes`), and
 * what a first visit to a page downloads. Used by budgets.test.ts.
 */

/** Root font size in CSS px in 大字模式 (150% of 16 px, 18 pt): the larger of the two modes. */
export const LARGEST_REM_PX = 16 * 1.5;
/** Widest window considered for `vw` sizes without a media condition bounding them. */
export const WIDEST_VIEWPORT_PX = 1920;

function lengthPx(length: string, viewportPx: number): number {
  const match = /^([\d.]+)(px|rem|em|vw|mm|cm|in)$/.exec(length.trim());
  if (!match) throw new Error(`unsupported length in sizes: ${length}`);
  const n = Number(match[1]);
  const unit = match[2]!;
  const factor: Record<string, number> = { px: 1, rem: LARGEST_REM_PX, em: LARGEST_REM_PX, vw: viewportPx / 100, mm: 96 / 25.4, cm: 96 / 2.54, in: 96 };
  return n * factor[unit]!;
}

/**
 * The widest an image with this `sizes` attribute is ever displayed, in CSS px, in either
 * reading mode: `(min-width: 40rem) 16rem, 10rem` → 16rem; a trailing `100vw` counts up to
 * the narrowest `min-width` before it (the window where it applies).
 */
export function largestDisplayedPx(sizes: string): number {
  const entries = sizes.split(',').map((s) => s.trim());
  const minWidths = entries.flatMap((e) => {
    const m = /^\(min-width:\s*([^)]+)\)/.exec(e);
    return m ? [lengthPx(m[1]!, WIDEST_VIEWPORT_PX)] : [];
  });
  const defaultViewport = minWidths.length > 0 ? Math.min(...minWidths) : WIDEST_VIEWPORT_PX;
  return Math.max(
    ...entries.map((e) => {
      const m = /^\(min-width:[^)]+\)\s*(.+)$/.exec(e);
      return m ? lengthPx(m[1]!, WIDEST_VIEWPORT_PX) : lengthPx(e, defaultViewport);
    }),
  );
}

/** The image files and widths a `srcset` offers. */
export function srcsetCandidates(srcset: string): { url: string; width: number }[] {
  return srcset
    .split(',')
    .map((c) => c.trim().split(/\s+/))
    .filter((parts) => parts.length === 2 && parts[1]!.endsWith('w'))
    .map(([url, w]) => ({ url: url!, width: Number(w!.slice(0, -1)) }));
}
