/**
 * The answers of the editor's API that open, save and undo entries, apart from the HTTP server:
 * each takes what the request said (already size-limited) and the site, and returns a status and
 * a JSON body in Chinese. The browser builds its forms from `formSchema` only.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { intakePhoto, type IntakeResult } from '../authoring/photo-intake';
import { checkBody } from '../check/body-safety';
import { displayPath, type Problem } from '../check/problem';
import type { CheckOptions } from '../check/check-content';
import { IMPORT_COLLECTIONS, IMPORT_LABELS, type ImportCollection } from '../import/columns';
import { readEntries } from '../import/existing';
import { formatImportReport } from '../import/report';
import { runImport } from '../import/run';
import { bodyWithPictures, docxHtmlToMarkdown, pictureLabel } from '../import/docx/markdown';
import { placeholder } from '../authoring/placeholder';
import { isDrawing, readDocx } from '../import/docx/read';
import { entryPath, withBase } from '../urls';
import { COLLECTIONS, describeCollection, IMAGE_FIELDS, PAGE_COLLECTIONS, type CollectionName } from '../../schemas/index';
import { entryIdProblem, isCollectionName, resolveContentPath } from './content-path';
import { displayName, fieldLabel, searchKeysOf } from './entry-list';
import { formSchema, type FormField, type FormSchema } from './form-schema';
import { lastChange, readHistory, undoLastChange } from './history';
import { loadEntry, saveEntry, type BodyPicture, type EditorSite, type NewImage } from './save-entry';

/** An answer: a status and what the browser reads. Errors are `{ error }` in Chinese. */
export type Answer = { status: number; body: unknown };

const fail = (status: number, error: string): Answer => ({ status, body: { error } });

/** What the browser may send about an entry, checked before anything is read. */
function target(collection: unknown, id: unknown, { required }: { required: boolean }): { collection: CollectionName; id: string | undefined } | Answer {
  if (typeof collection !== 'string' || !isCollectionName(collection)) return fail(400, `没有“${String(collection ?? '')}”这类内容。`);
  if (id === undefined || id === null || id === '') return required ? fail(400, '缺少条目 id。') : { collection, id: undefined };
  if (typeof id !== 'string') return fail(400, '条目 id 应为文字。');
  const problem = entryIdProblem(id);
  return problem ? fail(400, `${problem}。`) : { collection, id };
}

const isAnswer = (value: object): value is Answer => 'status' in value;

/** A picture larger than this is not a photo from a phone or a scanner; a spreadsheet neither. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** The point categories of the site config, on every `scores` field: the form offers those. */
function withCategories(fields: readonly FormField[], categories: readonly string[]): FormField[] {
  return fields.map((f) => ({
    ...f,
    ...(f.input === 'scores' ? { categories: [...categories] } : {}),
    ...(f.fields ? { fields: withCategories(f.fields, categories) } : {}),
  }));
}

/** `GET api/form?collection=` → the form of a collection, with what the form must know of the site. */
export function formAnswer(params: URLSearchParams, { categories }: { categories: readonly string[] }): Answer {
  const t = target(params.get('collection'), undefined, { required: false });
  if (isAnswer(t)) return t;
  const form = formSchema(t.collection);
  return { status: 200, body: { ...form, fields: withCategories(form.fields, categories), maxUploadBytes: MAX_UPLOAD_BYTES } satisfies FormSchema & { maxUploadBytes: number } };
}

/** Where an entry's picture is, inside the content folder; undefined when it has none or it is not a plain file next to it. */
export function entryImage(site: Pick<EditorSite, 'contentDir'>, collection: CollectionName, id: string): string | undefined {
  const field = IMAGE_FIELDS[collection];
  const entry = field ? readEntries(site.contentDir, collection).find((e) => e.id === id) : undefined;
  const file = entry && field ? entry.data[field] : undefined;
  if (typeof file !== 'string') return undefined;
  const located = resolveContentPath(site.contentDir, { collection, id, existing: entry!.path, file });
  return located.ok && existsSync(located.path) ? located.path : undefined;
}

/** The address of an entry's page on the dev server, for the preview; null for points (no page). */
export function previewUrl(collection: CollectionName, id: string, base: string): string | null {
  return (PAGE_COLLECTIONS as readonly string[]).includes(collection) ? withBase(entryPath(collection, id), base) : null;
}

