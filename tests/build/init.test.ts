/**
 * `npm run init` as a 派出所's clerk runs it, on a temporary site folder (HONOR_ROLL_SITE): the new
 * site passes `npm run check` and builds at once, with a home page that names the unit and empty
 * states that tell the public nothing about commands; a second init keeps the first site in a
 * backup folder; `--sample` brings the shipped sample back byte for byte; the prompts take
 * answers typed in a terminal (here through a pipe), asking again after a wrong one.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { KIND_LABEL_FIELD, OTHER_KIND, QUESTIONS, UNIT_KIND_CHOICES, type AnswerKey } from '../../src/lib/authoring/init-answers';
import { isShippedSample } from '../../src/lib/authoring/init-site';
import { comingSoon, emptyState } from '../../src/lib/empty-states';
import { allHtml, buildSite, listOutput, PROJECT_ROOT, readPage, runScript, runScriptInProcess, type BuildResult } from './harness';
import { htmlProblems } from './html-validate';
import { findBrokenLinks } from './link-check';

const SAMPLE = path.join(PROJECT_ROOT, 'examples', 'hailing-xuntejing');
const NAME = '泰州市公安局海陵分局东湖派出所';

/**
 * How a 派出所 is written with the schema of the day: its own kind where there is one, else 其他
 * with 派出所 as the unit's own word for it (kindLabel), else plain 其他.
 */
const STATION_KIND = Object.entries(UNIT_KIND_CHOICES).find(([, label]) => label === '派出所')?.[0];
const KIND_OPTION = STATION_KIND || KIND_LABEL_FIELD ? '派出所' : OTHER_KIND;
const EXPECTED_KIND = STATION_KIND ? { kind: STATION_KIND } : KIND_LABEL_FIELD ? { kind: OTHER_KIND, [KIND_LABEL_FIELD.key]: '派出所' } : { kind: OTHER_KIND };

const emptySite = () => mkdtempSync(path.join(os.tmpdir(), 'honor-roll-init-'));

/**
 * Runs a command on `site`. With `answers` (typed into its prompts), as its own process, as the
 * clerk starts it; otherwise in this process (runScriptInProcess), skipping its start-up.
 */
