/**
 * `npm run import -- docx` as a function: a Word document becomes the body of an entry (an
 * existing one, or a new one made as `npm run new` makes it), its pictures go through the photo
 * intake, are written next to the entry and stand in the body where they stood in the document.
 *
 * The entry's picture field (photo, certificate, scan) is left as it is: it is the portrait or
 * the certificate that lists and share cards show, which a deed report's first picture (a scene,
 * a group) seldom is — and the same picture in both would show twice on the page. The whole result — entry file and pictures — is
 * checked exactly as the build checks content, on a temporary copy of the content folder, and
 * nothing is written unless it passes (or, with `draft`, it is written as a draft).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { entryBaseId, uniqueId } from '../../authoring/entry-id';
import { setBody, setFields } from '../../authoring/frontmatter-edit';
import { intakePhoto } from '../../authoring/photo-intake';
import { placeholder, placeholderIn } from '../../authoring/placeholder';
import { entry, KIND_COLLECTIONS, newEntryFields, type NewKind } from '../../authoring/templates';
import { checkContent, type CheckOptions } from '../../check/check-content';
import type { Problem } from '../../check/problem';
import { entryIdFromPath } from '../../entry-id';
import { copyContent } from '../validate';
import { bodyWithPictures, docxHtmlToMarkdown, pictureLabel, type PlacedPicture } from './markdown';
import { isDrawing, readDocx } from './read';

/** The kinds of entry a Word document can fill: those with a story for a body. */
export const DOCX_KINDS = ['officer', 'honor', 'letter', 'activity'] as const satisfies readonly NewKind[];
export type DocxKind = (typeof DOCX_KINDS)[number];
export const DOCX_COLLECTIONS = DOCX_KINDS.map((k) => KIND_COLLECTIONS[k]);
export type DocxCollection = (typeof DOCX_COLLECTIONS)[number];

export type DocxTarget = { existing: { collection: DocxCollection; id: string } } | { create: DocxKind };

export interface DocxImportOptions {
  /** The Word document (absolute path). */
  file: string;
  target: DocxTarget;
  /** The project folder: problems name files relative to it. */
  root: string;
  contentDir: string;
  now: Date;
  privacyAllow?: readonly string[];
  site?: CheckOptions['site'];
  dryRun?: boolean;
  /** Replace an existing entry's body. */
  replace?: boolean;
  /** Write even when the check refuses, as a draft (draft: true). */
  draft?: boolean;
}

export interface DocxProblem {
  severity: 'error' | 'warning';
  message: string;
  hint?: string;
  /** The file the problem is in, as the check names it (content/officers/x.md), with its line. */
  file?: string;
  line?: number;
}

/** Problems of the check that the import leaves for the clerk, as `npm run new` does: placeholders to fill in. */
const TO_FILL_IN = new Set<Problem['code']>(['placeholder']);

export interface WrittenPicture {
  number: number;
  /** Path relative to the content folder. */
  path: string;
  alt: string | undefined;
  near: string;
}

export interface DocxImportResult {
  ok: boolean;
  problems: DocxProblem[];
  /** The entry file (relative to the content folder) and its text, when one could be made. */
  entry: { path: string; text: string; created: boolean } | undefined;
  pictures: WrittenPicture[];
  title: string | undefined;
  droppedLinks: string[];
  /** Absolute paths written (none on a dry run or when refused). */
  written: string[];
  /** Written as a draft although the check refused it. */
  asDraft: boolean;
  /** What the document did not say: placeholders the check will refuse until they are filled in (they do not stop the import). */
  toFillIn: DocxProblem[];
}

const FRONTMATTER = /^\uFEFF?---[ \t]*\r?\n[\s\S]*?\r?\n?---[ \t]*(?:\r?\n|$)/;

/** An officer's name from a report's title: 王祥同志先进事迹材料 → 王祥. */
function nameFromTitle(title: string): string | undefined {
  return /^([\p{Script=Han}·]{2,5}?)(?:同志|的?先进事迹|的?事迹材料|个人事迹)/u.exec(title.replace(/\s+/g, ''))?.[1];
}

/** The body an existing entry has, or '' when it is empty or only the placeholder `npm run new` wrote. */
function ownBody(text: string): string {
  const body = text.replace(FRONTMATTER, '').trim();
  return placeholderIn(body) !== null && body.replace(/（请填写：[^）]*）/, '').trim() === '' ? '' : body;
}

const idsIn = (contentDir: string, collection: string) => {
  const dir = path.join(contentDir, collection);
  return existsSync(dir) ? new Set((readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.(mdx?|ya?ml)$/.test(f)).map(entryIdFromPath)) : new Set<string>();
};

