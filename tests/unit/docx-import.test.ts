import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setBody, setFields } from '../../src/lib/authoring/frontmatter-edit';
import { placeholder } from '../../src/lib/authoring/placeholder';
import { runDocxImport, type DocxImportOptions } from '../../src/lib/import/docx/run';
import { asEmf, jpeg, makeDocx, mergedTable, para, picture, STYLE, styled, text } from '../fixtures/docx/make-docx';

const SAMPLE_CONTENT = path.join(import.meta.dirname, '..', '..', 'examples', 'hailing-xuntejing', 'content');
const NOW = new Date('2026-06-01T12:00:00+08:00');

let root: string;
let contentDir: string;
let officer: string;

/** Every file of the content folder with its bytes, to see that nothing was written. */
function snapshot(): Record<string, string> {
  const files = (readdirSync(contentDir, { recursive: true }) as string[]).filter((f) => statSync(path.join(contentDir, f)).isFile());
  return Object.fromEntries(files.map((f) => [f, readFileSync(path.join(contentDir, f)).toString('base64')]));
}

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'docx-import-'));
  contentDir = path.join(root, 'content');
  mkdirSync(path.join(contentDir, 'officers'), { recursive: true });
  cpSync(path.join(SAMPLE_CONTENT, 'units'), path.join(contentDir, 'units'), { recursive: true });
  // 王祥 as `npm run new` left him: no body yet, no photo.
  officer = path.join(contentDir, 'officers', 'wang-xiang.md');
  const sample = readFileSync(path.join(SAMPLE_CONTENT, 'officers', 'wang-xiang.md'), 'utf8');
  writeFileSync(officer, setBody(setFields(sample, { photo: undefined, photoAlt: undefined }), placeholder('正文')));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function run(document: Buffer, options: Partial<DocxImportOptions> = {}) {
  const file = path.join(root, '事迹材料.docx');
  writeFileSync(file, document);
  return runDocxImport({ file, target: { existing: { collection: 'officers', id: 'wang-xiang' } }, root, contentDir, now: NOW, ...options });
}

const report = async () =>
  makeDocx([
    styled(STYLE.title, '王祥同志先进事迹材料'),
    para(text('一、挺身而出')),
    para(text('东进警务站辅警王祥，面对持刀伤人的歹徒，勇敢上前夺刀与其搏斗。')),
    para(picture(await jpeg('#c00', { gps: true, width: 2400, height: 1800 }))),
    styled(STYLE.caption, '图1 王祥在东进警务站'),
    para(picture(await jpeg('#00c'))),
    mergedTable(),
  ]);

