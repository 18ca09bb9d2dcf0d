/**
 * `npm run build` as a clerk reads it, on real builds of the publishing fixture under a sub-path:
 * a short Chinese summary and nothing a clerk cannot act on; Astro's own log with `--verbose`;
 * after an edit, a rebuild from the cached content store without Astro's false `Duplicate id`
 * warning and without the entries whose files were deleted; with nothing changed, that the site is
 * up to date, and a build again when the time lifts an embargo; on a failure, only the Chinese report.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listReleases } from '../../src/lib/releases';
import { describeRelease } from '../../src/lib/rollback';
import { fingerprint } from '../unit/helpers/fingerprint';
import { listOutput, npmRunBuild, prepareFixture, readPage, type BuildResult } from './harness';

const CONFIG = 'title: 测试单位荣誉榜\nurl: https://fixture.example\nbase: /rongyu/\n';

let siteDir: string;
let outDir: string;
let first: BuildResult;
let rebuilt: BuildResult;

/** What the command printed, without npm's own `> honor-roll@… build` heading. */
function printed(build: BuildResult): string[] {
  return build.output
    .split('\n')
    .filter((line) => !line.startsWith('> '))
    .join('\n')
    .trim()
    .split('\n');
}

beforeAll(async () => {
  // A file the check only warns about: the summary ends with the check's reminders.
  ({ siteDir, outDir } = prepareFixture('publishing', { 'site.config.yaml': CONFIG, 'content/honors/notes.txt': '备忘' }));
  first = await npmRunBuild(siteDir, { outDir });

  // Between two builds sharing a cache: one entry edited, every activity deleted, the letters folder gone.
  const officer = path.join(siteDir, 'content', 'officers', 'test-officer.md');
  writeFileSync(officer, readFileSync(officer, 'utf8').replace('summary: 测试用人物。', 'summary: 测试用人物，已修改。'));
  for (const file of ['test-activity', 'hosted-by-no-consent', 'canary-activity-cascade', 'canary-internal-activity']) rmSync(path.join(siteDir, 'content', 'activities', `${file}.md`));
  rmSync(path.join(siteDir, 'content', 'letters'), { recursive: true });
  rebuilt = await npmRunBuild(siteDir, { outDir, args: ['--verbose'] });
});

describe('npm run build', () => {
  it('starts with what was built, what was left out and why, where the site is and how long it took', () => {
    expect(first.status, first.output).toBe(0);
    const lines = printed(first);
    expect(lines[0]).toMatch(/^网站已生成：32 个页面，用时 (不到 1 秒|\d+ 秒|\d+ 分(钟| \d+ 秒))。$/);
    expect(lines.slice(1, 9)).toEqual([
      `网站文件夹：${outDir}`,
      '公开 10 个条目：单位 2、人物 1、荣誉 3、感谢信 1、数据 1、活动 2。',
      '不公开 12 个条目：未同意公开 1 人、草稿 1 人、未到发布时间 1 条、内部 3 条、所依附的条目未公开 6 条。',
      '  未同意公开：人物“未同意人物CANARYNOCONSENT”',
      '  草稿：人物“草稿人物CANARYDRAFT”',
      '  未到发布时间：荣誉“未到发布时间的荣誉CANARYEMBARGO”',
      expect.stringMatching(/^ {2}内部：单位“内部单位CANARYINTERNALUNIT”、感谢信“.+”、活动“内部活动CANARYACTIVITY”$/),
      expect.stringMatching(/^ {2}所依附的条目未公开：(.+“.+”、){4}.+“.+” 等 6 条$/),
    ]);
    expect(lines).toContain('内容检查有 2 个提醒，不影响这次生成，见下方。');
    expect(lines).toContain(`${path.join(siteDir, 'content', 'honors', 'notes.txt')}`);
  });

  it('reminds a public site without its footer items, once, of all six and where they are filled in', () => {
    const lines = printed(first);
    const config = path.join(siteDir, 'site.config.yaml');
    const at = lines.indexOf(config);
    expect(at, first.output).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 4)).toEqual([
      '  ⚠ 提醒：公开网站的页脚还缺少 6 项政府网站应当显示的信息：主办单位、联系方式、ICP 备案号、公安机关备案号、网站标识码、党政机关网站标识',
      `    怎么改：取得后在 ${config} 中填写（没有的先不填，填了的才会显示）：`,
      '      主办单位：organizer',
    ]);
    expect(lines.filter((line) => line.includes('[gov-footer]'))).toHaveLength(1);
  });

  it('says, under a sub-path, what robots.txt the domain root needs and where the sitemap is', () => {
    const lines = printed(first);
    const at = lines.indexOf('网站放在子路径 /rongyu/ 下，而搜索引擎只读取域名根目录的 https://fixture.example/robots.txt，不会读取网站自己的 /rongyu/robots.txt。');
    expect(at, first.output).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 4)).toEqual([
      '请管理这个域名的技术人员在 https://fixture.example/robots.txt 中写上网站地图的地址：',
      '  已有这个文件：在文件末尾加上一行',
      '    Sitemap: https://fixture.example/rongyu/sitemap-index.xml',
    ]);
    // The content to give the domain root is the site's own robots.txt, line for line.
    const robots = readFileSync(path.join(outDir, 'robots.txt'), 'utf8').trimEnd().split('\n');
    expect(lines.slice(at + 5, at + 5 + robots.length)).toEqual(robots.map((line) => (line ? `    ${line}` : '')));
    expect(robots).toContain('Sitemap: https://fixture.example/rongyu/sitemap-index.xml');
  });

  it('prints nothing else: no Astro log, no English line but the robots.txt to copy', () => {
    const lines = printed(first);
    expect(first.output).not.toMatch(/\[(build|vite|content|types|WARN|ERROR|honor-roll[:\w-]*)\]|Duplicate id|does not exist|Complete!/);
    const english = lines.filter((line) => line.trim() !== '' && !/\p{Script=Han}/u.test(line));
    // The robots.txt lines to copy, and the reminders' files with their codes, as npm run check names them.
    const toCopy = /^ {4}(User-agent: \*|Allow: \/|Sitemap: https:\/\/fixture\.example\/rongyu\/sitemap-index\.xml)$/;
    const reminderFile = /^( {4}\[(file-ignored|gov-footer)\] )?\S+\/(content\/honors\/notes\.txt|site\.config\.yaml)$/;
    expect(english.filter((line) => !toCopy.test(line) && !reminderFile.test(line))).toEqual([]);
    expect(english.filter((line) => toCopy.test(line))).toHaveLength(4);
  });
});

