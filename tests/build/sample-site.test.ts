/**
 * The built-in sample unit builds cleanly and every public sample entry gets its page, with the
 * relations and Chinese formatting the pages promise.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PAGE_COLLECTIONS } from '../../src/schemas/index';
import { buildSample, listOutput, readPage, SAMPLE_SITE, type BuildResult } from './harness';
import { htmlProblems } from './html-validate';
import { findBrokenLinks } from './link-check';

let build: BuildResult;

beforeAll(async () => {
  build = await buildSample();
});

/** Sample entry ids per collection, read from the files themselves. */
function sampleIds(collection: string): string[] {
  return readdirSync(path.join(SAMPLE_SITE, 'content', collection))
    .filter((f) => /\.(md|mdx|ya?ml)$/.test(f))
    .map((f) => f.replace(/\.[^.]+$/, ''));
}

describe('the sample unit', () => {
  // The sample invents no filing numbers (its facts come from the source article): the one
  // reminder is the footer's, as a unit that has not filled them in yet sees it.
  it('builds without errors, its only reminder the government-site footer items it lacks', () => {
    expect(build.status, build.output).toBe(0);
    expect(build.output).toContain('内容检查发现 1 个提醒，涉及 1 个文件：');
    expect(build.output).toContain('公开网站的页脚还缺少 6 项政府网站应当显示的信息');
    expect(build.output).toMatch(/\[gov-footer\] \S*site\.config\.yaml/);
    expect(build.output).not.toMatch(/\[WARN\]/);
  });

  it.each(PAGE_COLLECTIONS)('has an index page and a page for every %s entry', (collection) => {
    const files = listOutput(build.outDir);
    expect(files).toContain(`${collection}/index.html`);
    const ids = sampleIds(collection);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(files).toContain(`${collection}/${id}/index.html`);
  });

  it('shows figures the Chinese way, as the source states them', () => {
    const stats = readPage(build.outDir, 'stats/2020-gongzuo-shuju').text;
    expect(stats).toContain('9.5万余人次');
    expect(stats).toContain('6万余辆次');
    expect(stats).toContain('386起');
    expect(stats).toContain('2100余人次');
  });

  it('lists undated honours under 日期未注明 and dated ones under their year', () => {
    const page = readPage(build.outDir, 'honors');
    const headings = page.querySelectorAll('.year-heading').map((h) => h.text.trim());
    expect(headings).toEqual(['2020年', '日期未注明']);
    expect(page.text).toContain('建国70周年大庆安保先进集体');
  });

  it('links a profile to its honour, and the honour back to the person', () => {
    const profile = readPage(build.outDir, 'officers/wang-xiang');
    expect(profile.querySelector('h1')?.text).toBe('王祥');
    const honorLink = profile.querySelectorAll('a').find((a) => a.getAttribute('href') === '/honors/wang-xiang-jianyiyongwei/');
    expect(honorLink?.text).toBe('见义勇为表彰');
    expect(profile.text).toContain('2020年4月');
    const honor = readPage(build.outDir, 'honors/wang-xiang-jianyiyongwei');
    expect(honor.querySelectorAll('a').some((a) => a.getAttribute('href') === '/officers/wang-xiang/')).toBe(true);
  });

  it('links the letter of thanks to the officer it thanks, and back', () => {
    const profile = readPage(build.outDir, 'officers/zhang-junqiang');
    expect(profile.querySelectorAll('a').some((a) => a.getAttribute('href') === '/letters/zhang-junqiang-ganxiexin/')).toBe(true);
    const letter = readPage(build.outDir, 'letters/zhang-junqiang-ganxiexin');
    expect(letter.text).toContain('2020年6月18日');
  });

  it('shows a station with its members, its collective honour and the study session held there', () => {
    const station = readPage(build.outDir, 'units/dongjin');
    const links = station.querySelectorAll('a').map((a) => a.getAttribute('href'));
    expect(links).toEqual(
      expect.arrayContaining(['/officers/wang-xiang/', '/officers/diao-aiqing/', '/honors/dongjin-jiti-sandenggong/', '/activities/2020-06-29-zhuanti-dangke/']),
    );
  });

  it('serves portraits through the image pipeline with their alt text', () => {
    const img = readPage(build.outDir, 'officers/wang-xiang').querySelector('article img');
    expect(img?.getAttribute('alt')).toBe('示意头像（非本人照片）');
    expect(img?.getAttribute('src')).toMatch(/^\/_astro\/.+\.webp$/);
    expect(img?.getAttribute('width')).toBeTruthy();
    expect(img?.getAttribute('height')).toBeTruthy();
  });

  it('cites the source article on every entry page', () => {
    for (const collection of PAGE_COLLECTIONS) {
      for (const id of sampleIds(collection)) {
        expect(readPage(build.outDir, `${collection}/${id}`).text, `${collection}/${id}`).toContain('“流动党建”锻造红色警队');
      }
    }
  });

  it('every internal link, image and fragment resolves', () => {
    expect(findBrokenLinks(build.outDir, { base: '/' })).toEqual([]);
  });

  it('has no html-validate errors on any page', async () => {
    expect(await htmlProblems(build.outDir)).toEqual([]);
  });

  it('leaves no staging folder behind', () => {
    const siblings = readdirSync(path.dirname(build.outDir));
    expect(siblings.filter((name) => name.includes('staging') || name.includes('previous'))).toEqual([]);
  });
});
