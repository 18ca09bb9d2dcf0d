import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { checkSite } from '../../src/lib/check/check-site';
import { docxAnswer, saveAnswer, uploadStore } from '../../src/lib/editor/edit-api';
import { loadEntry, type EditorSite } from '../../src/lib/editor/save-entry';
import { asEmf, jpeg, makeDocx, para, picture, STYLE, styled, text } from '../fixtures/docx/make-docx';

const params = (collection: string) => new URLSearchParams({ collection });

type Answered = { ok: boolean; body: string; title: string; pictures: { upload: string; name: string; url: string; width: number; height: number }[]; notes: string[] };

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A copy of the minimal fixture unit, as the editor's site. */
function editorSite(): EditorSite {
  const root = mkdtempSync(path.join(tmpdir(), 'docx-editor-'));
  roots.push(root);
  cpSync(path.resolve('tests/fixtures/minimal'), root, { recursive: true });
  return { root, siteDir: root, contentDir: path.join(root, 'content'), configFile: path.join(root, 'site.config.yaml'), publicDir: path.join(root, 'public'), now: new Date('2026-06-01T04:00:00Z') };
}

const report = async () =>
  makeDocx([
    styled(STYLE.title, '王祥同志事迹材料'),
    para(text('一、挺身而出')),
    para(picture(await jpeg('#c00', { gps: true }))),
    styled(STYLE.caption, '图1 王祥在警务站'),
    para(picture(await jpeg('#00c'))),
  ]);

describe('从 Word 导入 in the editor (api/docx)', () => {
  it('answers the body with every picture where it stood, each taken in as an upload, GPS gone', async () => {
    const uploads = uploadStore();
    const answer = await docxAnswer(params('officers'), '王祥.docx', await report(), uploads);
    const body = answer.body as Answered;
    expect(body.ok).toBe(true);
    expect(body.title).toBe('王祥同志事迹材料');
    expect(body.body).toBe('## 一、挺身而出\n\n![王祥在警务站](./word-1.jpg)\n\n图1 王祥在警务站\n\n![（请填写：图片的文字说明）](./word-2.jpg)\n');
    expect(body.pictures.map((p) => p.name)).toEqual(['word-1.jpg', 'word-2.jpg']);
    const upload = uploads.get(body.pictures[0]!.upload)!;
    expect(upload.collection).toBe('officers');
    expect((await sharp(upload.bytes).metadata()).exif).toBeUndefined();
    expect(body.notes).toEqual(['图 2（“图1 王祥在警务站”处）在文档中没有说明：请把正文中的“（请填写：图片的文字说明）”换成一句说明图片内容的话。']);
  });

  it('saves the pictures the body still shows next to the entry, named after it, and the body names them so', async () => {
    const site = editorSite();
    const uploads = uploadStore();
    const body = (await docxAnswer(params('officers'), '王祥.docx', await report(), uploads)).body as Answered;
    const entry = loadEntry(site, 'officers', 'test-officer')!;
    // The clerk describes the first picture and deletes the second.
    const edited = body.body.replace('\n\n![（请填写：图片的文字说明）](./word-2.jpg)', '');
    const save = (pictures: unknown) =>
      saveAnswer({ collection: 'officers', id: 'test-officer', data: entry.data, body: edited, pictures }, site, { base: '/', problems: async () => (await checkSite(site)).problems, uploads });
    expect((await save([{ upload: 'nonsense', name: 'word-1.jpg' }])).body).toEqual({ error: '从 Word 导入的图片已失效，请重新从 Word 导入。' });
    expect((await save([{ upload: body.pictures[0]!.upload, name: '../../evil.jpg' }])).body).toEqual({ error: '从 Word 导入的图片已失效，请重新从 Word 导入。' });
    const saved = await save(body.pictures.map(({ upload, name }) => ({ upload, name })));
    expect(saved.body).toMatchObject({ ok: true, changed: ['body'] });
    const officers = path.join(site.contentDir, 'officers');
    expect(readFileSync(path.join(officers, 'test-officer.md'), 'utf8')).toContain('\n## 一、挺身而出\n\n![王祥在警务站](./test-officer-1.jpg)\n\n图1 王祥在警务站\n');
    expect((await sharp(readFileSync(path.join(officers, 'test-officer-1.jpg'))).metadata()).exif).toBeUndefined();
    // The picture the body no longer shows is not written.
    expect(existsSync(path.join(officers, 'test-officer-2.jpg'))).toBe(false);
  });

  it('names an EMF drawing, says what to do with a .doc, and refuses a collection without a body', async () => {
    const emf = await docxAnswer(params('honors'), 'a.docx', await asEmf(await makeDocx([para(text('图表')), para(picture(await jpeg('#c00')))])), uploadStore());
    expect((emf.body as { notes: string[] }).notes).toEqual(['图 1（“图表”处）是 Word 绘图（EMF/WMF），网站无法显示，没有导入：请在 Word 中把它另存为 PNG 图片，插入原处后重新导入。']);
    const doc = await docxAnswer(params('letters'), '感谢信.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), uploadStore());
    expect(doc.body).toMatchObject({ ok: false, message: '感谢信.doc 是旧版 Word（.doc）或 WPS（.wps）格式的文件，不能直接导入' });
    const stats = await docxAnswer(params('stats'), 'a.docx', await makeDocx([para(text('x'))]), uploadStore());
    expect(stats.status).toBe(400);
  });
});
