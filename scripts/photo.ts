/**
 * `npm run photo -- <照片文件> --for <collection>/<id> [--alt "文字说明"]`
 *
 * Puts a photo next to its entry, safe to publish: turned upright by its EXIF orientation, scaled
 * down to at most 1600 px, and saved without any metadata (no GPS position, no camera, no date).
 * Then fills the entry's image field (photo, certificate or scan) and its alt text.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { setFields } from '../src/lib/authoring/frontmatter-edit';
import { placeholder } from '../src/lib/authoring/placeholder';
import { displayPath } from '../src/lib/check/problem';
import { entryIdFromPath } from '../src/lib/entry-id';
import { resolveSitePaths } from '../src/lib/site-paths';
import { closestMatches } from '../src/lib/suggest';
import { fail } from './cli';

/** Large enough for a portrait on any screen and a printed A4 poster; a phone photo is 4000 px. */
export const MAX_SIZE = 1600;

/** Which field holds the picture of each collection. */
const IMAGE_FIELDS: Record<string, string> = { officers: 'photo', units: 'photo', honors: 'certificate', letters: 'scan' };

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { for: { type: 'string' }, alt: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
});
const usage = '用法：npm run photo -- <照片文件> --for officers/<id> [--alt "照片的文字说明"]';
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const root = process.cwd();
const paths = resolveSitePaths(root, process.env);
const [source] = positionals;
if (!source) fail('缺少照片文件', usage);
if (!existsSync(source)) fail(`找不到照片文件 ${source}`, '检查文件名和路径；路径中有空格时请加引号');
if (!values.for || !/^[a-z]+\/[a-z0-9-]+$/.test(values.for)) fail('缺少 --for（照片属于哪个条目）', usage);

const [collection, id] = values.for.split('/') as [string, string];
const field = IMAGE_FIELDS[collection];
if (!field) fail(`${collection} 类条目没有图片字段`, `可用：${Object.keys(IMAGE_FIELDS).map((c) => `${c}/<id>`).join('、')}`);
const dir = path.join(paths.contentDir, collection);
const entries = existsSync(dir) ? (readdirSync(dir).filter((f) => /\.mdx?$/.test(f)) as string[]) : [];
const entryFile = entries.find((f) => entryIdFromPath(f) === id);
if (!entryFile) {
  const close = closestMatches(id, entries.map(entryIdFromPath));
  fail(`没有条目 ${collection}/${id}`, `${close.length ? `是不是 ${close.join('、')}？` : ''}请先用 npm run new 创建条目`);
}

let image: sharp.Sharp;
let info: sharp.Metadata;
try {
  image = sharp(readFileSync(source), { failOn: 'error' });
  info = await image.metadata();
} catch {
  fail(`${source} 不是可以读取的图片`, '请使用 jpg、png、webp 或 heic 以外的常见格式；手机照片可先在手机上“导出为 JPEG”');
}

let alt = values.alt?.trim();
if (!alt && process.stdin.isTTY) {
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  alt = (await prompt.question('请用一句话说明照片内容（给看不见图片的读者，如“王祥在警务站前执勤”）：')).trim();
  prompt.close();
}

// Keep transparency as PNG; everything else becomes JPEG, which is what phone photos are.
const keepPng = info.format === 'png' && info.hasAlpha;
const fileName = `${id}${field === 'photo' ? '' : `-${field}`}.${keepPng ? 'png' : 'jpg'}`;
const target = path.join(dir, fileName);
const pipeline = image
  .rotate() // apply the EXIF orientation, so the picture is upright once the EXIF is gone
  .resize(MAX_SIZE, MAX_SIZE, { fit: 'inside', withoutEnlargement: true });
// sharp writes no EXIF, XMP, IPTC or ICC metadata unless asked to: the GPS position stays behind.
const output = keepPng ? await pipeline.png({ compressionLevel: 9 }).toBuffer() : await pipeline.jpeg({ quality: 85, mozjpeg: true }).toBuffer();
writeFileSync(target, output);

const entryPath = path.join(dir, entryFile);
writeFileSync(entryPath, setFields(readFileSync(entryPath, 'utf8'), { [field]: fileName, [`${field}Alt`]: alt || placeholder('图片的文字说明') }));

const out = await sharp(output).metadata();
console.log(`✔ 已保存 ${displayPath(root, target)}（${out.width}×${out.height}，已去除拍摄位置等元数据）`);
console.log(`✔ 已在 ${displayPath(root, entryPath)} 中填写 ${field}${alt ? ` 和 ${field}Alt` : ''}`);
if (!alt) console.log(`  还需要：把 ${field}Alt 的“（请填写：…）”换成照片内容的说明，然后运行 npm run check。`);
