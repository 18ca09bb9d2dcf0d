/**
 * What the check passes, the build accepts. The fixture tests/fixtures/parity passed
 * `npm run check` and was then stopped by the build's privacy guard, which named output pages
 * (404.html, badge.svg, …): the names of an unpublished person in the site's description and
 * menu, in an SVG and a file name of public/, and a photo copied into public/ as it was uploaded.
 * The check now reports each at its source file (and line), and the guard — given what the build
 * would publish — finds each of them too. Pictures the build cannot read stop it before the guard
 * runs; the check reads them as the build does.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSite } from '../../../src/lib/check/check-site';
import { publishedAndExcluded, toCanaryEntry } from '../../../src/lib/check/hidden-traces';
import type { Problem } from '../../../src/lib/check/problem';
import { guardFile, hashesOf, type GuardRules } from '../../../src/lib/guard-site';
import { leakCanaries } from '../../../src/lib/leak-canaries';
import { pngChunk, solid } from '../helpers/image-bytes';

const FIXTURE = path.resolve('tests/fixtures/parity');
const NOW = new Date('2026-06-01T04:00:00Z');

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A copy of the fixture with `changes` written (paths relative to the site folder), checked as `npm run check` does with HONOR_ROLL_SITE. */
async function checkCopy(changes: Record<string, string | Buffer> = {}) {
  const site = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-parity-'));
  roots.push(site);
  cpSync(FIXTURE, site, { recursive: true });
  for (const [file, content] of Object.entries(changes)) {
    mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
    writeFileSync(path.join(site, file), content);
  }
  const check = await checkSite({ root: site, contentDir: path.join(site, 'content'), configFile: path.join(site, 'site.config.yaml'), publicDir: path.join(site, 'public'), now: NOW });
  return { site, check, errors: check.problems.filter((p) => p.severity === 'error') };
}

const brief = (problems: readonly Problem[]) =>
  problems.map((p) => ({ file: p.file, ...(p.line ? { line: p.line } : {}), ...(p.field ? { field: p.field } : {}), code: p.code, message: p.message, hint: p.hint }));

