/**
 * The content check: reads every entry file, validates it with the same schemas as the build, and
 * then does what Astro 5 does not — ids, references, images, alt text, the unit tree. Every problem
 * of the whole content folder is collected, so one run shows all of them.
 */
import { existsSync, readdirSync } from 'node:fs';
import { diskFs, type ContentFs } from './content-fs';
import { memo } from '../memo';
import path from 'node:path';
import { z } from 'astro/zod';
import { COLLECTION_NAMES, COLLECTIONS, EXTENSIONS, type CollectionData, type CollectionName, type Ref, type SchemaContext } from '../../schemas/index';
import { ownExclusionReason, type Audience } from '../publishing';
import { hiddenTraceProblems, hiddenTraces, type HiddenTraces } from './hidden-traces';
import { closestMatches } from '../suggest';
import { ENTRY_ID_PATTERN, entryIdFromPath } from '../entry-id';
import { RESERVED_IDS } from '../urls';
import { placeholderIn } from '../authoring/placeholder';
import { pictureElsewhere } from '../picture-place';
import { MAX_BODY_BYTES, readBody, type BodyImage } from './body-safety';
import { displayPath, formatFieldPath, formatMegabytes, type Problem } from './problem';
import { oversizedSourceFile, readDataSource, readMarkdownSource, type SourceFile } from './source-file';
import { referenceSuggestion } from './references';
import { fileNameProblems, textProblems } from './text-problems';
import { translateIssue } from './zod-issues';
import { checkPoints, checkPointsPeriods, checkStudyRotation } from './check-points';
import { DEFAULT_POINT_CATEGORIES, type SiteConfig } from '../../schemas/site-config';

/** Larger files are camera originals or scans at full resolution: they slow every build down. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/**
 * Image formats the build can optimise: Astro's own list (VALID_INPUT_FORMATS in astro/assets)
 * without SVG. `.tif` is not in it: Astro leaves such a picture a bare path, and the page stops the
 * build ("LocalImageUsedWrongly").
 */
export const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif', '.tiff'];

/** Extensions of pictures that are one of IMAGE_EXTENSIONS under another name: a new name is all they need. */
const IMAGE_RENAMES: Record<string, string> = { '.tif': '.tiff', '.jfif': '.jpg', '.jpe': '.jpg', '.pjpeg': '.jpg' };

export interface CheckOptions {
  /** Project folder: file paths in messages are relative to it. */
  root: string;
  /** Folder holding one sub-folder per collection. */
  contentDir: string;
  /** The build time, for publishing rules. */
  now: Date;
  /** Numbers and addresses that may be published although they look personal (site config `privacy.allow`). */
  privacyAllow?: readonly string[];
  /** Who the build is for: what counts as unpublished (a person without consent is published internally). Default public. */
  audience?: Audience;
  /**
   * The validated site config and how its file is named in messages, for the checks that depend
   * on it: point categories and the study rotation. Without it the default categories apply.
   */
  site?: { config: Pick<SiteConfig, 'points' | 'studyRotation'>; file: string } | undefined;
  /** How the content folder is read: the disk, or the disk with an editor's unsaved changes laid over it. */
  fs?: ContentFs;
}

/** An entry of one collection that passed its schema: the parsed data and where it came from. */
export interface CheckedEntryOf<C extends CollectionName> {
  collection: C;
  id: string;
  file: string;
  data: CollectionData[C];
  /** The fields as written in the file, before the schema normalised them (for messages naming a field). */
  written?: unknown;
  body: string;
  /** The 1-based line of the file on which the body starts. */
  bodyLine?: number;
  /** The pictures the body shows (`![说明](./x.jpg)`), paths relative to the entry file, with their lines in the file. */
  bodyImages?: readonly { path: string; line: number }[];
  /** Line of a field in the file, for cross-checks that find problems after parsing. */
  lineOf?: (path: readonly (string | number)[]) => number | undefined;
}

