import { describe, expect, it } from 'vitest';
import { builtPageCount, noticeLine, problemLines, progressReader, summaryLines, unchangedBuild, type PublishProgress } from '../../src/lib/publish-log';

// Lines as `astro build` printed them for the publishing fixture (shortened).
const SUCCESS = [
  '07:52:03 [honor-roll] 内容检查：22 个条目（content check, 182 ms）',
  '07:52:04 [content] Syncing content',
  '07:52:04 [build] Collecting build info...',
  '07:52:04 [build] Building static entrypoints...',
  '07:52:12 [vite] ✓ built in 8.23s',
  '',
  ' generating static routes ',
  '07:52:12 ▶ src/pages/404.astro',
  '07:52:12   └─ /404.html (+42ms) ',
  '07:52:13 ▶ src/pages/activities/[id].astro',
  '07:52:13   ├─ /activities/hosted-by-no-consent/index.html (+7ms) ',
  '07:52:13   └─ /activities/test-activity/index.html (+3ms) ',
  '07:52:13 λ src/pages/share/[...card].ts',
  '07:52:13   ├─ /share/site.png/ (+1.69s) ',
  '07:52:16 ✓ Completed in 3.13s.',
  '',
  ' generating optimized images ',
  '07:52:16   ▶ /_astro/test-officer.CL1j4t8K_MYI2b.webp (before: 11kB, after: 2kB) (+39ms) (1/2)',
  '07:52:16   ▶ /_astro/test-officer.CL1j4t8K_1wahC9.webp (before: 11kB, after: 1kB) (+16ms) (2/2)',
  '07:52:16 ✓ Completed in 110ms.',
  '',
  '07:52:16 [@astrojs/sitemap] `sitemap-index.xml` created at `.honor-roll/staging`',
  '07:52:16 [honor-roll:prune-assets] 已删除 2 个未被页面引用的原始文件（removed 2 unreferenced assets, 30 ms）',
  '07:52:16 [honor-roll:search-index] 搜索索引已生成：31 个页面（search index: 31 pages, 93 ms）',
  '07:52:16 [honor-roll:privacy-guard] 隐私检查通过：29 个未公开条目特征、个人信息和图片元数据均未出现在网站中（privacy guard passed, 473 ms）',
  '07:52:16 [honor-roll:content-security-policy] 已为 31 个页面加上内容安全策略（Content-Security-Policy on 31 pages, 26 ms）',
  '07:52:16 [honor-roll:precompress] 已压缩 41 个文件（precompressed 41 files, 19 ms）',
  '07:52:16 [honor-roll:summary] 网站已生成：31 个页面，用时 14 秒。',
  '07:52:16 [honor-roll:summary] 网站文件夹：/tmp/x/dist',
  '07:52:16 [build] 31 page(s) built in 13.94s',
  '07:52:16 [build] Complete!',
];

const CONTENT_ERROR = [
  '07:52:24 [ERROR] [honor-roll] An unhandled error occurred while running the "astro:config:setup" hook',
  '[AstroUserError] 内容有 1 个错误，未生成网站（content has 1 errors; nothing was built）。',
  '',
  '内容检查发现 1 个错误、1 个提醒，涉及 2 个文件：',
  '',
  '/tmp/site/content/honors/test-honor.md',
  '  ✖ 错误（第 4 行，字段 awardedBy）：awardedBy（授予单位） 应为文字，这里写的是数字',
  '    当前值：13912345678',
  '    怎么改：写成文字；含有冒号或 # 时请整体加引号',
  '    [schema] /tmp/site/content/honors/test-honor.md:4',
  '',
  '/tmp/site/content/officers/canary-no-consent.md',
  '  ⚠ 提醒（第 2 行，字段 consent）：没有 consent: true（本人同意公开），这个人物不会出现在公开网站上',
  '    怎么改：取得本人书面同意后，加上一行 consent: true',
  '    [consent-missing] /tmp/site/content/officers/canary-no-consent.md:2',
  '',
  '网站没有更新：上一次成功生成的网站保持不变。修改以上错误后重新运行 npm run build。',
].join('\n');

