import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { bodyImages, checkBody } from '../../src/lib/check/body-safety';
import { bodyWithPictures, docxHtmlToMarkdown } from '../../src/lib/import/docx/markdown';
import { readDocx, sniffDocx } from '../../src/lib/import/docx/read';
import { asEmf, asLinkedPicture, ExternalHyperlink, jpeg, makeDocx, mergedTable, para, picture, plainTable, STYLE, styled, text } from '../fixtures/docx/make-docx';
import { SAMPLE_DOCX } from '../fixtures/docx/make-sample';

/** Reads a .docx and converts it, failing the test when it is refused. */
async function convert(bytes: Buffer) {
  const read = await readDocx(bytes, '事迹材料.docx');
  if (!read.ok) throw new Error(`${read.message} ${read.hint}`);
  return { read, ...docxHtmlToMarkdown(read.html) };
}

const temp = mkdtempSync(path.join(os.tmpdir(), 'docx-convert-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('Word document → entry body', () => {
  it('reads the heading styles of a Chinese Word (heading 1 with id "1"), of WPS (标题 1) and a unit template’s 二级标题, one level down; the title line names the entry', async () => {
    const { title, markdown } = await convert(
      await makeDocx([
        styled(STYLE.title, '王祥同志先进事迹材料'),
        styled(STYLE.heading1, '基本情况'),
        para(text('王祥，男，1986年出生。')),
        styled(STYLE.heading2, '工作经历'),
        styled(STYLE.wpsHeading1, '主要事迹'),
        styled(STYLE.wpsHeading2, '见义勇为'),
        styled(STYLE.unitHeading2, '群众评价'),
      ]),
    );
    expect(title).toBe('王祥同志先进事迹材料');
    expect(markdown).toBe('## 基本情况\n\n王祥，男，1986年出生。\n\n### 工作经历\n\n## 主要事迹\n\n### 见义勇为\n\n### 群众评价\n');
  });

  it('takes a WPS 标题 style, or a first heading, as the title', async () => {
    expect((await convert(await makeDocx([styled(STYLE.wpsTitle, '感谢信'), para(text('正文'))]))).title).toBe('感谢信');
    const first = await convert(await makeDocx([styled(STYLE.heading1, '东进警务站抗疫事迹'), para(text('正文'))]));
    expect(first.title).toBe('东进警务站抗疫事迹');
    expect(first.markdown).toBe('正文\n');
  });

  it('reads hand-formatted headings of an official document: 一、, （一）, a short bold or 黑体 line; not a sentence that starts so', async () => {
    const { markdown } = await convert(
      await makeDocx([
        para(text('正文开头。')),
        para(text('一、扎根海岛　守护平安')),
        para(text('（一）服务群众')),
        para(text('勇挑重担', { font: '黑体' })),
        // As a Chinese Word often saves it: the Chinese font only.
        para(new TextRun({ text: '冲锋在前', font: { eastAsia: '黑体' } })),
        para(text('敢于亮剑', { bold: true })),
        para(text('二、他在2020年处置警情多起，群众评价很高，这是一个很长的段落而不是标题，所以不应该变成标题。')),
        para(text('加粗的一句话，但后面还有正文', { bold: true }), text('，普通文字。')),
      ]),
    );
    expect(markdown).toBe(
      [
        '正文开头。',
        '## 一、扎根海岛 守护平安',
        '### （一）服务群众',
        '### 勇挑重担',
        '### 冲锋在前',
        '### 敢于亮剑',
        '二、他在2020年处置警情多起，群众评价很高，这是一个很长的段落而不是标题，所以不应该变成标题。',
        '**加粗的一句话，但后面还有正文**，普通文字。',
      ].join('\n\n') + '\n',
    );
  });

  it('keeps bold and italic, drops fonts and colours, and cleans the spaces pasted from Word and WeChat', async () => {
    const { markdown } = await convert(
      await makeDocx([
        new Paragraph({
          children: [
            text('\u3000\u3000他'),
            new TextRun({ text: '红色', color: 'FF0000', font: '楷体_GB2312' }),
            text('的\u200b锦旗'),
            text('“最美军装”', { bold: true }),
            text('称号，'),
            text('斜体', { italics: true }),
            text('\u00a0完。'),
          ],
        }),
      ]),
    );
    expect(markdown).toBe('他红色的锦旗<strong>“最美军装”</strong>称号，*斜体* 完。\n');
    expect(markdown).not.toMatch(/FF0000|楷体|color|font/);
  });

  it('writes a table with merged cells as an HTML table (the merged cell once), a plain table as a Markdown table; both pass the body check', async () => {
    const { markdown } = await convert(await makeDocx([mergedTable(), para(text('表后')), plainTable([['年份', '荣誉'], ['2019', '嘉奖|通报']])]));
    expect(markdown).toBe(
      [
        '<table>\n<tr><td>年份</td><td>荣誉</td></tr>\n<tr><td rowspan="2">2020</td><td>个人三等功</td></tr>\n<tr><td>嘉奖</td></tr>\n<tr><td colspan="2">合计两项</td></tr>\n</table>',
        '表后',
        '| 年份 | 荣誉 |\n| --- | --- |\n| 2019 | 嘉奖\\|通报 |',
      ].join('\n\n') + '\n',
    );
    expect(checkBody(markdown, 'md')).toEqual([]);
  });

  it('reads no headings inside a table: a bold header cell stays a cell', async () => {
    const cell = (value: string, bold = false) => new TableCell({ children: [para(text(value, { bold }))] });
    const { markdown } = await convert(await makeDocx([new Table({ rows: [new TableRow({ children: [cell('一、时间', true), cell('荣誉', true)] }), new TableRow({ children: [cell('2020'), cell('嘉奖')] })] })]));
    expect(markdown).toBe('| **一、时间** | **荣誉** |\n| --- | --- |\n| 2020 | 嘉奖 |\n');
  });

  it('keeps web links, keeps only the text of a link to a file on the computer', async () => {
    const { markdown, droppedLinks } = await convert(
      await makeDocx([
        para(text('见'), new ExternalHyperlink({ link: 'https://example.gov.cn/news/1', children: [text('报道')] }), text('和'), new ExternalHyperlink({ link: 'file:///C:/Users/科员/Desktop/原件.doc', children: [text('原件')] })),
      ]),
    );
    expect(markdown).toBe('见[报道](<https://example.gov.cn/news/1>)和原件\n');
    expect(droppedLinks).toEqual(['file:///C:/Users/科员/Desktop/原件.doc']);
    expect(checkBody(markdown, 'md')).toEqual([]);
  });

  it('places pictures where they stood, in order, each with Word’s alt text, its caption or the short line it stands in, or none', async () => {
    const converted = await convert(
      await makeDocx([
        para(text('他在岛上巡逻。')),
        para(picture(await jpeg('#c00'))),
        styled(STYLE.caption, '图1 王祥在海岛巡逻'),
        para(picture(await jpeg('#00c'), '王祥为群众指路')),
        para(text('图片后面的正文。')),
        para(picture(await jpeg('#0c0'))),
        // Word 365 describes a picture nobody described: no description a reader needs.
        para(picture(await jpeg('#0cc'), '图片包含 人, 户外 描述已自动生成')),
        para(text('民警走访群众 [现场]'), picture(await jpeg('#cc0'))),
      ]),
    );
    const { read, markdown, pictures } = converted;
    expect(read.pictures.map((p) => [p.number, p.contentType])).toEqual([1, 2, 3, 4, 5].map((n) => [n, 'image/jpeg']));
    expect(pictures.map((p) => [p.number, p.alt])).toEqual([
      [1, '王祥在海岛巡逻'],
      [2, '王祥为群众指路'],
      [3, undefined],
      [4, undefined],
      [5, '民警走访群众 [现场]'],
    ]);
    expect(markdown).toBe('他在岛上巡逻。\n\n图1 王祥在海岛巡逻\n\n图片后面的正文。\n\n民警走访群众 \\[现场\\]\n');
    const body = bodyWithPictures(converted, (n) => (n === 2 ? undefined : { file: `wang-xiang-${n}.jpg`, alt: pictures[n - 1]!.alt ?? '（请填写：图片的文字说明）' }));
    expect(body).toBe(
      [
        '他在岛上巡逻。',
        '![王祥在海岛巡逻](./wang-xiang-1.jpg)',
        '图1 王祥在海岛巡逻',
        // Picture 2 has no file (a drawing, a picture the intake refused): it is left out.
        '图片后面的正文。',
        '![（请填写：图片的文字说明）](./wang-xiang-3.jpg)',
        '![（请填写：图片的文字说明）](./wang-xiang-4.jpg)',
        '民警走访群众 \\[现场\\]',
        // Brackets would end the description early: they are left out of it.
        '![民警走访群众 现场](./wang-xiang-5.jpg)',
      ].join('\n\n') + '\n',
    );
    // The placeholders are the check's to refuse (as placeholders); the pictures are written as it allows.
    expect(checkBody(body, 'md')).toEqual([]);
    expect(bodyImages(body, 'md').map((i) => i.path)).toEqual(['./wang-xiang-1.jpg', './wang-xiang-3.jpg', './wang-xiang-4.jpg', './wang-xiang-5.jpg']);
  });

  it('hands over an EMF drawing as it is, named by its type (the import refuses it)', async () => {
    const { read } = await convert(await asEmf(await makeDocx([para(picture(await jpeg('#c00')))])));
    expect(read.pictures.map((p) => p.contentType)).toEqual(['image/x-emf']);
  });

  it('never reads a picture linked to a file outside the document', async () => {
    const secret = path.join(temp, 'secret.jpg');
    writeFileSync(secret, await jpeg('#123456'));
    const { read } = await convert(await asLinkedPicture(await makeDocx([para(text('前')), para(picture(await jpeg('#c00')))]), `file://${secret}`));
    expect(read.pictures).toEqual([]);
    expect(read.linkedPictures).toEqual([`file://${secret}`]);
    expect(read.html).not.toContain('img');
  });
});