/** An entry that passed its own schema; `collection` tells which data it holds. */
export type CheckedEntry = { [C in CollectionName]: CheckedEntryOf<C> }[CollectionName];

/** The checked entries of one collection. */
export function entriesOf<C extends CollectionName>(entries: readonly CheckedEntry[], collection: C): CheckedEntryOf<C>[] {
  return entries.filter((e) => e.collection === collection) as unknown as CheckedEntryOf<C>[];
}

export interface CheckResult {
  problems: Problem[];
  entries: CheckedEntry[];
  /**
   * What the privacy guard will look for in the site (the traces of the unpublished entries), for
   * the checks of what else reaches it: the config's text, public/. Absent while references are broken.
   */
  traces?: HiddenTraces;
  /** The pictures named by the entries that were found where they should be, for the check of what is in them (check-images.ts). */
  images?: CheckedImage[];
}

/** A picture an entry names, found on disk. */
export interface CheckedImage {
  /** The entry file, as messages name it. */
  file: string;
  field: string;
  line?: number;
  /** The picture file, absolute. */
  path: string;
  /** As written in the field. */
  value: string;
}

interface RefUse {
  collection: CollectionName;
  id: string;
  path: (string | number)[];
}

interface ImageUse {
  value: string;
  path: (string | number)[];
}

/**
 * The schema context of the checker: references stay plain ids and images stay paths, and each is
 * recorded with its field path so it can be verified once every entry is known.
 */
function recordingContext() {
  const uses = { refs: [] as RefUse[], images: [] as ImageUse[] };
  const context: SchemaContext<z.ZodEffects<z.ZodString, string>> = {
    image: () =>
      z.string({ invalid_type_error: '应为图片文件路径' }).transform((value, ctx) => {
        uses.images.push({ value, path: [...ctx.path] });
        return value;
      }),
    reference: <C extends CollectionName>(collection: C) =>
      z
        .string({ invalid_type_error: '应为 id（文件名，不带扩展名）' })
        .trim()
        .min(1, '不能为空')
        .transform((id, ctx): Ref<C> => {
          uses.refs.push({ collection, id, path: [...ctx.path] });
          return { collection, id };
        }),
  };
  return { context, uses };
}

/** Whether the value at `fieldPath` of the raw data is text with a placeholder in it. */
function fieldHoldsPlaceholder(data: unknown, fieldPath: readonly (string | number)[]): boolean {
  let value = data;
  for (const key of fieldPath) {
    if (value === null || typeof value !== 'object') return false;
    value = (value as Record<string | number, unknown>)[key];
  }
  return typeof value === 'string' && placeholderIn(value) !== null;
}

/**
 * Where in the file an issue should point. An unknown key has no path of its own in zod's issue,
 * and a missing alt text is best shown at the image it belongs to.
 */
function issueLinePath(issue: z.ZodIssue): (string | number)[] {
  if (issue.code === 'unrecognized_keys') return [...issue.path, issue.keys[0] ?? ''];
  const imageKey = issue.code === 'custom' ? (issue.params as { imageKey?: string } | undefined)?.imageKey : undefined;
  if (imageKey) return [...issue.path.slice(0, -1), imageKey];
  return issue.path;
}