async function run(script: string, args: string[], site: string, answers?: string) {
  const env = { HONOR_ROLL_SITE: site, HONOR_ROLL_NOW: '2026-06-01T12:00:00+08:00', NO_COLOR: '1', ...(answers === undefined ? {} : { HONOR_ROLL_INTERACTIVE: '1' }) };
  const result = answers === undefined ? await runScriptInProcess(script, args, { env }) : await runScript(script, args, { input: answers, env });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const init = (site: string, ...args: string[]) => run('init.ts', args, site);
const check = (site: string) => run('check.ts', [], site);

/** Every file under a folder, relative, with its bytes. */
const snapshot = (dir: string) => Object.fromEntries(listOutput(dir).map((file) => [file, readFileSync(path.join(dir, file)).toString('base64')]));

/** The lines typed at the prompts: each question's answers in the order asked, then the confirmation. */
function typedLines(answers: Partial<Record<AnswerKey, string[]>>, kind: string, confirm: string): string[] {
  const asked = QUESTIONS.filter((q) => q.key !== 'kindLabel' || (kind === OTHER_KIND && answers.kindLabel));
  return [...asked.flatMap((q) => answers[q.key] ?? ['']), confirm];
}

const frontmatter = (file: string) => parseYaml(readFileSync(file, 'utf8').split('---')[1]!) as Record<string, unknown>;

describe('npm run init with options, for a 派出所', () => {
  const site = emptySite();
  let created: Awaited<ReturnType<typeof init>>;
  let build: BuildResult;

  beforeAll(async () => {
    created = await init(site, '--yes', '--name', NAME, '--kind', KIND_OPTION, '--theme-color', '#b22222', '--url', 'https://www.example.gov.cn/rongyu/', '--organizer', '泰州市公安局海陵分局', '--phone', '０５２３－８６８８１２３４', '--icp', '苏ICP备12345678号', '--site-code', '3212000001');
    build = await buildSite(site, { outDir: path.join(emptySite(), 'dist'), env: {} });
  });

  it('writes the config and the site’s own unit, with the other collection folders empty', () => {
    expect(created.status, created.output).toBe(0);
    const unitFile = path.join(site, 'content', 'units', 'dong-hu-pai-chu-suo.md');
    expect(created.output).toContain(`✔ 已建立“${NAME}”的网站。`);
    expect(created.output).toContain('本站单位：');
    expect(frontmatter(unitFile)).toEqual({ name: NAME, shortName: '东湖派出所', ...EXPECTED_KIND });
    const config = parseYaml(readFileSync(path.join(site, 'site.config.yaml'), 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({
      title: '东湖派出所荣誉榜',
      url: 'https://www.example.gov.cn',
      base: '/rongyu/',
      themeColor: '#b22222',
      organizer: '泰州市公安局海陵分局',
      contact: { phone: '0523-86881234' },
      filing: { icp: '苏ICP备12345678号', siteCode: '3212000001' },
    });
    for (const folder of ['officers', 'honors', 'letters', 'stats', 'activities']) expect(readdirSync(path.join(site, 'content', folder))).toEqual([]);
  });

  it('passes npm run check', async () => {
    const checked = await check(site);
    expect(checked.status, checked.output).toBe(0);
    // Only the reminder of the footer items it gives no value for yet (公安机关备案号 …).
    expect(checked.output).toContain('内容检查发现 1 个提醒，涉及 1 个文件：');
    expect(checked.output).toContain('公开网站的页脚还缺少 2 项政府网站应当显示的信息：公安机关备案号、党政机关网站标识');
  });

  it('builds at once, the home page naming the unit and saying its content is on its way', () => {
    expect(build.status, build.output).toBe(0);
    const home = readPage(build.outDir, '/');
    expect(home.querySelector('h1')!.text).toBe(NAME);
    expect(home.querySelector('main .notice')!.text).toBe(comingSoon());
    // The footer says who runs the site and how to reach the unit, as answered.
    expect(home.querySelector('footer.site-footer')!.text).toMatch(/主办单位：泰州市公安局海陵分局[\s\S]*0523-86881234/);
    // No section heading over nothing, no 组织机构 listing the unit itself, no link to an empty introduction.
    expect(home.querySelectorAll('main h2').map((h) => h.text)).toEqual(['分享本页']);
    expect(home.querySelector('main a.more')).toBeNull();
  });

  it('shows a neutral empty state on every list, and tells the public nothing about commands or the editor', () => {
    for (const [page, topic] of [['officers', 'officers'], ['honors', 'honors'], ['letters', 'letters'], ['stats', 'stats'], ['activities', 'activities'], ['activities/schedule', 'schedule']] as const) {
      expect(readPage(build.outDir, page).querySelector('main .notice')?.text, page).toBe(emptyState(topic).public);
    }
    expect(readPage(build.outDir, 'poster').text).toContain('扫码访问东湖派出所荣誉榜');
    expect(readPage(build.outDir, 'units/dong-hu-pai-chu-suo').querySelector('#about')).toBeNull();
    // The build inherits vitest's NODE_ENV=test, under which import.meta.env.DEV is true: the clerk's note must still stay out.
    const html = allHtml(build.outDir);
    expect(html).not.toMatch(/npm run|编辑台|编辑提示|共 0 /);
  });

  it('has no broken link and no html-validate error on a site of empty lists', async () => {
    expect(findBrokenLinks(build.outDir, { base: '/rongyu/' })).toEqual([]);
    expect(await htmlProblems(build.outDir)).toEqual([]);
  });
});

describe('npm run init never destroys a site', () => {
  it('removes only the shipped sample, moves a site of its own into backup/, and brings the sample back byte for byte', async () => {
    const site = emptySite();
    cpSync(SAMPLE, site, { recursive: true });

    const first = await init(site, '--yes', '--name', NAME);
    expect(first.status, first.output).toBe(0);
    expect(first.output).toContain('示例内容已移除；它保存在 examples/hailing-xuntejing/ 中，需要时运行 npm run init -- --sample 恢复。');
    expect(existsSync(path.join(site, 'backup'))).toBe(false);
    const firstSite = { content: snapshot(path.join(site, 'content')), config: readFileSync(path.join(site, 'site.config.yaml'), 'utf8') };

    const second = await init(site, '--yes', '--name', '海陵区消防救援大队');
    expect(second.status, second.output).toBe(0);
    const kept = path.join(site, 'backup', '2026-06-01-120000');
    expect(second.output).toContain(`原来的内容没有删除，已移到 ${kept}/（其中的 content 文件夹和 site.config.yaml），需要时可以从那里找回。`);
    expect(snapshot(path.join(kept, 'content'))).toEqual(firstSite.content);
    expect(readFileSync(path.join(kept, 'site.config.yaml'), 'utf8')).toBe(firstSite.config);
    expect(readdirSync(path.join(site, 'content', 'units'))).toEqual(['xiao-fang-jiu-yuan-da-dui.md']);

    const back = await init(site, '--sample');
    expect(back.status, back.output).toBe(0);
    expect(isShippedSample({ siteDir: site, contentDir: path.join(site, 'content'), configFile: path.join(site, 'site.config.yaml'), sampleDir: SAMPLE })).toBe(true);
    // Both earlier sites are still there.
    expect(readdirSync(path.join(site, 'backup')).sort()).toEqual(['2026-06-01-120000', '2026-06-01-120000-2']);
    expect(readdirSync(path.join(site, 'backup', '2026-06-01-120000-2', 'content', 'units'))).toEqual(['xiao-fang-jiu-yuan-da-dui.md']);

    const again = await init(site, '--sample');
    expect(again.output).toContain('现在的内容就是示例内容，没有改动。');
  });

  it('changes nothing when an answer is wrong, and says which option and how to fix it', async () => {
    const site = emptySite();
    cpSync(SAMPLE, site, { recursive: true });
    const refused = await init(site, '--yes', '--name', NAME, '--theme-color', 'red');
    expect(refused.status).toBe(1);
    expect(refused.output).toContain('✖ --theme-color red：themeColor（主题色）：应为 # 加 6 位十六进制颜色，如 #1f4e9c');
    expect(refused.output).toContain('怎么改：页眉和链接的颜色：公安蓝、党建红、消防红、素雅灰，或 # 加 6 位十六进制，如 #b22222');
    // A mobile number as the unit's phone is no mistake, but is asked about: the site is made, and the note says what to do.
    const mobile = await init(emptySite(), '--yes', '--name', NAME, '--phone', '139 1234 5678');
    expect(mobile.status, mobile.output).toBe(0);
    expect(mobile.output).toContain('联系电话中有手机号码（139 **** 5678），页脚会在每一页公开它');
    expect(mobile.output).toContain('privacy.allow');
    const unnamed = await init(site, '--yes');
    expect(unnamed.status).toBe(1);
    expect(unnamed.output).toContain('✖ 缺少 --name：单位全称必须填写');
    expect(isShippedSample({ siteDir: site, contentDir: path.join(site, 'content'), configFile: path.join(site, 'site.config.yaml'), sampleDir: SAMPLE })).toBe(true);
  });
});

describe('npm run init in a terminal', () => {
  it('asks one question at a time, asks again after a wrong answer, and keeps the defaults on Enter', async () => {
    const site = emptySite();
    // Typed in a Chinese IME on Windows: CRLF line ends, a full-width colour, a no-break space.
    const typed = typedLines(
      { name: ['', NAME], kind: [KIND_OPTION], kindLabel: STATION_KIND ? [] : [''], themeColor: ['红色', '＃Ｂ２２２２２'], psb: ['\u00a0苏公网安备 32120202000123号'] },
      EXPECTED_KIND.kind,
      '',
    );
    const asked = await run('init.ts', [], site, `${typed.join('\r\n')}\r\n`);
    expect(asked.status, asked.output).toBe(0);
    expect(asked.output).toContain('单位全称（必填），如 ');
    expect(asked.output).toContain('✖ 单位全称必须填写');
    expect(asked.output).toContain('简称，用在列表和导航中，如 东进警务站（直接回车：采用 东湖派出所）：');
    expect(asked.output).toContain('✖ themeColor（主题色）：应为 # 加 6 位十六进制颜色，如 #1f4e9c\n  怎么改：页眉和链接的颜色：公安蓝、党建红、消防红、素雅灰，或 # 加 6 位十六进制，如 #b22222。请重新输入。');
    expect(asked.output).toContain('确认建立？（输入 n 取消）（直接回车：确认）：');
    const config = parseYaml(readFileSync(path.join(site, 'site.config.yaml'), 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({ title: '东湖派出所荣誉榜', themeColor: '#B22222', url: 'https://example.com', base: '/', filing: { psb: '苏公网安备 32120202000123号' } });
    expect(frontmatter(path.join(site, 'content', 'units', 'dong-hu-pai-chu-suo.md'))).toMatchObject(EXPECTED_KIND);
    expect(asked.output).toContain('发布前把');
    const checked = await check(site);
    expect(checked.status, checked.output).toBe(0);
  });

  it('writes nothing when the clerk answers n at the end', async () => {
    const site = emptySite();
    const typed = typedLines({ name: [], kind: [], kindLabel: [''] }, OTHER_KIND, 'n');
    const asked = await run('init.ts', ['--name', NAME, '--kind', OTHER_KIND], site, `${typed.join('\n')}\n`);
    expect(asked.output).toContain('已取消，什么也没有改动。');
    expect(readdirSync(site).filter((f) => f !== '.honor-roll')).toEqual([]);
  });
});
