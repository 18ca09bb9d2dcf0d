/**
 * What a file really is, from its first bytes, and what its extension promises. A published file
 * is served with the type its extension names, so a page named `logo.png` or a photo named
 * `notes.txt` is a problem in itself, and the inspection must read what is there, not what the
 * name says.
 */
import path from 'node:path';
import { isHeic } from '../authoring/photo-input';
import { ascii, hasBytes, u16, u32 } from './bytes';
import { decodeTextFile, type DecodedText } from './text-encoding';

/** A file's type as its content shows it. */
export type FileKind =
  | 'empty'
  | 'text'
  | 'html'
  | 'xml'
  | 'svg'
  | 'gzip'
  | 'brotli'
  | 'zip'
  | 'archive'
  | 'office'
  | 'pdf'
  | 'executable'
  | 'jpeg'
  | 'png'
  | 'gif'
  | 'webp'
  | 'avif'
  | 'heif'
  | 'tiff'
  | 'ico'
  | 'bmp'
  | 'wasm'
  | 'font'
  | 'binary';

/** Each kind as a clerk would name it, for messages. */
export const FILE_KIND_LABELS: Readonly<Record<FileKind, string>> = {
  empty: '空文件',
  text: '文本',
  html: 'HTML 网页',
  xml: 'XML 文件',
  svg: 'SVG 图片',
  gzip: 'gzip 压缩文件',
  brotli: 'Brotli 压缩文件',
  zip: 'ZIP 压缩包或 Office 文档',
  archive: '压缩包',
  office: '旧版 Office 文档（.doc、.xls）',
  pdf: 'PDF 文档',
  executable: '可执行程序',
  jpeg: 'JPEG 图片',
  png: 'PNG 图片',
  gif: 'GIF 图片',
  webp: 'WebP 图片',
  avif: 'AVIF 图片',
  heif: 'HEIC/HEIF 照片',
  tiff: 'TIFF 图片',
  ico: 'ICO 图标',
  bmp: 'BMP 图片',
  wasm: 'WebAssembly 程序',
  font: '字体文件',
  binary: '无法识别的二进制数据',
};

const PLAIN_TEXT: readonly FileKind[] = ['text', 'empty'];
const JPEG: readonly FileKind[] = ['jpeg'];
const FONT: readonly FileKind[] = ['font'];
const ZIP: readonly FileKind[] = ['zip'];

/**
 * The kinds each extension allows. An `.ico` may hold a bare PNG or BMP (browsers show both);
 * Markdown may start with HTML; an `.html` page need not start with a tag. Extensions not listed
 * promise nothing (Pagefind's `.pf_fragment`, for instance), so they cannot mismatch.
 */
const EXPECTED_KINDS: Readonly<Record<string, readonly FileKind[]>> = {
  '.html': ['html', 'text', 'empty'],
  '.htm': ['html', 'text', 'empty'],
  '.xhtml': ['html', 'xml'],
  '.xml': ['xml', 'svg', 'text', 'empty'],
  '.rss': ['xml'],
  '.atom': ['xml'],
  '.xsl': ['xml'],
  '.svg': ['svg'],
  '.md': ['text', 'html', 'xml', 'empty'],
  '.mdx': ['text', 'html', 'xml', 'empty'],
  ...Object.fromEntries(
    ['.txt', '.css', '.js', '.mjs', '.cjs', '.json', '.webmanifest', '.map', '.csv', '.tsv', '.vcf', '.ics', '.yaml', '.yml'].map((ext) => [ext, PLAIN_TEXT]),
  ),
  '.png': ['png'],
  '.apng': ['png'],
  ...Object.fromEntries(['.jpg', '.jpeg', '.jpe', '.jfif', '.pjpeg', '.pjp'].map((ext) => [ext, JPEG])),
  '.gif': ['gif'],
  '.webp': ['webp'],
  '.avif': ['avif'],
  '.heic': ['heif', 'avif'],
  '.heif': ['heif', 'avif'],
  '.tif': ['tiff'],
  '.tiff': ['tiff'],
  '.ico': ['ico', 'png', 'bmp'],
  '.cur': ['ico'],
  '.bmp': ['bmp'],
  '.wasm': ['wasm'],
  ...Object.fromEntries(['.woff', '.woff2', '.ttf', '.otf', '.ttc'].map((ext) => [ext, FONT])),
  '.gz': ['gzip'],
  '.tgz': ['gzip'],
  '.svgz': ['gzip'],
  '.br': ['brotli'],
  ...Object.fromEntries(['.zip', '.docx', '.xlsx', '.pptx', '.odt', '.ods', '.epub'].map((ext) => [ext, ZIP])),
  '.7z': ['archive'],
  '.rar': ['archive'],
  '.bz2': ['archive'],
  '.xz': ['archive'],
  '.doc': ['office'],
  '.xls': ['office'],
  '.ppt': ['office'],
  '.pdf': ['pdf'],
  '.exe': ['executable'],
  '.dll': ['executable'],
};

