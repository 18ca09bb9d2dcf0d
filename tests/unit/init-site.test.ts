import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupStamp, hasSite, installStaged, isShippedSample, putAside, stageSample, stageSite, type InitPaths } from '../../src/lib/authoring/init-site';

const SAMPLE = path.join(import.meta.dirname, '../../examples/hailing-xuntejing');
const NOW = new Date('2026-06-01T04:30:05Z');

/** A site folder (as HONOR_ROLL_SITE points at) holding `files`, with the shipped sample where init finds it. */
function site(files: Record<string, string> = {}): InitPaths {
  const siteDir = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-init-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(siteDir, file)), { recursive: true });
    writeFileSync(path.join(siteDir, file), text);
  }
  return { siteDir, contentDir: path.join(siteDir, 'content'), configFile: path.join(siteDir, 'site.config.yaml'), sampleDir: SAMPLE };
}

function sampleCopy(): InitPaths {
  const paths = site();
  cpSync(path.join(SAMPLE, 'content'), paths.contentDir, { recursive: true });
  cpSync(path.join(SAMPLE, 'site.config.yaml'), paths.configFile);
  return paths;
}

const OWN_SITE = { 'site.config.yaml': 'title: 东湖\nurl: https://example.com\n', 'content/units/dong-hu.md': '---\nname: 东湖派出所\nkind: other\n---\n' };

describe('isShippedSample', () => {
  it('recognises the shipped sample byte for byte, and nothing else', () => {
    const paths = sampleCopy();
    expect(isShippedSample(paths)).toBe(true);
    appendFileSync(path.join(paths.contentDir, 'units', 'dongjin.md'), '\n');
    expect(isShippedSample(paths)).toBe(false);
  });

  it('does not take a sample with one more file (a photo added) for the sample', () => {
    const paths = sampleCopy();
    writeFileSync(path.join(paths.contentDir, 'officers', 'new.png'), 'x');
    expect(isShippedSample(paths)).toBe(false);
  });
});

describe('putAside', () => {
  it('moves a unit’s own content, config and editor history into a dated backup folder, byte for byte', async () => {
    const paths = site({ ...OWN_SITE, '.honor-roll/history/log.jsonl': '{}\n' });
    const aside = await putAside(paths, NOW);
    expect(aside).toEqual({ kind: 'moved', folder: path.join(paths.siteDir, 'backup', '2026-06-01-123005') });
    const folder = aside.kind === 'moved' ? aside.folder : '';
    expect(readFileSync(path.join(folder, 'site.config.yaml'), 'utf8')).toBe(OWN_SITE['site.config.yaml']);
    expect(readFileSync(path.join(folder, 'content', 'units', 'dong-hu.md'), 'utf8')).toBe(OWN_SITE['content/units/dong-hu.md']);
    expect(readFileSync(path.join(folder, 'editor-history', 'log.jsonl'), 'utf8')).toBe('{}\n');
    expect(hasSite(paths)).toBe(false);
    expect(existsSync(path.join(paths.siteDir, '.honor-roll', 'history'))).toBe(false);
  });

  it('never reuses a backup folder: two runs in the same second get two folders', async () => {
    const paths = site(OWN_SITE);
    await putAside(paths, NOW);
    writeFileSync(paths.configFile, 'title: 第二次\n');
    expect(await putAside(paths, NOW)).toEqual({ kind: 'moved', folder: path.join(paths.siteDir, 'backup', '2026-06-01-123005-2') });
    expect(readdirSync(path.join(paths.siteDir, 'backup')).sort()).toEqual(['2026-06-01-123005', '2026-06-01-123005-2']);
  });

  it('removes the shipped sample instead (it is kept in examples/), and does nothing to an empty folder', async () => {
    const paths = sampleCopy();
    expect(await putAside(paths, NOW)).toEqual({ kind: 'sample-removed' });
    expect(existsSync(paths.contentDir) || existsSync(paths.configFile)).toBe(false);
    expect(existsSync(path.join(paths.siteDir, 'backup'))).toBe(false);
    expect(await putAside(site(), NOW)).toEqual({ kind: 'nothing' });
  });
});

describe('backupStamp', () => {
  it('names the folder in Beijing time', () => {
    expect(backupStamp(new Date('2026-06-01T16:05:09Z'))).toBe('2026-06-02-000509');
  });
});

describe('stageSite and installStaged', () => {
  it('puts the staged site in place with its empty collection folders, and leaves no staging folder', async () => {
    const paths = site();
    const staging = stageSite(paths.siteDir, { config: 'title: 东湖\n', entries: { 'units/dong-hu.md': '---\n---\n' }, folders: ['units', 'officers'] });
    await installStaged(staging, paths);
    expect(readFileSync(paths.configFile, 'utf8')).toBe('title: 东湖\n');
    expect(readdirSync(paths.contentDir).sort()).toEqual(['officers', 'units']);
    expect(readdirSync(path.join(paths.contentDir, 'officers'))).toEqual([]);
    expect(existsSync(staging)).toBe(false);
  });

  it('brings the sample back byte for byte', async () => {
    const paths = site();
    await installStaged(stageSample(paths), paths);
    expect(isShippedSample(paths)).toBe(true);
  });
});
