/**
 * Geometry of bar charts drawn as SVG at build time: where each bar and tick goes, nothing about
 * how it looks. Kept apart from the component so the maths can be tested without rendering.
 */

/** A bar chart laid out in SVG user units (y grows downward, 0 at the top). */
export interface BarChart {
  width: number;
  height: number;
  /** One per point, left to right in the given order. */
  bars: { x: number; y: number; width: number; height: number; value: number; label: string }[];
  /** Horizontal grid lines, from 0 (at the baseline) up to the top tick. */
  ticks: { y: number; value: number }[];
  /** y of the zero line, where every bar stands. */
  baseline: number;
}

/** Space around the plot for axis labels. */
export interface ChartPadding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

const DEFAULT_PADDING: ChartPadding = { top: 16, right: 16, bottom: 40, left: 56 };

/** Share of each bar's slot the bar fills; the rest is the gap between bars. */
const BAR_SHARE = 0.6;
/** A bar is never wider than this share of the plot, so one or two points do not become slabs. */
const MAX_BAR_SHARE = 0.2;
/** Most intervals between ticks: at most six ticks including 0. */
const MAX_INTERVALS = 5;
/** Fewest intervals: at least three ticks, so the scale can be read. */
const MIN_INTERVALS = 2;
const MANTISSAS = [1, 2, 2.5, 5] as const;

/** Rounds to 0.1, the precision of every coordinate (enough for SVG, short in the HTML). */
function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Drops floating-point noise such as 0.30000000000000004. */
function clean(n: number): number {
  return Number(n.toPrecision(12));
}

/**
 * The smallest 1, 2, 2.5 or 5 × 10^n step that covers `max` in at most five intervals. When every
 * value is a whole number the step is too, so counts never get ticks like 2.5 or 0.25.
 */
function niceStep(max: number, wholeNumbers: boolean): number {
  if (max <= 0) return 1;
  // Start one decade below the step that would give exactly five intervals, then climb.
  for (let exponent = Math.floor(Math.log10(max / MAX_INTERVALS)) - 1; ; exponent++) {
    for (const mantissa of MANTISSAS) {
      const step = clean(mantissa * 10 ** exponent);
      if (wholeNumbers && !Number.isInteger(step)) continue;
      if (Math.ceil(clean(max / step)) <= MAX_INTERVALS) return step;
    }
  }
}

/**
 * Lays out a bar chart of `points` in a `width` × `height` box. The y axis starts at 0 and ends at
 * the first "nice" tick at or above the largest value (3 to 6 ticks). Bars are evenly spaced with
 * gaps, centred in equal slots. Negative or non-finite values draw as zero-height bars. All
 * coordinates are rounded to 0.1.
 */
export function barChart(
  points: readonly { label: string; value: number }[],
  options: { width: number; height: number; padding?: ChartPadding },
): BarChart {
  const { width, height } = options;
  const padding = options.padding ?? DEFAULT_PADDING;
  const values = points.map((p) => (Number.isFinite(p.value) ? p.value : 0));
  const drawn = values.map((v) => Math.max(0, v));
  const max = Math.max(0, ...drawn);
  const step = niceStep(max, drawn.every((v) => Number.isInteger(v)));
  const intervals = Math.max(MIN_INTERVALS, Math.ceil(clean(max / step)));
  const top = clean(intervals * step);

  const plotLeft = padding.left;
  const plotTop = padding.top;
  const plotWidth = Math.max(0, width - padding.left - padding.right);
  const plotHeight = Math.max(0, height - padding.top - padding.bottom);
  const baseline = round1(plotTop + plotHeight);
  // Heights are rounded first and y derived from them, so every bar ends exactly on the baseline.
  const heightOf = (value: number) => round1((value / top) * plotHeight);

  const ticks = Array.from({ length: intervals + 1 }, (_, i) => {
    const value = clean(i * step);
    return { y: round1(baseline - heightOf(value)), value };
  });

  const slot = points.length === 0 ? 0 : plotWidth / points.length;
  const barWidth = Math.min(slot * BAR_SHARE, plotWidth * MAX_BAR_SHARE);
  const bars = points.map((point, i) => {
    const barHeight = heightOf(drawn[i] ?? 0);
    return {
      x: round1(plotLeft + slot * i + (slot - barWidth) / 2),
      y: round1(baseline - barHeight),
      width: round1(barWidth),
      height: barHeight,
      value: values[i] ?? 0,
      label: point.label,
    };
  });

  return { width, height, bars, ticks, baseline };
}