describe('the privacy guard’s findings, found by the check at their source', () => {
  it('reports every finding of the guard on the fixture, at the file and line it comes from', async () => {
    const { errors } = await checkCopy();
    const consent = '如果本人已书面同意公开，在 content/officers/chen-yalin.md 中加上 consent: true';
    expect(brief(errors)).toEqual([
      {
        file: 'site.config.yaml',
        line: 5,
        field: 'description',
        code: 'unpublished-trace',
        message: '出现了未公开条目 officers/chen-yalin（未同意公开）的姓名“陈押林”，公开网站不能显示',
        hint: `请删除或改写（如“一名民警”）；${consent}`,
      },
      {
        file: 'site.config.yaml',
        line: 12,
        field: 'nav[2].href',
        code: 'unpublished-trace',
        message: '出现了未公开条目 officers/chen-yalin（未同意公开）的网址“/officers/chen-yalin/”，公开网站不能显示',
        hint: `请删除指向它的链接；${consent}`,
      },
      {
        file: 'public/badge.svg',
        line: 1,
        code: 'unpublished-trace',
        message: '出现了未公开条目 officers/chen-yalin（未同意公开）的姓名“陈押林”，公开网站不能显示',
        hint: '请从这个文件中删掉这段文字，或删掉这个文件：public/ 中的文件会原样发布',
      },
      {
        file: 'public/banner.png',
        code: 'public-file',
        message: '与 content/officers/wang-xiang.png 是同一个文件：上传的原始文件不能原样发布（原图可能带有拍摄位置等信息）',
        hint: '图片请先用 npm run photo 处理（缩小尺寸、去除拍摄位置等信息）再使用；如果只是多放了一份，请删掉 public/banner.png',
      },
      {
        file: 'public/chen-yalin.png',
        code: 'unpublished-trace',
        message: '文件名中出现了未公开条目 officers/chen-yalin（未同意公开）的拼音 id“chen-yalin”，公开网站不能显示',
        hint: '请给这个文件改名（名字中不要含有未公开人物的拼音），或删掉它：public/ 中的文件会原样发布',
      },
    ]);
  });

  it('the guard finds the same in what the build would publish', async () => {
    const { check } = await checkCopy();
    // The guard's rules, as src/integrations/privacy-guard.ts makes them.
    const { published, excluded } = publishedAndExcluded(check.content.entries, { now: NOW, audience: 'public' });
    const publicFiles = new Set(['badge.svg', 'banner.png', 'chen-yalin.png']);
    const rules: GuardRules = { canaries: leakCanaries(excluded.map(toCanaryEntry), published.map(toCanaryEntry)), allow: [], originals: hashesOf(path.join(FIXTURE, 'content')), publicFiles };
    const config = readFileSync(path.join(FIXTURE, 'site.config.yaml'), 'utf8');
    // Every page prints the description in its head and the menu's links in its header.
    const description = /^description: (.*)$/m.exec(config)![1]!;
    const page = Buffer.from(
      `<!doctype html><html lang="zh-CN"><head><title>首页</title><meta name="description" content="${description}"></head><body><nav><a href="/officers/chen-yalin/">辅警风采</a></nav><main><p>${description}</p></main></body></html>`,
    );
    const found = async (file: string, bytes: Buffer) => (await guardFile(file, bytes, rules)).map((f) => f.message);
    expect(await found('index.html', page)).toEqual(['含有未公开条目 officers/chen-yalin 的网址“/officers/chen-yalin/”', '含有未公开条目 officers/chen-yalin 的姓名“陈押林”']);
    for (const file of publicFiles) expect(await found(file, readFileSync(path.join(FIXTURE, 'public', file))), file).not.toEqual([]);
  });

  it('the issue’s own case: a published activity naming an unconsented person among its participants and in its body', async () => {
    const activity = readFileSync(path.join(FIXTURE, 'content/activities/xuexi.md'), 'utf8')
      .replace('participants: 全体民警', 'participants: 王祥、陈押林等全体民警')
      .replace('本次学习由王祥主持。', '本次学习由王祥主持，陈押林作了交流发言。');
    const { errors } = await checkCopy({ 'content/activities/xuexi.md': activity });
    expect(brief(errors.filter((p) => p.file.startsWith('content/')))).toEqual([
      {
        file: 'content/activities/xuexi.md',
        line: 7,
        field: 'participants',
        code: 'unpublished-trace',
        message: '出现了未公开条目 officers/chen-yalin（未同意公开）的姓名“陈押林”，公开网站不能显示',
        hint: '请删除或改写（如“一名民警”）；如果本人已书面同意公开，在 content/officers/chen-yalin.md 中加上 consent: true',
      },
      {
        file: 'content/activities/xuexi.md',
        line: 11,
        field: '正文',
        code: 'unpublished-trace',
        message: '出现了未公开条目 officers/chen-yalin（未同意公开）的姓名“陈押林”，公开网站不能显示',
        hint: '请删除或改写（如“一名民警”）；如果本人已书面同意公开，在 content/officers/chen-yalin.md 中加上 consent: true',
      },
    ]);
  });

  it('once consent is given, nothing is left to report', async () => {
    const officer = readFileSync(path.join(FIXTURE, 'content/officers/chen-yalin.md'), 'utf8').replace('unit: haiyang', 'unit: haiyang\nconsent: true');
    const { errors } = await checkCopy({ 'content/officers/chen-yalin.md': officer, 'public/banner.png': await solid('png') });
    expect(errors).toEqual([]);
  });
});

describe('figures', () => {
  it('a mobile number typed as a figure is personal data, as it would be on the page', async () => {
    const stats = 'title: 2026年上半年数据\nunit: haiyang\nperiod: { start: 2026-01, end: 2026-05 }\nmetrics:\n  - key: calls\n    label: 接处警\n    value: 13912345678\n    unit: 起\n';
    const { errors } = await checkCopy({ 'content/stats/2026.yaml': stats });
    expect(brief(errors.filter((p) => p.file.startsWith('content/')))).toEqual([
      {
        file: 'content/stats/2026.yaml',
        line: 7,
        field: 'metrics[0].value',
        code: 'personal-data',
        message: '数字 139****5678 是一个手机号码，不能公开发布',
        hint: '请核对这个数字：是不是把电话号码填进了数字栏？如果这是可以公开的号码（如服务热线），请把它加入 site.config.yaml 的 privacy.allow',
      },
    ]);
  });
});

