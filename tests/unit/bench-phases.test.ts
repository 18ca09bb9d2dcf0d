import { describe, expect, it } from 'vitest';
import { buildPhases, coresBusy, memoryPeak, phaseWindows, shareImagesMs } from '../../scripts/bench/phases';

// Lines as `astro build` prints them (colour codes included), shortened.
const log = [
  '13:41:59 \x1b[34m[honor-roll]\x1b[39m 内容检查：2000 个条目（content check, 812 ms）',
  '13:41:59 [build] ✓ Completed in 4.80s.',
  '',
  '\x1b[42m generating static routes \x1b[49m',
  '13:42:03 ▶ src/pages/404.astro',
  '13:42:03   └─ /404.html (+190ms) ',
  '13:42:10 λ src/pages/share/[...card].ts',
  '13:42:10   ├─ /share/officers/officer-00001.jpg (+41ms) ',
  '13:42:10   └─ /share/site.png (+9ms) ',
  '13:43:11 ✓ Completed in 67.43s.',
  '',
  ' generating optimized images ',
  '13:43:11   ▶ /_astro/officer-00379.Cg0t4ZLo_ZnYwwJ.webp (before: 37kB, after: 13kB) (+55ms) (1/3429)',
  '13:43:55 ✓ Completed in 43.95s.',
  '13:44:04 [honor-roll:prune-assets] 已删除 800 个未被页面引用的原始文件（removed 800 unreferenced assets, 131 ms）',
  '13:44:06 [honor-roll:search-index] 搜索索引已生成：2441 个页面（search index: 2441 pages, 2286 ms）',
  '13:44:09 [honor-roll:privacy-guard] 隐私检查通过（privacy guard passed, 3021 ms）',
].join('\n');

describe('buildPhases', () => {
  it('reads Astro’s steps, the share images (JPEG and PNG) and every honor-roll step from a build log', () => {
    expect(buildPhases(log)).toEqual({
      pagesMs: 67430,
      shareImages: 2,
      imagesMs: 43950,
      steps: { 'content-check': 812, 'prune-assets': 131, 'search-index': 2286, 'privacy-guard': 3021 },
    });
  });

  it('reports zero for a step a build did not have (no images to optimise)', () => {
    expect(buildPhases('13:00:00 [build] ✓ Completed in 1.2s.')).toEqual({ pagesMs: 0, shareImages: 0, imagesMs: 0, steps: {} });
  });
});

describe('coresBusy', () => {
  // The log above, as it arrived: one line every second from t = 0.
  const lines = log.split('\n').map((text, i) => ({ t: i * 1000, text }));
  it('finds when each phase ran from when its lines arrived', () => {
    const windows = phaseWindows(lines);
    expect(windows.pages).toEqual({ start: 3000, end: 9000 });
    expect(windows.images).toEqual({ start: 11000, end: 13000 });
    expect(windows['search-index']).toEqual({ start: 15000 - 2286, end: 15000 });
  });

  it('divides the CPU time used in each phase by its wall time', () => {
    // Two cores busy until 9 s, then one.
    const samples = Array.from({ length: 21 }, (_, i) => ({ t: i * 1000, cpuMs: i <= 9 ? i * 2000 : 18000 + (i - 9) * 1000 }));
    const busy = coresBusy(lines, samples);
    expect(busy.pages).toBe(2);
    expect(busy.images).toBe(1);
    expect(busy['privacy-guard']).toBe(1);
    // 812 ms of content check before t = 0: no samples before the build started, so nothing measured.
    expect(busy['content-check']).toBe(0);
    // prune-assets took 131 ms: too short to say.
    expect(busy).not.toHaveProperty('prune-assets');
  });
});

describe('memoryPeak', () => {
  const lines = log.split('\n').map((text, i) => ({ t: i * 1000, text }));
  it('names the step whose window holds the largest sample', () => {
    const samples = [0, 4000, 8000, 12000, 16000].map((t) => ({ t, rssMiB: t === 12000 ? 900.4 : 300 }));
    expect(memoryPeak(lines, samples)).toEqual({ rssMiB: 900, phase: 'images' });
  });

  it('says astro when the peak falls between the steps, and nothing without samples', () => {
    expect(memoryPeak(lines, [{ t: 1000, rssMiB: 500 }, { t: 5000, rssMiB: 100 }])).toEqual({ rssMiB: 500, phase: 'astro' });
    expect(memoryPeak(lines, [])).toBeUndefined();
  });
});

describe('shareImagesMs', () => {
  it('sums the wall time up to each share image’s line, not Astro’s overlapping per-page times', () => {
    // Four pages at a time: each line says 400 ms, but the four came 100 ms apart after the heading.
    const lines = [
      { t: 0, text: '13:42:10 λ src/pages/share/[...card].ts' },
      ...[1, 2, 3, 4].map((i) => ({ t: i * 100, text: `13:42:10   ├─ /share/officers/officer-0000${i}.jpg (+400ms) ` })),
      { t: 900, text: '13:42:11 ▶ src/pages/stats/index.astro' },
      { t: 1000, text: '13:42:11   └─ /share/site.png/ (+9ms) ' },
    ];
    expect(shareImagesMs(lines)).toBe(500);
    expect(shareImagesMs([])).toBe(0);
  });
});
