/**
 * Lets the dev server show a saved entry half a second sooner.
 *
 * In the dev server, Astro's content layer notices a changed file and puts the new entry into its
 * store, but writes the store to disk only 500 ms after the last change (a debounce meant for
 * bursts of edits); pages see the change once the store is written and read back. The loaders of
 * content.config.ts are wrapped by `announcingChanges`: after their first load, each change they
 * make is announced, and the honor-roll integration answers by writing the store at once
 * (`writeStoreNow`) through Astro's public `refreshContent`.
 *
 * That refresh runs the wrapped loaders with a marker in its context; they load nothing, so the
 * refresh only writes the store. Astro skips a refresh while it reloads its content config, which
 * it does after every changed Markdown or YAML file — so the wrapped loaders also count the
 * refreshes that reached them, and `writeStoreNow` asks again until one has.
 *
 * content.config.ts runs in Vite's module runner and the integration in Node's own loader: each
 * has its own copy of this module, so what they share lives on `globalThis` under a registered
 * symbol.
 */
import type { Loader } from 'astro/loaders';

/** The name of every wrapped loader: what a refresh of the store alone asks for. */
export const ANNOUNCING_LOADER = 'honor-roll-content';

/** The key in a refresh's context that tells the wrapped loaders to load nothing. */
const WRITE_ONLY = 'honorRollWriteStoreOnly';

interface Channel {
  listener?: () => void;
  /** How many write-only refreshes have reached a wrapped loader. */
  refreshes: number;
}

function channel(): Channel {
  const key = Symbol.for('honor-roll.content-changes');
  const holder = globalThis as { [key]?: Channel };
  holder[key] ??= { refreshes: 0 };
  return holder[key];
}

/** Calls `listener` after each change a wrapped loader makes once loaded; returns how to stop. */
export function onContentChanged(listener: () => void): () => void {
  const shared = channel();
  shared.listener = listener;
  return () => {
    if (shared.listener === listener) delete shared.listener;
  };
}

/** The same loader, announcing the entries it sets or deletes after its load has finished. */
export function announcingChanges(loader: Loader): Loader {
  return {
    ...loader,
    name: ANNOUNCING_LOADER,
    load: async (context) => {
      if (context.refreshContextData?.[WRITE_ONLY]) {
        channel().refreshes += 1;
        return;
      }
      let loaded = false;
      const announce = () => {
        if (loaded) channel().listener?.();
      };
      const { store } = context;
      const announcing: typeof store = {
        ...store,
        set: (entry) => {
          const changed = store.set(entry);
          announce();
          return changed;
        },
        delete: (key) => {
          store.delete(key);
          announce();
        },
      };
      await loader.load({ ...context, store: announcing });
      loaded = true;
    },
  };
}

type RefreshContent = (options: { loaders?: string[]; context?: Record<string, unknown> }) => Promise<void>;

/**
 * Has Astro write its content store now. Returns false when no refresh got through within
 * `attempts` tries (Astro's own write then follows as before).
 */
export async function writeStoreNow(refreshContent: RefreshContent, { attempts = 60, waitMs = 50 } = {}): Promise<boolean> {
  const shared = channel();
  for (let attempt = 0; attempt < attempts; attempt++) {
    const before = shared.refreshes;
    await refreshContent({ loaders: [ANNOUNCING_LOADER], context: { [WRITE_ONLY]: true } });
    if (shared.refreshes > before) return true;
    await new Promise((resolve) => setTimeout(resolve, waitMs));
  }
  return false;
}

/**
 * Coalesces announcements into writes: one write `delayMs` after a change (an import that adds
 * fifty files costs a few writes, not fifty), never two at once, and one more after a write if
 * changes came in while it ran.
 */
export function coalesced(write: () => Promise<unknown>, delayMs = 30): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing = false;
  let again = false;
  const run = async (): Promise<void> => {
    timer = undefined;
    if (writing) {
      again = true;
      return;
    }
    writing = true;
    try {
      await write();
    } catch {
      // Astro's own debounced write still follows; a failed early one only loses the head start.
    } finally {
      writing = false;
    }
    if (again) {
      again = false;
      schedule();
    }
  };
  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void run(), delayMs);
  };
  return schedule;
}