describe('pictures the build cannot read, found by the check at the field that names them', () => {
  /** The fixture with 王祥's photo written as `bytes`, named `name`. */
  const photo = async (name: string, bytes: Buffer) => {
    const officer = readFileSync(path.join(FIXTURE, 'content/officers/wang-xiang.md'), 'utf8').replace('photo: wang-xiang.png', `photo: ${name}`);
    const { errors } = await checkCopy({ 'content/officers/wang-xiang.md': officer, [`content/officers/${name}`]: bytes });
    return brief(errors.filter((p) => p.file === 'content/officers/wang-xiang.md'));
  };
  const at = { file: 'content/officers/wang-xiang.md', line: 6, field: 'photo' };

  it('a web page saved as .jpg (Astro: NoImageMetadata)', async () => {
    expect(await photo('wang-xiang.jpg', Buffer.from('<html><body>不是图片</body></html>'))).toEqual([
      {
        ...at,
        code: 'image-format',
        message: 'wang-xiang.jpg 不是能读取的图片（文件损坏，或其实是别的文件改了扩展名），生成网站时会出错',
        hint: '请用看图软件打开这张图片，能正常显示的另存为 JPG；打不开的换一个原始文件',
      },
    ]);
  });

  it('an empty file', async () => {
    expect(await photo('wang-xiang.jpg', Buffer.alloc(0))).toMatchObject([
      { ...at, code: 'image-format', message: 'wang-xiang.jpg 不是能读取的图片（文件损坏，或其实是别的文件改了扩展名），生成网站时会出错' },
    ]);
  });

  it('an SVG drawing named .png, which the build would publish as it is', async () => {
    expect(await photo('wang-xiang-2.png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>'))).toEqual([
      {
        ...at,
        code: 'image-format',
        message: 'wang-xiang-2.png 的内容是 SVG 矢量图 格式，只是扩展名写成了图片的，网站无法处理',
        hint: '请用看图软件把它另存为 JPG 或 PNG（另存时选择格式，而不是只改扩展名），再放回原处',
      },
    ]);
  });

  it('a .tif, which Astro leaves a bare path (LocalImageUsedWrongly)', async () => {
    const tiff = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888888' } })
      .tiff()
      .toBuffer();
    expect(await photo('wang-xiang.tif', tiff)).toEqual([
      { ...at, code: 'image-format', message: 'photo 的图片格式 “.tif” 不受支持', hint: '把图片文件改名为 wang-xiang.tiff（只改扩展名），这里写成 photo: wang-xiang.tiff' },
    ]);
    expect(await photo('wang-xiang.tiff', tiff)).toEqual([]);
  });

  it('a picture of more pixels than sharp decodes', async () => {
    // The header of a 20000 × 20000 PNG (a scanner saves such a page in a few megabytes): sharp
    // refuses it from the header, before decoding anything.
    const header = Buffer.alloc(13);
    header.writeUInt32BE(20000, 0);
    header.writeUInt32BE(20000, 4);
    header.set([8, 0, 0, 0, 0], 8);
    const huge = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(Buffer.alloc(20001))), pngChunk('IEND', '')]);
    await expect(sharp(huge).toBuffer()).rejects.toThrow(/pixel limit/);
    expect(await photo('wang-xiang-scan.png', huge)).toEqual([
      {
        ...at,
        code: 'image-size',
        message: '图片尺寸太大（20000 × 20000 像素），生成网站时无法处理',
        hint: '上限约 268 百万像素：请用看图软件把图片缩小（宽度 3000 像素以内就足够清晰）后另存，再放回原处',
      },
    ]);
  });

  it('a PNG named .jpg is read by its content and passes, as the build passes it', async () => {
    expect(await photo('wang-xiang.jpg', await solid('png'))).toEqual([]);
  });
});