/** The text of a file that is valid UTF-8 (with or without BOM), or null. */
function decodeUtf8(bytes: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** What one entry file's text says about itself, before its schema: read once per text and kept. */
interface EntryText {
  source: SourceFile;
  /** Its reading problems, personal data and unsafe body, without the file. */
  problems: Omit<Problem, 'file'>[];
  /** The pictures its body names next to the entry, lines counted in the body. */
  images: BodyImage[];
}

const entryTexts = memo<EntryText>(20_000);

/**
 * Reads an entry file's text: the YAML (and body), personal data in its text, a body the site
 * cannot show safely. The same text gives the same answer, so the editor's checks after a save
 * read only the files that changed.
 */
function readEntryText(text: string, { collection, ext, file, allow }: { collection: CollectionName; ext: string; file: string; allow: readonly string[] }): EntryText {
  return entryTexts.get(`${collection}\0${ext}\0${file}\0${allow.join('\u0001')}\0${text}`, () => {
    const { format } = COLLECTIONS[collection];
    const source: SourceFile = format === 'data' ? readDataSource(text) : readMarkdownSource(text);
    const problems: Omit<Problem, 'file'>[] = [...source.problems];
    if (source.data === undefined) return { source, problems, images: [] };
    // A body over the size limit is refused as such (checkBody) and not read word by word.
    const readable = Buffer.byteLength(source.body, 'utf8') > MAX_BODY_BYTES ? { ...source, body: '' } : source;
    problems.push(...textProblems(readable, { allow, letter: collection === 'letters', landlines: collection !== 'units', file }));
    let images: BodyImage[] = [];
    if (format === 'markdown') {
      const body = readBody(source.body, ext === '.mdx' ? 'mdx' : 'md');
      for (const problem of body.problems) {
        problems.push({ severity: 'error', code: 'unsafe-body', field: '正文', line: source.bodyLine + problem.line - 1, message: problem.message, hint: problem.hint });
      }
      images = body.images;
    }
    return { source, problems, images };
  });
}

/** Checks the whole content folder. Never throws on bad content: everything becomes a `Problem`. */
export function checkContent({ root, contentDir, now, privacyAllow = [], audience = 'public', site, fs = diskFs }: CheckOptions): CheckResult {
  const problems: Problem[] = [];
  const entries: CheckedEntry[] = [];
  const images: CheckedImage[] = [];
  const refs: { file: string; use: RefUse; line: number | undefined }[] = [];
  const relative = (file: string) => displayPath(root, file);
  const { context, uses } = recordingContext();
  // The names of the files in each folder an image is in, listed once: an image's name is compared
  // with them exactly, as a case-sensitive disk (the server's) would.
  const listed = new Map<string, Set<string>>();
  const filesIn = (dir: string) => {
    let names = listed.get(dir);
    if (!names) {
      names = new Set(fs.listFiles(dir).flatMap((f) => (path.dirname(f) === dir ? [path.basename(f)] : [])));
      listed.set(dir, names);
    }
    return names;
  };
  // Every entry file counts as existing for references, even one with errors of its own:
  // otherwise one broken profile would also be reported as "missing" by everything citing it.
  // Each id with the names it is known by, for the hint of a reference that misses.
  const ids = new Map<CollectionName, Map<string, string[]>>(COLLECTION_NAMES.map((c) => [c, new Map<string, string[]>()]));

  problems.push(...unknownFolders(contentDir, relative));

  for (const collection of COLLECTION_NAMES) {
    const definition = COLLECTIONS[collection];
    const schema = definition.schema(context);
    const folder = path.join(contentDir, collection);
    const seen = new Map<string, string>();

    const files = fs.listFiles(folder);
    // The folders of a collection are listed here already, sub-folders included.
    for (const file of files) {
      const names = listed.get(path.dirname(file));
      if (names) names.add(path.basename(file));
      else listed.set(path.dirname(file), new Set([path.basename(file)]));
    }
    for (const absolute of files) {
      const file = relative(absolute);
      const ext = path.extname(absolute).toLowerCase();
      // A file name becomes part of an address or an image's name on the site.
      problems.push(...fileNameProblems(path.relative(folder, absolute), file, privacyAllow));
      if (!EXTENSIONS[definition.format].includes(ext)) {
        if (!IMAGE_EXTENSIONS.includes(ext)) problems.push(ignoredFile(collection, file, definition.format));
        continue;
      }
      const id = entryIdFromPath(absolute);
      const at = (p: Omit<Problem, 'file'>): Problem => ({ ...p, file });

      if (!ENTRY_ID_PATTERN.test(id)) {
        problems.push(
          at({
            severity: 'error',
            code: 'id-invalid',
            value: path.basename(absolute),
            message: `文件名 “${path.basename(absolute)}” 不能用作网址 id`,
            hint: '文件名就是网址中的 id：只用小写拼音字母、数字和连字符，如 wang-xiang.md',
          }),
        );
      }
      if (RESERVED_IDS[collection]?.includes(id)) {
        problems.push(
          at({
            severity: 'error',
            code: 'id-invalid',
            value: id,
            message: `文件名 “${path.basename(absolute)}” 与网站自带页面的网址相同（/${collection}/${id}/）`,
            hint: `请给文件改个名，如 ${id}-1${path.extname(absolute)}`,
          }),
        );
      }
      const earlier = seen.get(id);
      if (earlier) {
        problems.push(
          at({
            severity: 'error',
            code: 'id-duplicate',
            value: id,
            message: `id “${id}” 重复：${earlier} 和 ${file} 会生成同一个网址`,
            hint: `id 就是文件名（不含扩展名和文件夹）。请给其中一个改名，如 ${id}-2`,
          }),
        );
        continue;
      }
      seen.set(id, file);
      ids.get(collection)!.set(id, []);

      // Before reading: a file of gigabytes would not even fit in memory.
      const oversized = oversizedSourceFile(fs.size(absolute));
      if (oversized) {
        problems.push(at(oversized));
        continue;
      }
      const bytes = fs.readFile(absolute);
      const text = decodeUtf8(bytes);
      if (text === null) {
        problems.push(
          at({
            severity: 'error',
            code: 'encoding',
            message: '文件不是 UTF-8 编码，无法读取（可能是用记事本或 Excel 按 GBK 保存的）',
            hint: '请用文本编辑器把文件“另存为”UTF-8 编码（VS Code：右下角编码→通过编码保存→UTF-8）',
          }),
        );
        continue;
      }
      const { source, problems: own, images: shown } = readEntryText(text, { collection, ext, file, allow: privacyAllow });
      problems.push(...own.map(at));
      if (source.data === undefined) continue;
      ids.get(collection)!.set(id, namesOf(source.data));
      if (source.problems.some((p) => p.severity === 'error')) continue;

      uses.refs = [];
      uses.images = [];
      const parsed = schema.safeParse(source.data);
      // A field still holding a placeholder has one problem, the placeholder: its value is not an
      // id, a date or a file yet, and saying so as well would send the clerk to create
      // `units/（请填写：…）.md`.
      const unfilled = (fieldPath: readonly (string | number)[]) => fieldHoldsPlaceholder(source.data, fieldPath);
      // References and images are recorded field by field, so they are checked even when another
      // field of the same file is wrong: one run shows as much as possible.
      for (const use of uses.refs) if (!unfilled(use.path)) refs.push({ file, use, line: source.lineOf(use.path) });
      for (const image of uses.images) {
        if (unfilled(image.path)) continue;
        const problem = checkImage(image, path.dirname(absolute), { relative, entry: `${collection}/${id}`, fs, filesIn });
        const line = source.lineOf(image.path);
        if (problem) problems.push(at({ ...problem, ...(line ? { line } : {}) }));
        else images.push({ file, field: formatFieldPath(image.path), ...(line ? { line } : {}), path: path.resolve(path.dirname(absolute), image.value), value: image.value });
      }
      // The body's pictures are files next to the entry as a picture field's are, and read by the
      // build the same way (astro:assets): the same rules, at the body's line.
      const bodyImages = shown.map((image) => ({ path: image.path, line: source.bodyLine + image.line - 1 }));
      for (const image of bodyImages) {
        const problem = checkImage({ value: image.path, path: ['正文'] }, path.dirname(absolute), { relative, entry: `${collection}/${id}`, fs, filesIn }, BODY_WRITING);
        if (problem) problems.push(at({ ...problem, line: image.line }));
        else images.push({ file, field: '正文', line: image.line, path: path.resolve(path.dirname(absolute), image.path), value: image.path });
      }
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          if (unfilled(issue.path)) continue;
          const line = source.lineOf(issueLinePath(issue));
          problems.push(at({ ...translateIssue(issue, schema, source.data, source.writtenAt), ...(line ? { line } : {}) }));
        }
        continue;
      }
      // The one place the data meets its type: the schema was chosen by the folder it came from.
      const entry = { collection, id, file, data: parsed.data, written: source.data, body: source.body, bodyLine: source.bodyLine, bodyImages, lineOf: source.lineOf } as CheckedEntry;
      entries.push(entry);
      const { publishDate } = entry.data;
      if (entry.data.draft && publishDate && publishDate.getTime() <= now.getTime()) {
        const line = source.lineOf(['draft']);
        problems.push(
          at({
            severity: 'warning',
            code: 'draft-overdue',
            field: 'draft',
            ...(line ? { line } : {}),
            message: '这是草稿，但它的发布时间 publishDate 已经过了，所以仍然不会发布',
            hint: '如果已经可以公开，请删除 draft: true 这一行；如果还不能公开，请改一个新的 publishDate',
          }),
        );
      }
      if (entry.collection === 'officers' && !entry.data.consent && !entry.data.draft) {
        const line = source.lineOf(['consent']);
        problems.push(
          at({
            severity: 'warning',
            code: 'consent-missing',
            field: 'consent',
            ...(line ? { line } : {}),
            message: '没有 consent: true（本人同意公开），这个人物不会出现在公开网站上',
            hint: '取得本人书面同意后，加上一行 consent: true',
          }),
        );
      }
    }
  }

  for (const { file, use, line } of refs) {
    const known = ids.get(use.collection)!;
    if (known.has(use.id)) continue;
    const { label } = COLLECTIONS[use.collection];
    const folder = relative(path.join(contentDir, use.collection));
    // A name is no file name: no "create 王祥.md" for it.
    const create = ENTRY_ID_PATTERN.test(use.id) ? `；如果是新${label}，请先创建 ${folder}/${use.id}.md` : '';
    problems.push({
      severity: 'error',
      code: 'reference-missing',
      file,
      ...(line ? { line } : {}),
      field: formatFieldPath(use.path),
      value: use.id,
      message: `引用的${label} “${use.id}” 不存在`,
      hint: `${referenceSuggestion(use.id, known, use.collection, label)}id 是 ${folder}/ 中的文件名（不含 .md）${create}`,
    });
  }

  problems.push(
    ...checkUnitTree(entriesOf(entries, 'units'), now, {
      folder: relative(path.join(contentDir, 'units')),
      files: ids.get('units')!.size,
    }),
  );
  problems.push(...checkMetricSeries(entriesOf(entries, 'stats')));
  const points = entriesOf(entries, 'points');
  problems.push(...checkPoints(points, site?.config.points.categories ?? DEFAULT_POINT_CATEGORIES));
  problems.push(...checkPointsPeriods(entriesOf(entries, 'honors'), points));
  if (site) problems.push(...checkStudyRotation(site.config.studyRotation, site.file, ids));
  // The publishing rules need every reference resolved: a broken one would make a public person
  // look unpublished, and every mention of them a false alarm.
  let traces: HiddenTraces | undefined;
  if (!problems.some((p) => p.severity === 'error' && (p.code === 'reference-missing' || p.code === 'unit-tree'))) {
    const found = hiddenTraces(entries, { now, audience, points: site?.config.points.publish });
    traces = { canaries: found.canaries, hidden: found.hidden };
    problems.push(...hiddenTraceProblems(entries, { now, audience }, found));
  }
  return { problems: sortProblems(problems), entries, images, ...(traces ? { traces } : {}) };
}