describe('npm run build -- --verbose, after an edit', () => {
  it('prints Astro’s own log, with the summary at its end', () => {
    expect(rebuilt.status, rebuilt.output).toBe(0);
    for (const line of ['[content] Synced content', 'generating static routes', '[honor-roll:privacy-guard] 隐私检查通过', '[build] Complete!']) expect(rebuilt.output).toContain(line);
    expect(rebuilt.output).toMatch(/\[honor-roll:summary\] 网站已生成：\d+ 个页面/);
    expect(rebuilt.output).toContain('[honor-roll:summary] 公开 7 个条目：单位 2、人物 1、荣誉 3、数据 1。');
    expect(rebuilt.output).toContain('[honor-roll:summary] 上一个版本已保留（共 1 个旧版本，最多 5 个）：需要时运行 npm run rollback 回到上一个版本。');
  });

  it('reads the edited entry again from the cached store without a Duplicate id warning', () => {
    expect(rebuilt.output).not.toContain('Duplicate id');
    expect(readPage(outDir, 'officers/test-officer').querySelector('meta[name="description"]')?.getAttribute('content')).toContain('已修改');
  });

  it('leaves out the deleted entries, and says nothing about an empty or missing folder', () => {
    const files = listOutput(outDir);
    expect(files.filter((f) => /^(activities|letters)\/[\w-]+\/index\.html$/.test(f) && !f.includes('schedule'))).toEqual([]);
    expect(rebuilt.output).not.toMatch(/does not exist|No files found|is empty/);
  });
});

describe('npm run build, nothing changed', () => {
  it('says the site is up to date and leaves it byte for byte; builds again once the time lifts an embargo', async () => {
    const { live, kept } = listReleases(outDir);
    const before = fingerprint(outDir);
    const same = await npmRunBuild(siteDir, { outDir });
    expect(same.status, same.output).toBe(0);
    const lines = printed(same);
    expect(lines[0]).toMatch(/^网站已是最新：内容、设置和程序都和正在使用的网站一样，没有重新生成（用时 (不到 1 秒|\d+ 秒)）。$/);
    expect(lines.slice(1, 4)).toEqual([`正在使用：${describeRelease(live!)}`, `网站文件夹：${outDir}`, '需要重新生成时，运行 npm run build -- --force。']);
    // The check ran, and its reminders are still said.
    expect(lines).toContain('内容检查有 2 个提醒，不影响这次生成，见下方。');
    expect(fingerprint(outDir)).toEqual(before);
    expect(listReleases(outDir)).toMatchObject({ live, kept });

    // A night later the embargoed honour is due: the same files, another site.
    const due = await npmRunBuild(siteDir, { outDir, env: { HONOR_ROLL_NOW: '2026-07-01T00:00:00+08:00' } });
    expect(due.status, due.output).toBe(0);
    expect(printed(due)[0]).toMatch(/^网站已生成：/);
    expect(listOutput(outDir)).toContain('honors/canary-embargoed/index.html');
  });
});

describe('npm run build, failing', () => {
  it('prints only the Chinese report, naming file, line, field and fix, and that the live site is unchanged', async () => {
    const live = readFileSync(path.join(outDir, 'index.html'));
    writeFileSync(path.join(siteDir, 'content', 'honors', 'test-honor.md'), readFileSync(path.join(siteDir, 'content', 'honors', 'test-honor.md'), 'utf8').replace(/^title: .*$/m, 'title: 123'));
    const failed = await npmRunBuild(siteDir, { outDir });
    expect(failed.status).toBe(1);
    const lines = printed(failed);
    expect(lines[0]).toMatch(/^内容有 \d+ 个错误，未生成网站。$/);
    expect(lines).toContain(path.join(siteDir, 'content', 'honors', 'test-honor.md'));
    expect(lines.some((line) => /^ {2}✖ 错误（第 \d+ 行，字段 title）/.test(line))).toBe(true);
    expect(lines.some((line) => line.startsWith('    怎么改：'))).toBe(true);
    expect(lines.at(-1)).toBe('网站没有更新：正在使用的网站保持不变。改好以上问题后重新运行 npm run build。');
    expect(failed.output).not.toMatch(/\[ERROR\]|unhandled error|AstroUserError|hook|\[[a-z-]+\] \//);
    expect(readFileSync(path.join(outDir, 'index.html'))).toEqual(live);
  });
});
