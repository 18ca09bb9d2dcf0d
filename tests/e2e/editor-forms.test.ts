/**
 * The 编辑台's forms driven as a clerk would, in Chromium, on the real editor (`npm run edit` on a
 * temporary copy of the minimal fixture): fill a profile's body from the sample Word deed report
 * (从 Word 导入) and see its headings, table and picture on the saved page; create a person — a full-width space in the name, a
 * full-width year from the IME, a photo with GPS data — and see the missing 一句话简介 reported
 * next to its field before anything is written; edit an honour with an impossible date, naming
 * that person while another window takes them back with 撤销, and see both problems next to their
 * fields; 撤销 puts the honour's file back. Every request must stay on this PC; the pages pass
 * axe-core at 390 and 1280 px.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { startEditor, type EditorProcess } from '../build/editor-process';
import { editorAxeFindings, loopbackContext, saveForm, until, untilPreviewShows } from './editor-session';
import { SAMPLE_DOCX } from '../fixtures/docx/make-sample';

/** The fixture's honour (测试荣誉, 2020-04, to 测试民警), as it must come back after 撤销. */
const HONOR_FILE = 'content/honors/test-honor.md';
let honor = '';

/** Where `EDITOR_SHOTS=/dir npm run test:e2e -- editor-forms` puts the screenshots of the forms. */
const SHOTS = process.env.EDITOR_SHOTS;
const WIDTHS = [390, 1280] as const;

let editor: EditorProcess;
let browser: Browser;
let context: BrowserContext;
let foreign: string[];
let page: Page;

const file = (relative: string) => path.join(editor.siteDir, relative);
const read = (relative: string) => readFileSync(file(relative), 'utf8');
const field = (fieldPath: string) => page.locator(`[data-path="${fieldPath}"]`);

const save = () => saveForm(page);

/** The problems shown in a field's block, as text. */
const problemsOf = (block: Locator) => block.locator(':scope > .field-problems').innerText();

/** The text an element's aria-describedby points at. */
const description = (locator: Locator) =>
  locator.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );

/**
 * Runs axe at both widths and checks the page needs no sideways scrolling (and takes the
 * screenshot `name` when asked for), then returns to 1280 px.
 */
