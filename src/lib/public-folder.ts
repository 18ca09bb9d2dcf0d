/**
 * What may be dropped into `public/`. Astro copies that folder into the site as it is, past the
 * content check, the publishing rules and the Content-Security-Policy, so it holds only what a
 * site needs and the privacy guard can read: images it can serve, a few site files such as
 * robots.txt-style verification codes, WOFF fonts. Everything else is refused with a message
 * saying what to do instead; the litter of Windows and macOS is not published and only warned
 * about, since nobody put it there on purpose.
 *
 * Decisions worth knowing:
 * - `.txt` is allowed only at the top of `public/` and in `.well-known/`: that is where site
 *   files live (search-engine verification codes, security.txt, ads.txt); a text file deeper
 *   down is a document, and documents are entries. The build writes robots.txt itself.
 * - `.json` is allowed only as `manifest.json` at the top (the older name of a web-app manifest)
 *   and in `.well-known/`: JSON is how other systems export their records, and the site writes
 *   every JSON it needs itself.
 * - `.html` is refused, except the verification files Baidu and Google ask for by exact name at
 *   the top; their content must be the bare code (kind `text`), which the rule says in `kinds`.
 * - Fonts: WOFF2 and WOFF only; TTF and OTF are refused with a hint to convert (a CJK TTF is
 *   megabytes).
 */
import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expectedKinds, type FileKind } from './published-file';

/** Stable codes of the public-folder rules. */
export type PublicFileCode =
  | 'image'
  | 'site-file'
  | 'verification'
  | 'font'
  | 'system-file'
  | 'page-or-script'
  | 'stylesheet'
  | 'markdown'
  | 'spreadsheet'
  | 'document'
  | 'personal-data'
  | 'archive'
  | 'convert-image'
  | 'font-format'
  | 'media'
  | 'data-file'
  | 'generated-file'
  | 'no-extension'
  | 'hidden-file'
  | 'link'
  | 'unknown-type';

/** A file that may be published; `kinds` are the content kinds it may have (see `inspectFile`). */
export interface PublishRule {
  verdict: 'publish';
  code: 'image' | 'site-file' | 'verification' | 'font';
  kinds: readonly FileKind[];
}

/** A file that is left out of the site (with a warning) or stops the build (an error). */
export interface ExcludeRule {
  verdict: 'ignore' | 'refuse';
  code: Exclude<PublicFileCode, PublishRule['code']>;
  /** `ignore` is a warning: the file is not published and the build goes on. */
  severity: 'warning' | 'error';
  /** What is wrong, in Chinese. */
  message: string;
  /** What to do about it, in Chinese. */
  hint: string;
}

export type PublicFileRule = PublishRule | ExcludeRule;

const IMAGES = new Set(['.png', '.jpg', '.jpeg', '.webp', '.avif', '.gif', '.ico', '.svg']);
const FONTS = new Set(['.woff2', '.woff']);
const TEXT_KINDS: readonly FileKind[] = ['text', 'empty'];

/** Litter of Windows, macOS, Linux desktops, Office and editors: never meant to be published. */
const SYSTEM_FILES = [
  /^(thumbs|ehthumbs|ehthumbs_vista)\.db$/i,
  /^desktop\.ini$/i,
  /^\.ds_store$/i,
  /^\._/,
  /^\.localized$/i,
  /^\.directory$/i,
  /^icon\r$/i,
  /^~\$/,
  /^\.~lock\..*#$/,
  /~$/,
  /\.(tmp|temp|crdownload|part|partial|swp|swo)$/i,
  /^\.(gitkeep|keep|gitignore|gitattributes)$/i,
];
const SYSTEM_FOLDERS = new Set(['__macosx', '$recycle.bin', 'system volume information', '.spotlight-v100', '.trashes', '.fseventsd', '.temporaryitems']);

