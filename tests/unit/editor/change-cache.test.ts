import { describe, expect, it } from 'vitest';
import { changeCache } from '../../../src/lib/editor/change-cache';

/** A computation whose runs are counted and finished by hand. */
function counter() {
  const runs: ((value: number) => void)[] = [];
  return {
    compute: () => new Promise<number>((resolve) => runs.push(resolve)),
    finish: (index: number, value: number) => runs[index]!(value),
    get count() {
      return runs.length;
    },
  };
}

describe('changeCache', () => {
  it('computes once for concurrent and later callers', async () => {
    const c = counter();
    const cache = changeCache(c.compute, { maxAgeMs: 60_000 });
    const first = cache.get();
    const second = cache.get();
    c.finish(0, 1);
    expect(await first).toBe(1);
    expect(await second).toBe(1);
    expect(await cache.get()).toBe(1);
    expect(c.count).toBe(1);
  });

  it('computes again after a change', async () => {
    const c = counter();
    const cache = changeCache(c.compute, { maxAgeMs: 60_000 });
    const first = cache.get();
    c.finish(0, 1);
    await first;
    cache.invalidate();
    const second = cache.get();
    c.finish(1, 2);
    expect(await second).toBe(2);
    expect(c.count).toBe(2);
  });

  it('does not keep a result that a change made stale while it was computed', async () => {
    const c = counter();
    const cache = changeCache(c.compute, { maxAgeMs: 60_000 });
    const first = cache.get();
    cache.invalidate();
    c.finish(0, 1);
    expect(await first).toBe(1);
    const second = cache.get();
    c.finish(1, 2);
    expect(await second).toBe(2);
  });

  it('computes again once the value is older than maxAgeMs', async () => {
    const c = counter();
    let clock = 0;
    const cache = changeCache(c.compute, { maxAgeMs: 1000, now: () => clock });
    const first = cache.get();
    c.finish(0, 1);
    await first;
    clock = 999;
    expect(await cache.get()).toBe(1);
    clock = 1000;
    const late = cache.get();
    c.finish(1, 2);
    expect(await late).toBe(2);
  });

  it('does not keep a failure', async () => {
    let calls = 0;
    const cache = changeCache(async () => {
      calls += 1;
      if (calls === 1) throw new Error('first run fails');
      return calls;
    }, { maxAgeMs: 60_000 });
    await expect(cache.get()).rejects.toThrow('first run fails');
    expect(await cache.get()).toBe(2);
  });
});
