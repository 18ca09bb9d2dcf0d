import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputArgs, outputEnv, readBuildInputs, stillAsRead, timeDecisions, unreadableInputsMessage, type BuildInputsOptions } from '../../src/lib/build-inputs';
import { checkSite } from '../../src/lib/check/check-site';
import type { CheckedEntry } from '../../src/lib/check/check-content';
import { readPlaces } from '../../src/lib/place-digest';
import { noticeLine } from '../../src/lib/publish-log';
import { resolveSitePaths } from '../../src/lib/site-paths';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const NOW = new Date('2026-06-01T12:00:00+08:00');

async function entriesOf(fixture: string, now = NOW): Promise<CheckedEntry[]> {
  const site = path.join(FIXTURES, fixture);
  const { content } = await checkSite({ root: site, contentDir: path.join(site, 'content'), configFile: path.join(site, 'site.config.yaml'), publicDir: path.join(site, 'public'), now, audience: 'public' });
  return content.entries;
}

describe('timeDecisions', () => {
  it('changes when an embargo ends, not an hour later while it still holds', async () => {
    const entries = await entriesOf('publishing');
    const at = (iso: string) => timeDecisions(entries, { now: new Date(iso), audience: 'public' });
    expect(at('2026-06-01T12:00:00+08:00')).toContain('honors/canary-embargoed embargoed');
    expect(at('2026-06-01T13:00:00+08:00')).toEqual(at('2026-06-01T12:00:00+08:00'));
    // The fixture's embargo ends at 2026-07-01 00:00 Beijing time.
    expect(at('2026-06-30T23:59:00+08:00')).toContain('honors/canary-embargoed embargoed');
    expect(at('2026-07-01T00:00:00+08:00')).not.toContain('honors/canary-embargoed embargoed');
  });

  it('changes when a planned study session’s day has passed', async () => {
    const entries = await entriesOf('points');
    const planned = (iso: string) => timeDecisions(entries, { now: new Date(iso), audience: 'public' }).filter((line) => line.endsWith(' planned'));
    expect(planned('2026-06-01T12:00:00+08:00')).toEqual(['activities/2026-06-08-xuexi planned', 'activities/2026-06-15-xuexi planned']);
    expect(planned('2026-06-08T23:00:00+08:00')).toEqual(['activities/2026-06-08-xuexi planned', 'activities/2026-06-15-xuexi planned']);
    expect(planned('2026-06-09T00:00:00+08:00')).toEqual(['activities/2026-06-15-xuexi planned']);
  });
});

describe('outputEnv and outputArgs', () => {
  it('keep the variables and arguments that change what is built, and only those', () => {
    expect(
      outputEnv({
        HONOR_ROLL_SITE: 'D:\\单位',
        HONOR_ROLL_NOW: '2026-06-01T12:00:00+08:00',
        HONOR_ROLL_PUBLISHED_BY: '编辑台发布',
        HONOR_ROLL_CACHE_DIR: '/tmp/editor-cache',
        PUBLIC_MAP_KEY: 'k',
        NODE_ENV: 'production',
        PATH: '/usr/bin',
        HOME: '/root',
        HONOR_ROLL_UNSET: undefined,
      }),
    ).toEqual({ HONOR_ROLL_SITE: 'D:\\单位', NODE_ENV: 'production', PUBLIC_MAP_KEY: 'k' });
    expect(outputArgs(['/usr/bin/node', '/p/node_modules/astro/astro.js', 'build', '--force', '--audience', 'internal', '--verbose'])).toEqual(['--audience', 'internal']);
    expect(outputArgs(['node', 'astro.js', 'build'])).toEqual([]);
  });
});