describe('files that are not a .docx', () => {
  it('an old .doc (or .wps) renamed to .docx: recognised by its content', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);
    const refused = await readDocx(ole, '事迹.docx');
    expect(refused).toMatchObject({ ok: false, message: '事迹.docx 是旧版 Word（.doc）或 WPS（.wps）格式的文件，不能直接导入' });
    expect(!refused.ok && refused.hint).toContain('请在 Word/WPS 中另存为 .docx 再导入');
  });

  it('a file that is not a zip, a zip without a document, a damaged zip', async () => {
    expect(await sniffDocx(Buffer.from('王祥事迹\r\n'), 'a.docx')).toMatchObject({ message: 'a.docx 不是 Word 文档（.docx）' });
    const zip = new JSZip();
    zip.file('hello.txt', 'x');
    expect(await sniffDocx(await zip.generateAsync({ type: 'nodebuffer' }), 'b.docx')).toMatchObject({ message: 'b.docx 不是 Word 文档（里面没有正文）' });
    expect(await sniffDocx(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100)]), 'c.docx')).toMatchObject({ message: 'c.docx 已损坏，无法打开' });
  });

  it('a zip bomb: refused from its declared sizes, before anything is unpacked', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', Buffer.alloc(31 * 1024 * 1024, 0x20));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await sniffDocx(bomb, 'bomb.docx')).toMatchObject({ message: 'bomb.docx 解压后太大，不能导入' });
  });
});

describe('the sample in docs/templates', () => {
  it('事迹材料示例.docx reads as the guide says: title, 一、二、三、 headings, bold, a captioned picture and a table', async () => {
    const converted = await convert(readFileSync(SAMPLE_DOCX));
    const { title, pictures } = converted;
    const markdown = bodyWithPictures(converted, () => ({ file: 'wang-xiang-1.png', alt: pictures[0]!.alt! }));
    expect(title).toBe('王祥同志事迹材料');
    expect(markdown).toBe(
      [
        '## 一、基本情况',
        '王祥，东进警务站辅警。',
        '## 二、主要事迹',
        '东进警务站辅警王祥，面对持刀伤人的歹徒，**勇敢上前夺刀与其搏斗**。',
        '![示意头像（非本人照片）](./wang-xiang-1.png)',
        '图1 示意头像（非本人照片）',
        '## 三、所获荣誉',
        '| 时间 | 荣誉 | 授予单位 |\n| --- | --- | --- |\n| 2020年4月 | 见义勇为表彰 | 省见义勇为基金会 |',
      ].join('\n\n') + '\n',
    );
    expect(pictures.map((p) => p.alt)).toEqual(['示意头像（非本人照片）']);
  });
});
