import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { docxAnswer, uploadStore } from '../../src/lib/editor/edit-api';
import { asEmf, jpeg, makeDocx, para, picture, STYLE, styled, text } from '../fixtures/docx/make-docx';

const params = (collection: string) => new URLSearchParams({ collection });

describe('从 Word 导入 in the editor (api/docx)', () => {
  it('answers the body and takes the first picture in as an upload, GPS gone; the others are named', async () => {
    const uploads = uploadStore();
    const document = await makeDocx([
      styled(STYLE.title, '王祥同志事迹材料'),
      para(text('一、挺身而出')),
      para(picture(await jpeg('#c00', { gps: true }))),
      styled(STYLE.caption, '图1 王祥在警务站'),
      para(picture(await jpeg('#00c'))),
    ]);
    const answer = await docxAnswer(params('officers'), '王祥.docx', document, uploads);
    const body = answer.body as { ok: boolean; body: string; title: string; picture: { upload: string; alt: string }; notes: string[] };
    expect(body.ok).toBe(true);
    expect(body.title).toBe('王祥同志事迹材料');
    expect(body.body).toBe('## 一、挺身而出\n\n图1 王祥在警务站\n');
    expect(body.picture.alt).toBe('王祥在警务站');
    const upload = uploads.get(body.picture.upload)!;
    expect(upload.collection).toBe('officers');
    expect((await sharp(upload.bytes).metadata()).exif).toBeUndefined();
    expect(body.notes).toEqual(['图 2（“图1 王祥在警务站”处）没有导入：正文中不能插入图片，图片字段只放一张。']);
  });

  it('names an EMF drawing, says what to do with a .doc, and refuses a collection without a body', async () => {
    const emf = await docxAnswer(params('honors'), 'a.docx', await asEmf(await makeDocx([para(text('图表')), para(picture(await jpeg('#c00')))])), uploadStore());
    expect((emf.body as { notes: string[] }).notes).toEqual(['图 1（“图表”处）是 Word 绘图（EMF/WMF），网站无法显示，没有导入：请在 Word 中把它另存为 PNG 图片后再上传。']);
    const doc = await docxAnswer(params('letters'), '感谢信.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), uploadStore());
    expect(doc.body).toMatchObject({ ok: false, message: '感谢信.doc 是旧版 Word（.doc）或 WPS（.wps）格式的文件，不能直接导入' });
    const stats = await docxAnswer(params('stats'), 'a.docx', await makeDocx([para(text('x'))]), uploadStore());
    expect(stats.status).toBe(400);
  });
});