async function atBothWidths(name: string, scrollTo?: Locator, top?: number): Promise<string[]> {
  const findings: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    // The element in the middle of the screen, or `top` pixels from its top.
    if (scrollTo) await scrollTo.evaluate((el, at) => (at === undefined ? el.scrollIntoView({ block: 'center' }) : window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - at)), top);
    findings.push(...(await editorAxeFindings(page)).map((f) => `${width} px: ${f}`));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) findings.push(`${width} px: the page is ${overflow} px too wide`);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `forms-${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  return findings;
}

/** A small JPEG as phones take them: upside down in its pixels, with GPS coordinates. */
function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 120, height: 160, channels: 3, background: '#3a6ea5' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'TestPhone', Orientation: '3' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '32/1 29/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '119/1 55/1 0/1' } })
    .toBuffer();
}

beforeAll(async () => {
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  [editor, browser] = await Promise.all([startEditor('minimal'), launchBrowser()]);
  honor = read(HONOR_FILE);
  ({ context, foreign } = await loopbackContext(browser, 1280));
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
  await page.goto(editor.address.href);
});

afterAll(async () => {
  await browser?.close();
  await editor?.stop();
});

describe('the editor’s forms', () => {
  it('the list opens an entry’s form and offers 新建 for the collection shown', async () => {
    await page.locator('.entry').first().waitFor();
    expect(await atBothWidths('list')).toEqual([]);
    await page.getByRole('link', { name: '测试民警' }).click();
    await page.getByRole('heading', { name: '编辑人物：测试民警' }).waitFor();
    expect(new URL(page.url()).search).toBe('?view=edit&collection=officers&id=test-officer');
    // Reload and the back button keep the view.
    await page.reload();
    await page.getByRole('heading', { name: '编辑人物：测试民警' }).waitFor();
    await page.goBack();
    await page.getByRole('link', { name: '新建人物' }).click();
    await page.getByRole('heading', { name: '新建人物' }).waitFor();
    expect(new URL(page.url()).search).toBe('?view=new&collection=officers');
  });

  it('从 Word 导入 fills a profile’s body with the sample deed report — headings, table and its picture where it stood — and 保存 publishes it', async () => {
    // Before the person created below: in one session the second entry saved with a new picture was
    // previewed with the picture's path as text (LocalImageUsedWrongly) until the editor restarted.
    await page.goto(`${editor.origin}/__editor/?view=edit&collection=officers&id=test-officer`);
    await page.getByRole('heading', { name: '编辑人物：测试民警' }).waitFor();
    // The body has text already: the clerk is asked before it is replaced.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.setInputFiles('[data-path="body"] input[type="file"]', { name: '事迹材料示例.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: readFileSync(SAMPLE_DOCX) });
    const body = page.getByRole('textbox', { name: '事迹' });
    await until(async () => (await body.inputValue()).includes('## 一、基本情况'));
    const imported = await body.inputValue();
    expect(imported).toContain('\n\n![示意头像（非本人照片）](./word-1.jpg)\n\n图1 示意头像（非本人照片）\n\n## 三、所获荣誉\n\n| 时间 | 荣誉 | 授予单位 |');
    // The preview shows what came in, the picture from the upload waiting for 保存.
    const status = field('body').locator('.preview-status');
    await until(async () => (await status.innerText()).includes('已从 事迹材料示例.docx 导入'));
    const preview = page.frameLocator('.body-frame');
    await preview.locator('table').waitFor();
    expect(await preview.locator('h2').allInnerTexts()).toEqual(['一、基本情况', '二、主要事迹', '三、所获荣誉']);
    expect(await preview.locator('td').allInnerTexts()).toEqual(['2020年4月', '见义勇为表彰', '省见义勇为基金会']);
    const waiting = preview.getByRole('img', { name: '示意头像（非本人照片）' });
    await until(() => waiting.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0));
    expect(await status.innerText()).toContain('1 张图片放在正文中原来的位置');
    expect(existsSync(file('content/officers/test-officer-1.jpg'))).toBe(false);
    if (SHOTS) await field('body').screenshot({ path: path.join(SHOTS, 'forms-docx-body-1280.png') });

    expect(await save()).toContain('已保存');
    expect(read('content/officers/test-officer.md')).toContain('\n\n![示意头像（非本人照片）](./test-officer-1.jpg)\n\n图1 示意头像（非本人照片）\n');
    expect((await sharp(file('content/officers/test-officer-1.jpg')).metadata()).exif).toBeUndefined();
    // The body as the site shows it: the dev server re-encodes the picture, sized.
    const site = page.frameLocator('.page-frame');
    // The page existed before, so the preview may show it as it was: until it shows the new body.
    await untilPreviewShows(page, site.getByRole('heading', { name: '三、所获荣誉', level: 2 }));
    const shown = site.getByRole('img', { name: '示意头像（非本人照片）' });
    await until(() => shown.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0));
    expect(await shown.getAttribute('src')).toMatch(/^\/_image\/?\?href=.*test-officer-1\.jpg/);
    expect(await shown.getAttribute('width')).toBeTruthy();
    expect(await site.getByRole('cell', { name: '见义勇为表彰' }).count()).toBe(1);
    expect(await atBothWidths('docx', page.locator('.page-preview'), 240)).toEqual([]);
  }, 120_000);

  it('creates a person: the empty 一句话简介 is reported next to it, nothing is written until it is filled', async () => {
    await page.goto(`${editor.origin}/__editor/?view=new&collection=officers`);
    await page.getByRole('heading', { name: '新建人物' }).waitFor();
    await page.getByRole('textbox', { name: /^姓名/ }).fill('王　祥');
    await page.getByRole('radio', { name: '辅警' }).check();
    // The unit picker finds 测试警务站 by its initials.
    const unit = page.getByRole('combobox', { name: /所在单位/ });
    await unit.fill('csjwz');
    await page.getByRole('option', { name: '测试警务站' }).waitFor();
    await unit.press('Enter');
    expect(await field('unit').locator('.chip').innerText()).toContain('测试警务站');
    await page.getByRole('checkbox', { name: '本人同意公开' }).check();
    const tags = page.getByRole('combobox', { name: '标签' });
    await tags.fill('见义勇为');
    await tags.press('Enter');
    await page.setInputFiles(`[data-path="photo"] input[type="file"]`, { name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: await photoWithGps() });
    await until(async () => (await field('photo').innerText()).includes('已转正、缩小并去除拍摄信息'));
    await page.getByRole('textbox', { name: '照片的文字说明' }).fill('王祥在警务站前执勤');
    // A source dated with the IME in full-width mode: ２０２０.
    await page.getByRole('button', { name: '添加一项资料来源' }).click();
    await page.getByRole('textbox', { name: /^来源标题/ }).fill('泰州日报报道');
    const sourceDate = field('sources[0].date');
    await sourceDate.getByRole('radio', { name: '年', exact: true }).check();
    await sourceDate.getByRole('textbox', { name: '年', exact: true }).fill('２０２０');
    // The body: a toolbar inserts Markdown, 预览 renders it in a frame where nothing runs.
    const body = page.getByRole('textbox', { name: '事迹' });
    await body.fill('他勇救落水群众。');
    await body.selectText();
    await page.getByRole('button', { name: '加粗' }).click();
    expect(await body.inputValue()).toBe('**他勇救落水群众。**');
    await page.getByRole('button', { name: '预览', exact: true }).click();
    expect(await page.frameLocator('.body-frame').locator('strong').innerText()).toBe('他勇救落水群众。');
    // Sandboxed: nothing in the body may run, send a form or open a window.
    expect((await page.locator('.body-frame').getAttribute('sandbox'))?.split(/\s+/)).toEqual(['allow-same-origin']);

    expect(await save()).toContain('没有保存');
    const summary = page.getByRole('textbox', { name: /^一句话简介/ });
    expect(await problemsOf(field("summary"))).toMatch(/还没有填写“一句话简介”[\s\S]*怎么改：请填写“一句话简介”/);
    expect(await summary.getAttribute('aria-invalid')).toBe('true');
    expect(await description(summary)).toContain('一句话简介');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-path]')?.getAttribute('data-path'))).toBe('summary');
    expect(await page.getByRole('alert').innerText()).toContain('没有保存');
    expect(existsSync(file('content/officers/wang-xiang.md'))).toBe(false);
    expect(await atBothWidths('problem', field('summary'))).toEqual([]);

    await summary.fill('测试辅警，见义勇为。');
    expect(await save()).toContain('已保存');
    expect(new URL(page.url()).search).toBe('?view=edit&collection=officers&id=wang-xiang');
    const written = read('content/officers/wang-xiang.md');
    for (const line of ['name: 王　祥', 'role: auxiliary', 'unit: test-station', 'summary: 测试辅警，见义勇为。', 'photo: wang-xiang.jpg', 'photoAlt: 王祥在警务站前执勤', '  - 见义勇为', 'consent: true', '    date: 2020', '**他勇救落水群众。**']) {
      expect(written).toContain(line);
    }
    // The photo went through the intake: no EXIF (no GPS) left.
    expect((await sharp(file('content/officers/wang-xiang.jpg')).metadata()).exif).toBeUndefined();
    expect(await summary.getAttribute('aria-invalid')).toBeNull();
    // The page as the site shows it, once the dev server has picked the new file up.
    await untilPreviewShows(page, page.frameLocator('.page-frame').getByRole('heading', { name: '王　祥', level: 1 }));
    // 已保存 and the page under it.
    expect(await atBothWidths('saved', page.locator('.page-preview'), 240)).toEqual([]);
  });

  it('edits an honour: an impossible date and a person removed meanwhile are shown next to their fields, then fixed', async () => {
    await page.goto(`${editor.origin}/__editor/?view=edit&collection=honors&id=test-honor`);
    await page.getByRole('heading', { name: '编辑荣誉：测试荣誉' }).waitFor();
    const recipients = field('recipients.officers');
    await page.getByRole('combobox', { name: /获奖人物/ }).fill('wx');
    await page.getByRole('option', { name: /^王\s祥/ }).click();
    const date = field('date');
    const month = date.getByRole('textbox', { name: '月', exact: true });
    await month.fill('13');

    // Meanwhile, in another window, the new person is taken back with 撤销: the list says so.
    const other = await context.newPage();
    await other.goto(`${editor.origin}/__editor/?view=edit&collection=officers&id=wang-xiang`);
    await other.getByRole('button', { name: '撤销上一次保存' }).click();
    await other.getByRole('button', { name: '确定撤销' }).click();
    await other.waitForURL((url) => !url.search.includes('view='));
    expect(await other.locator('.done').innerText()).toContain('已撤销');
    await other.close();
    expect(existsSync(file('content/officers/wang-xiang.md'))).toBe(false);
    expect(existsSync(file('content/officers/wang-xiang.jpg'))).toBe(false);

    expect(await save()).toContain('没有保存');
    expect(await problemsOf(date)).toContain('月份 13 不存在');
    expect(await month.getAttribute('aria-invalid')).toBe('true');
    expect(await problemsOf(recipients)).toContain('wang-xiang');
    expect(await recipients.locator('.chip').nth(1).getAttribute('class')).toContain('chip-problem');
    expect(await description(page.getByRole('combobox', { name: /获奖人物/ }))).toContain('wang-xiang');
    expect(read(HONOR_FILE)).toBe(honor);

    await recipients.getByRole('button', { name: /移除 王\s祥/ }).click();
    await date.getByRole('radio', { name: '年月日' }).check();
    await month.fill('６');
    await date.getByRole('textbox', { name: '日', exact: true }).fill('18');
    expect(await save()).toContain('已保存');
    // Quoted or not, as the file writer keeps a full date a string.
    expect(read(HONOR_FILE)).toMatch(/^date: "?2020-06-18"?$/m);
    expect(read(HONOR_FILE)).not.toContain('wang-xiang');
    expect(await page.locator('.field.has-problem').count()).toBe(0);
  });

  it('撤销 puts the honour back as it was', async () => {
    await page.getByRole('button', { name: '撤销上一次保存' }).click();
    await page.getByRole('button', { name: '确定撤销' }).click();
    await until(async () => (await page.locator('.save-status').innerText()).includes('已撤销'));
    expect(read(HONOR_FILE)).toBe(honor);
    expect(await page.locator('.history-list li').allInnerTexts()).toEqual([expect.stringContaining('撤销'), expect.stringContaining('修改了荣誉“测试荣誉”')]);
    expect(await field('date').getByRole('textbox', { name: '月', exact: true }).inputValue()).toBe('04');
  });

  it('sent no request beyond this PC', () => {
    expect(foreign).toEqual([]);
  });
});