/** What the build writes itself: a file of the same name in public/ would clash with it. */
const GENERATED = [/^robots\.txt$/i, /^rss\.xml$/i, /^sitemap.*\.xml$/i, /^404\.html$/i, /^(pagefind|_astro|share)\//i];

/** Site files allowed at the top of public/, by name. */
const SITE_FILES = [/^manifest\.json$/i, /\.webmanifest$/i, /^browserconfig\.xml$/i, /^bingsiteauth\.xml$/i, /\.txt$/i];
/** Search-engine verification pages, by the exact names Baidu and Google give them. */
const VERIFICATION = [/^baidu_verify_[\w-]+\.html$/i, /^google[0-9a-f]{16}\.html$/i];

/** Refused extensions by what they are, each group with its own message. */
const EXTENSION_GROUPS: readonly { code: ExcludeRule['code']; extensions: readonly string[] }[] = [
  {
    code: 'page-or-script',
    extensions: '.html .htm .xhtml .shtml .js .mjs .cjs .php .asp .aspx .jsp .cgi .wasm .swf .exe .dll .msi .bat .cmd .ps1 .vbs .sh .apk .jar'.split(' '),
  },
  { code: 'stylesheet', extensions: '.css .scss .less'.split(' ') },
  { code: 'markdown', extensions: '.md .mdx .markdown'.split(' ') },
  { code: 'spreadsheet', extensions: '.csv .tsv .xlsx .xls .xlsm .ods .et .numbers'.split(' ') },
  { code: 'document', extensions: '.doc .docx .wps .odt .rtf .pdf .ppt .pptx .dps .odp .key .pages .ofd'.split(' ') },
  { code: 'personal-data', extensions: '.vcf .ics .eml .msg .mbox .db .sqlite .sqlite3 .mdb .accdb .sql .bak .log .dat'.split(' ') },
  { code: 'archive', extensions: '.zip .gz .tgz .7z .rar .tar .bz2 .xz .br .zst .cab .iso .dmg'.split(' ') },
  {
    code: 'convert-image',
    extensions: '.jfif .jpe .pjpeg .pjp .heic .heif .tif .tiff .bmp .dib .psd .ai .eps .emf .wmf .raw .dng .cr2 .nef .arw .apng .cur'.split(' '),
  },
  { code: 'font-format', extensions: '.ttf .otf .ttc .eot'.split(' ') },
  { code: 'media', extensions: '.mp4 .mov .avi .wmv .mkv .flv .webm .mp3 .wav .m4a .amr .aac .ogg .flac'.split(' ') },
  { code: 'data-file', extensions: '.json .xml .txt .webmanifest .yaml .yml'.split(' ') },
  { code: 'link', extensions: '.lnk .url .webloc .desktop'.split(' ') },
];

const PHOTO_HINT = '条目的照片请用 npm run photo 导入（会转正并去掉全部元数据）。';

/** The message and hint of a refusal, for a file with extension `ext` and name `name`. */
function refusal(code: ExcludeRule['code'], ext: string, name: string): { message: string; hint: string } {
  switch (code) {
    case 'page-or-script':
      return {
        message: `public/ 中不能放网页或程序（${ext}）：它会原样出现在网站上，绕过内容检查、隐私检查和内容安全策略（CSP）`,
        hint: '要发布的文字请写成条目（用 npm run new 新建），由网站生成页面；脚本和程序不能发布。搜索引擎的站点验证文件请保持平台给的原文件名（如 baidu_verify_xxxx.html），放在 public/ 最外层。',
      };
    case 'stylesheet':
      return {
        message: `public/ 中不能放样式表（${ext}）：网站只有一份样式，以免页面在不同地方显示不一致`,
        hint: '颜色、徽标、网站名称请在 site.config.yaml 中设置；需要改版式请联系维护人员修改 src/styles/global.css。',
      };
    case 'markdown':
      return {
        message: 'Markdown 文件放在 public/ 中不会成为网页，只会原样供人下载，也不经过内容检查',
        hint: '请把它做成条目：放进 src/content/ 下对应的栏目（npm run new 可以生成）。',
      };
    case 'spreadsheet':
      return {
        message: `表格文件（${ext}）可能含有网站无法核对的个人信息，不能直接发布`,
        hint: '要把表格中的荣誉、来信、统计等录入网站，请用 npm run import -- <栏目> <文件>；不需要公开的表格请移出 public/。',
      };
    case 'document':
      return {
        message: `文档（${ext}）可能含有网站无法核对的个人信息（包括文件属性中的作者），不能直接发布`,
        hint: '事迹材料请用 npm run import -- docx <文件> --for <栏目>/<编号> 导入为条目正文；其他文档请移出 public/。',
      };
    case 'personal-data':
      return {
        message: `${ext} 文件（通讯录、日历、邮件、数据库、备份、日志）通常含有个人信息，不能发布`,
        hint: '请把它移出 public/；需要公开的信息请写成条目。',
      };
    case 'archive':
      return {
        message: `压缩包（${ext}）里的内容网站无法检查，不能发布`,
        hint: '请解压后只把可以公开的图片放进 public/，或写成条目；网页的 .gz 压缩副本由构建自动生成，不需要手动放。',
      };
    case 'convert-image':
      if (ext === '.heic' || ext === '.heif') {
        return {
          message: 'HEIC 格式的照片（苹果手机的默认格式）多数浏览器无法显示，且通常带有拍摄位置等信息',
          hint: `请在手机或电脑上另存为 JPG 后再放入；${PHOTO_HINT}`,
        };
      }
      if (['.jfif', '.jpe', '.pjpeg', '.pjp'].includes(ext)) {
        return {
          message: `${ext} 是 JPEG 图片少见的扩展名，这类文件多直接来自手机、微信或浏览器下载，可能带有拍摄位置等信息`,
          hint: `请用图片软件另存为 .jpg（不保留元数据）；${PHOTO_HINT}`,
        };
      }
      if (['.tif', '.tiff', '.bmp', '.dib', '.apng', '.cur'].includes(ext)) {
        return { message: `${ext} 图片浏览器无法显示，或者文件过大`, hint: `请转换为 PNG 或 JPG 后再放入；${PHOTO_HINT}` };
      }
      return { message: `${ext} 是设计软件或相机的原始文件，浏览器无法显示`, hint: '请导出为 PNG、JPG 或 SVG 后再放入。' };
    case 'font-format':
      return { message: `字体文件（${ext}）体积大，网页不宜直接使用`, hint: '请转换为 WOFF2 格式（只保留用到的字）后再放入。' };
    case 'media':
      return { message: `音频和视频（${ext}）网站无法检查其中的内容（画面和声音里可能有未同意公开的人或个人信息）`, hint: '请把它移出 public/。' };
    case 'data-file':
      return {
        message: `${ext} 数据文件可能含有网站无法核对的个人信息，不能直接发布；只有 public/ 最外层的站点文件（如搜索引擎验证码 .txt、manifest.json）可以放`,
        hint: '要发布的内容请写成条目；站点验证文件请放在 public/ 最外层。',
      };
    case 'generated-file':
      return {
        message: `${name} 由网站自动生成，public/ 中的同名文件会与之冲突`,
        hint: '请删除 public/ 中的这个文件；要改变其内容，请修改 site.config.yaml。',
      };
    case 'no-extension':
      return { message: '文件没有扩展名：无法判断它是什么，浏览器也无法正确显示', hint: '请加上正确的扩展名（如 .png）；不需要发布的文件请移出 public/。' };
    case 'hidden-file':
      return { message: '隐藏文件（名称以“.”开头，或在这样的文件夹中）不能发布：它们多是软件的配置，可能含有账号等信息', hint: '请把它移出 public/。' };
    case 'link':
      return { message: '这是一个快捷方式或链接，指向别处的文件', hint: '请放入文件本身，或把它移出 public/。' };
    case 'system-file':
      return { message: `${name} 是系统或软件自动生成的文件，不会发布`, hint: '可以删除它。' };
    case 'unknown-type':
      return {
        message: `网站不发布 ${ext} 类型的文件：无法检查其中是否含有个人信息`,
        hint: 'public/ 只放网站图标、徽标等图片（PNG、JPG、WebP、AVIF、GIF、ICO、SVG）、WOFF2 字体和站点验证一类文件；其他内容请写成条目。',
      };
  }
}

function exclude(code: ExcludeRule['code'], ext: string, name: string): ExcludeRule {
  const verdict = code === 'system-file' ? 'ignore' : 'refuse';
  return { verdict, code, severity: verdict === 'ignore' ? 'warning' : 'error', ...refusal(code, ext, name) };
}

/** Whether a folder path's segments put it among system litter or hidden files (`.well-known/` is not hidden). */
function folderExclusion(folders: readonly string[], name: string, ext: string): ExcludeRule | undefined {
  if (folders.some((s) => SYSTEM_FOLDERS.has(s.toLowerCase()))) return exclude('system-file', ext, name);
  if (folders.some((s, i) => s.startsWith('.') && !(i === 0 && s === '.well-known'))) return exclude('hidden-file', ext, name);
  return undefined;
}

const segmentsOf = (relativePath: string) =>
  relativePath
    .replaceAll('\\', '/')
    .split('/')
    .filter((s) => s !== '' && s !== '.');

/**
 * Whether a folder in `public/` is left out as a whole (a hidden or system folder), or undefined
 * when its files are judged one by one. `relativePath` is relative to `public/`.
 */
export function publicFolderRule(relativePath: string): ExcludeRule | undefined {
  const segments = segmentsOf(relativePath);
  return folderExclusion(segments, `${segments.at(-1) ?? ''}/`, '');
}

/**
 * Whether a file in `public/` may be published. `relativePath` is relative to `public/`, with `/`
 * or `\` separators. The rule reads only the name: what the file holds is `inspectFile`'s to
 * say, and a `publish` rule lists the content kinds the file must have.
 */
export function publicFileRule(relativePath: string): PublicFileRule {
  const segments = segmentsOf(relativePath);
  const name = segments.at(-1) ?? '';
  const folders = segments.slice(0, -1);
  const ext = path.posix.extname(name).toLowerCase();

  const inFolder = folderExclusion(folders, name, ext);
  if (inFolder) return inFolder;
  if (SYSTEM_FILES.some((re) => re.test(name))) return exclude('system-file', ext, name);
  if (name.startsWith('.')) return exclude('hidden-file', ext, name);
  if (GENERATED.some((re) => re.test(segments.join('/')))) return exclude('generated-file', ext, name);
  if (ext === '') return exclude('no-extension', ext, name);

  if (IMAGES.has(ext)) return { verdict: 'publish', code: 'image', kinds: expectedKinds(name) };
  if (FONTS.has(ext)) return { verdict: 'publish', code: 'font', kinds: ['font'] };
  if (folders[0] === '.well-known' && (ext === '.txt' || ext === '.json')) return { verdict: 'publish', code: 'site-file', kinds: TEXT_KINDS };
  if (folders.length === 0 && SITE_FILES.some((re) => re.test(name)))
    return { verdict: 'publish', code: 'site-file', kinds: ext === '.xml' ? ['xml', 'text'] : TEXT_KINDS };
  if (folders.length === 0 && VERIFICATION.some((re) => re.test(name))) return { verdict: 'publish', code: 'verification', kinds: ['text'] };

  const group = EXTENSION_GROUPS.find((g) => g.extensions.includes(ext));
  return exclude(group?.code ?? 'unknown-type', ext, name);
}

/** A file (or a whole hidden or system folder) found in `public/`, with its rule. */
export interface PublicFile {
  /** Relative to `public/`, with `/` separators; a folder ends with `/`. */
  path: string;
  rule: PublicFileRule;
}

/**
 * Every file under `dir` (the public folder) with its rule, sorted by path. Hidden and system
 * folders are listed once, as a folder, rather than file by file; links are refused without
 * being followed, since they point outside the folder the site is made from.
 */
export function listPublicFiles(dir: string): PublicFile[] {
  const found: PublicFile[] = [];
  const pending = [''];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    for (const entry of readdirSync(path.join(dir, folder), { withFileTypes: true })) {
      const relative = folder ? `${folder}/${entry.name}` : entry.name;
      if (lstatSync(path.join(dir, relative)).isSymbolicLink()) {
        found.push({ path: relative, rule: exclude('link', path.posix.extname(entry.name).toLowerCase(), entry.name) });
      } else if (entry.isDirectory()) {
        const rule = publicFolderRule(relative);
        if (rule) found.push({ path: `${relative}/`, rule });
        else pending.push(relative);
      } else {
        found.push({ path: relative, rule: publicFileRule(relative) });
      }
    }
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