/** The names an entry is known by, as written in its file: name, short name, title, aliases. */
function namesOf(data: unknown): string[] {
  if (data === null || typeof data !== 'object') return [];
  const { name, shortName, title, aliases } = data as Record<string, unknown>;
  return [name, shortName, title, ...(Array.isArray(aliases) ? aliases : [])].filter((n): n is string => typeof n === 'string' && n.trim() !== '');
}

function ignoredFile(collection: CollectionName, file: string, format: 'markdown' | 'data'): Problem {
  return {
    severity: 'warning',
    code: 'file-ignored',
    file,
    message: `这个文件不会被读取：${collection} 中只读取 ${EXTENSIONS[format].join('、')} 文件和图片`,
    hint: format === 'data' ? '数据请写成 .yaml 文件' : `条目请写成 .md 文件；图片可用 ${IMAGE_EXTENSIONS.join('、')}`,
  };
}

function unknownFolders(contentDir: string, relative: (f: string) => string): Problem[] {
  if (!existsSync(contentDir)) {
    return [
      {
        severity: 'error',
        code: 'config',
        file: relative(contentDir),
        message: '找不到内容文件夹',
        hint: `请创建 ${relative(contentDir)}/，其中每类内容一个子文件夹：${COLLECTION_NAMES.join('、')}`,
      },
    ];
  }
  return readdirSync(contentDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !(COLLECTION_NAMES as readonly string[]).includes(d.name))
    .map((d) => {
      const close = closestMatches(d.name, COLLECTION_NAMES, 1);
      return {
        severity: 'warning' as const,
        code: 'file-ignored' as const,
        file: relative(path.join(contentDir, d.name)),
        message: `文件夹 ${d.name} 不是内容类别，其中的文件不会被读取`,
        hint: `${close.length ? `是不是 ${close[0]}？` : ''}内容类别文件夹只有：${COLLECTION_NAMES.join('、')}`,
      };
    });
}

