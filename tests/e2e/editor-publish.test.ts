/**
 * The 编辑台 from a new person to the published site, in Chromium, on the real editor (`npm run
 * edit` on a temporary copy of the minimal fixture): create a person with a photo carrying GPS
 * data and an honour naming them, 发布 — the public pages show both and the published photo has
 * no metadata — change something and 发布 again, then 回退 puts the first published site back byte
 * for byte. Import from the browser writes all rows or none. Every request stays on this PC.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../unit/helpers/fingerprint';
import { startEditor, type EditorProcess } from '../build/editor-process';
import { launchBrowser } from './browser';
import { editorAxeFindings, loopbackContext, saveForm, until } from './editor-session';

/** Where `EDITOR_SHOTS=/dir npm run test:e2e -- editor-publish` puts the screenshots. */
const SHOTS = process.env.EDITOR_SHOTS;

let editor: EditorProcess;
let browser: Browser;
let context: BrowserContext;
let foreign: string[];
let page: Page;

const dist = () => path.join(path.dirname(editor.siteDir), 'dist');
const field = (fieldPath: string) => page.locator(`[data-path="${fieldPath}"]`);

const save = () => saveForm(page);

/** Presses 发布网站 and waits for the result, as a clerk watches it. */
async function publish(): Promise<string> {
  await page.goto(`${editor.origin}/__editor/?view=publish`);
  await page.getByRole('button', { name: '发布网站' }).click();
  const result = page.locator('.publish-result');
  await until(async () => /发布成功|发布失败/.test(await result.innerText()), 180_000);
  return result.innerText();
}

/** Axe at 390 and 1280 px (with screenshots when asked for), back at 1280. */
async function atBothWidths(name: string): Promise<string[]> {
  const findings: string[] = [];
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    findings.push(...(await editorAxeFindings(page)).map((f) => `${width} px: ${f}`));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) findings.push(`${width} px: the page is ${overflow} px too wide`);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  return findings;
}

beforeAll(async () => {
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  [editor, browser] = await Promise.all([startEditor('minimal'), launchBrowser()]);
  ({ context, foreign } = await loopbackContext(browser, 1280));
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
  // Confirmations (回退) are answered yes, as the clerk would.
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(editor.address.href);
});

afterAll(async () => {
  await browser?.close();
  await editor?.stop();
});