describe('progressReader', () => {
  it('follows a build through the five steps, counting pages and images as Astro reports them', () => {
    const read = progressReader();
    const seen = SUCCESS.map(read).filter((p): p is PublishProgress => p !== null);
    expect(seen.map((p) => `${p.index}/${p.total} ${p.label}${p.detail ? ` ${p.detail}` : ''}`)).toEqual([
      '1/5 检查内容 内容检查通过',
      '2/5 生成页面 准备',
      '2/5 生成页面 准备',
      '2/5 生成页面',
      '2/5 生成页面 已生成 1 个页面',
      '2/5 生成页面 已生成 2 个页面',
      '2/5 生成页面 已生成 3 个页面',
      '2/5 生成页面 处理图片',
      '2/5 生成页面 处理图片 1/2',
      '2/5 生成页面 处理图片 2/2',
      '3/5 建立搜索索引',
      '3/5 建立搜索索引',
      '3/5 建立搜索索引',
      '4/5 隐私检查',
      '5/5 替换网站',
      '5/5 替换网站 完成',
    ]);
  });

  it('passes over a step whose line a build does not print, and never goes back', () => {
    const read = progressReader();
    expect(read('[honor-roll:search-index] 搜索索引已生成：3 个页面（search index: 3 pages, 9 ms）')).toMatchObject({ step: 'privacy' });
    expect(read('  └─ /404.html (+42ms) ')).toBeNull();
    expect(read('[build] Collecting build info...')).toBeNull();
  });

  it('says when it waits for another build to finish', () => {
    expect(progressReader()('[honor-roll:atomic-output] 另一个生成正在进行（进程 42），等它完成后再开始（waiting for another build）…')).toMatchObject({
      step: 'check',
      detail: '等待另一个发布完成',
    });
  });
});

describe('builtPageCount', () => {
  it('reads the pages Astro says it built', () => {
    expect(builtPageCount(SUCCESS.join('\n'))).toBe(31);
    expect(builtPageCount('[build] Complete!')).toBeNull();
  });
});

describe('summaryLines', () => {
  it('gives the summary the build ended with, without time and label, blank and indented lines kept', () => {
    const log = [
      ...SUCCESS.slice(0, -2),
      '07:52:16 [honor-roll:summary] ',
      '07:52:16 [honor-roll:summary]     Sitemap: https://fixture.example/rongyu/sitemap-index.xml',
      ...SUCCESS.slice(-2),
    ].join('\r\n');
    expect(summaryLines(log)).toEqual(['网站已生成：31 个页面，用时 14 秒。', '网站文件夹：/tmp/x/dist', '', '    Sitemap: https://fixture.example/rongyu/sitemap-index.xml']);
    expect(summaryLines(CONTENT_ERROR)).toEqual([]);
  });
});

describe('noticeLine', () => {
  it('passes on, in Chinese only, that the build waits for another or repaired an interrupted swap', () => {
    expect(noticeLine('07:52:03 [honor-roll:atomic-output] 另一个生成正在进行（进程 42），等它完成后再开始（waiting for another build）…')).toBe('另一个生成正在进行（进程 42），等它完成后再开始…');
    expect(noticeLine('07:52:03 [WARN] [honor-roll:atomic-output] 上次生成或回退在替换网站时被中断，已恢复原来的网站：D:\\荣誉榜\\dist')).toBe('上次生成或回退在替换网站时被中断，已恢复原来的网站：D:\\荣誉榜\\dist');
  });

  it('passes on nothing else', () => {
    expect(SUCCESS.map(noticeLine).filter((line) => line !== null)).toEqual([]);
  });
});

