import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { contentAssetsOf, importedPicture, withoutMissingPictures } from '../../src/lib/content-asset-imports';

/** Astro's own content store, which writes `.astro/content-assets.mjs` (not in the package's exports). */
const astroDir = path.dirname(createRequire(import.meta.url).resolve('astro/package.json'));
const { MutableDataStore } = (await import(pathToFileURL(path.join(astroDir, 'dist/content/mutable-data-store.js')).href)) as {
  MutableDataStore: new () => {
    scopedStore(collection: string): { set(entry: { id: string; data: Record<string, unknown>; filePath: string }): boolean };
    writeAssetImports(file: string): Promise<void>;
    delete(collection: string, id: string): void;
    toString(): string;
  };
};

const work = mkdtempSync(path.join(os.tmpdir(), 'content-asset-imports-'));
// The project and the unit's folder apart, as `npm run edit` with HONOR_ROLL_SITE has them.
const root = path.join(work, 'project');
const officers = path.join(work, 'site', 'content', 'officers');
mkdirSync(root, { recursive: true });
mkdirSync(officers, { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Astro's content store with the entries' photos, relative to the entry (`photo: li-si.jpg`, `./li-si.jpg`). */
function storeOf(photos: Record<string, string>) {
  const store = new MutableDataStore();
  for (const [id, photo] of Object.entries(photos)) {
    store.scopedStore('officers').set({ id, data: { photo: `__ASTRO_IMAGE_${photo}` }, filePath: path.relative(root, path.join(officers, `${id}.md`)).split(path.sep).join('/') });
  }
  return store;
}

/** content-assets.mjs as Astro writes it for the entries' photos. */
async function assetsFileOf(photos: Record<string, string>, name: string): Promise<string> {
  const file = path.join(work, name);
  await storeOf(photos).writeAssetImports(file);
  return readFileSync(file, 'utf8');
}

/** The map's keys (what pages look pictures up by) with what each imports. */
const mapOf = (code: string) => {
  const from = new Map([...code.matchAll(/^import (\w+) from ("[^"]*");$/gm)].map(([, symbol, specifier]) => [symbol!, specifier!]));
  return [...code.matchAll(/\[("[^"]*"), (\w+)\]/g)].map(([, key, symbol]) => [JSON.parse(key!), JSON.parse(from.get(symbol!)!)]);
};

const lines = (code: string) =>
  code
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

describe('withoutMissingPictures', () => {
  it('drops the imports of removed photos from the file Astro writes, leaving what Astro would write without them', async () => {
    writeFileSync(path.join(officers, 'zhang-san.jpg'), '');
    writeFileSync(path.join(officers, '王 祥 照片.jpg'), '');
    const photos = { 'zhang-san': './zhang-san.jpg', 'wang-xiang': './王 祥 照片.jpg' };
    // li-si was created with a photo, then taken back with 撤销: the file still imports it.
    const written = await assetsFileOf({ ...photos, 'li-si': './li-si.jpg' }, 'all.mjs');
    expect(written).toContain('li-si.jpg');
    const kept = withoutMissingPictures(written, root, existsSync);
    expect(lines(kept)).toEqual(lines(await assetsFileOf(photos, 'kept.mjs')));
    expect(kept).not.toContain('li-si');
  });

  it('imports a photo Astro names by its plain file name as ./<name>, and drops it once removed', async () => {
    // Astro writes `zhang-san.jpg`, not `./zhang-san.jpg`, for `photo: zhang-san.jpg` when the
    // picture was not there as it read the entry; Vite resolves no plain name.
    writeFileSync(path.join(officers, 'zhang-san.jpg'), '');
    writeFileSync(path.join(officers, '王祥.png'), '');
    const written = await assetsFileOf({ 'zhang-san': 'zhang-san.jpg', 'zhou-yi': 'zhou-yi.jpg', 'wang-xiang': '王祥.png', 'zhao-liu': './zhao-liu.jpg' }, 'plain.mjs');
    const kept = withoutMissingPictures(written, root, existsSync);
    const present = await assetsFileOf({ 'zhang-san': 'zhang-san.jpg', 'wang-xiang': '王祥.png' }, 'plain-kept.mjs');
    // The map keeps Astro's names, which pages look the pictures up by; only the imports change.
    expect(lines(kept)).toEqual(lines(present).map((line) => line.replace(/ from "(?=[^.])/, ' from "./')));
    expect(kept).toMatch(/^import \w+ from "\.\/zhang-san\.jpg\?astroContentImageFlag=&importer=[^"]+zhang-san\.md";$/m);
    expect(kept).toContain('["zhang-san.jpg?astroContentImageFlag=');
    expect(kept).not.toMatch(/zhou-yi|zhao-liu/);
  });

  it('returns the text as it is when every picture exists, and the empty map', async () => {
    writeFileSync(path.join(officers, 'li-si.jpg'), '');
    const written = await assetsFileOf({ 'li-si': './li-si.jpg' }, 'present.mjs');
    expect(withoutMissingPictures(written, root, () => true)).toBe(written);
    expect(withoutMissingPictures('export default new Map();', root, () => false)).toBe('export default new Map();');
  });

  it('keeps what it cannot check: a picture not relative to its entry', () => {
    const code = 'import a from "@/assets/a.jpg?astroContentImageFlag=&importer=content%2Fa.md";\nexport default new Map([["@/assets/a.jpg?astroContentImageFlag=&importer=content%2Fa.md", a]]);\n';
    expect(withoutMissingPictures(code, root, () => false)).toBe(code);
  });
});

describe('contentAssetsOf', () => {
  it('makes the map Astro writes from the content store, each picture under the key pages look it up by', async () => {
    const photos = { 'zhang-san': './zhang-san.jpg', 'wang-xiang': './王 祥 照片.jpg', 'zhao-liu': 'zhao-liu.png' };
    expect(mapOf(contentAssetsOf(storeOf(photos).toString())!)).toEqual(mapOf(await assetsFileOf(photos, 'astro.mjs')));
    expect(mapOf(contentAssetsOf(storeOf(photos).toString())!)).toHaveLength(3);
  });

  it('leaves out the pictures of entries no longer in the store, which Astro’s file keeps', async () => {
    const store = storeOf({ 'zhang-san': './zhang-san.jpg', 'li-si': './li-si.jpg' });
    const file = path.join(work, 'grown.mjs');
    await store.writeAssetImports(file);
    store.delete('officers', 'li-si');
    expect(readFileSync(file, 'utf8')).toContain('li-si.jpg');
    expect(mapOf(contentAssetsOf(store.toString())!).map(([key]) => key.split('?')[0])).toEqual(['./zhang-san.jpg']);
  });

  it('answers undefined for what is not a store', () => {
    expect(contentAssetsOf('')).toBeUndefined();
    expect(contentAssetsOf('[1]')).toBeUndefined();
    expect(contentAssetsOf(new MutableDataStore().toString())).toBe('export default new Map([]);\n');
  });
});

describe('importedPicture', () => {
  it('finds the picture next to its entry, the entry named relative to the project', () => {
    expect(importedPicture('./a.jpg?astroContentImageFlag=&importer=..%2Fsite%2Fcontent%2Fofficers%2Fa.md', root)).toBe(path.join(officers, 'a.jpg'));
    expect(importedPicture('../photos/b.png?astroContentImageFlag=&importer=..%2Fsite%2Fcontent%2Fofficers%2Fb.md', root)).toBe(path.join(work, 'site', 'content', 'photos', 'b.png'));
    expect(importedPicture('a.jpg?astroContentImageFlag=&importer=..%2Fsite%2Fcontent%2Fofficers%2Fa.md', root)).toBe(path.join(officers, 'a.jpg'));
    expect(importedPicture('王祥/照片.jpg?astroContentImageFlag=&importer=..%2Fsite%2Fcontent%2Fofficers%2Fa.md', root)).toBe(path.join(officers, '王祥', '照片.jpg'));
    expect(importedPicture('./a.jpg', root)).toBeUndefined();
  });

  it('leaves alone what only Vite can resolve: an absolute path, a drive, a URL, an alias', () => {
    for (const src of ['/srv/a.jpg', 'C:/photos/a.jpg', 'file:///srv/a.jpg', '~/assets/a.jpg', '@/assets/a.jpg', '#photos/a.jpg', '.hidden.jpg']) {
      expect(importedPicture(`${src}?astroContentImageFlag=&importer=..%2Fsite%2Fcontent%2Fofficers%2Fa.md`, root), src).toBeUndefined();
    }
  });
});