describe('npm run import -- docx (as a function)', () => {
  it('fills an empty body, writes both pictures through the photo intake (GPS gone, at most 1600 px) and places them where they stood', async () => {
    const result = await run(await report());
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    const written = readFileSync(officer, 'utf8');
    // The portrait field is the clerk's to choose: a deed report's picture is a scene, shown where it stood.
    expect(written).not.toMatch(/^photo:/m);
    expect(written.split('---\n')[2]).toBe(
      '\n## 一、挺身而出\n\n东进警务站辅警王祥，面对持刀伤人的歹徒，勇敢上前夺刀与其搏斗。\n\n![王祥在东进警务站](./wang-xiang-1.jpg)\n\n图1 王祥在东进警务站\n\n![（请填写：图片的文字说明）](./wang-xiang-2.jpg)\n\n<table>\n<tr><td>年份</td><td>荣誉</td></tr>\n<tr><td rowspan="2">2020</td><td>个人三等功</td></tr>\n<tr><td>嘉奖</td></tr>\n<tr><td colspan="2">合计两项</td></tr>\n</table>\n',
    );
    expect(result.pictures.map((p) => [p.path, p.alt])).toEqual([
      ['officers/wang-xiang-1.jpg', '王祥在东进警务站'],
      ['officers/wang-xiang-2.jpg', undefined],
    ]);
    // The picture the document does not describe: a placeholder the check refuses, at its line, until it is filled in.
    const line = written.split('\n').findIndex((l) => l.includes('wang-xiang-2.jpg')) + 1;
    expect(result.toFillIn).toEqual([{ severity: 'error', file: 'content/officers/wang-xiang.md', line, message: '还没有填写：图片的文字说明', hint: '把“（请填写：图片的文字说明）”换成实际内容' }]);
    const first = await sharp(readFileSync(path.join(contentDir, 'officers', 'wang-xiang-1.jpg'))).metadata();
    expect(first.exif).toBeUndefined();
    expect([first.width, first.height]).toEqual([1600, 1200]);
    expect(existsSync(path.join(contentDir, 'officers', 'wang-xiang-2.jpg'))).toBe(true);
  });

  it('keeps a body that is there unless told to replace it', async () => {
    writeFileSync(officer, setBody(readFileSync(officer, 'utf8'), '原有的事迹。'));
    const before = snapshot();
    const kept = await run(await report());
    expect(kept.problems.map((p) => p.message)).toEqual(['officers/wang-xiang 已经有正文，没有改动']);
    expect(snapshot()).toEqual(before);
    const replaced = await run(await report(), { replace: true });
    expect(replaced.ok).toBe(true);
    expect(readFileSync(officer, 'utf8')).not.toContain('原有的事迹。');
  });

  it('refuses a mobile number in the text, naming its line in the file that would be written; nothing is written', async () => {
    const before = snapshot();
    const result = await run(await makeDocx([para(text('群众来电：１３８１２３４５６７８，表示感谢。')), para(picture(await jpeg('#c00')))]));
    expect(result.ok).toBe(false);
    const phone = result.problems.find((p) => p.message.includes('手机号码'))!;
    expect(phone).toMatchObject({ file: 'content/officers/wang-xiang.md', severity: 'error' });
    expect(result.entry!.text.split('\n')[phone.line! - 1]).toContain('１３８１２３４５６７８');
    expect(result.written).toEqual([]);
    expect(snapshot()).toEqual(before);
  });

  it('with draft, writes it anyway, as a draft', async () => {
    const result = await run(await makeDocx([para(text('群众来电：13812345678。'))]), { draft: true });
    expect(result.ok).toBe(true);
    expect(result.asDraft).toBe(true);
    expect(readFileSync(officer, 'utf8')).toMatch(/^draft: true$/m);
  });

  it('refuses an EMF drawing with what to do, and writes nothing, not even the other pictures', async () => {
    const before = snapshot();
    const emf = await asEmf(await makeDocx([para(text('组织架构图如下')), para(picture(await jpeg('#c00')))]));
    const result = await run(emf);
    expect(result.problems).toEqual([
      {
        severity: 'error',
        message: '文档中的图 1（“组织架构图如下”处）是 Word 绘图（EMF/WMF 矢量图），网站无法显示',
        hint: '请在 Word 中右键这张图 →“另存为图片”存成 PNG，删去原图，再用“插入 → 图片”把 PNG 放回原处；或者删去这张图。然后重新导入',
      },
    ]);
    expect(snapshot()).toEqual(before);
    expect((await run(emf, { draft: true })).ok).toBe(false);
    expect(snapshot()).toEqual(before);
  });

  it('refuses a .doc renamed to .docx; writes nothing', async () => {
    const before = snapshot();
    const result = await run(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]));
    expect(result.problems.map((p) => p.hint)).toEqual(['请在 Word/WPS 中另存为 .docx 再导入（“文件”→“另存为”→ 文件类型选“Word 文档 (*.docx)”）']);
    expect(snapshot()).toEqual(before);
  });

  it('creates an honour named by the document’s title, with the placeholders `npm run new` writes; a dry run writes nothing', async () => {
    const document = await makeDocx([styled(STYLE.heading1, '东进警务站集体三等功'), para(text('2020年，东进警务站荣立集体三等功。'))]);
    const before = snapshot();
    const dry = await run(document, { target: { create: 'honor' }, dryRun: true });
    expect(dry.ok).toBe(true);
    expect(snapshot()).toEqual(before);
    const result = await run(document, { target: { create: 'honor' } });
    expect(result.entry!.path).toBe('honors/dong-jin-jing-wu-zhan-ji-ti.md');
    const written = readFileSync(path.join(contentDir, result.entry!.path), 'utf8');
    expect(written).toContain('title: 东进警务站集体三等功');
    expect(written).toContain('2020年，东进警务站荣立集体三等功。');
    expect(result.toFillIn.map((p) => p.message)).toContain('还没有填写：获奖人物 id');
  });
});

describe('a new entry whose document does not say its name', () => {
  it('is named by its kind, not by the placeholder', async () => {
    const document = await makeDocx([para(text('感谢民警帮我找回了钱包。'))]);
    const letter = await run(document, { target: { create: 'letter' }, dryRun: true });
    expect(letter.entry!.path).toBe('letters/2026-gan-xie-xin.md');
    expect(letter.entry!.text).toContain('from: （请填写：致谢人（已隐去全名，如 市民李女士））');
    const person = await run(document, { target: { create: 'officer' }, dryRun: true });
    expect(person.entry!.path).toBe('officers/officer.md');
    expect(person.entry!.text).toContain('name: （请填写：姓名）');
  });
});

describe('an entry in a sub-folder', () => {
  it('gets its pictures next to it, and its body names them so', async () => {
    mkdirSync(path.join(contentDir, 'officers', '2020'));
    const moved = path.join(contentDir, 'officers', '2020', 'wang-xiang.md');
    writeFileSync(moved, readFileSync(officer));
    rmSync(officer);
    const result = await run(await makeDocx([para(text('正文。')), para(picture(await jpeg('#c00')))]));
    expect(result.ok).toBe(true);
    expect(result.pictures.map((p) => p.path)).toEqual(['officers/2020/wang-xiang-1.jpg']);
    expect(readFileSync(moved, 'utf8')).toContain('\n![（请填写：图片的文字说明）](./wang-xiang-1.jpg)\n');
    expect(existsSync(path.join(contentDir, 'officers', '2020', 'wang-xiang-1.jpg'))).toBe(true);
  });
});
