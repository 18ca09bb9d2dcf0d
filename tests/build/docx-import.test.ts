/**
 * `npm run import -- docx` as the clerk runs it, on a copy of the sample unit: no site build, the
 * content check is the gate.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { jpeg, makeDocx, mergedTable, para, picture, STYLE, styled, text } from '../fixtures/docx/make-docx';
import { BUILD_TIME, runScriptInProcess, SAMPLE_SITE } from './harness';

const site = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-docx-'));
cpSync(SAMPLE_SITE, site, { recursive: true });
afterAll(() => rmSync(site, { recursive: true, force: true }));

// In this process (runScriptInProcess): the command itself is started in import.test.ts.
const importDocx = (...args: string[]) =>
  runScriptInProcess('import.ts', ['docx', ...args], { env: { HONOR_ROLL_SITE: site, INIT_CWD: site, NO_COLOR: '1', HONOR_ROLL_NOW: BUILD_TIME } });
const officers = () => readdirSync(path.join(site, 'content', 'officers')).sort();

describe('npm run import -- docx', () => {
  it('creates a profile from a deed report with headings, a merged table and a GPS-tagged photo, as a draft with what is left to fill in', async () => {
    writeFileSync(
      path.join(site, '张伟事迹.docx'),
      await makeDocx([
        styled(STYLE.title, '张伟同志先进事迹材料'),
        styled(STYLE.heading1, '基本情况'),
        para(text('张伟同志长期在基层一线工作。')),
        para(text('一、扎根基层')),
        para(picture(await jpeg('#c00', { gps: true }))),
        styled(STYLE.caption, '图1 张伟在警务站'),
        mergedTable(),
      ]),
    );
    const before = officers();
    const result = await importDocx('张伟事迹.docx', '--new', '人物', '--draft');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(officers()).toEqual([...before, 'zhang-wei-2-1.jpg', 'zhang-wei-2.md'].sort());
    const written = readFileSync(path.join(site, 'content', 'officers', 'zhang-wei-2.md'), 'utf8');
    expect(written).toMatch(/^name: 张伟$/m);
    expect(written).toMatch(/^draft: true$/m);
    expect(written).not.toMatch(/^photo:/m);
    expect(written).toContain('\n## 基本情况\n\n张伟同志长期在基层一线工作。\n\n## 一、扎根基层\n\n![张伟在警务站](./zhang-wei-2-1.jpg)\n\n图1 张伟在警务站\n\n<table>\n');
    expect((await sharp(readFileSync(path.join(site, 'content', 'officers', 'zhang-wei-2-1.jpg'))).metadata()).exif).toBeUndefined();
    // Paths are shown as the clerk's terminal names them: the copy of the site is outside the project.
    expect(result.stdout).toMatch(/图 1 → \S*content\/officers\/zhang-wei-2-1\.jpg，放在正文中原来的位置；说明：张伟在警务站/);
    expect(result.stdout).toMatch(/文档中没有写明、还要填写的（\S*content\/officers\/zhang-wei-2\.md）：\n {2}第 4 行：还没有填写：所在单位 id/);
  });

  it('refuses a mobile number with its line and writes nothing; --dry-run shows the file', async () => {
    writeFileSync(path.join(site, '感谢.docx'), await makeDocx([para(text('感谢民警帮助，我的电话13812345678。'))]));
    const before = officers();
    const text0 = readFileSync(path.join(site, 'content', 'officers', 'wang-xiang.md'), 'utf8');
    const result = await importDocx('感谢.docx', '--for', 'officers/wang-xiang', '--replace', '--dry-run');
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/✖ \S*content\/officers\/wang-xiang\.md 第 \d+ 行：含有手机号码（138\*\*\*\*5678），不能公开发布/);
    expect(result.stdout).toContain('没有导入，没有写入任何文件');
    expect(result.stdout).toMatch(/—— 将要写入 \S*content\/officers\/wang-xiang\.md（试运行，没有写入）——/);
    expect(officers()).toEqual(before);
    expect(readFileSync(path.join(site, 'content', 'officers', 'wang-xiang.md'), 'utf8')).toBe(text0);
  });

  it('says what to do with an old .doc, and the spreadsheet form still answers as before', async () => {
    writeFileSync(path.join(site, '旧.docx'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    const old = await importDocx('旧.docx', '--for', 'officers/wang-xiang');
    expect(old.status).toBe(1);
    expect(old.stdout).toContain('旧.docx 是旧版 Word（.doc）或 WPS（.wps）格式的文件，不能直接导入\n    → 请在 Word/WPS 中另存为 .docx 再导入');
    const sheet = await runScriptInProcess('import.ts', ['honors', 'nothing.xlsx', '--replace'], { env: { HONOR_ROLL_SITE: site, INIT_CWD: site, NO_COLOR: '1' } });
    expect(sheet.status).toBe(1);
    expect(sheet.stderr).toContain('不认识的选项：--replace');
  });
});
