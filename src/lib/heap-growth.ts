/**
 * How far V8 lets a large build's heaps grow between collections.
 *
 * By default V8 lets a heap grow to up to four times what survived its last collection, and a
 * build allocates fast (pages, share cards in worker threads): most of a large build's peak memory
 * was garbage not yet collected. Growing by 30 % instead kept the peak of a cold 2,000-entry build
 * at 876–923 MiB (three runs) instead of 1,167–1,535 MiB (four), for about 8 % more CPU time spent
 * collecting (docs/performance.md). A growth factor, not a heap limit: a 10,000-entry unit still
 * gets all the memory it needs.
 *
 * Only for a large site: a small one peaks under 400 MiB either way, and the extra collections
 * cost it ≈ 7 % of its CPU time (the minimal fixture, four alternating runs: 11.6 → 12.4 CPU-s),
 * which every test build would pay.
 */
export const LARGE_SITE_ENTRIES = 300;
export const HEAP_GROWING_PERCENT = 30;

/** The V8 flags a build of a site with `entries` entries sets (v8.setFlagsFromString). */
export function heapGrowthFlags(entries: number): string[] {
  return entries >= LARGE_SITE_ENTRIES ? [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`] : [];
}