describe('problemLines', () => {
  it('gives the content check’s report in Chinese: file, problem, value and fix, without English or codes', () => {
    const lines = problemLines(CONTENT_ERROR);
    // The report as the check printed it, less the English gloss, the codes and the build's own reminder.
    const report = CONTENT_ERROR.split('\n').slice(2, -2).filter((line) => !line.includes('[schema]') && !line.includes('[consent-missing]'));
    expect(lines).toEqual(['内容有 1 个错误，未生成网站。', ...report]);
    expect(lines).toContain('    当前值：13912345678');
    expect(lines).toContain('/tmp/site/content/honors/test-honor.md');
  });

  it('gives the privacy guard’s findings and Astro’s hint as 建议, and stops at a stack trace', () => {
    const log = [
      ...SUCCESS.slice(0, 26),
      '07:54:43 [ERROR] [honor-roll:privacy-guard] An unhandled error occurred while running the "astro:build:done" hook',
      '[AstroUserError] 隐私检查未通过，网站没有更新（privacy guard: 1 findings; nothing was published）：',
      '  ✖ letters/a/index.html：出现了手机号 139****5678',
      '  Hint:',
      '    请从内容中删除上述个人信息。',
      '  Stack trace:',
      '    at guard (D:\\宣传\\荣誉榜\\src\\integrations\\privacy-guard.ts:40:11)',
    ].join('\r\n');
    expect(problemLines(log)).toEqual(['隐私检查未通过，网站没有更新：', '  ✖ letters/a/index.html：出现了手机号 139****5678', '建议：请从内容中删除上述个人信息。']);
  });

  it('keeps a code in brackets that is not an English sentence', () => {
    const log = '[ERROR] [honor-roll:atomic-output] hook\n[AstroUserError] 无法移动文件夹 D:\\site\\dist：其中的文件正被其他程序使用（EBUSY），已重试 8 次。网站没有更新：正在使用的网站保持不变。';
    expect(problemLines(log)).toEqual(['无法移动文件夹 D:\\site\\dist：其中的文件正被其他程序使用（EBUSY），已重试 8 次。网站没有更新：正在使用的网站保持不变。']);
  });

  it('passes on an English-only failure for a technician, and says so when a build just stopped', () => {
    expect(problemLines('[ERROR] [vite] ✗ Build failed in 1.20s\n[MDXError] Could not parse expression with acorn')).toEqual([
      '生成网站时程序出错：[MDXError] Could not parse expression with acorn。请把完整的日志发给技术人员。',
    ]);
    expect(problemLines(SUCCESS.slice(0, 12).join('\n'))[0]).toMatch(/^生成网站中途停止了/);
  });
});

describe('a build that found nothing changed', () => {
  const UNCHANGED_LOG = [
    '07:52:03 [honor-roll] 内容检查：22 个条目（content check, 182 ms）',
    '07:52:03 [honor-roll:summary] 网站已是最新：内容、设置和程序都和正在使用的网站一样，没有重新生成（用时 2 秒）。',
    '07:52:03 [honor-roll:summary] 正在使用：2026年6月1日 12:00 发布（npm run build，31 个页面）',
  ];

  it('goes from the check straight to done, and is told apart from a build that published', () => {
    const read = progressReader();
    const seen = UNCHANGED_LOG.map(read).filter((p): p is PublishProgress => p !== null);
    expect(seen.map((p) => `${p.index}/${p.total} ${p.detail ?? ''}`)).toEqual(['1/5 内容检查通过', '5/5 网站已是最新']);
    expect(unchangedBuild(UNCHANGED_LOG.join('\r\n'))).toBe(true);
    expect(unchangedBuild(['07:52:03 [honor-roll:summary] 内网版已是最新：…'].join('\n'))).toBe(true);
    expect(unchangedBuild(SUCCESS.join('\n'))).toBe(false);
    // A reminder quoting the words is not the summary's first line.
    expect(unchangedBuild('07:52:03 [honor-roll:summary]   ⚠ 提醒：网站已是最新')).toBe(false);
    expect(summaryLines(UNCHANGED_LOG.join('\n'))[0]).toMatch(/^网站已是最新：/);
  });
});