/**
 * Why an image named in a field is not the file it names, or null when it is: no such file, or
 * one whose name differs in case or extension (IMG_0456.jpg for IMG_0456.JPG, .jpeg for .jpg),
 * which is named with what to write. A name differing only in case is refused on Windows too,
 * where the disk finds the file anyway: the site must build alike on the server.
 */
function missingImage(image: ImageUse, entryDir: string, fs: ContentFs, filesIn: (dir: string) => ReadonlySet<string>, writing: ImageWriting): Pick<Problem, 'message' | 'hint'> | null {
  const file = path.resolve(entryDir, image.value);
  const name = path.basename(file);
  const siblings = filesIn(path.dirname(file));
  if (fs.isFile(file) && (siblings.size === 0 || siblings.has(name))) return null;
  const folder = image.value.slice(0, image.value.length - name.length);
  const stem = (n: string) => n.slice(0, n.length - path.extname(n).length).toLowerCase();
  const images = [...siblings].filter((n) => IMAGE_EXTENSIONS.includes(path.extname(n).toLowerCase()));
  const same = images.filter((n) => n !== name && stem(n) === stem(name));
  if (same.length > 0) {
    const how = (n: string) => (n.toLowerCase() === name.toLowerCase() ? '大小写不同' : '扩展名不同');
    return {
      message: `找不到图片文件 ${image.value}：文件夹中的是 ${same.map((n) => `${n}（${how(n)}）`).join('、')}`,
      hint: `文件名要与实际文件完全一致（区分大小写和扩展名）：改成 ${writing.written(image, `${folder}${same[0]}`)}`,
    };
  }
  const close = closestMatches(name, images);
  return {
    message: `找不到图片文件 ${image.value}`,
    hint: `${close.length ? `是不是 ${close.map((n) => `${folder}${n}`).join('、')}？` : ''}图片路径相对于条目文件所在的文件夹；请检查文件名（区分大小写和扩展名），或把图片放到那里`,
  };
}

