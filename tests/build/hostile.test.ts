/**
 * The hostile corpus (hostile-corpus.ts) through everything that stands between an author and the
 * public: the check, case by case; the build, twice — once with every case the check must refuse
 * (it must refuse them all, naming each file, and write nothing), once with every other case (it
 * must publish, with none of the private text anywhere in the site, decompressed search index
 * included); and the privacy guard, given what each case would have published had nothing
 * stopped it.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishedAndExcluded, toCanaryEntry } from '../../src/lib/check/hidden-traces';
import { checkSite, type SiteCheck } from '../../src/lib/check/check-site';
import { filesUnder, guardFile, hashesOf, type GuardRules } from '../../src/lib/guard-site';
import { leakCanaries } from '../../src/lib/leak-canaries';
import { normalizeText } from '../../src/lib/normalize-text';
import { BUILD_TIME, buildSite, FIXTURES, type BuildResult } from './harness';
import { configWith, HIDDEN, hostileCorpus, type HostileCase } from './hostile-corpus';

const corpus = await hostileCorpus();
const CATEGORIES = ['number', 'config', 'name', 'count', 'file-name', 'public-folder', 'body', 'yaml', 'letter', 'false-alarm'];
const isRefused = (c: HostileCase) => 'refused' in c.expect;

/** A copy of the hostile fixture with `cases` written into it. */
function siteWith(cases: readonly HostileCase[]): string {
  const siteDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'honor-roll-hostile-')), 'site');
  cpSync(path.join(FIXTURES, 'hostile'), siteDir, { recursive: true });
  for (const c of cases) {
    for (const [file, content] of Object.entries(c.files)) {
      mkdirSync(path.dirname(path.join(siteDir, file)), { recursive: true });
      writeFileSync(path.join(siteDir, file), content);
    }
  }
  const configFile = path.join(siteDir, 'site.config.yaml');
  writeFileSync(configFile, configWith(readFileSync(configFile, 'utf8'), Object.assign({}, ...cases.map((c) => c.config ?? {}))));
  return siteDir;
}

const checkOf = (siteDir: string): Promise<SiteCheck> =>
  checkSite({ root: siteDir, contentDir: path.join(siteDir, 'content'), configFile: path.join(siteDir, 'site.config.yaml'), publicDir: path.join(siteDir, 'public'), now: new Date(BUILD_TIME) });

/** Every file of a built site as text, compressed ones opened, normalised as a reader reads. */
function siteTexts(outDir: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const file of filesUnder(outDir)) {
    const bytes = readFileSync(path.join(outDir, file));
    const plain = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
    texts.set(file, normalizeText(plain.toString('utf8')).text);
  }
  return texts;
}

describe('the hostile corpus', () => {
  it('has at least 60 cases, covering every category, each with its own id', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    expect(new Set(corpus.map((c) => c.category))).toEqual(new Set(CATEGORIES));
    expect(new Set(corpus.map((c) => c.id)).size).toBe(corpus.length);
  });
});

describe('the hostile corpus through npm run check', () => {
  it.each(corpus.map((c) => [c.id, c] as const))('%s', async (_id, hostile) => {
    const { problems } = await checkOf(siteWith([hostile]));
    const errors = problems.filter((p) => p.severity === 'error');
    // A report must not spread what it reports (a file's own name it must give, to be found).
    expect(JSON.stringify(problems.map(({ file: _file, ...p }) => p))).not.toMatch(/13912345678|321202198001010020|li@example\.com|6222020200112233446/);
    if ('refused' in hostile.expect) {
      const { code, field } = hostile.expect.refused;
      const match = errors.find((p) => p.code === code && p.file === hostile.file && (field === undefined || p.field === field));
      expect(match, JSON.stringify(problems, null, 1)).toBeDefined();
      if (/^(content\/.*\.(md|ya?ml)|site\.config\.yaml)$/.test(hostile.file) && field !== '文件名') expect(match!.line, JSON.stringify(match)).toBeGreaterThan(0);
      expect(match!.hint).toBeTruthy();
    } else if ('warned' in hostile.expect) {
      const { code, field } = hostile.expect.warned;
      expect(errors, JSON.stringify(errors)).toEqual([]);
      expect(problems.find((p) => p.severity === 'warning' && p.code === code && p.file === hostile.file && (field === undefined || p.field === field)), JSON.stringify(problems)).toBeDefined();
    } else {
      expect(errors, JSON.stringify(errors)).toEqual([]);
    }
  });
});