describe('from the editor to the published site', () => {
  let firstPublished: string[] = [];

  it('creates a person with a phone photo and an honour naming them', async () => {
    await page.goto(`${editor.origin}/__editor/?view=new&collection=officers`);
    await page.getByRole('textbox', { name: /^姓名/ }).fill('李明');
    await page.getByRole('radio', { name: '民警' }).check();
    const unit = page.getByRole('combobox', { name: /所在单位/ });
    await unit.fill('csjwz');
    await page.getByRole('option', { name: '测试警务站' }).waitFor();
    await unit.press('Enter');
    await page.getByRole('textbox', { name: /^一句话简介/ }).fill('测试民警，热心助人。');
    await page.getByRole('checkbox', { name: '本人同意公开' }).check();
    const photo = await sharp({ create: { width: 120, height: 160, channels: 3, background: '#3a6ea5' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'TestPhone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '32/1 29/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '119/1 55/1 0/1' } })
      .toBuffer();
    await page.setInputFiles('[data-path="photo"] input[type="file"]', { name: 'IMG_2001.jpg', mimeType: 'image/jpeg', buffer: photo });
    await until(async () => (await field('photo').innerText()).includes('已转正、缩小并去除拍摄信息'));
    await page.getByRole('textbox', { name: '照片的文字说明' }).fill('李明在警务站前执勤');
    await page.getByRole('textbox', { name: '事迹' }).fill('李明热心帮助群众。');
    expect(await save()).toContain('已保存');

    await page.goto(`${editor.origin}/__editor/?view=new&collection=honors`);
    await page.getByRole('textbox', { name: /^荣誉名称/ }).fill('个人嘉奖');
    await page.getByRole('radio', { name: '个人' }).check();
    await page.getByRole('textbox', { name: /^授予单位/ }).fill('测试分局');
    const date = field('date');
    await date.getByRole('radio', { name: '年', exact: true }).check();
    await date.getByRole('textbox', { name: '年', exact: true }).fill('2021');
    await page.getByRole('combobox', { name: /获奖人物/ }).fill('lm');
    await page.getByRole('option', { name: /^李明/ }).click();
    expect(await save()).toContain('已保存');
  });

  it('publishes: the pages show both, the photo has no metadata, and the 发布前清单 says what was left out', async () => {
    const result = await publish();
    expect(result).toMatch(/发布成功：\d+ 个页面。/);
    expect(result).toContain('发布前清单');
    expect(await atBothWidths('publish-result')).toEqual([]);

    const profile = readFileSync(path.join(dist(), 'officers', 'li-ming', 'index.html'), 'utf8');
    expect(profile).toContain('李明');
    expect(profile).toContain('个人嘉奖');
    const honorDir = readdirSync(path.join(dist(), 'honors')).find((name) => name.includes('ge-ren-jia-jiang'))!;
    expect(readFileSync(path.join(dist(), 'honors', honorDir, 'index.html'), 'utf8')).toContain('李明');
    // Every picture published from the photo: no EXIF, no GPS, not the original bytes.
    const pictures = [...profile.matchAll(/(?:src|srcset)="([^"]*li-ming[^"\s]*)/g)].map((m) => m[1]!.replace(/^\/+/, ''));
    expect(pictures.length).toBeGreaterThan(0);
    for (const picture of pictures) {
      const bytes = readFileSync(path.join(dist(), picture.split('?')[0]!));
      expect((await sharp(bytes).metadata()).exif, picture).toBeUndefined();
      expect(bytes.includes('TestPhone'), picture).toBe(false);
    }
    firstPublished = fingerprint(dist());
  });

  it('回退 puts the first published site back, byte for byte, after a second publish', async () => {
    await page.goto(`${editor.origin}/__editor/?view=edit&collection=officers&id=li-ming`);
    await page.getByRole('textbox', { name: /^职务/ }).fill('副站长');
    expect(await save()).toContain('已保存');
    expect(await publish()).toMatch(/发布成功/);
    expect(readFileSync(path.join(dist(), 'officers', 'li-ming', 'index.html'), 'utf8')).toContain('副站长');

    await page.getByRole('button', { name: '回退到上一次发布' }).click();
    await until(async () => (await page.locator('.publish-result').innerText()).includes('已回退'), 60_000);
    expect(fingerprint(dist())).toEqual(firstPublished);
  });

  it('imports a spreadsheet from the browser: checked first, then every row written', async () => {
    await page.goto(`${editor.origin}/__editor/?view=import`);
    await page.getByLabel('导入哪一类内容').selectOption({ label: '人物' });
    const sheet = Buffer.from('\uFEFF姓名,身份,单位,一句话简介,同意公开\r\n赵六,民警,测试警务站,测试民警。,是\r\n', 'utf8');
    await page.setInputFiles('#import-file', { name: '人物.csv', mimeType: 'text/csv', buffer: sheet });
    await page.getByRole('button', { name: '只检查，不写入' }).click();
    await until(async () => (await page.locator('.import-report').innerText()).includes('zhao-liu'));
    expect(readdirSync(path.join(editor.siteDir, 'content', 'officers'))).not.toContain('zhao-liu.md');
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await until(async () => readdirSync(path.join(editor.siteDir, 'content', 'officers')).includes('zhao-liu.md'));
    expect(await atBothWidths('import-report')).toEqual([]);
  });

  it('sent no request beyond this PC', () => {
    expect(foreign).toEqual([]);
  });
});