/** `GET api/entry?collection=&id=` → the entry as its form opens it, with its history and problems. */
export function entryAnswer(params: URLSearchParams, site: EditorSite, { base, problems }: { base: string; problems: readonly Problem[] }): Answer {
  const t = target(params.get('collection'), params.get('id'), { required: true });
  if (isAnswer(t)) return t;
  const entry = loadEntry(site, t.collection, t.id!);
  if (!entry) return fail(404, `找不到${COLLECTIONS[t.collection].label}“${t.id}”：它可能刚被删除或改名了，请回到列表。`);
  const key = `${t.collection}/${t.id}`;
  const file = `${displayFolder(site)}/${entry.path}`;
  return {
    status: 200,
    body: {
      collection: t.collection,
      id: t.id,
      file,
      name: displayName(t.collection, entry.data) || t.id,
      data: entry.data,
      body: entry.body,
      previewUrl: previewUrl(t.collection, t.id!, base),
      imageUrl: entryImage(site, t.collection, t.id!) ? `/__editor/api/image?${new URLSearchParams({ collection: t.collection, id: t.id! })}` : null,
      canUndo: lastChange(site.siteDir, key) !== undefined,
      history: readHistory(site.siteDir)
        .filter((r) => r.entry === key)
        .reverse()
        .map((r) => ({ time: r.time, summary: r.summary })),
      problems: problems.filter((p) => p.file === file),
    },
  };
}

/** The content folder as problems name files: `content` or `src/content`. */
const displayFolder = (site: EditorSite) => displayPath(site.root, site.contentDir);

/** `GET api/options?collection=` → what a reference picker offers: every entry with what finds it. */
export function optionsAnswer(params: URLSearchParams, site: EditorSite): Answer {
  const t = target(params.get('collection'), undefined, { required: false });
  if (isAnswer(t)) return t;
  const options = readEntries(site.contentDir, t.collection).map((entry) => {
    const name = displayName(t.collection, entry.data) || entry.id;
    return { id: entry.id, name, search: searchKeysOf(t.collection, entry.id, name).join(' ') };
  });
  return { status: 200, body: { options } };
}

