import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Loader, LoaderContext } from 'astro/loaders';
import { ANNOUNCING_LOADER, announcingChanges, coalesced, onContentChanged, writeStoreNow } from '../../src/lib/content-changes';
import { fakeStore } from './helpers/loader-store';

/** A loader that loads two entries and keeps the store, as the glob loader's watcher does. */
function watchingLoader() {
  let later: LoaderContext['store'] | undefined;
  let loads = 0;
  const loader: Loader = {
    name: 'glob-loader',
    load: async ({ store }) => {
      loads += 1;
      store.set({ id: 'a', data: {} });
      store.set({ id: 'b', data: {} });
      later = store;
    },
  };
  return { loader, change: (id: string) => later!.set({ id, data: { changed: true } }), remove: (id: string) => later!.delete(id), loads: () => loads };
}

function contextWith(store: ReturnType<typeof fakeStore>['store'], refreshContextData?: Record<string, unknown>) {
  return { collection: 'honors', store, refreshContextData } as unknown as LoaderContext;
}

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  stop = undefined;
  vi.useRealTimers();
});

describe('announcingChanges', () => {
  it('announces the changes after the first load, not the entries of the load itself', async () => {
    const heard: number[] = [];
    stop = onContentChanged(() => heard.push(heard.length));
    const { loader, change, remove } = watchingLoader();
    const { store, entries } = fakeStore();
    const wrapped = announcingChanges(loader);
    await wrapped.load(contextWith(store));
    expect(heard).toHaveLength(0);
    expect([...entries.keys()]).toEqual(['a', 'b']);
    change('a');
    remove('b');
    expect(heard).toHaveLength(2);
    expect(entries.get('a')).toMatchObject({ data: { changed: true } });
    expect(entries.has('b')).toBe(false);
  });

  it('is named for the refresh that writes the store, and such a refresh loads nothing', async () => {
    const { loader, loads } = watchingLoader();
    const wrapped = announcingChanges(loader);
    expect(wrapped.name).toBe(ANNOUNCING_LOADER);
    const { store, entries } = fakeStore();
    const refreshContent = async (options: { loaders?: string[]; context?: Record<string, unknown> }) => {
      expect(options.loaders).toEqual([ANNOUNCING_LOADER]);
      await wrapped.load(contextWith(store, options.context));
    };
    expect(await writeStoreNow(refreshContent)).toBe(true);
    expect(loads()).toBe(0);
    expect(entries.size).toBe(0);
  });
});

describe('writeStoreNow', () => {
  it('asks again while Astro skips the refresh (its content config is reloading)', async () => {
    const wrapped = announcingChanges(watchingLoader().loader);
    const { store } = fakeStore();
    let calls = 0;
    const refreshContent = async (options: { context?: Record<string, unknown> }) => {
      calls += 1;
      if (calls < 3) return; // skipped, as Astro does while the config loads
      await wrapped.load(contextWith(store, options.context));
    };
    expect(await writeStoreNow(refreshContent, { waitMs: 1 })).toBe(true);
    expect(calls).toBe(3);
  });

  it('gives up after its attempts when no refresh gets through', async () => {
    let calls = 0;
    const refreshContent = async () => {
      calls += 1;
    };
    expect(await writeStoreNow(refreshContent, { attempts: 4, waitMs: 1 })).toBe(false);
    expect(calls).toBe(4);
  });
});

describe('coalesced', () => {
  it('writes once for a burst of changes', async () => {
    vi.useFakeTimers();
    const write = vi.fn(async () => {});
    const changed = coalesced(write, 30);
    for (let i = 0; i < 50; i++) changed();
    await vi.advanceTimersByTimeAsync(29);
    expect(write).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('never writes twice at once, and writes again for changes made during a write', async () => {
    vi.useFakeTimers();
    let running = 0;
    let most = 0;
    const write = vi.fn(async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 100));
      running -= 1;
    });
    const changed = coalesced(write, 10);
    changed();
    await vi.advanceTimersByTimeAsync(20); // the first write is running
    changed();
    await vi.advanceTimersByTimeAsync(20); // its timer fires during the write
    changed();
    await vi.advanceTimersByTimeAsync(300);
    expect(most).toBe(1);
    expect(write).toHaveBeenCalledTimes(2);
  });

  it('keeps going after a failed write', async () => {
    vi.useFakeTimers();
    const write = vi.fn(async () => {
      throw new Error('disk full');
    });
    const changed = coalesced(write, 5);
    changed();
    await vi.advanceTimersByTimeAsync(10);
    changed();
    await vi.advanceTimersByTimeAsync(10);
    expect(write).toHaveBeenCalledTimes(2);
  });
});
