/**
 * `npm run new`, `npm run photo` and `npm run check` on temporary copies of the sample content,
 * as a clerk would use them: the new entry is refused until its placeholders are filled, then
 * passes; a photo from a phone arrives upright, small enough and without its GPS position.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { newEntryText } from '../../src/lib/authoring/templates';
import { checkSite } from '../../src/lib/check/check-site';
import { formatReport } from '../../src/lib/check/report';
import { activePublicDir, resolveSitePaths } from '../../src/lib/site-paths';
import { BUILD_ROOT, FIXTURES, runScript, runScriptInProcess, SAMPLE_SITE } from './harness';


/** A fresh copy of the sample unit to work on. */
function sampleCopy(): string {
  const site = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-authoring-'));
  cpSync(SAMPLE_SITE, site, { recursive: true });
  return site;
}

/** A fresh copy of the fictional points fixture, whose config has a study rotation of two stations. */
function rotationCopy(): string {
  const site = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-rotation-'));
  cpSync(path.join(FIXTURES, 'points'), site, { recursive: true });
  return site;
}

/**
 * Runs a command on `site`. With `answers` (typed into its prompts) or `spawn`, as its own process,
 * as the clerk starts it; otherwise in this process (runScriptInProcess), which skips the two
 * seconds each start of a command costs.
 */