/** Which file of the content folder holds `id` (any extension), relative to the content folder. */
function entryPath(contentDir: string, collection: string, id: string): string | undefined {
  const dir = path.join(contentDir, collection);
  if (!existsSync(dir)) return undefined;
  const file = (readdirSync(dir, { recursive: true }) as string[]).find((f) => /\.mdx?$/.test(f) && entryIdFromPath(f) === id);
  return file ? `${collection}/${file.split(path.sep).join('/')}` : undefined;
}

const problemIdentity = (p: Problem) => [p.file, p.code, p.field ?? '', p.message].join('\u0000');

/** Runs one import. Never throws on bad input. */
export async function runDocxImport(options: DocxImportOptions): Promise<DocxImportResult> {
  const name = path.basename(options.file);
  const result: DocxImportResult = { ok: false, problems: [], entry: undefined, pictures: [], title: undefined, droppedLinks: [], written: [], asDraft: false, toFillIn: [] };
  const stop = (message: string, hint: string) => ({ ...result, problems: [...result.problems, { severity: 'error' as const, message, hint }] });

  let bytes: Buffer;
  try {
    bytes = readFileSync(options.file);
  } catch {
    return stop(`找不到文件 ${options.file}`, '请检查文件名和所在文件夹；文件名有空格时请用引号括起来');
  }
  const read = await readDocx(bytes, name);
  if (!read.ok) return stop(read.message, read.hint);
  const converted = docxHtmlToMarkdown(read.html);
  result.title = converted.title;
  result.droppedLinks = converted.droppedLinks;
  for (const link of converted.droppedLinks) {
    result.problems.push({
      severity: 'warning',
      message: `文档中指向文件的链接“${link.slice(0, 80)}”没有导入（只保留了链接文字）`,
      hint: '网站上只能链接网址；这个链接指向的是电脑上的文件，别人打不开',
    });
  }

  for (const link of read.linkedPictures) {
    result.problems.push({
      severity: 'warning',
      message: `文档中有一张图片没有放进文档，而是链接到文件“${link.slice(0, 80)}”：这张图片没有导入`,
      hint: '需要这张图片时：在 Word 中删去它，用“插入 → 图片”重新插入（不要选“链接到文件”），然后重新导入',
    });
  }

  // Which entry, and its id (pictures are named after it).
  const { target } = options;
  let collection: DocxCollection;
  let id: string;
  let existingText: string | undefined;
  let existingPath: string | undefined;
  if ('existing' in target) {
    collection = target.existing.collection;
    id = target.existing.id;
    existingPath = entryPath(options.contentDir, collection, id);
    if (!existingPath) return stop(`${collection}/${id}：没有这个条目`, `id 是 ${collection}/ 中的文件名（不含 .md）；要新建条目请改用 --new`);
    existingText = readFileSync(path.join(options.contentDir, ...existingPath.split('/')), 'utf8');
    if (ownBody(existingText) && !options.replace) {
      return stop(`${collection}/${id} 已经有正文，没有改动`, '要用这份文档的内容替换原有正文，请在命令最后加上 --replace');
    }
  } else {
    collection = KIND_COLLECTIONS[target.create];
    id = '';
  }

  // New entry fields, as `npm run new` writes them; the title line names the entry.
  const today = new Date(options.now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  let given: Record<string, unknown> = {};
  if ('create' in target) {
    const title = converted.title;
    const entryName =
      target.create === 'officer' ? (title && nameFromTitle(title)) ?? placeholder('姓名') : target.create === 'letter' ? placeholder('致谢人（已隐去全名，如 市民李女士）') : (title ?? placeholder(target.create === 'honor' ? '荣誉名称' : '活动名称'));
    given = newEntryFields(target.create, { name: entryName }, today).given;
    // A placeholder names nothing: the id is made from what the document did say (or is the kind: officer, letter …).
    const known = Object.fromEntries(Object.entries(given).map(([key, value]) => [key, typeof value === 'string' && placeholderIn(value) !== null ? '' : value]));
    id = uniqueId(entryBaseId(collection, known), idsIn(options.contentDir, collection), target.create);
  }

  // Pictures: through the photo intake; EMF/WMF drawings cannot be shown on a web page.
  const files: { path: string; bytes: Buffer | string }[] = [];
  const placed = new Map<number, PlacedPicture>(converted.pictures.map((p) => [p.number, p]));
  // Pictures go next to the entry, which may sit in a sub-folder (officers/2020/wang-xiang.md).
  const entryFolder = existingPath ? path.posix.dirname(existingPath) : collection;
  const folder = path.join(options.contentDir, ...entryFolder.split('/'));
  const taken = new Set(existsSync(folder) ? readdirSync(folder).map((f) => f.replace(/\.[^.]*$/, '')) : []);
  let counter = 0;
  const nextFree = () => {
    do counter++;
    while (taken.has(`${id}-${counter}`));
    return counter;
  };
  for (const picture of read.pictures) {
    const where = placed.get(picture.number);
    const label = pictureLabel(picture.number, where?.near);
    if (isDrawing(picture.contentType)) {
      result.problems.push({
        severity: 'error',
        message: `文档中的${label}是 Word 绘图（EMF/WMF 矢量图），网站无法显示`,
        hint: '请在 Word 中右键这张图 →“另存为图片”存成 PNG，删去原图，再用“插入 → 图片”把 PNG 放回原处；或者删去这张图。然后重新导入',
      });
      continue;
    }
    const intake = await intakePhoto(picture.bytes, `文档中的${label}`);
    if (!intake.ok) {
      result.problems.push({ severity: 'error', message: intake.message, hint: '请在 Word 中把这张图换成 JPG 或 PNG 图片（“插入 → 图片”），或者删去它，然后重新导入' });
      continue;
    }
    // The next number no file next to the entry uses (an earlier import of the same entry left its pictures).
    const picturePath = `${entryFolder}/${id}-${nextFree()}.${intake.extension}`;
    result.pictures.push({ number: picture.number, path: picturePath, alt: where?.alt, near: where?.near ?? '' });
    files.push({ path: picturePath, bytes: intake.bytes });
  }

  // The entry file; a picture the document does not describe gets the placeholder the check refuses.
  const written = new Map(result.pictures.map((p) => [p.number, { file: path.posix.basename(p.path), alt: p.alt ?? placeholder('图片的文字说明') }]));
  const body = bodyWithPictures(converted, (number) => written.get(number)) || placeholder('正文');
  // With --draft the entry is a draft from the start, so the lines the check names are those written.
  const changed = options.draft ? { draft: true } : {};
  const text =
    existingText !== undefined
      ? setBody(Object.keys(changed).length ? setFields(existingText, changed) : existingText, body)
      : entry(collection, { ...given, ...changed }, body);
  const entryFile = existingPath ?? `${collection}/${id}.md`;
  result.entry = { path: entryFile, text, created: existingText === undefined };

  // The real content check, on a copy with the result in place.
  const checked = checkResult(options, [{ path: entryFile, bytes: text }, ...files]);
  result.problems.push(...checked.filter((p) => !TO_FILL_IN.has(p.code)).map(({ code: _, ...p }) => p));
  result.toFillIn = checked.filter((p) => TO_FILL_IN.has(p.code)).map(({ code: _, ...p }) => p);
  const refused = result.problems.some((p) => p.severity === 'error');
  // A picture that cannot be used stops even a draft: the clerk has to fix the document first.
  const unusablePicture = read.pictures.length > result.pictures.length;
  result.asDraft = refused && options.draft === true && !unusablePicture;
  result.ok = !refused || result.asDraft;
  if (!result.ok || options.dryRun) return result;

  try {
    for (const file of [...files, { path: entryFile, bytes: result.entry.text }]) {
      const target = path.join(options.contentDir, ...file.path.split('/'));
      mkdirSync(path.dirname(target), { recursive: true });
      // A new file never replaces one that exists (a picture of the same name, an entry made meanwhile).
      writeFileSync(target, file.bytes, { flag: file.path === existingPath ? 'w' : 'wx' });
      result.written.push(target);
    }
  } catch (error) {
    // The entry is written last: what was written before it is new files only, removed again.
    for (const written of result.written) rmSync(written, { force: true });
    throw error;
  }
  return result;
}

/** The check's problems that the import brings: those of a copy with the files written, minus those the content had already. */
function checkResult(options: DocxImportOptions, files: { path: string; bytes: Buffer | string }[]): (DocxProblem & { code: Problem['code'] })[] {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-docx-'));
  try {
    const copy = path.join(temp, 'content');
    copyContent(options.contentDir, copy);
    const checkSite = options.site && { ...options.site, config: { ...options.site.config, studyRotation: { weekday: 1, stations: [], hosts: [] } } };
    const check = () => checkContent({ root: temp, contentDir: copy, now: options.now, privacyAllow: options.privacyAllow ?? [], site: checkSite }).problems;
    const before = new Set(check().map(problemIdentity));
    for (const file of files) {
      const target = path.join(copy, ...file.path.split('/'));
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.bytes);
    }
    return check()
      .filter((p) => !before.has(problemIdentity(p)))
      .map((p) => ({ code: p.code, severity: p.severity, message: p.message, ...(p.hint ? { hint: p.hint } : {}), file: p.file, ...(p.line ? { line: p.line } : {}) }));
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
