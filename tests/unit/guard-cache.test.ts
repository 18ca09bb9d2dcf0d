/**
 * The privacy guard's memory between builds: a file is skipped only when it, every rule and the
 * guard's code are what they were when it was found clean. Tried with the real guard on a small
 * site whose files and rules change the way a rebuild changes them.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeVersion, openGuardCache, rulesKey } from '../../src/lib/guard-cache';
import { createHash } from 'node:crypto';
import { cachedRules, guardSite, type GuardRules } from '../../src/lib/guard-site';
import { leakCanaries } from '../../src/lib/leak-canaries';

const work = mkdtempSync(path.join(os.tmpdir(), 'guard-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let sites = 0;
/** A finished site of a few pages. */
function site(files: Record<string, string>): string {
  const dir = path.join(work, `site-${sites++}`);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const page = (body: string) => `<!doctype html><html lang="zh-CN"><body><main>${body}</main></body></html>`;
const PAGES = {
  'index.html': page('<h1>测试大队</h1><p>值班手机：１３９１２３４５６７８</p>'),
  'officers/officer-a/index.html': page('<h1>测试民警</h1>'),
  'honors/honor-a/index.html': page('<h1>测试荣誉</h1>'),
};
const hidden = { collection: 'officers' as const, id: 'hidden-person', data: { name: '未同意人物', summary: '一段不应出现在网站上的事迹简介' } };
const baseRules: GuardRules = { canaries: leakCanaries([hidden], []), allow: ['13912345678'], originals: new Set(), publicFiles: new Set() };

/** One build's guard with the cache in `cacheDir`, as the build integration runs it. */
async function guardBuild(dir: string, rules: GuardRules, cacheDir: string, code = 'code-1') {
  const cache = openGuardCache(cacheDir, rulesKey(cachedRules(rules), code));
  const findings = await guardSite(dir, rules, cache);
  cache.save();
  return { findings, reused: cache.reused };
}

describe('the privacy guard cache', () => {
  it('reads again only the files that changed, and still finds a leak put into one of them', async () => {
    const cacheDir = path.join(work, 'cache-1');
    const dir = site(PAGES);
    expect(await guardBuild(dir, baseRules, cacheDir)).toEqual({ findings: [], reused: 0 });
    expect(await guardBuild(dir, baseRules, cacheDir)).toEqual({ findings: [], reused: 3 });
    writeFileSync(path.join(dir, 'honors/honor-a/index.html'), page('<h1>测试荣誉</h1><p>授予未同意<b>人物</b></p>'));
    const { findings, reused } = await guardBuild(dir, baseRules, cacheDir);
    expect(reused).toBe(2);
    expect(findings.map((f) => f.file)).toEqual(['honors/honor-a/index.html']);
    // A file with a finding is never remembered: the next build reads it again.
    expect((await guardBuild(dir, baseRules, cacheDir)).findings).toHaveLength(1);
  });

  it('reads a file again under another name (a page copied where a hidden entry’s address was)', async () => {
    const cacheDir = path.join(work, 'cache-2');
    const dir = site(PAGES);
    await guardBuild(dir, baseRules, cacheDir);
    const moved = site({ ...PAGES, 'officers/hidden-person/index.html': PAGES['officers/officer-a/index.html'] });
    const { findings } = await guardBuild(moved, baseRules, cacheDir);
    expect(findings.map((f) => f.file)).toContain('officers/hidden-person/index.html');
  });

  it.each([
    ['the allow-list loses the duty mobile', { ...baseRules, allow: [] }, 'index.html'],
    ['an entry is now excluded whose name a cached page shows', { ...baseRules, canaries: leakCanaries([{ collection: 'officers', id: 'officer-a', data: { name: '测试民警' } }], []) }, 'officers/officer-a/index.html'],
    ['a file of public/ is now among the site’s files', { ...baseRules, publicFiles: new Set(['index.html']) }, null],
  ] as const)('reads every file again when a rule changes: %s', async (_name, rules, leaking) => {
    const cacheDir = path.join(work, `cache-rules-${leaking ?? 'none'}`);
    const dir = site(PAGES);
    await guardBuild(dir, baseRules, cacheDir);
    const second = await guardBuild(dir, rules as GuardRules, cacheDir);
    expect(second.reused).toBe(0);
    if (leaking) expect(second.findings.map((f) => f.file)).toContain(leaking);
  });

  it('finds an uploaded original copied as it is in a file it remembers as clean (every edit changes the originals, so they are not part of the key)', async () => {
    const cacheDir = path.join(work, 'cache-originals');
    const dir = site(PAGES);
    await guardBuild(dir, baseRules, cacheDir);
    const honour = createHash('sha256').update(PAGES['honors/honor-a/index.html']).digest('hex');
    const { findings, reused } = await guardBuild(dir, { ...baseRules, originals: new Set([honour, 'an-edited-entry']) }, cacheDir);
    expect(reused).toBe(3);
    expect(findings).toEqual([{ file: 'honors/honor-a/index.html', message: expect.stringContaining('是上传的原始文件') }]);
  });

  it('reads every file again when the guard’s code changed', async () => {
    const cacheDir = path.join(work, 'cache-code');
    const dir = site(PAGES);
    await guardBuild(dir, baseRules, cacheDir, 'code-1');
    expect((await guardBuild(dir, baseRules, cacheDir, 'code-2')).reused).toBe(0);
    // Only the last rules' memory is kept.
    expect(readdirSync(cacheDir)).toHaveLength(1);
  });

  it('keys rules by what they say: a set in another order is the same rule, one member more is not', () => {
    expect(rulesKey({ originals: new Set(['a', 'b']) }, 'v')).toBe(rulesKey({ originals: new Set(['b', 'a']) }, 'v'));
    expect(rulesKey({ originals: new Set(['a', 'b']) }, 'v')).not.toBe(rulesKey({ originals: new Set(['a', 'b', 'c']) }, 'v'));
    expect(rulesKey({ allow: ['1'] }, 'v')).not.toBe(rulesKey({ allow: ['1'] }, 'w'));
  });

  it('versions the code by every file’s name and content', () => {
    const dir = site({ 'a.ts': 'export const a = 1;', 'sub/b.ts': 'export const b = 2;' });
    const before = codeVersion(dir);
    expect(codeVersion(dir)).toBe(before);
    writeFileSync(path.join(dir, 'sub/b.ts'), 'export const b = 3;');
    expect(codeVersion(dir)).not.toBe(before);
    // A file on its own (the lockfile: which sharp reads the images' metadata).
    const lock = path.join(dir, 'a.ts');
    const withLock = codeVersion(path.join(dir, 'sub'), lock);
    writeFileSync(lock, 'export const a = 2;');
    expect(codeVersion(path.join(dir, 'sub'), lock)).not.toBe(withLock);
  });
});