describe('buildInputs', () => {
  let work: string;
  let options: BuildInputsOptions;
  let site: string;
  const digest = (change: Partial<BuildInputsOptions> = {}) => readBuildInputs({ ...options, ...change }).digest;

  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-inputs-'));
    const root = path.join(work, 'project');
    mkdirSync(path.join(root, 'src', 'lib'), { recursive: true });
    writeFileSync(path.join(root, 'src', 'lib', 'page.ts'), 'export const page = 1;\n');
    writeFileSync(path.join(root, 'package.json'), '{ "name": "p" }\n');
    site = path.join(work, '单位');
    cpSync(path.join(FIXTURES, 'publishing'), site, { recursive: true });
    const env = { HONOR_ROLL_SITE: site, HONOR_ROLL_NOW: '2026-06-01T12:00:00+08:00' };
    const paths = resolveSitePaths(root, env);
    options = { paths, publicDir: path.join(root, 'public'), env, argv: ['node', 'astro.js', 'build'], entries: await entriesOf('publishing'), publish: { now: NOW, audience: 'public' } };
    // Files written a moment before a build count as written during it (file times are coarse).
    await new Promise((resolve) => setTimeout(resolve, 150));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('is the same for the same inputs, whoever publishes, whenever the time decides nothing new, and with --force', () => {
    const first = digest();
    expect(digest()).toBe(first);
    expect(digest({ env: { ...options.env, HONOR_ROLL_NOW: '2026-06-01T18:00:00+08:00', HONOR_ROLL_PUBLISHED_BY: '编辑台发布' } })).toBe(first);
    expect(digest({ publish: { ...options.publish, now: new Date('2026-06-01T18:00:00+08:00') } })).toBe(first);
    expect(digest({ argv: ['node', 'astro.js', 'build', '--force'] })).toBe(first);
  });

  it('changes with an embargo that ended, another edition, another folder or another variable', () => {
    const first = digest();
    expect(digest({ publish: { ...options.publish, now: new Date('2026-07-01T00:00:00+08:00') } })).not.toBe(first);
    expect(digest({ argv: ['node', 'astro.js', 'build', '--audience', 'internal'] })).not.toBe(first);
    expect(digest({ publish: { ...options.publish, points: 'masked' } })).not.toBe(first);
    expect(digest({ paths: { ...options.paths, outDir: path.join(work, 'dist-2') } })).not.toBe(first);
    expect(digest({ env: { ...options.env, PUBLIC_X: '1' } })).not.toBe(first);
  });

  it('covers a picture an entry names outside the content folder', () => {
    const elsewhere = path.join(work, '照片', 'p.jpg');
    mkdirSync(path.dirname(elsewhere), { recursive: true });
    writeFileSync(elsewhere, 'first');
    const images = [{ path: elsewhere }, { path: path.join(site, 'content', 'officers', 'test-officer.png') }];
    const before = digest({ images });
    expect(readBuildInputs({ ...options, images }).places.filter((p) => p.includes('officers'))).toEqual([]);
    writeFileSync(elsewhere, 'other');
    expect(digest({ images })).not.toBe(before);
  });

  it('tells whether the files are still as read, and none was written since', async () => {
    const inputs = readBuildInputs(options);
    expect(stillAsRead(inputs)).toBe(true);
    // Written and put back while the build ran: the same bytes, but Astro may have read the other ones.
    const file = path.join(site, 'content', 'officers', 'test-officer.md');
    const text = readFileSync(file);
    await new Promise((resolve) => setTimeout(resolve, 5));
    writeFileSync(file, 'changed');
    writeFileSync(file, text);
    expect(stillAsRead(inputs)).toBe(false);
    expect(readBuildInputs(options).digest).toBe(inputs.digest);
    // Written a moment ago counts as written during a build starting now: file times are coarse.
    expect(stillAsRead(readBuildInputs(options))).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(stillAsRead(readBuildInputs(options))).toBe(true);
  });

  it('counts a file written after the check began reading as written during the build', async () => {
    const since = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const file = path.join(site, 'content', 'honors', 'test-honor.md');
    writeFileSync(file, readFileSync(file));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(stillAsRead(readBuildInputs({ ...options, sinceMs: since }))).toBe(false);
    expect(stillAsRead(readBuildInputs(options))).toBe(true);
  });

  it.each([
    ['an entry edited', (s: string) => writeFileSync(path.join(s, 'content', 'officers', 'test-officer.md'), '---\ntitle: x\n---\n', { flag: 'a' })],
    ['a picture replaced', (s: string) => writeFileSync(path.join(s, 'content', 'officers', 'test-officer.png'), Buffer.from([0xff, 0xd8, 0xff]))],
    ['the site config edited', (s: string) => writeFileSync(path.join(s, 'site.config.yaml'), '# 改动\n', { flag: 'a' })],
    ['a file dropped into the site’s public/', (s: string) => (mkdirSync(path.join(s, 'public'), { recursive: true }), writeFileSync(path.join(s, 'public', 'logo.png'), 'png'))],
    ['a file dropped into the project’s public/', (_: string, root: string) => (mkdirSync(path.join(root, 'public'), { recursive: true }), writeFileSync(path.join(root, 'public', 'favicon.svg'), '<svg/>'))],
    ['the code changed', (_: string, root: string) => writeFileSync(path.join(root, 'src', 'lib', 'page.ts'), 'export const page = 2;\n')],
    ['other packages installed', (_: string, root: string) => (mkdirSync(path.join(root, 'node_modules'), { recursive: true }), writeFileSync(path.join(root, 'node_modules', '.package-lock.json'), '{}'))],
    ['a .env file written', (_: string, root: string) => writeFileSync(path.join(root, '.env'), 'PUBLIC_X=1\n')],
  ])('changes with %s', (_, change) => {
    const before = digest();
    change(site, options.paths.root);
    expect(digest()).not.toBe(before);
  });
});

describe('unreadableInputsMessage', () => {
  it('names the file a broken link in the content points from, and says what to check, in Chinese', () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-inputs-'));
    const link = path.join(work, 'content', 'officers', '照片.jpg');
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(path.join(work, 'nowhere.jpg'), link);
    let thrown: unknown;
    try {
      readPlaces([path.join(work, 'content')]);
    } catch (error) {
      thrown = error;
    }
    rmSync(work, { recursive: true, force: true });
    const message = unreadableInputsMessage(thrown);
    expect(message).toMatch(new RegExp(`^无法读取 ${link.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}，不能判断内容有没有变化，这次完整生成。请检查这个文件能否打开`));
    expect(message).toMatch(/（could not read the inputs: ENOENT）$/);
    // What npm run build and the editor show: the Chinese alone.
    expect(noticeLine(`[WARN] [honor-roll:atomic-output] ${message}`)).toMatch(/链接指向的文件是否还在$/);
    expect(unreadableInputsMessage(new Error('x'))).toMatch(/^有文件无法读取，/);
  });
});