/** `GET api/tags?collection=&field=` → the words already used in a list field, most used first. */
export function tagsAnswer(params: URLSearchParams, site: EditorSite): Answer {
  const t = target(params.get('collection'), undefined, { required: false });
  if (isAnswer(t)) return t;
  const field = describeCollection(t.collection).find((f) => f.key === params.get('field') && (f.doc.input === 'tags' || f.doc.input === 'list'));
  if (!field) return fail(400, '这个字段没有可供选择的词。');
  const counts = new Map<string, number>();
  for (const entry of readEntries(site.contentDir, t.collection)) {
    const value = entry.data[field.key];
    if (Array.isArray(value)) for (const word of value) if (typeof word === 'string' && word.trim()) counts.set(word.trim(), (counts.get(word.trim()) ?? 0) + 1);
  }
  return { status: 200, body: { tags: [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh')).map(([word]) => word) } };
}

/** Pictures through the intake, waiting for the save that uses them: nothing is written before. */
export interface UploadStore {
  put(collection: CollectionName, image: NewImage): string;
  get(token: string): (NewImage & { collection: CollectionName }) | undefined;
}

/** Uploads kept in memory, the oldest forgotten beyond `max`: a clerk uploads a picture or two per form. */
export function uploadStore(max = 20): UploadStore {
  const kept = new Map<string, NewImage & { collection: CollectionName }>();
  return {
    put(collection, image) {
      const token = randomBytes(16).toString('hex');
      kept.set(token, { ...image, collection });
      while (kept.size > max) kept.delete(kept.keys().next().value!);
      return token;
    },
    get: (token) => kept.get(token),
  };
}

/** `POST api/photo?collection=` with the picture's bytes → the processed picture, kept for the save. */
export async function photoAnswer(params: URLSearchParams, name: string, bytes: Uint8Array, uploads: UploadStore): Promise<Answer> {
  const t = target(params.get('collection'), undefined, { required: false });
  if (isAnswer(t)) return t;
  if (!formSchema(t.collection).imageField) return fail(400, `${COLLECTIONS[t.collection].label}没有图片字段。`);
  const result: IntakeResult = await intakePhoto(bytes, name || '这张图片');
  if (!result.ok) return { status: 200, body: { ok: false, message: result.message, hint: result.hint } };
  const upload = uploads.put(t.collection, { bytes: result.bytes, extension: result.extension });
  return { status: 200, body: { ok: true, upload, width: result.width, height: result.height, url: `/__editor/api/upload?upload=${upload}` } };
}

/**
 * `POST api/docx?collection=officers` with a Word document → its body as Markdown for the form,
 * each picture where it stood (`![说明](./word-1.jpg)`) and taken in as an upload. Nothing is
 * written: the form's 保存 sends the pictures its body still shows, which are then named after
 * the entry, checked and written with it (and 撤销 undoes them with it).
 */
export async function docxAnswer(params: URLSearchParams, name: string, bytes: Uint8Array, uploads: UploadStore): Promise<Answer> {
  const t = target(params.get('collection'), undefined, { required: false });
  if (isAnswer(t)) return t;
  if (!COLLECTIONS[t.collection].body) return fail(400, `${COLLECTIONS[t.collection].label}没有正文，不能从 Word 导入。`);
  const read = await readDocx(bytes, name || '这个文件');
  if (!read.ok) return { status: 200, body: { ok: false, message: read.message, hint: read.hint } };
  const converted = docxHtmlToMarkdown(read.html);
  const notes: string[] = [];
  const pictures: { upload: string; url: string; name: string; width: number; height: number }[] = [];
  const placed = new Map<number, { file: string; alt: string }>();
  for (const found of read.pictures) {
    const where = converted.pictures.find((p) => p.number === found.number);
    const label = pictureLabel(found.number, where?.near);
    if (isDrawing(found.contentType)) {
      notes.push(`${label}是 Word 绘图（EMF/WMF），网站无法显示，没有导入：请在 Word 中把它另存为 PNG 图片，插入原处后重新导入。`);
      continue;
    }
    const intake = await intakePhoto(found.bytes, `文档中的${label}`);
    if (!intake.ok) {
      notes.push(`${intake.message}：${intake.hint}`);
      continue;
    }
    const upload = uploads.put(t.collection, { bytes: intake.bytes, extension: intake.extension });
    const file = `${WORD_PICTURE_STEM}${found.number}.${intake.extension}`;
    pictures.push({ upload, url: `/__editor/api/upload?upload=${upload}`, name: file, width: intake.width, height: intake.height });
    placed.set(found.number, { file, alt: where?.alt ?? placeholder('图片的文字说明') });
    if (!where?.alt) notes.push(`${label}在文档中没有说明：请把正文中的“${placeholder('图片的文字说明')}”换成一句说明图片内容的话。`);
  }
  for (const link of read.linkedPictures) notes.push(`有一张图片链接到文件“${link.slice(0, 60)}”，没有放进文档，没有导入。`);
  for (const link of converted.droppedLinks) notes.push(`指向文件的链接“${link.slice(0, 60)}”只保留了文字。`);
  return { status: 200, body: { ok: true, body: bodyWithPictures(converted, (number) => placed.get(number)), title: converted.title, pictures, notes } };
}

/** How a Word document's pictures are named in the body until the save names them after the entry. */
export const WORD_PICTURE_STEM = 'word-';
const WORD_PICTURE_NAME = new RegExp(`^${WORD_PICTURE_STEM}\\d{1,4}\\.(jpg|png)$`);

/** The pictures a save brings for its body, each an upload of this collection under the name the body gives it; a string saying what is wrong otherwise. */
function bodyPicturesOf(input: unknown, collection: CollectionName, uploads: UploadStore): BodyPicture[] | string {
  if (input === undefined || input === null) return [];
  if (!Array.isArray(input)) return '正文图片的内容不完整，请重新从 Word 导入。';
  const found: BodyPicture[] = [];
  for (const item of input as { upload?: unknown; name?: unknown }[]) {
    const upload = typeof item?.upload === 'string' ? uploads.get(item.upload) : undefined;
    if (!upload || upload.collection !== collection || typeof item.name !== 'string' || !WORD_PICTURE_NAME.test(item.name)) return '从 Word 导入的图片已失效，请重新从 Word 导入。';
    found.push({ name: item.name, image: upload });
  }
  return found;
}

/** `POST api/save` → the save, or the problems it would have added, next to their fields. */
export async function saveAnswer(
  input: unknown,
  site: EditorSite,
  { base, problems, uploads }: { base: string; problems: () => Promise<readonly Problem[]>; uploads: UploadStore },
): Promise<Answer> {
  if (!input || typeof input !== 'object') return fail(400, '保存的内容不完整，请重新打开这个条目。');
  const request = input as { collection?: unknown; id?: unknown; data?: unknown; body?: unknown; upload?: unknown; pictures?: unknown };
  const t = target(request.collection, request.id, { required: false });
  if (isAnswer(t)) return t;
  if (!request.data || typeof request.data !== 'object' || Array.isArray(request.data)) return fail(400, '保存的内容不完整，请重新打开这个条目。');
  if (request.body !== undefined && typeof request.body !== 'string') return fail(400, '正文应为文字。');
  let image: NewImage | undefined;
  if (request.upload !== undefined && request.upload !== null && request.upload !== '') {
    const upload = typeof request.upload === 'string' ? uploads.get(request.upload) : undefined;
    if (!upload || upload.collection !== t.collection) return fail(400, '上传的图片已失效，请重新选择图片。');
    image = upload;
  }
  const bodyPictures = bodyPicturesOf(request.pictures, t.collection, uploads);
  if (typeof bodyPictures === 'string') return fail(400, bodyPictures);
  const result = await saveEntry(site, { collection: t.collection, id: t.id, data: request.data as Record<string, unknown>, body: request.body, image, bodyPictures }, problems);
  if (result.ok) return { status: 200, body: { ...result, previewUrl: previewUrl(t.collection, result.id, base) } };
  return { status: 200, body: { ...result, problems: result.problems.map((p) => inForm(p, t.collection)) } };
}

/**
 * A problem as the form shows it. The check's advice for a missing field is about the file
 * (请添加一行 “summary: …”); in a form there is a box to fill instead.
 */
function inForm(problem: Problem, collection: CollectionName): Problem {
  if (problem.code !== 'required' || !problem.field) return problem;
  const label = fieldLabel(collection, problem.field);
  return label ? { ...problem, message: `还没有填写“${label}”`, hint: `请填写“${label}”，这一项必须填写。` } : problem;
}

/** `POST api/undo` → the entry's last change undone. */
export function undoAnswer(input: unknown, site: EditorSite): Answer {
  const request = (input ?? {}) as { collection?: unknown; id?: unknown };
  const t = target(request.collection, request.id, { required: true });
  if (isAnswer(t)) return t;
  const key = `${t.collection}/${t.id}`;
  const entry = loadEntry(site, t.collection, t.id!);
  const label = `${COLLECTIONS[t.collection].label}“${entry ? displayName(t.collection, entry.data) || t.id : t.id}”`;
  const undone = undoLastChange(site.siteDir, key, label);
  if (!undone) return { status: 200, body: { ok: false, message: '这个条目没有可以撤销的修改。' } };
  return { status: 200, body: { ok: true, summary: `已撤销：${undone.summary}`, removed: undone.action === 'create' } };
}

/** `POST api/body-preview` → the body as the page will show it, or why the check refuses it. */
export async function bodyPreviewAnswer(input: unknown, render: (markdown: string) => Promise<string>): Promise<Answer> {
  const request = (input ?? {}) as { body?: unknown; collection?: unknown };
  if (typeof request.body !== 'string') return fail(400, '正文应为文字。');
  const problems = checkBody(request.body, 'md').map((p) => ({ severity: 'error', code: 'unsafe-body', field: '正文', line: p.line, message: p.message, hint: p.hint }));
  // A body the check refuses is not rendered: what it would show is not what the site will show.
  if (problems.length) return { status: 200, body: { html: '', problems } };
  return { status: 200, body: { html: await render(request.body), problems: [] } };
}

/** `GET api/import` → what can be imported, for the import page's choice. */
export function importChoicesAnswer(): Answer {
  return { status: 200, body: { collections: IMPORT_COLLECTIONS.map((value) => ({ value, label: IMPORT_LABELS[value] })) } };
}

/** `POST api/import?collection=honors&dryRun=1` with a spreadsheet → the report `npm run import` prints. */
export async function importAnswer(params: URLSearchParams, name: string, bytes: Uint8Array, site: EditorSite & { privacyAllow: readonly string[]; siteConfig: CheckOptions['site'] }): Promise<Answer> {
  const collection = params.get('collection') ?? '';
  if (!(IMPORT_COLLECTIONS as readonly string[]).includes(collection)) {
    return fail(400, `不能导入“${collection}”：可以导入 ${IMPORT_COLLECTIONS.map((c) => `${IMPORT_LABELS[c]}`).join('、')}。`);
  }
  const dryRun = params.get('dryRun') === '1';
  const update = params.get('update') === '1';
  // The importer reads a file by its extension: the upload is put in a folder of its own, under a plain name.
  const extension = path.extname(name).toLowerCase();
  const folder = mkdtempSync(path.join(tmpdir(), 'honor-roll-import-'));
  const file = path.join(folder, `upload${/^\.[a-z0-9]{1,5}$/.test(extension) ? extension : ''}`);
  try {
    writeFileSync(file, bytes);
    const showPath = (p: string) => `${displayFolder(site)}/${p}`;
    const result = await runImport({
      collection: collection as ImportCollection,
      file,
      contentDir: site.contentDir,
      now: site.now,
      privacyAllow: site.privacyAllow,
      site: site.siteConfig,
      dryRun,
      update,
      showPath,
    });
    const report = formatImportReport(result, { source: name, command: '', editor: true, dryRun, update, showPath });
    return { status: 200, body: { ok: result.ok, written: result.written.length, report } };
  } catch (error) {
    return { status: 200, body: { ok: false, written: 0, report: `写入文件时出错，本次导入已撤销，没有留下任何文件：${(error as Error).message}` } };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