/** The lower-case extension of a path (`.png`), or '' for none. */
export function extensionOf(filePath: string): string {
  return path.posix.extname(filePath.replaceAll('\\', '/')).toLowerCase();
}

/** The kinds a file's extension allows; empty when the extension promises nothing. */
export function expectedKinds(filePath: string): readonly FileKind[] {
  return EXPECTED_KINDS[extensionOf(filePath)] ?? [];
}

/** The ISO-BMFF image brands: AVIF, else HEIF (HEIC and other HEIF), else not an image. */
function isobmffKind(bytes: Uint8Array): FileKind | undefined {
  if (!hasBytes(bytes, 'ftyp', 4)) return undefined;
  if (isHeic(bytes)) return 'heif';
  const boxEnd = Math.min(u32(bytes, 0) ?? 0, bytes.length, 256);
  const brands: string[] = [ascii(bytes, 8, 4)];
  for (let at = 16; at + 4 <= boxEnd; at += 4) brands.push(ascii(bytes, at, 4));
  if (brands.some((b) => b === 'avif' || b === 'avis')) return 'avif';
  if (brands.some((b) => b === 'mif1' || b === 'msf1')) return 'heif';
  return undefined;
}

/** Signatures of binary formats, tried in order. */
const SIGNATURES: readonly { kind: FileKind; test: (bytes: Uint8Array) => boolean }[] = [
  { kind: 'gzip', test: (b) => hasBytes(b, [0x1f, 0x8b]) },
  { kind: 'jpeg', test: (b) => hasBytes(b, [0xff, 0xd8, 0xff]) },
  { kind: 'png', test: (b) => hasBytes(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { kind: 'gif', test: (b) => hasBytes(b, 'GIF87a') || hasBytes(b, 'GIF89a') },
  { kind: 'webp', test: (b) => hasBytes(b, 'RIFF') && hasBytes(b, 'WEBP', 8) },
  { kind: 'tiff', test: (b) => hasBytes(b, [0x49, 0x49, 0x2a, 0x00]) || hasBytes(b, [0x4d, 0x4d, 0x00, 0x2a]) || hasBytes(b, [0x49, 0x49, 0x2b, 0x00]) },
  {
    kind: 'ico',
    // Four bytes of zeros and ones are weak; the directory must also fit and be well formed.
    test: (b) =>
      (hasBytes(b, [0, 0, 1, 0]) || hasBytes(b, [0, 0, 2, 0])) && (u16(b, 4, true) ?? 0) > 0 && 6 + 16 * (u16(b, 4, true) ?? 0) <= b.length && b[9] === 0,
  },
  { kind: 'bmp', test: (b) => hasBytes(b, 'BM') && [12, 40, 52, 56, 64, 108, 124].includes(u32(b, 14, true) ?? 0) },
  { kind: 'wasm', test: (b) => hasBytes(b, [0x00, 0x61, 0x73, 0x6d]) },
  {
    kind: 'font',
    // An sfnt font starts with its table count; without it, a text file saying "true" would match.
    test: (b) =>
      ['wOFF', 'wOF2', 'ttcf'].some((s) => hasBytes(b, s)) ||
      ([[0, 1, 0, 0], 'OTTO', 'true'].some((s) => hasBytes(b, s)) && (u16(b, 4) ?? 0) > 0 && (u16(b, 4) ?? 0) < 100),
  },
  { kind: 'pdf', test: (b) => hasBytes(b, '%PDF-') },
  { kind: 'zip', test: (b) => hasBytes(b, 'PK\x03\x04') || hasBytes(b, 'PK\x05\x06') || hasBytes(b, 'PK\x07\x08') },
  {
    kind: 'archive',
    test: (b) =>
      hasBytes(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) ||
      hasBytes(b, 'Rar!\x1a\x07') ||
      hasBytes(b, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]) ||
      hasBytes(b, [0x28, 0xb5, 0x2f, 0xfd]) ||
      (hasBytes(b, 'BZh') && hasBytes(b, [0x31, 0x41, 0x59, 0x26, 0x53, 0x59], 4)) ||
      hasBytes(b, 'ustar', 257),
  },
  { kind: 'office', test: (b) => hasBytes(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) },
  {
    kind: 'executable',
    test: (b) => hasBytes(b, [0x7f, 0x45, 0x4c, 0x46]) || (hasBytes(b, 'MZ') && hasBytes(b, 'PE\0\0', u32(b, 0x3c, true) ?? -1)),
  },
];

/** Tags that make a browser sniff a document as HTML (the WHATWG MIME sniffing list, and a few more). */
const HTML_TAGS = new Set([
  'html',
  'head',
  'body',
  'script',
  'iframe',
  'h1',
  'div',
  'font',
  'table',
  'a',
  'style',
  'title',
  'b',
  'br',
  'p',
  'meta',
  'link',
  'img',
  'form',
  'object',
  'embed',
  'frameset',
  'template',
]);

/**
 * Markup by its first element, after the XML declaration, comments and a doctype (with its
 * internal subset): `svg` when the root is `<svg>` in any namespace prefix, `html` for a page,
 * `xml` for other markup, `text` for the rest.
 */
export function markupKind(text: string): 'svg' | 'html' | 'xml' | 'text' {
  let rest = text.replace(/^\uFEFF/, '').trimStart();
  let declared = false;
  // Each step removes a prologue item; a hundred is far more than any real file has.
  for (let step = 0; step < 100; step++) {
    let end = -1;
    if (rest.startsWith('<?')) {
      declared ||= /^<\?xml\s/i.test(rest);
      end = rest.indexOf('?>') + 2;
    } else if (rest.startsWith('<!--')) {
      end = rest.indexOf('-->') + 3;
    } else if (/^<!doctype\s+html\b/i.test(rest)) {
      return 'html';
    } else if (/^<!doctype\b/i.test(rest)) {
      const close = rest.indexOf('>');
      const subset = rest.indexOf('[');
      end = subset >= 0 && subset < close ? rest.indexOf(']', subset) + 1 : close;
      end = rest.indexOf('>', end) + 1;
    } else break;
    if (end <= 0) break;
    rest = rest.slice(end).trimStart();
  }
  const tag = /^<([a-z][\w.:-]*)/i.exec(rest);
  const local = tag?.[1]?.toLowerCase().split(':').pop();
  if (local === 'svg') return 'svg';
  if (local && HTML_TAGS.has(local) && (!declared || local === 'html')) return 'html';
  return tag || declared ? 'xml' : 'text';
}

/** A file's kind by content, and its text when it is text. */
export function sniff(bytes: Uint8Array, filePath: string): { kind: FileKind; text?: DecodedText } {
  if (bytes.length === 0) return { kind: 'empty' };
  const signature = SIGNATURES.find((s) => s.test(bytes));
  if (signature) return { kind: signature.kind };
  const media = isobmffKind(bytes);
  if (media) return { kind: media };
  // Brotli has no signature: a `.br` name is all there is to go on.
  if (extensionOf(filePath) === '.br') return { kind: 'brotli' };
  const text = decodeTextFile(bytes);
  if (!text) return { kind: 'binary' };
  return { kind: markupKind(text.text), text };
}