describe('the hostile corpus through the build', () => {
  const refusedCases = corpus.filter(isRefused);
  const publishedCases = corpus.filter((c) => !isRefused(c));
  let refused: BuildResult;
  let published: BuildResult;

  beforeAll(async () => {
    const build = (cases: HostileCase[]) => {
      const siteDir = siteWith(cases);
      return buildSite(siteDir, { outDir: path.join(path.dirname(siteDir), 'dist'), env: {} });
    };
    [refused, published] = await Promise.all([build(refusedCases), build(publishedCases)]);
  });

  it('refuses every case the check refuses, naming each file, and writes nothing', () => {
    expect(refused.status).not.toBe(0);
    expect(refused.output).toContain('未生成网站');
    expect(refused.output).not.toMatch(/Stack trace|    at /);
    for (const c of refusedCases) {
      const file = path.join(refused.siteDir, c.file).split(path.sep).join('/');
      expect(refused.output, c.id).toContain(`[${(c.expect as { refused: { code: string } }).refused.code}] ${file}`);
    }
    expect(existsSync(refused.outDir)).toBe(false);
  });

  it('publishes every other case, warning where the check warns', () => {
    expect(published.status, published.output).toBe(0);
    expect(published.output).toContain('隐私检查通过');
    for (const c of publishedCases.filter((c) => 'warned' in c.expect)) {
      expect(published.output, c.id).toContain(`[possible-personal-data] ${path.join(published.siteDir, c.file).split(path.sep).join('/')}`);
    }
  });

  it('leaves nothing private in any file of the site, search index included', () => {
    const texts = siteTexts(published.outDir);
    expect([...texts.keys()].some((f) => f.startsWith('pagefind/fragment/'))).toBe(true);
    for (const c of publishedCases) {
      if (!('harmless' in c.expect)) continue;
      for (const secret of c.expect.harmless.absent) {
        for (const [file, text] of texts) expect(text.includes(secret), `${c.id}: “${secret}” in ${file}`).toBe(false);
      }
      for (const file of c.expect.harmless.absentFiles ?? []) expect(existsSync(path.join(published.outDir, file)), `${c.id}: ${file}`).toBe(false);
    }
    for (const secret of HIDDEN) for (const [file, text] of texts) expect(text.includes(secret) || file.includes(secret), `“${secret}” in ${file}`).toBe(false);
  });

  it('reads the published text: the public name, the honour without 等2人', () => {
    const honor = readFileSync(path.join(published.outDir, 'honors', 'shared-honor', 'index.html'), 'utf8');
    expect(honor).toContain('贾明华');
    expect(honor).not.toMatch(/等\s*\d+\s*人/);
  });
});

describe('the hostile corpus through the privacy guard', () => {
  let rules: GuardRules;
  beforeAll(async () => {
    const fixture = path.join(FIXTURES, 'hostile');
    const { content } = await checkOf(fixture);
    const { published, excluded } = publishedAndExcluded(content.entries, { now: new Date(BUILD_TIME), audience: 'public' });
    rules = { canaries: leakCanaries(excluded.map(toCanaryEntry), published.map(toCanaryEntry)), allow: [], originals: hashesOf(path.join(fixture, 'content')) };
  });
  const page = (text: string) => Buffer.from(`<!doctype html><html lang="zh-CN"><head><title>测试</title></head><body><main><p>${text}</p></main></body></html>`);

  it.each(corpus.filter((c) => isRefused(c) && c.leak).map((c) => [c.id, c] as const))('finds %s in what it would publish', async (_id, hostile) => {
    const leak = hostile.leak!;
    // A file from public/ reaches the site under its own name: the guard knows it came from there.
    const fromPublic = { ...rules, publicFiles: new Set(hostile.file.startsWith('public/') ? [hostile.file.slice('public/'.length)] : []) };
    const findings = 'text' in leak ? await guardFile(`letters/${hostile.id}/index.html`, page(leak.text), rules) : await guardFile(leak.file, leak.bytes, fromPublic);
    expect(findings.length, JSON.stringify(leak).slice(0, 200)).toBeGreaterThan(0);
  });

  it.each(corpus.filter((c) => 'harmless' in c.expect && c.leak && 'text' in c.leak).map((c) => [c.id, c] as const))('raises no false alarm on %s', async (_id, hostile) => {
    expect(await guardFile(`letters/${hostile.id}/index.html`, page((hostile.leak as { text: string }).text), rules)).toEqual([]);
  });
});
