/**
 * `npm run new`, `npm run photo` and `npm run check` on temporary copies of the sample content,
 * as a clerk would use them: the new entry is refused until its placeholders are filled, then
 * passes; a photo from a phone arrives upright, small enough and without its GPS position.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { FIXTURES, PROJECT_ROOT } from './harness';

const TSX = path.join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** A fresh copy of the sample unit to work on. */
function sampleCopy(): string {
  const site = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-authoring-'));
  cpSync(path.join(PROJECT_ROOT, 'src', 'content'), path.join(site, 'content'), { recursive: true });
  cpSync(path.join(PROJECT_ROOT, 'site.config.yaml'), path.join(site, 'site.config.yaml'));
  return site;
}

/** A fresh copy of the fictional points fixture, whose config has a study rotation of two stations. */
function rotationCopy(): string {
  const site = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-rotation-'));
  cpSync(path.join(FIXTURES, 'points'), site, { recursive: true });
  return site;
}

function run(script: string, args: string[], site: string, answers?: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [TSX, path.join(PROJECT_ROOT, 'scripts', script), ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    input: answers ? `${answers.join('\n')}\n` : '',
    env: { ...process.env, HONOR_ROLL_SITE: site, NO_COLOR: '1', ...(answers ? { HONOR_ROLL_INTERACTIVE: '1' } : {}), ...env },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const check = (site: string, ...args: string[]) => run('check.ts', args, site);

describe('npm run new', () => {
  it('creates a profile with a pinyin id (surname reading of 单) that check refuses until it is filled', () => {
    const site = sampleCopy();
    const created = run('new.ts', ['officer', '单雄信', '--unit', 'dongjin', '--role', '辅警'], site);
    expect(created.status, created.output).toBe(0);
    const file = path.join(site, 'content', 'officers', 'shan-xiongxin.md');
    expect(created.output).toContain('已创建');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('role: auxiliary');
    expect(text).toContain('# consent: true');

    const before = check(site, '--json');
    const problems = JSON.parse(before.output.slice(0, before.output.lastIndexOf('}') + 1)).problems as { code: string; file: string; field?: string }[];
    expect(before.status).toBe(1);
    expect(problems.filter((p) => p.code === 'placeholder').map((p) => p.field)).toEqual(['summary', '正文']);

    writeFileSync(file, text.replace('（请填写：一句话简介）', '测试用简介。').replace('（请填写：事迹正文）', '测试用正文。'));
    const after = check(site);
    expect(after.status, after.output).toBe(0);
  });

  it('never overwrites: a second person of the same name gets -2', () => {
    const site = sampleCopy();
    const created = run('new.ts', ['officer', '王祥', '--unit', 'dongjin'], site);
    expect(created.status, created.output).toBe(0);
    expect(created.output).toContain('id：wang-xiang-2；wang-xiang 已被占用');
    expect(readFileSync(path.join(site, 'content', 'officers', 'wang-xiang.md'), 'utf8')).toContain('东进警务站辅警');
    expect(existsSync(path.join(site, 'content', 'officers', 'wang-xiang-2.md'))).toBe(true);
  });

  it('makes an id from a rare character it cannot read, and from a compound surname', () => {
    const site = sampleCopy();
    expect(run('new.ts', ['officer', '王𠮷', '--unit', 'dongjin'], site).output).toContain('id：wang');
    expect(run('new.ts', ['officer', '欧阳修', '--unit', 'dongjin'], site).output).toContain('id：ouyang-xiu');
  });

  it.each([
    ['honor', '个人嘉奖', ['--officer', 'wang-xiang', '--date', '2021-03', '--by', '泰州市公安局'], 'ge-ren-jia-jiang'],
    ['letter', '市民李女士', ['--to', 'zhang-junqiang', '--kind', 'banner', '--date', '2020-07-01', '--summary', '感谢救助'], 'shi-min-li-nv-shi-jin-qi'],
    ['activity', '主题党日', ['--unit', 'wentai', '--host', 'diao-aiqing', '--date', '2020-07-06', '--summary', '测试'], 'zhu-ti-dang-ri'],
    ['unit', '测试警务站', ['--kind', 'station', '--summary', '测试'], 'ce-shi-jing-wu-zhan'],
  ])('creates a %s entry that passes check once its remaining placeholders are filled', (kind, name, options, id) => {
    const site = sampleCopy();
    const created = run('new.ts', [kind, name, ...options], site);
    expect(created.status, created.output).toBe(0);
    const folder = { honor: 'honors', letter: 'letters', activity: 'activities', unit: 'units' }[kind]!;
    const file = path.join(site, 'content', folder, `${id}.md`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/（请填写：[^）]*）/g, '已填写'));
    const checked = check(site);
    expect(checked.status, checked.output).toBe(0);
  });

  it('asks for what is missing when run interactively', () => {
    const site = sampleCopy();
    // 名称, 所在单位 id, 一句话简介
    const result = run('new.ts', ['officer'], site, ['刁爱清', 'dongjin', '东进警务站站长。']);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('所在单位 id');
    const text = readFileSync(path.join(site, 'content', 'officers', 'diao-aiqing-2.md'), 'utf8');
    expect(text).toContain('unit: dongjin');
    expect(text).toContain('summary: 东进警务站站长。');
  });

  it('refuses an unknown unit with a suggestion, and writes nothing', () => {
    const site = sampleCopy();
    const result = run('new.ts', ['officer', '李四', '--unit', 'dongjn'], site);
    expect(result.status).toBe(1);
    expect(result.output).toContain('--unit dongjn：没有这个 id');
    expect(result.output).toContain('是不是 dongjin');
    expect(existsSync(path.join(site, 'content', 'officers', 'li-si.md'))).toBe(false);
  });

  it('refuses an impossible date in Chinese', () => {
    const result = run('new.ts', ['honor', '嘉奖', '--date', '2020-02-30', '--officer', 'wang-xiang'], sampleCopy());
    expect(result.status).toBe(1);
    expect(result.output).toContain('2020年2月没有30日');
  });
});

describe('npm run new -- activity --rotate', () => {
  // Monday 2026-06-01; the fixture's latest study is at station-a on 2026-06-15, hosted by officer-jia.
  const now = { HONOR_ROLL_NOW: '2026-06-01T12:00:00+08:00' };

  it('proposes the next station and host after the latest study, on the Monday after it, and creates a valid entry', () => {
    const site = rotationCopy();
    const created = run('new.ts', ['activity', '--rotate', '测试学习主题', '--summary', '测试轮值学习。'], site, undefined, now);
    expect(created.status, created.output).toBe(0);
    expect(created.output).toContain('下次学习（按轮值推算）：2026-06-22，地点 station-b，轮值主持 officer-yi');
    const file = readFileSync(path.join(site, 'content', 'activities', '2026-06-22-ce-shi-xue-xi-zhu-ti.md'), 'utf8');
    expect(file).toContain('kind: study\ndate: 2026-06-22\nunit: station-b\nhost: officer-yi\n');
    expect(check(site).status).toBe(0);
  });

  it('lets flags override the proposal, and creates nothing when the prompt is declined', () => {
    const site = rotationCopy();
    const declined = run('new.ts', ['activity', '--rotate', '测试'], site, ['n'], now);
    expect(declined.status, declined.output).toBe(0);
    expect(declined.output).toContain('已取消');
    expect(existsSync(path.join(site, 'content', 'activities', '2026-06-22-ce-shi.md'))).toBe(false);
    const moved = run('new.ts', ['activity', '--rotate', '测试', '--date', '2026-06-23', '--host', 'officer-wu'], site, ['y'], now);
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

    const result = run('photo.ts', [source, '--for', 'officers/wang-xiang', '--alt', '王祥的工作照'], site);
    expect(result.status, result.output).toBe(0);
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
    expect(entry).toContain('东进警务站辅警王祥');
    expect(check(site).status).toBe(0);
  });

  it('without --alt (and no terminal), leaves a placeholder that check refuses', async () => {
    const site = sampleCopy();
    const source = path.join(site, 'scan.png');
    writeFileSync(source, await sharp({ create: { width: 800, height: 600, channels: 3, background: '#ffffff' } }).png().toBuffer());
    const result = run('photo.ts', [source, '--for', 'letters/zhang-junqiang-ganxiexin'], site);
    expect(result.status, result.output).toBe(0);
    expect(readFileSync(path.join(site, 'content', 'letters', 'zhang-junqiang-ganxiexin.md'), 'utf8')).toContain('scan: zhang-junqiang-ganxiexin-scan.jpg');
    const checked = check(site);
    expect(checked.status).toBe(1);
    expect(checked.output).toContain('还没有填写：图片的文字说明');
  });

  it('refuses a file that is not an image, and an entry that does not exist', () => {
    const site = sampleCopy();
    writeFileSync(path.join(site, 'notes.txt'), '不是图片');
    expect(run('photo.ts', [path.join(site, 'notes.txt'), '--for', 'officers/wang-xiang'], site).output).toContain('不是可以读取的图片');
    const missing = run('photo.ts', [path.join(site, 'notes.txt'), '--for', 'officers/wang-xinag'], site);
    expect(missing.status).toBe(1);
    expect(missing.output).toContain('是不是 wang-xiang');
  });
});