async function run(script: string, args: string[], site: string, answers?: string[], env: Record<string, string> = {}, { spawn = false } = {}) {
  const options = { env: { HONOR_ROLL_SITE: site, NO_COLOR: '1', ...(answers ? { HONOR_ROLL_INTERACTIVE: '1' } : {}), ...env } };
  const result = answers || spawn ? await runScript(script, args, { ...options, input: answers ? `${answers.join('\n')}\n` : '' }) : await runScriptInProcess(script, args, options);
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const check = (site: string, ...args: string[]) => run('check.ts', args, site);

/**
 * What `npm run check` decides, without starting it: the problems checkSite finds, and the report
 * the command prints. The command itself runs in the first test of `npm run new` and in the
 * redaction tests; the others only need its verdict (each run costs two seconds of start-up).
 */
async function checkInProcess(site: string): Promise<{ errors: number; output: string }> {
  const paths = resolveSitePaths(BUILD_ROOT, { HONOR_ROLL_SITE: site });
  const { problems } = await checkSite({ root: BUILD_ROOT, contentDir: paths.contentDir, configFile: paths.configFile, publicDir: activePublicDir(paths, path.join(BUILD_ROOT, 'public')), now: new Date() });
  return { errors: problems.filter((p) => p.severity === 'error').length, output: formatReport(problems, { color: false, context: 'check' }) };
}

const frontmatter = (file: string) => parseYaml(readFileSync(file, 'utf8').split('---')[1]!) as Record<string, unknown>;

/** What a clerk does with the placeholders left: each one, brackets inside it included, becomes text. */
const fillPlaceholders = (text: string) => text.replace(/（请填写：(?:[^（）]|（[^（）]*）)*）/g, '已填写');

describe('npm run new', () => {
  it('creates a profile with a pinyin id (surname reading of 单) that check refuses until it is filled', async () => {
    const site = sampleCopy();
    // Both commands themselves, started as the clerk starts them; most other runs are in-process.
    const created = await run('new.ts', ['officer', '单雄信', '--unit', 'dongjin', '--role', '辅警'], site, undefined, {}, { spawn: true });
    expect(created.status, created.output).toBe(0);
    const file = path.join(site, 'content', 'officers', 'shan-xiongxin.md');
    expect(created.output).toContain('已创建');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('role: auxiliary');
    expect(text).toContain('# consent: true');

    const before = await run('check.ts', ['--json'], site, undefined, {}, { spawn: true });
    const problems = JSON.parse(before.output.slice(0, before.output.lastIndexOf('}') + 1)).problems as { code: string; file: string; field?: string }[];
    expect(before.status).toBe(1);
    expect(problems.filter((p) => p.code === 'placeholder').map((p) => p.field)).toEqual(['summary', '正文']);

    writeFileSync(file, text.replace('（请填写：一句话简介）', '测试用简介。').replace('（请填写：事迹）', '测试用正文。'));
    const after = await check(site);
    expect(after.status, after.output).toBe(0);
  });

  it('never overwrites: a second person of the same name gets -2', async () => {
    const site = sampleCopy();
    const created = await run('new.ts', ['officer', '王祥', '--unit', 'dongjin'], site);
    expect(created.status, created.output).toBe(0);
    expect(created.output).toContain('id：wang-xiang-2；wang-xiang 已被占用');
    expect(readFileSync(path.join(site, 'content', 'officers', 'wang-xiang.md'), 'utf8')).toContain('东进警务站辅警');
    expect(existsSync(path.join(site, 'content', 'officers', 'wang-xiang-2.md'))).toBe(true);
  });

  it('makes an id from a rare character it cannot read, and from a compound surname', async () => {
    const site = sampleCopy();
    expect((await run('new.ts', ['officer', '王𠮷', '--unit', 'dongjin'], site)).output).toContain('id：wang');
    expect((await run('new.ts', ['officer', '欧阳修', '--unit', 'dongjin'], site)).output).toContain('id：ouyang-xiu');
  });

  it.each([
    // The ids the import and the editor give the same fields: the year first, a single recipient last.
    ['honor', '个人嘉奖', ['--officer', 'wang-xiang', '--date', '2021-03', '--by', '泰州市公安局'], '2021-ge-ren-jia-jiang-wang-xiang'],
    ['letter', '市民李女士', ['--to', 'zhang-junqiang', '--kind', 'banner', '--date', '2020-07-01', '--summary', '感谢救助'], '2020-shi-min-li-nv-shi-jin-qi'],
    // A long sender is cut at a word, and the letter's kind still ends the id.
    ['letter', '泰州市海陵区城东街道东进社区居民', ['--to', 'zhang-junqiang', '--kind', 'banner', '--date', '2020-07-01', '--summary', '感谢救助'], '2020-tai-zhou-shi-hai-ling-qu-jin-qi'],
    ['activity', '主题党日', ['--unit', 'wentai', '--host', 'diao-aiqing', '--date', '2020-07-06', '--summary', '测试'], '2020-zhu-ti-dang-ri'],
    ['unit', '测试警务站', ['--kind', 'station', '--summary', '测试'], 'ce-shi-jing-wu-zhan'],
    ['unit', '城东派出所', ['--kind', '派出所', '--summary', '测试'], 'cheng-dong-pai-chu-suo'],
  ])('creates a %s entry that passes check once its remaining placeholders are filled', async (kind, name, options, id) => {
    const site = sampleCopy();
    const created = await run('new.ts', [kind, name, ...options], site);
    expect(created.status, created.output).toBe(0);
    const folder = { honor: 'honors', letter: 'letters', activity: 'activities', unit: 'units' }[kind]!;
    const file = path.join(site, 'content', folder, `${id}.md`);
    writeFileSync(file, fillPlaceholders(readFileSync(file, 'utf8')));
    const checked = await checkInProcess(site);
    expect(checked.errors, checked.output).toBe(0);
  });

  it('asks for what is missing when run interactively', async () => {
    const site = sampleCopy();
    // 名称, 所在单位 id, 一句话简介
    const result = await run('new.ts', ['officer'], site, ['刁爱清', 'dongjin', '东进警务站站长。']);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('所在单位 id');
    const text = readFileSync(path.join(site, 'content', 'officers', 'diao-aiqing-2.md'), 'utf8');
    expect(text).toContain('unit: dongjin');
    expect(text).toContain('summary: 东进警务站站长。');
  });

  it('asks for an honour date whose Enter means no date, and the entry passes check undated', async () => {
    const site = sampleCopy();
    // 授予日期 (Enter), 一句话简介 (Enter)
    const result = await run('new.ts', ['honor', '个人嘉奖', '--officer', 'wang-xiang', '--by', '泰州市公安局'], site, ['', '']);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('授予日期（2019、2020-04 或 2020-06-18）（直接回车：不写日期，这项荣誉列在“日期未注明”下）：');
    expect(result.output).toContain('一句话简介（直接回车：不写简介，荣誉的简介是选填）：');
    const file = path.join(site, 'content', 'honors', 'ge-ren-jia-jiang-wang-xiang.md');
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(/^date:/m);
    writeFileSync(file, fillPlaceholders(text));
    const checked = await checkInProcess(site);
    expect(checked.errors, checked.output).toBe(0);
  });

  it('says in every prompt what Enter does, and asks where an activity was held', async () => {
    const site = sampleCopy();
    const officer = await run('new.ts', ['officer'], site, ['李四', '', '']);
    expect(officer.output).toContain('姓名（必填）：');
    expect(officer.output).toContain('所在单位 id（直接回车：先不填，文件中写“（请填写：…）”，稍后要换成实际内容）：');
    expect(officer.output).toContain('一句话简介（直接回车：先不填，文件中写“（请填写：…）”，稍后要换成实际内容）：');
    const activity = await run('new.ts', ['activity', '主题党日'], site, ['wentai', '测试']);
    expect(activity.status, activity.output).toBe(0);
    expect(activity.output).toContain('举办单位 id（活动在哪个单位举办）（直接回车：');
    expect(activity.output).not.toContain('所在单位');
  });

  it('keeps both --officer and --unit of an honour, and --to and --unit of a letter', async () => {
    const site = sampleCopy();
    const honor = await run('new.ts', ['honor', '集体嘉奖', '--officer', 'wang-xiang', '--unit', 'dongjin', '--date', '2021', '--by', '泰州市公安局'], site);
    expect(honor.status, honor.output).toBe(0);
    const honorFile = path.join(site, 'content', 'honors', '2021-ji-ti-jia-jiang-wang-xiang.md');
    expect(frontmatter(honorFile)).toMatchObject({ scope: 'collective', recipients: { officers: ['wang-xiang'], units: ['dongjin'] } });
    const letter = await run('new.ts', ['letter', '市民王先生', '--to', 'zhang-junqiang', '--unit', 'dongjin', '--date', '2020-07', '--summary', '感谢'], site);
    expect(letter.status, letter.output).toBe(0);
    const letterFile = path.join(site, 'content', 'letters', '2020-shi-min-wang-xian-sheng-gan-xie-xin.md');
    expect(frontmatter(letterFile)).toMatchObject({ to: { officers: ['zhang-junqiang'], units: ['dongjin'] } });
    for (const file of [honorFile, letterFile]) writeFileSync(file, fillPlaceholders(readFileSync(file, 'utf8')));
    const checked = await checkInProcess(site);
    expect(checked.errors, checked.output).toBe(0);

    const individual = await run('new.ts', ['honor', '个人嘉奖', '--officer', 'wang-xiang', '--unit', 'dongjin', '--scope', 'individual'], site);
    expect(individual.status).toBe(1);
    expect(individual.output).toContain('✖ --scope individual（个人荣誉）不能有获奖单位 --unit');
  });

  it('refuses an unknown unit with a suggestion, and writes nothing', async () => {
    const site = sampleCopy();
    const result = await run('new.ts', ['officer', '李四', '--unit', 'dongjn'], site);
    expect(result.status).toBe(1);
    expect(result.output).toContain('--unit dongjn：没有这个 id');
    expect(result.output).toContain('是不是 dongjin');
    expect(existsSync(path.join(site, 'content', 'officers', 'li-si.md'))).toBe(false);
  });

  it('refuses an impossible date in Chinese', async () => {
    const result = await run('new.ts', ['honor', '嘉奖', '--date', '2020-02-30', '--officer', 'wang-xiang'], sampleCopy());
    expect(result.status).toBe(1);
    expect(result.output).toContain('2020年2月没有30日');
  });
});

describe('npm run new -- activity --rotate', () => {
  // Monday 2026-06-01; the fixture's latest study is at station-a on 2026-06-15, hosted by officer-jia.
  const now = { HONOR_ROLL_NOW: '2026-06-01T12:00:00+08:00' };

  it('proposes the next station and host after the latest study, on the Monday after it, and creates a valid entry', async () => {
    const site = rotationCopy();
    const created = await run('new.ts', ['activity', '--rotate', '测试学习主题', '--summary', '测试轮值学习。'], site, undefined, now);
    expect(created.status, created.output).toBe(0);
    expect(created.output).toContain('下次学习（按轮值推算）：2026-06-22，地点 station-b，轮值主持 officer-yi');
    const file = readFileSync(path.join(site, 'content', 'activities', '2026-06-22-ce-shi-xue-xi-zhu-ti.md'), 'utf8');
    expect(file).toContain('kind: study\ndate: 2026-06-22\nunit: station-b\nhost: officer-yi\n');
    const checked = await checkInProcess(site);
    expect(checked.errors, checked.output).toBe(0);
  });

  it('lets flags override the proposal, and creates nothing when the prompt is declined', async () => {
    const site = rotationCopy();
    const declined = await run('new.ts', ['activity', '--rotate', '测试'], site, ['n'], now);
    expect(declined.status, declined.output).toBe(0);
    expect(declined.output).toContain('已取消');
    expect(existsSync(path.join(site, 'content', 'activities', '2026-06-22-ce-shi.md'))).toBe(false);
    const moved = await run('new.ts', ['activity', '--rotate', '测试', '--date', '2026-06-23', '--host', 'officer-wu'], site, ['y'], now);
    expect(moved.status, moved.output).toBe(0);
    const file = readFileSync(path.join(site, 'content', 'activities', '2026-06-23-ce-shi.md'), 'utf8');
    expect(file).toContain('date: 2026-06-23\nunit: station-b\nhost: officer-wu\n');
  });
});

describe('npm run photo', () => {
  it('stores a phone photo upright, at most 1600 px and without EXIF or GPS, and fills photo and photoAlt', async () => {
    const site = sampleCopy();
    const source = path.join(site, 'phone.jpg');
    // A 4000×3000 photo taken with the phone on its side (EXIF orientation 6), with a GPS position.
    const photo = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#557799' } })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const withGps = await sharp(photo)
      .withExifMerge({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '32/1 29/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '119/1 54/1 0/1' } })
      .jpeg()
      .toBuffer();
    const input = await sharp(withGps).metadata();
    expect(input.exif).toBeDefined();
    expect(input.orientation).toBe(6);
    writeFileSync(source, withGps);

    // wang-xiang already has a portrait: it is replaced only when asked to.
    // The command itself, started as the clerk starts it.
    const refused = await run('photo.ts', [source, '--for', 'officers/wang-xiang', '--alt', '王祥的工作照'], site, undefined, {}, { spawn: true });
    expect(refused.status).toBe(1);
    expect(refused.output).toContain(`✖ officers/wang-xiang 已经有照片：${site}/content/officers/wang-xiang.png`);
    expect(refused.output).toContain('--replace');
    expect(existsSync(path.join(site, 'content', 'officers', 'wang-xiang.jpg'))).toBe(false);
    const result = await run('photo.ts', [source, '--for', 'officers/wang-xiang', '--alt', '王祥的工作照', '--replace'], site);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain(`替换了 ${site}/content/officers/wang-xiang.png`);
    const stored = path.join(site, 'content', 'officers', 'wang-xiang.jpg');
    const output = await sharp(stored).metadata();
    // Upright: the portrait photo is taller than wide once the orientation is applied.
    expect([output.width, output.height]).toEqual([1200, 1600]);
    expect(output.exif).toBeUndefined();
    expect(output.xmp).toBeUndefined();
    expect(output.iptc).toBeUndefined();
    expect(readFileSync(stored).toString('latin1')).not.toContain('GPS');

    const entry = readFileSync(path.join(site, 'content', 'officers', 'wang-xiang.md'), 'utf8');
    expect(entry).toContain('photo: wang-xiang.jpg');
    expect(entry).toContain('photoAlt: 王祥的工作照');
    // Comments and body are kept.
    expect(entry).toContain('# 示例内容');
    expect(entry).toContain('tags: [见义勇为, 夺刀]');
    expect(entry).toContain('东进警务站辅警王祥');
    const checked = await checkInProcess(site);
    expect(checked.errors, checked.output).toBe(0);
  });

  it('without --alt (and no terminal), leaves a placeholder that check refuses', async () => {
    const site = sampleCopy();
    const source = path.join(site, 'scan.png');
    writeFileSync(source, await sharp({ create: { width: 800, height: 600, channels: 3, background: '#ffffff' } }).png().toBuffer());
    const result = await run('photo.ts', [source, '--for', 'letters/zhang-junqiang-ganxiexin'], site);
    expect(result.status, result.output).toBe(0);
    expect(readFileSync(path.join(site, 'content', 'letters', 'zhang-junqiang-ganxiexin.md'), 'utf8')).toContain('scan: zhang-junqiang-ganxiexin-scan.jpg');
    const checked = await checkInProcess(site);
    expect(checked.errors).toBeGreaterThan(0);
    expect(checked.output).toContain('还没有填写：图片的文字说明');
  });

  it('finds an entry in a sub-folder, puts the photo beside it, and refuses a second photo without --replace', async () => {
    const site = sampleCopy();
    const folder = path.join(site, 'content', 'officers', '2021');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'li-si.md'), newEntryText('officer', { name: '李四', unit: 'dongjin', summary: '辅警。' }, '2026-01-01'));
    const first = path.join(site, 'first.jpg');
    const second = path.join(site, 'second.jpg');
    writeFileSync(first, await sharp({ create: { width: 300, height: 400, channels: 3, background: '#112233' } }).jpeg().toBuffer());
    writeFileSync(second, await sharp({ create: { width: 600, height: 800, channels: 3, background: '#445566' } }).jpeg().toBuffer());

    const added = await run('photo.ts', [first, '--for', 'officers/li-si', '--alt', '李四的工作照'], site);
    expect(added.status, added.output).toBe(0);
    const stored = path.join(folder, 'li-si.jpg');
    expect((await sharp(stored).metadata()).width).toBe(300);
    expect(readFileSync(path.join(folder, 'li-si.md'), 'utf8')).toContain('photo: li-si.jpg\nphotoAlt: 李四的工作照\n');

    const again = await run('photo.ts', [second, '--for', 'officers/li-si', '--alt', '李四'], site);
    expect(again.status).toBe(1);
    expect(again.output).toContain(`✖ officers/li-si 已经有照片：${site}/content/officers/2021/li-si.jpg`);
    expect(again.output).toContain('怎么改：要换成新照片，请在命令最后加上 --replace');
    expect((await sharp(stored).metadata()).width).toBe(300);

    const replaced = await run('photo.ts', [second, '--for', 'officers/li-si', '--alt', '李四', '--replace'], site);
    expect(replaced.status, replaced.output).toBe(0);
    expect((await sharp(stored).metadata()).width).toBe(600);
  });

  it('shrinks an oversized photo the entry already names, in place, as the image-size hint says', async () => {
    const site = sampleCopy();
    const entry = path.join(site, 'content', 'officers', 'zhang-wei.md');
    const original = path.join(site, 'content', 'officers', 'zhang-wei.png');
    writeFileSync(original, await sharp({ create: { width: 3000, height: 4000, channels: 3, background: '#778899' } }).png().toBuffer());
    const result = await run('photo.ts', [original, '--for', 'officers/zhang-wei', '--alt', '张伟'], site);
    expect(result.status, result.output).toBe(0);
    expect(readFileSync(entry, 'utf8')).toContain('photo: zhang-wei.jpg');
    expect((await sharp(path.join(site, 'content', 'officers', 'zhang-wei.jpg')).metadata()).height).toBe(1600);
  });

  it('says a HEIC photo cannot be read and how to convert it, and lists the formats it reads', async () => {
    const site = sampleCopy();
    // The start of an iPhone photo: an ISO-BMFF ftyp box with the heic brand, then HEVC data
    // that the prebuilt libvips has no decoder for.
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'), Buffer.alloc(200, 7)]);
    writeFileSync(path.join(site, 'IMG_0001.HEIC'), heic);
    const result = await run('photo.ts', [path.join(site, 'IMG_0001.HEIC'), '--for', 'officers/wang-xiang'], site);
    expect(result.status).toBe(1);
    expect(result.output).toContain('是苹果手机的 HEIC 格式照片，本机无法读取');
    expect(result.output).toContain('请在手机或电脑上另存为 JPG 后再试');
    expect(result.output).not.toContain('    at ');
  });

  it('refuses a file that is not an image, and an entry that does not exist', async () => {
    const site = sampleCopy();
    writeFileSync(path.join(site, 'notes.txt'), '不是图片');
    const notImage = await run('photo.ts', [path.join(site, 'notes.txt'), '--for', 'officers/wang-xiang'], site);
    expect(notImage.output).toContain('不是可以读取的图片');
    expect(notImage.output).toContain('怎么改：可以处理的格式：JPG、PNG、WebP、AVIF、GIF 或 TIFF。');
    const missing = await run('photo.ts', [path.join(site, 'notes.txt'), '--for', 'officers/wang-xinag'], site);
    expect(missing.status).toBe(1);
    expect(missing.output).toContain('是不是 wang-xiang');
  });
});

describe('npm run check -- --redact', () => {
  it('proposes the masked letter, writes it only after confirmation, and the check then passes', async () => {
    const site = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-redact-'));
    cpSync(path.join(FIXTURES, 'hostile'), site, { recursive: true });
    const file = path.join(site, 'content', 'letters', 'chen-ganxiexin.md');
    const letter = [
      '---',
      'kind: letter',
      'date: 2020-06-18',
      'from: 市民陈小红',
      'to:',
      '  officers: [jia-minghua]',
      'summary: 感谢民警帮她找回走失的母亲。',
      '---',
      '',
      '我叫陈小红，家住东湖路88号3幢201室，电话１３９ １２３４\u00a0５６７８，座机0523-86881234。',
      '',
      '陈小红',
      '',
    ].join('\n');
    writeFileSync(file, letter);

    const before = await check(site);
    expect(before.status).toBe(1);
    expect(before.output).toContain(`npm run check -- --redact ${file}`);

    const proposed = await check(site, '--redact', file);
    expect(proposed.status, proposed.output).toBe(0);
    expect(proposed.output).toContain('建议修改 6 处');
    expect(proposed.output).toContain('手机号码：１３９ １２３４\u00a0５６７８ → 139****5678');
    expect(proposed.output).toContain('加上 --yes');
    expect(readFileSync(file, 'utf8')).toBe(letter);

    const declined = await run('check.ts', ['--redact', file], site, ['']);
    expect(declined.output).toContain('未修改文件');
    expect(readFileSync(file, 'utf8')).toBe(letter);

    const confirmed = await run('check.ts', ['--redact', file], site, ['y']);
    expect(confirmed.output).toContain('已写入');
    const redacted = readFileSync(file, 'utf8');
    expect(redacted).toContain('from: 市民陈女士');
    expect(redacted).toContain('我叫陈女士，家住东湖路**号**幢**室，电话139****5678，座机0523-****1234。');

    const after = await check(site);
    expect(after.status, after.output).toBe(0);
  });
});
