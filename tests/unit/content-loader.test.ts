import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { describe, expect, it, vi } from 'vitest';
import { contentLoader } from '../../src/lib/content-loader';
import { entryIdFromPath } from '../../src/lib/entry-id';
import { GLOB_PATTERNS } from '../../src/schemas/index';
import { fakeStore } from './helpers/loader-store';

/** A site folder with a `letters` collection, and what Astro gives a loader for it: Markdown read as the build reads it. */
function site() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-loader-'));
  const base = path.join(root, 'content', 'letters');
  mkdirSync(base, { recursive: true });
  const { entries, store } = fakeStore();
  const warnings: string[] = [];
  const markdown = {
    getEntryInfo: async ({ contents }: { contents: string }) => ({ data: {}, body: contents }),
    getRenderFunction: async () => async ({ body }: { body: string }) => ({ html: body }),
  };
  const context = (watcher?: EventEmitter & { add: (p: string) => void }) =>
    ({
      collection: 'letters',
      store,
      config: { root: pathToFileURL(`${root}/`), srcDir: pathToFileURL(`${root}/src/`), legacy: { collections: false } },
      logger: { warn: (m: string) => warnings.push(m), info: () => {}, error: (m: string) => warnings.push(m), debug: () => {} },
      parseData: async ({ data }: { data: unknown }) => data,
      generateDigest: (text: string) => `${text.length}:${text}`,
      entryTypes: new Map([['.md', markdown]]),
      watcher,
    }) as unknown as LoaderContext;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(base, file)), { recursive: true });
    writeFileSync(path.join(base, file), text);
  };
  return { root, base, entries, warnings, context, write, remove: (file: string) => rmSync(path.join(base, file)) };
}

const ours = (base: string): Loader => contentLoader({ base, format: 'markdown', generateId: ({ entry }) => entryIdFromPath(entry) });
const astros = (base: string): Loader => glob({ base, pattern: GLOB_PATTERNS.markdown, generateId: ({ entry }) => entryIdFromPath(entry) });

/** A folder with one letter, loaded, changed by `change`, and loaded again into the same store (as the next build reads its cache). */
async function loadedTwice(make: (base: string) => Loader, change: (write: (f: string, t: string) => void, remove: (f: string) => void) => void) {
  const s = site();
  s.write('chen-nvshi.md', '感谢民警');
  await make(s.base).load(s.context());
  change(s.write, s.remove);
  await make(s.base).load(s.context());
  return s;
}

describe('contentLoader', () => {
  it.each([
    ['contentLoader()', ours, false],
    ['Astro’s glob() alone', astros, true],
  ])('reads an edited entry again: %s warns Duplicate id: %s', async (_, make, warns) => {
    const s = await loadedTwice(make, (write) => write('chen-nvshi.md', '感谢民警帮我找回钱包'));
    expect(s.entries.get('chen-nvshi')?.body).toBe('感谢民警帮我找回钱包');
    expect(s.warnings.some((w) => w.includes('Duplicate id'))).toBe(warns);
  });

  it('still warns when two files of one collection have the same id', async () => {
    const s = site();
    s.write('chen-nvshi.md', '第一封');
    s.write('2020/chen-nvshi.md', '第二封');
    await ours(s.base).load(s.context());
    expect(s.warnings.filter((w) => w.includes('Duplicate id "chen-nvshi"'))).toHaveLength(1);
  });

  it.each([
    ['contentLoader()', ours, false],
    ['Astro’s glob() alone', astros, true],
  ])('after the last file of a folder is deleted, %s keeps its entry: %s', async (_, make, kept) => {
    const s = await loadedTwice(make, (_write, remove) => remove('chen-nvshi.md'));
    expect(s.entries.has('chen-nvshi')).toBe(kept);
  });

  it('says nothing about an empty or missing folder', async () => {
    const s = site();
    s.write('photo.jpg', 'not an entry');
    s.write('.hidden.md', 'the system’s, not the author’s');
    await ours(s.base).load(s.context());
    await ours(path.join(s.root, 'content', 'activities')).load(s.context());
    expect(s.warnings).toEqual([]);
    expect(s.entries.size).toBe(0);
  });

  it('in the dev server, loads the first entry file added to an empty folder and watches the folder from then on', async () => {
    const s = site();
    const watcher = Object.assign(new EventEmitter(), { add: vi.fn() });
    await ours(s.base).load(s.context(watcher));
    expect(watcher.add).toHaveBeenCalledWith(s.base);

    s.write('photo.jpg', 'not an entry');
    watcher.emit('add', path.join(s.base, 'photo.jpg'));
    s.write('chen-nvshi.md', '感谢民警');
    watcher.emit('add', path.join(s.base, 'chen-nvshi.md'));
    await vi.waitFor(() => expect(s.entries.get('chen-nvshi')?.body).toBe('感谢民警'));

    // glob() now watches the folder itself: a change is read again, without a Duplicate id warning.
    s.write('chen-nvshi.md', '感谢民警帮我找回钱包');
    watcher.emit('change', path.join(s.base, 'chen-nvshi.md'));
    await vi.waitFor(() => expect(s.entries.get('chen-nvshi')?.body).toBe('感谢民警帮我找回钱包'));
    expect(s.warnings).toEqual([]);
  });
});
