import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { intakePhoto } from '../../../src/lib/authoring/photo-intake';
import { checkSite } from '../../../src/lib/check/check-site';
import { readHistory, undoLastChange, undoSteps } from '../../../src/lib/editor/history';
import { loadEntry, saveEntry, type EditorSite } from '../../../src/lib/editor/save-entry';

const FIXTURE = path.resolve('tests/fixtures/minimal');
const NOW = new Date('2026-06-01T04:00:00Z');

let root: string;
let site: EditorSite;
const before = async () => (await checkSite(site)).problems;
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'editor-save-'));
  cpSync(FIXTURE, root, { recursive: true });
  site = { root, siteDir: root, contentDir: path.join(root, 'content'), configFile: path.join(root, 'site.config.yaml'), publicDir: path.join(root, 'public'), now: NOW };
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('saving an entry from the editor', () => {
  it('creates a new officer with a pinyin id, in the field order of the schema, and records it', async () => {
    const result = await saveEntry(
      site,
      { collection: 'officers', data: { name: '王　祥', role: 'auxiliary', unit: 'test-station', summary: '测试辅警。', consent: true, tags: ['见义勇为'] }, body: '事迹正文。' },
      await before(),
    );
    expect(result).toMatchObject({ ok: true, id: 'wang-xiang', file: 'content/officers/wang-xiang.md', created: true });
    expect(read('content/officers/wang-xiang.md')).toBe(
      '---\nname: 王　祥\nrole: auxiliary\nunit: test-station\nsummary: 测试辅警。\ntags:\n  - 见义勇为\nconsent: true\n---\n\n事迹正文。\n',
    );
    expect(readHistory(root)).toMatchObject([{ seq: 1, action: 'create', entry: 'officers/wang-xiang', summary: '新建了人物“王　祥”', files: [{ path: 'content/officers/wang-xiang.md', previous: null }] }]);
  });

  it('never overwrites an existing entry: a second person of the same name gets -2', async () => {
    const data = { name: '王祥', role: 'police', unit: 'test-station', summary: '一。' };
    await saveEntry(site, { collection: 'officers', data }, await before());
    const second = await saveEntry(site, { collection: 'officers', data: { ...data, summary: '二。' } }, await before());
    expect(second).toMatchObject({ ok: true, id: 'wang-xiang-2' });
    expect(read('content/officers/wang-xiang.md')).toContain('summary: 一。');
  });

  it('writes nothing when the save would add an error, and says which field, in the check’s words', async () => {
    const result = await saveEntry(site, { collection: 'honors', data: { title: '嘉奖', scope: 'individual', awardedBy: '某局', date: '2020-13', recipients: { officers: ['dongjin'] } } }, await before());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.field, p.code])).toEqual(
      expect.arrayContaining([
        ['date', 'date'],
        ['recipients.officers[0]', 'reference-missing'],
      ]),
    );
    expect(result.problems.find((p) => p.field === 'date')?.message).toContain('月份 13 不存在');
    expect(readHistory(root)).toEqual([]);
    expect(existsSync(path.join(root, 'content/honors'))).toBe(true);
    expect((await before()).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('changes only the fields that changed, keeping comments, order, quoting and the body', async () => {
    const file = 'content/officers/test-officer.md';
    writeFileSync(path.join(root, file), read(file).replace('summary: 测试用人物。', '# 来源：简报\nsummary: "测试用人物。"'));
    const entry = loadEntry(site, 'officers', 'test-officer')!;
    const result = await saveEntry(site, { collection: 'officers', id: 'test-officer', data: { ...entry.data, title: '站长' }, body: entry.body }, await before());
    expect(result).toMatchObject({ ok: true, changed: ['title'] });
    expect(read(file)).toContain('# 来源：简报\nsummary: "测试用人物。"');
    expect(read(file)).toContain('title: 站长');
    expect(read(file)).toMatch(/\n---\n\n测试人物的事迹。\n$/);
  });

  it('removes an optional field emptied in the form, and does not write defaults', async () => {
    const entry = loadEntry(site, 'officers', 'test-officer')!;
    await saveEntry(site, { collection: 'officers', id: 'test-officer', data: { ...entry.data, photo: '', photoAlt: '', featured: false, draft: false } }, await before());
    expect(read('content/officers/test-officer.md')).not.toMatch(/photo|featured|draft/);
  });

  it('puts a phone photo through the intake: upright, no metadata, named after the entry', async () => {
    // As a phone takes it: sideways (orientation 6) with a description in its EXIF.
    const phone = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#888' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExifMerge({ IFD0: { ImageDescription: 'home 13812345678' } })
      .toBuffer();
    expect((await sharp(phone).metadata()).orientation).toBe(6);
    expect(phone.includes('13812345678')).toBe(true);
    const intake = await intakePhoto(phone, 'IMG_0001.JPG');
    if (!intake.ok) throw new Error(intake.message);
    const entry = loadEntry(site, 'officers', 'test-officer')!;
    const result = await saveEntry(site, { collection: 'officers', id: 'test-officer', data: { ...entry.data, photoAlt: '民警在执勤' }, image: intake }, await before());
    expect(result).toMatchObject({ ok: true });
    expect(read('content/officers/test-officer.md')).toContain('photo: test-officer.jpg');
    const meta = await sharp(path.join(root, 'content/officers/test-officer.jpg')).metadata();
    expect(meta.exif).toBeUndefined();
    expect([meta.width, meta.height]).toEqual([20, 40]);
    expect(readFileSync(path.join(root, 'content/officers/test-officer.jpg')).includes('13812345678')).toBe(false);
  });

  it('undoes the last save of an entry, and a second undo goes one further back', async () => {
    const file = 'content/officers/test-officer.md';
    const original = read(file);
    const entry = loadEntry(site, 'officers', 'test-officer')!;
    await saveEntry(site, { collection: 'officers', id: 'test-officer', data: { ...entry.data, title: '站长' } }, await before());
    const once = read(file);
    await saveEntry(site, { collection: 'officers', id: 'test-officer', data: { ...entry.data, title: '副站长' } }, await before());
    undoLastChange(root, 'officers/test-officer', '人物“测试民警”');
    expect(read(file)).toBe(once);
    undoLastChange(root, 'officers/test-officer', '人物“测试民警”');
    expect(read(file)).toBe(original);
    expect(undoLastChange(root, 'officers/test-officer', '人物“测试民警”')).toBeUndefined();
  });

  it('removes a created entry again when its creation is undone', async () => {
    await saveEntry(site, { collection: 'officers', data: { name: '李四', role: 'police', unit: 'test-station', summary: '测试。' } }, await before());
    undoLastChange(root, 'officers/li-si', '人物“李四”');
    expect(existsSync(path.join(root, 'content/officers/li-si.md'))).toBe(false);
  });

  it('undoes a photo without an entry ever naming a picture that is gone: the entry first, then its picture', async () => {
    const intake = await intakePhoto(await sharp({ create: { width: 20, height: 20, channels: 3, background: '#888' } }).jpeg().toBuffer(), 'IMG_0001.JPG');
    if (!intake.ok) throw new Error(intake.message);
    const original = read('content/officers/test-officer.md');
    const entry = loadEntry(site, 'officers', 'test-officer')!;
    expect(await saveEntry(site, { collection: 'officers', id: 'test-officer', data: { ...entry.data, photoAlt: '民警' }, image: intake }, await before())).toMatchObject({ ok: true });
    expect(await saveEntry(site, { collection: 'officers', data: { name: '李四', role: 'police', unit: 'test-station', summary: '测试。', photoAlt: '李四' }, image: intake }, await before())).toMatchObject({ ok: true });
    const [photo, created] = readHistory(root).map((r) => r.files);
    // A save writes the picture before the entry that names it…
    expect(photo!.map((f) => [f.path, f.previous === null])).toEqual([
      ['content/officers/test-officer.jpg', true],
      ['content/officers/test-officer.md', false],
    ]);
    // …and an undo puts the entry back (or removes it) before it removes the picture.
    expect(undoSteps(photo!).map((f) => f.path)).toEqual(['content/officers/test-officer.md', 'content/officers/test-officer.jpg']);
    expect(undoSteps(created!).map((f) => f.path)).toEqual(['content/officers/li-si.md', 'content/officers/li-si.jpg']);
    undoLastChange(root, 'officers/test-officer', '人物“测试民警”');
    undoLastChange(root, 'officers/li-si', '人物“李四”');
    expect(read('content/officers/test-officer.md')).toBe(original);
    for (const gone of ['test-officer.jpg', 'li-si.jpg', 'li-si.md']) expect(existsSync(path.join(root, 'content/officers', gone)), gone).toBe(false);
  });

  it('commits each save when the site folder is a git repository', async () => {
    execFileSync('git', ['init', '--quiet'], { cwd: root });
    await saveEntry(site, { collection: 'officers', data: { name: '李四', role: 'police', unit: 'test-station', summary: '测试。' } }, await before());
    const log = execFileSync('git', ['log', '--format=%an|%s', '--name-only'], { cwd: root }).toString();
    expect(log).toContain('编辑台|编辑台：新建了人物“李四”');
    expect(log).toContain('content/officers/li-si.md');
  });
});