/** How a picture's file name is written where it is named: in a field (`photo: x.jpg`) or in the body (`![说明](./x.jpg)`). */
interface ImageWriting {
  written: (image: ImageUse, value: string) => string;
  /** Where to put the file and what to write, when the value is a web address or an absolute path. */
  local: (shownDir: string) => string;
}

const FIELD_WRITING: ImageWriting = {
  written: (image, value) => `${String(image.path.findLast((segment) => typeof segment === 'string') ?? 'photo')}: ${value}`,
  local: (shownDir) => `把图片放在 ${shownDir}/ 中（与条目文件同一文件夹），这里只写文件名，如 wang-xiang.jpg`,
};

const BODY_WRITING: ImageWriting = {
  written: (_, value) => `![图片说明](${value})`,
  local: (shownDir) => `把图片放在 ${shownDir}/ 中（与条目文件同一文件夹），写成 ![图片说明](./文件名.jpg)`,
};

/** A path as a command-line argument: quoted when it has a space. */
const shellArgument = (text: string) => (/\s/.test(text) ? `"${text}"` : text);

function checkImage(
  image: ImageUse,
  entryDir: string,
  { relative, entry, fs, filesIn }: { relative: (file: string) => string; entry: string; fs: ContentFs; filesIn: (dir: string) => ReadonlySet<string> },
  writing: ImageWriting = FIELD_WRITING,
): Omit<Problem, 'file'> | null {
  const field = formatFieldPath(image.path);
  const shownDir = relative(entryDir);
  // The rule a body picture is held to too (picture-place.ts), in a field's words.
  const elsewhere = pictureElsewhere(image.value);
  if (elsewhere) {
    return {
      severity: 'error',
      code: 'image-missing',
      field,
      value: image.value,
      message: elsewhere === 'outside' ? `${field} 的图片在条目文件所在文件夹之外（路径中有 ..）` : `${field} 必须是本地图片文件，不能是网址或绝对路径`,
      hint: writing.local(shownDir),
    };
  }
  const ext = path.extname(image.value).toLowerCase();
  if (!IMAGE_EXTENSIONS.includes(ext)) {
    const rename = IMAGE_RENAMES[ext];
    const renamed = rename ? `${image.value.slice(0, image.value.length - ext.length)}${rename}` : '';
    return {
      severity: 'error',
      code: 'image-format',
      field,
      value: image.value,
      message: `${field} 的图片格式 “${ext || '无扩展名'}” 不受支持`,
      hint: rename
        ? `把图片文件改名为 ${path.basename(renamed)}（只改扩展名），这里写成 ${writing.written(image, renamed)}`
        : `请转换为 ${IMAGE_EXTENSIONS.join('、')} 之一`,
    };
  }
  const missing = missingImage(image, entryDir, fs, filesIn, writing);
  if (missing) return { severity: 'error', code: 'image-missing', field, value: image.value, ...missing };
  const size = fs.size(path.resolve(entryDir, image.value));
  if (size > MAX_IMAGE_BYTES) {
    return {
      severity: 'error',
      code: 'image-size',
      field,
      value: image.value,
      message: `图片文件太大（${formatMegabytes(size)}，上限 ${formatMegabytes(MAX_IMAGE_BYTES)}）`,
      // photo reads its file relative to the working directory, the project folder: give the path
      // from there, as the messages show it, not the one relative to the entry.
      hint: `先在项目文件夹中运行 npm run photo -- ${shellArgument(relative(path.resolve(entryDir, image.value)))} --for ${entry} 处理：它会把照片缩小到合适的尺寸并去除拍摄位置等信息`,
    };
  }
  return null;
}

