/**
 * Figures across periods: each stats file covers one period, and a metric `key` that recurs in
 * several files forms a series (people checked in 2019, 2020, 2021 …) for tables and charts.
 */
import { compareIds } from './entry-id';
import { comparePartialDates, formatPartialDate, type PartialDate } from './partial-date';
import type { Approximation } from './chinese-number';

/** A span of time, each end at its own precision. */
export interface Period {
  start: PartialDate;
  end: PartialDate;
}

/** What `metricSeries` reads of a stats entry; collection entries fit it as they are. */
export interface StatLike {
  id: string;
  data: {
    title: string;
    period: Period;
    metrics: readonly { key: string; label: string; value: number; unit: string; approx: Approximation | null }[];
  };
}

/** One period's value of a metric. */
export interface SeriesPoint {
  /** Id of the stats entry the value comes from. */
  statId: string;
  period: Period;
  /** `formatPeriod(period)`. */
  periodLabel: string;
  value: number;
  unit: string;
  approx: Approximation | null;
}

/** One metric across periods, oldest period first. */
export interface MetricSeries {
  key: string;
  /** Label of the newest period that has the metric: wording may have changed over the years. */
  label: string;
  /** Unit of the newest period that has the metric. */
  unit: string;
  points: SeriesPoint[];
}

/**
 * 2020年7月 for a single date; 2020年1月至7月 within a year (2020年1月1日至7月13日 with days);
 * 2019年10月至2020年3月 across years.
 */
export function formatPeriod(period: Period): string {
  const { start, end } = period;
  const from = formatPartialDate(start);
  if (start.key === end.key) return from;
  // The year is said once when both ends share it and both name a month; 2020年至7月 would not read.
  if (start.year === end.year && start.month !== null && end.month !== null) {
    return `${from}至${end.month}月${end.day === null ? '' : `${end.day}日`}`;
  }
  return `${from}至${formatPartialDate(end)}`;
}

/**
 * Newest period first, for lists and headline figures: by end, newest first; of two periods
 * ending together the longer one (earlier start) comes first, as the fuller report.
 */
export function comparePeriodsNewestFirst(a: Period, b: Period): number {
  return comparePartialDates(b.end, a.end) || comparePartialDates(a.start, b.start);
}

/** Oldest period first: by end, then by start; the id settles ties so the order never depends on input. */
function comparePeriods(a: StatLike, b: StatLike): number {
  return (
    comparePartialDates(a.data.period.end, b.data.period.end) ||
    comparePartialDates(a.data.period.start, b.data.period.start) ||
    compareIds(a.id, b.id)
  );
}

/**
 * One series per metric key, points oldest period first. Series follow the order of the newest
 * period's figures, then come metrics the newest period no longer reports, by key.
 */
export function metricSeries(stats: readonly StatLike[]): MetricSeries[] {
  const ordered = [...stats].sort(comparePeriods);
  const byKey = new Map<string, MetricSeries>();
  for (const stat of ordered) {
    for (const metric of stat.data.metrics) {
      const point: SeriesPoint = {
        statId: stat.id,
        period: stat.data.period,
        periodLabel: formatPeriod(stat.data.period),
        value: metric.value,
        unit: metric.unit,
        approx: metric.approx,
      };
      const series = byKey.get(metric.key);
      if (series) {
        // Later stats are newer, so their wording wins.
        series.label = metric.label;
        series.unit = metric.unit;
        series.points.push(point);
      } else {
        byKey.set(metric.key, { key: metric.key, label: metric.label, unit: metric.unit, points: [point] });
      }
    }
  }
  const newestKeys = ordered.at(-1)?.data.metrics.map((m) => m.key) ?? [];
  const rank = (key: string) => {
    const index = newestKeys.indexOf(key);
    return index === -1 ? newestKeys.length : index;
  };
  return [...byKey.values()].sort(
    (a, b) => rank(a.key) - rank(b.key) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

/** The series worth a chart: a metric reported in two or more periods (one bar is no trend). */
export function metricTrends(stats: readonly StatLike[]): MetricSeries[] {
  return metricSeries(stats).filter((series) => series.points.length > 1);
}
