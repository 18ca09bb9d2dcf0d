/**
 * A value computed on demand and kept until something it depends on changes: the editor's check
 * of the whole site runs once, and again only after a file under the content folder changed (or,
 * since embargoes end with time, after `maxAgeMs`). A change that arrives while the computation
 * runs makes that result stale at birth: it is returned to whoever waited for it, but not kept.
 */
export interface ChangeCache<T> {
  /** The kept value, or a fresh computation. Concurrent callers share one computation. */
  get(): Promise<T>;
  /** Forgets the kept value: the next `get` computes again. */
  invalidate(): void;
}

export function changeCache<T>(compute: () => Promise<T>, { maxAgeMs, now = Date.now }: { maxAgeMs: number; now?: () => number }): ChangeCache<T> {
  let generation = 0;
  let kept: { generation: number; at: number; value: Promise<T> } | undefined;
  return {
    get() {
      if (kept && kept.generation === generation && now() - kept.at < maxAgeMs) return kept.value;
      const started = { generation, at: now(), value: compute() };
      kept = started;
      // A failed computation is not kept: the next request tries again.
      started.value.catch(() => {
        if (kept === started) kept = undefined;
      });
      return started.value;
    },
    invalidate() {
      generation += 1;
    },
  };
}