/**
 * The site's own unit is the one without a parent: there must be exactly one, it must be public,
 * and no chain of parents may loop. `units` are the unit entries that passed their schema; `files`
 * counts every unit file, so a unit with errors of its own is not also reported as absent.
 */
function checkUnitTree(units: CheckedEntryOf<'units'>[], now: Date, { folder, files }: { folder: string; files: number }): Problem[] {
  const problems: Problem[] = [];
  const parentOf = (u: CheckedEntryOf<'units'>) => u.data.parent?.id;
  const roots = units.filter((u) => parentOf(u) === undefined);
  // A unit file that failed its schema may be the missing root (or an extra one): count only when all were read.
  if (units.length > 0 && units.length === files && roots.length !== 1) {
    const first = roots[1] ?? units[0]!;
    problems.push({
      severity: 'error',
      code: 'unit-tree',
      file: first.file,
      field: 'parent',
      message:
        roots.length === 0
          ? '没有本站单位：每个单位都填写了 parent'
          : `有 ${roots.length} 个单位没有填写 parent（${roots.map((r) => r.file).join('、')}），本站单位只能有一个`,
      hint: '不填 parent 的单位就是本站单位（如大队）；其他单位（中队、警务站、党支部）都要填写 parent: 上级单位 id',
    });
  }
  if (files === 0) {
    problems.push({
      severity: 'error',
      code: 'unit-tree',
      file: folder,
      message: '还没有任何单位：网站至少需要本站单位',
      hint: `新建 ${folder}/<拼音>.md，写明 name 和 kind（不填 parent）`,
    });
  }
  const root = roots.length === 1 ? roots[0]! : undefined;
  if (root) {
    const reason = ownExclusionReason('units', root.data, { now, audience: 'public' });
    if (reason) {
      problems.push({
        severity: 'error',
        code: 'unit-tree',
        file: root.file,
        field: reason === 'draft' ? 'draft' : reason === 'internal' ? 'visibility' : 'publishDate',
        message: '本站单位未公开（草稿、内部或未到发布时间），网站无法生成',
        hint: '本站单位必须公开：删除 draft、visibility: internal 或 publishDate',
      });
    }
  }
  const byId = new Map(units.map((u) => [u.id, u]));
  const reported = new Set<string>();
  for (const unit of units) {
    const trail: string[] = [];
    let current: CheckedEntryOf<'units'> | undefined = unit;
    while (current && !trail.includes(current.id)) {
      trail.push(current.id);
      const parent = parentOf(current);
      current = parent === undefined ? undefined : byId.get(parent);
    }
    const parent = parentOf(unit);
    if (current && current.id === unit.id && parent !== undefined && !reported.has(unit.id)) {
      trail.forEach((id) => reported.add(id));
      problems.push({
        severity: 'error',
        code: 'unit-tree',
        file: unit.file,
        field: 'parent',
        value: parent,
        message: `上级单位形成了循环：${[...trail, unit.id].join(' → ')}`,
        hint: '单位的 parent 应指向更上一级的单位，最终到达不填 parent 的本站单位',
      });
    }
  }
  return problems;
}

/**
 * A metric key names one series across periods; if its counting word changes between periods
 * (人次 in one, 起 in another) the series would mix different things.
 */
function checkMetricSeries(stats: CheckedEntryOf<'stats'>[]): Problem[] {
  const firstUse = new Map<string, { unit: string; file: string }>();
  const problems: Problem[] = [];
  for (const stat of stats) {
    stat.data.metrics.forEach((metric, index) => {
      const first = firstUse.get(metric.key);
      if (!first) firstUse.set(metric.key, { unit: metric.unit, file: stat.file });
      else if (first.unit !== metric.unit) {
        problems.push({
          severity: 'warning',
          code: 'metric-duplicate',
          file: stat.file,
          field: `metrics[${index}].unit`,
          value: metric.unit,
          message: `指标 ${metric.key} 的计量单位是 “${metric.unit}”，而 ${first.file} 中是 “${first.unit}”`,
          hint: '同一个 key 在各期应统计同一件事、用同一个计量单位；如果统计口径变了，请换一个新的 key',
        });
      }
    });
  }
  return problems;
}

/** Problems in file order, then line order: a file's problems together, top to bottom. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.file.localeCompare(b.p.file) || (a.p.line ?? 0) - (b.p.line ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}
