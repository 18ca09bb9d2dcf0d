import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { importedPicture, withoutMissingPictures } from '../../src/lib/content-asset-imports';

/** Astro's own content store, which writes `.astro/content-assets.mjs` (not in the package's exports). */
const astroDir = path.dirname(createRequire(import.meta.url).resolve('astro/package.json'));
const { MutableDataStore } = (await import(pathToFileURL(path.join(astroDir, 'dist/content/mutable-data-store.js')).href)) as {
  MutableDataStore: new () => {
    scopedStore(collection: string): { set(entry: { id: string; data: Record<string, unknown>; filePath: string }): boolean };
    writeAssetImports(file: string): Promise<void>;
  };
};

const work = mkdtempSync(path.join(os.tmpdir(), 'content-asset-imports-'));
// The project and the unit's folder apart, as `npm run edit` with HONOR_ROLL_SITE has them.
const root = path.join(work, 'project');
const officers = path.join(work, 'site', 'content', 'officers');
mkdirSync(root, { recursive: true });
mkdirSync(officers, { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The entries' photos, as the dev server's store holds them: `photo: ./<file>` relative to the entry. */
async function assetsFileOf(photos: Record<string, string>, name: string): Promise<string> {
  const store = new MutableDataStore();
  for (const [id, photo] of Object.entries(photos)) {
    store.scopedStore('officers').set({ id, data: { photo: `__ASTRO_IMAGE_${photo}` }, filePath: path.relative(root, path.join(officers, `${id}.md`)).split(path.sep).join('/') });
  }
  const file = path.join(work, name);
  await store.writeAssetImports(file);
  return readFileSync(file, 'utf8');
}

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

describe('importedPicture', () => {
  it('finds the picture next to its entry, the entry named relative to the project', () => {
    expect(importedPicture('./a.jpg?astroContentImageFlag=&importer=..%2Fsite%2Fcontent%2Fofficers%2Fa.md', root)).toBe(path.join(officers, 'a.jpg'));
    expect(importedPicture('../photos/b.png?astroContentImageFlag=&importer=..%2Fsite%2Fcontent%2Fofficers%2Fb.md', root)).toBe(path.join(work, 'site', 'content', 'photos', 'b.png'));
    expect(importedPicture('./a.jpg', root)).toBeUndefined();
  });
});

