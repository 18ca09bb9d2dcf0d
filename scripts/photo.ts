/**
 * `npm run photo -- <照片文件> --for <collection>/<id> [--alt "文字说明"] [--replace]`
 *
 * Puts a photo next to its entry, safe to publish: turned upright by its EXIF orientation, scaled
 * down to at most 1600 px, and saved without any metadata (no GPS position, no camera, no date).
 * Then fills the entry's image field (photo, certificate or scan) and its alt text. An entry that
 * already has a picture keeps it unless --replace is given.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { setFields } from '../src/lib/authoring/frontmatter-edit';
import { READABLE_FORMATS } from '../src/lib/authoring/photo-input';
import { intakePhoto } from '../src/lib/authoring/photo-intake';
import { placeholder, placeholderIn } from '../src/lib/authoring/placeholder';
import { ENTER_FILL_IN_LATER, promptLine } from '../src/lib/authoring/prompt';
import { displayPath } from '../src/lib/check/problem';
import { readEntries } from '../src/lib/import/existing';
import { resolveSitePaths } from '../src/lib/site-paths';
import { IMAGE_FIELDS, type CollectionName } from '../src/schemas/index';
import { closestMatches } from '../src/lib/suggest';
import { fail } from './cli';


const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { for: { type: 'string' }, alt: { type: 'string' }, replace: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
});
const usage = `用法：npm run photo -- <照片文件> --for <类别>/<id> [--alt "照片的文字说明"] [--replace]
  类别：${Object.keys(IMAGE_FIELDS).join('、')}
  --alt       照片的文字说明（不写时在命令窗口中询问）
  --replace   条目已经有照片时，用新照片替换（不写时不替换，命令报错）
  照片格式：${READABLE_FORMATS}
  例：npm run photo -- 照片.jpg --for officers/wang-xiang --alt "王祥在警务站前执勤"`;
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const root = process.cwd();
const paths = resolveSitePaths(root, process.env);
const [given] = positionals;
if (!given) fail('缺少照片文件', usage);
// npm runs scripts in the project folder; INIT_CWD is where the clerk typed the command (as import does).
const source = path.resolve(process.env.INIT_CWD ?? root, given);
if (!existsSync(source)) fail(`找不到照片文件 ${given}`, '检查文件名和路径（相对于命令窗口当前所在的文件夹，或完整路径）；路径中有空格时请加引号');
if (!values.for || !/^[a-z]+\/[a-z0-9-]+$/.test(values.for)) fail('缺少 --for（照片属于哪个条目）', usage);

const [collection, id] = values.for.split('/') as [string, string];
if (!(collection in IMAGE_FIELDS)) fail(`${collection} 类条目没有图片字段`, `可用：${Object.keys(IMAGE_FIELDS).map((c) => `${c}/<id>`).join('、')}`);
const field = IMAGE_FIELDS[collection as CollectionName]!;
// Entries may sit in sub-folders of their collection (officers/2020/li-ming.md): the id is the file name.
const entries = readEntries(paths.contentDir, collection as CollectionName);
const entry = entries.find((e) => e.id === id);
if (!entry) {
  const close = closestMatches(id, entries.map((e) => e.id));
  fail(`没有条目 ${collection}/${id}`, `${close.length ? `是不是 ${close.join('、')}？` : ''}请先用 npm run new 创建条目`);
}
const entryPath = path.join(paths.contentDir, entry.path);
const dir = path.dirname(entryPath);

const intake = await intakePhoto(readFileSync(source), given);
if (!intake.ok) fail(intake.message, intake.hint);
const fileName = `${id}${field === 'photo' ? '' : `-${field}`}.${intake.extension}`;
const target = path.join(dir, fileName);

// A second run for the same entry must not silently throw the first photo away. Processing the
// picture the entry already names (a camera original the check found too large) replaces nothing.
const current = typeof entry.data[field] === 'string' && placeholderIn(entry.data[field]) === null ? path.resolve(dir, entry.data[field]) : undefined;
const earlier = [current, target].find((file) => file !== undefined && existsSync(file) && file !== source);
if (earlier && !values.replace) {
  fail(
    `${collection}/${id} 已经有${field === 'photo' ? '照片' : '图片'}：${displayPath(root, earlier)}`,
    `要换成新照片，请在命令最后加上 --replace（新照片存为 ${displayPath(root, target)}）；不想替换就不用再运行`,
  );
}

let alt = values.alt?.trim();
if (!alt && process.stdin.isTTY) {
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  alt = (await prompt.question(promptLine('请用一句话说明照片内容（给看不见图片的读者，如“王祥在警务站前执勤”）', ENTER_FILL_IN_LATER))).trim();
  prompt.close();
}

writeFileSync(target, intake.bytes);
writeFileSync(entryPath, setFields(entry.text, { [field]: fileName, [`${field}Alt`]: alt || placeholder('图片的文字说明') }));

console.log(`✔ 已保存 ${displayPath(root, target)}（${intake.width}×${intake.height}，已去除拍摄位置等元数据${earlier ? `；替换了 ${displayPath(root, earlier)}` : ''}）`);
console.log(`✔ 已在 ${displayPath(root, entryPath)} 中填写 ${field}${alt ? ` 和 ${field}Alt` : ''}`);
if (earlier && earlier !== target) console.log(`  原来的 ${displayPath(root, earlier)} 没有删除；不再需要时可以删掉它。`);
if (!alt) console.log(`  还需要：把 ${field}Alt 的“（请填写：…）”换成照片内容的说明，然后运行 npm run check。`);
