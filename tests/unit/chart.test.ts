import { describe, expect, it } from 'vitest';
import { barChart, type BarChart } from '../../src/lib/chart';

const SIZE = { width: 640, height: 320, padding: { top: 20, right: 20, bottom: 40, left: 60 } };
const points = (...values: number[]) => values.map((value, i) => ({ label: `第${i + 1}期`, value }));
const tickValues = (chart: BarChart) => chart.ticks.map((t) => t.value);

/** Every coordinate of the chart, to check none is NaN and all sit on the 0.1 grid. */
function coordinates(chart: BarChart): number[] {
  return [
    chart.width,
    chart.height,
    chart.baseline,
    ...chart.ticks.map((t) => t.y),
    ...chart.bars.flatMap((b) => [b.x, b.y, b.width, b.height]),
  ];
}

describe('barChart', () => {
  it.each([
    { values: [386], ticks: [0, 100, 200, 300, 400] },
    { values: [95000, 120000], ticks: [0, 25000, 50000, 75000, 100000, 125000] },
    { values: [7], ticks: [0, 2, 4, 6, 8] },
    { values: [10], ticks: [0, 2, 4, 6, 8, 10] },
    { values: [11], ticks: [0, 5, 10, 15] },
    { values: [3], ticks: [0, 1, 2, 3] },
    { values: [1], ticks: [0, 1, 2] },
    { values: [23], ticks: [0, 5, 10, 15, 20, 25] },
    { values: [0.7], ticks: [0, 0.2, 0.4, 0.6, 0.8] },
    { values: [1.1], ticks: [0, 0.25, 0.5, 0.75, 1, 1.25] },
    { values: [0.3], ticks: [0, 0.1, 0.2, 0.3] },
  ])('ticks $values at $ticks', ({ values, ticks }) => {
    expect(tickValues(barChart(points(...values), SIZE))).toEqual(ticks);
  });

  it.each([1, 2, 3, 5, 6, 7, 9, 12, 17, 33, 99, 101, 386, 999, 1001, 2500, 95000, 123456789, 0.01, 0.37, 4.2])(
    'starts the axis at 0 and uses 3 to 6 evenly spaced 1/2/2.5/5 × 10ⁿ ticks, the top one at or above %d',
    (max) => {
      const ticks = tickValues(barChart(points(max / 3, max), SIZE));
      expect(ticks[0]).toBe(0);
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      expect(ticks.length).toBeLessThanOrEqual(6);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
      const step = ticks[1]!;
      const mantissa = step / 10 ** Math.floor(Math.log10(step));
      expect([1, 2, 2.5, 5].some((m) => Math.abs(m - mantissa) < 1e-9)).toBe(true);
      ticks.forEach((value, i) => expect(value).toBeCloseTo(i * step, 9));
    },
  );

  it('keeps ticks whole when every value is whole', () => {
    expect(tickValues(barChart(points(4, 1, 3), SIZE))).toEqual([0, 1, 2, 3, 4]);
  });

  it('places ticks from the baseline (value 0) up to the top of the plot', () => {
    const chart = barChart(points(386), SIZE);
    expect(chart.baseline).toBe(280);
    expect(chart.ticks[0]).toEqual({ y: 280, value: 0 });
    expect(chart.ticks.at(-1)).toEqual({ y: 20, value: 400 });
    expect(chart.ticks.map((t) => t.y)).toEqual([280, 215, 150, 85, 20]);
  });

  it('stands every bar on the baseline with a height proportional to its value', () => {
    const chart = barChart(points(100, 200, 400), SIZE);
    for (const bar of chart.bars) expect(bar.y + bar.height).toBeCloseTo(chart.baseline, 9);
    expect(chart.bars.map((b) => b.height)).toEqual([65, 130, 260]);
  });

  it('spaces bars evenly with gaps between them, inside the plot, in input order', () => {
    const chart = barChart(points(1, 2, 3, 4), SIZE);
    const [first, second, third, fourth] = chart.bars;
    expect(chart.bars.map((b) => b.label)).toEqual(['第1期', '第2期', '第3期', '第4期']);
    const pitch = second!.x - first!.x;
    expect(third!.x - second!.x).toBeCloseTo(pitch, 1);
    expect(fourth!.x - third!.x).toBeCloseTo(pitch, 1);
    expect(first!.width).toBeGreaterThan(0);
    expect(first!.width).toBeLessThan(pitch);
    expect(first!.x).toBeGreaterThanOrEqual(60);
    expect(fourth!.x + fourth!.width).toBeLessThanOrEqual(620);
  });

  it('centres a single bar and keeps it from filling the plot', () => {
    const chart = barChart(points(42), SIZE);
    const [bar] = chart.bars;
    expect(chart.bars).toHaveLength(1);
    expect(bar!.x + bar!.width / 2).toBeCloseTo(340, 1);
    expect(bar!.width).toBeLessThanOrEqual(560 / 4);
    expect(bar!.value).toBe(42);
  });

  it('draws all-zero values as flat bars on a 0–2 axis instead of dividing by zero', () => {
    const chart = barChart(points(0, 0, 0), SIZE);
    expect(tickValues(chart)).toEqual([0, 1, 2]);
    expect(chart.bars.map((b) => [b.y, b.height])).toEqual([
      [280, 0],
      [280, 0],
      [280, 0],
    ]);
  });

  it('draws an empty chart with an axis and no bars', () => {
    const chart = barChart([], SIZE);
    expect(chart.bars).toEqual([]);
    expect(tickValues(chart)).toEqual([0, 1, 2]);
  });

  it('draws negative and non-finite values as zero-height bars', () => {
    const chart = barChart(points(-5, Number.NaN, Number.POSITIVE_INFINITY, 10), SIZE);
    expect(chart.bars.map((b) => b.height).slice(0, 3)).toEqual([0, 0, 0]);
    expect(chart.bars.map((b) => b.value)).toEqual([-5, 0, 0, 10]);
    expect(tickValues(chart).at(-1)).toBe(10);
  });

  it.each([
    { name: 'many points', chart: () => barChart(points(...Array.from({ length: 37 }, (_, i) => i * 13.7)), SIZE) },
    { name: 'all zeros', chart: () => barChart(points(0, 0), SIZE) },
    { name: 'one point', chart: () => barChart(points(5), SIZE) },
    { name: 'no points', chart: () => barChart([], SIZE) },
    { name: 'a box smaller than its padding', chart: () => barChart(points(1, 2), { width: 50, height: 30, padding: SIZE.padding }) },
    { name: 'the default padding', chart: () => barChart(points(3.3, 7.7), { width: 333, height: 177 }) },
  ])('gives only finite coordinates rounded to 0.1 for $name', ({ chart }) => {
    const drawn = chart();
    for (const n of coordinates(drawn)) {
      expect(Number.isFinite(n)).toBe(true);
      expect(Math.round(n * 10) / 10).toBe(n);
    }
    for (const n of [...drawn.ticks.map((t) => t.value), ...drawn.bars.map((b) => b.value)]) expect(Number.isFinite(n)).toBe(true);
  });

  it('keeps the size it was given', () => {
    expect(barChart(points(1), SIZE)).toMatchObject({ width: 640, height: 320 });
  });

  it('never gives a bar a negative width or height, even in a box smaller than its padding', () => {
    const chart = barChart(points(1, 2), { width: 50, height: 30, padding: SIZE.padding });
    for (const bar of chart.bars) {
      expect(bar.width).toBeGreaterThanOrEqual(0);
      expect(bar.height).toBeGreaterThanOrEqual(0);
    }
  });
});
