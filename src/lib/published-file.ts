/**
 * What a published file contains, whatever its name says: its real type (from its bytes), every
 * piece of text a privacy scan must read — the text of a text file, what a compressed copy holds,
 * the strings in an image's metadata — and the problems that keep it off the site: metadata an
 * image must not carry, active content in an SVG, a type that does not match the extension.
 *
 * Pure apart from sharp: bytes in, findings out. Every format is read within limits (see
 * `INSPECTION_LIMITS`), so a crafted or truncated file gives a problem, never an exception, a
 * hang or an exhausted memory. The per-format readers live in `./published-file/`, each with a
 * comment saying what sharp does not give and why the walk is bounded.
 */
import { brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import sharp from 'sharp';
import { FILE_PROBLEMS, Findings, type FileProblem, type FileProblemCode, type FileText, type TextSource } from './published-file/findings';
import { walkGif } from './published-file/gif';
import { walkIco } from './published-file/ico';
import { walkJpeg } from './published-file/jpeg';
import { commentBlock, embeddedBlocks, exifBlock, iptcBlock, photoshopBlock, readExif, unknownBlock, xmpBlock } from './published-file/metadata';
import { walkPng } from './published-file/png';
import { expectedKinds, extensionOf, FILE_KIND_LABELS, sniff, type FileKind } from './published-file/sniff';
import { readSvg } from './published-file/svg';
import { walkWebp } from './published-file/webp';

export { FILE_KIND_LABELS, FILE_PROBLEMS, expectedKinds, type FileKind, type FileProblem, type FileProblemCode, type FileText, type TextSource };

/**
 * The limits of one inspection. 50 MB of expanded content (decompressed gzip, Brotli and PNG
 * text, decoded inline images, in all) is far above any page, index or image of the site and far
 * below what would strain the build; four levels of nesting covers a `.gz` of an SVG with an
 * embedded PNG. Within a file, the readers have their own bounds (see each one).
 */
export const INSPECTION_LIMITS = { maxExpandedBytes: 50 * 1024 * 1024, maxDepth: 4 } as const;

export interface InspectOptions {
  /** Bytes that may be decompressed or decoded in all (default 50 MB). */
  maxExpandedBytes?: number;
  /** Levels of nested content that are opened (default 4). */
  maxDepth?: number;
}

/** What a file is: its path, its kind by content, what its extension allows, what it wraps. */
export interface FileIdentity {
  /** The path as given (relative to the output or public folder). */
  path: string;
  kind: FileKind;
  /** The kinds its extension allows; empty when the extension promises nothing. */
  expected: readonly FileKind[];
  /** For a compressed file: what was inside, when it could be read. */
  contents?: FileIdentity;
}

/** What a published file contains. */
export interface FileInspection extends FileIdentity {
  /** Every piece of text a privacy scan must read, nested content included. */
  texts: FileText[];
  /** What must not be published; empty for a clean file. */
  problems: FileProblem[];
}

/**
 * Reads a file the site publishes (or would publish): `relativePath` for its extension and for
 * messages, `bytes` for everything else. Never throws on a file's content.
 */
export async function inspectFile(relativePath: string, bytes: Uint8Array, options: InspectOptions = {}): Promise<FileInspection> {
  const findings = new Findings({
    remaining: options.maxExpandedBytes ?? INSPECTION_LIMITS.maxExpandedBytes,
    depthLeft: options.maxDepth ?? INSPECTION_LIMITS.maxDepth,
  });
  let identity: FileIdentity;
  try {
    identity = await inspectInto(relativePath, bytes, findings);
  } catch (error) {
    // The readers are written not to throw; should one still do so, the file is held back with a
    // problem rather than the build stopped by a stack trace, and what was found so far is kept.
    findings.problem('unreadable', { detail: `检查时出错：${error instanceof Error ? error.message : String(error)}` });
    identity = { path: relativePath, kind: sniff(bytes, relativePath).kind, expected: expectedKinds(relativePath) };
  }
  return { ...identity, texts: findings.texts, problems: findings.problems };
}

/** Inspects nested content one level deeper, within the depth limit. */
async function inspectNested(filePath: string, bytes: Uint8Array, findings: Findings, label: string): Promise<FileIdentity | undefined> {
  if (findings.budget.depthLeft <= 0) {
    findings.problem('expansion-limit', { detail: `${label}：嵌套层数过多` });
    return undefined;
  }
  findings.budget.depthLeft--;
  try {
    return await inspectInto(filePath, bytes, findings.nested(label));
  } finally {
    findings.budget.depthLeft++;
  }
}

async function inspectInto(filePath: string, bytes: Uint8Array, findings: Findings): Promise<FileIdentity> {
  const { kind, text } = sniff(bytes, filePath);
  const expected = expectedKinds(filePath);
  const identity: FileIdentity = { path: filePath, kind, expected };
  if (expected.length > 0 && !expected.includes(kind)) {
    findings.problem('type-mismatch', {
      message: `文件扩展名是 ${extensionOf(filePath)}（${FILE_KIND_LABELS[expected[0]!]}），内容却是“${FILE_KIND_LABELS[kind]}”`,
    });
  }
  const where = text && text.encoding !== 'utf-8' ? `文本（${text.encoding === 'gb18030' ? 'GBK' : 'UTF-16'} 编码）` : '文本';
  switch (kind) {
    case 'text':
    case 'html':
    case 'xml':
      findings.text('content', where, text!.text);
      break;
    case 'svg':
      findings.text('content', where, text!.text);
      for (const [i, url] of readSvg(text!.text, findings).entries()) await inspectDataUrl(url, i, findings);
      break;
    case 'gzip':
    case 'brotli': {
      const inner = expand(kind, bytes, findings);
      const innerPath =
        kind === 'gzip'
          ? filePath.replace(/\.(gz|tgz|svgz)$/i, (m) => ({ '.tgz': '.tar', '.svgz': '.svg' })[m.toLowerCase()] ?? '')
          : filePath.replace(/\.br$/i, '');
      const contents = inner && (await inspectNested(innerPath, inner, findings, kind === 'gzip' ? 'gzip 解压后' : 'Brotli 解压后'));
      if (contents) identity.contents = contents;
      break;
    }
    case 'jpeg':
    case 'png':
    case 'gif':
    case 'webp':
    case 'tiff':
      RASTER_WALKERS[kind](bytes, findings);
      await sharpMetadata(bytes, findings);
      break;
    case 'avif':
    case 'heif':
      // HEIF keeps metadata as items located through `iinf` and `iloc` boxes: sharp (libheif) reads
      // them, so no walker here; when it cannot (HEIC), the readable runs are the fallback.
      if (!(await sharpMetadata(bytes, findings))) unknownBlock(bytes, findings, FILE_KIND_LABELS[kind]);
      break;
    case 'ico':
      await walkIco(bytes, findings, async (png, label) => void (await inspectNested('icon.png', png, findings, label)));
      break;
    case 'bmp':
    case 'empty':
      break;
    default:
      // Fonts, WebAssembly, archives, documents, unknown binary data: no structure is read, but
      // any text in the raw bytes is (Pagefind's index is such a file once decompressed).
      unknownBlock(bytes, findings, FILE_KIND_LABELS[kind]);
  }
  return identity;
}

/**
 * The walkers of the raster formats whose structure is read here, beside sharp: each one says in
 * its module what sharp does not report.
 */
const RASTER_WALKERS: Readonly<Record<'jpeg' | 'png' | 'gif' | 'webp' | 'tiff', (bytes: Uint8Array, findings: Findings) => void>> = {
  jpeg: walkJpeg,
  png: walkPng,
  gif: walkGif,
  webp: walkWebp,
  tiff: readTiffFile,
};

/** Decompresses within the budget; a truncated gzip gives what it has, and a problem. */
function expand(kind: 'gzip' | 'brotli', bytes: Uint8Array, findings: Findings): Uint8Array | undefined {
  const options = { maxOutputLength: Math.max(1, findings.budget.remaining) };
  const decompress = (extra = {}) => (kind === 'gzip' ? gunzipSync(bytes, { ...options, ...extra }) : brotliDecompressSync(bytes, { ...options, ...extra }));
  let out: Uint8Array | undefined;
  try {
    out = decompress();
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      findings.spend(Number.POSITIVE_INFINITY);
      return undefined;
    }
    findings.problem('unreadable', { detail: `${FILE_KIND_LABELS[kind]}数据不完整或已损坏` });
    try {
      // Z_SYNC_FLUSH returns what was decompressed before the data ended.
      out = kind === 'gzip' ? decompress({ finishFlush: constants.Z_SYNC_FLUSH }) : undefined;
    } catch {
      out = undefined;
    }
  }
  return out && findings.spend(out.length) ? out : undefined;
}

/** A TIFF file is one TIFF structure: text tags, an Exif or GPS IFD, XMP or IPTC are metadata. */
function readTiffFile(bytes: Uint8Array, findings: Findings): void {
  const summary = readExif(bytes, findings, 'TIFF');
  if (summary.damaged) findings.problem('unreadable', { detail: 'TIFF 结构错误' });
  if (summary.gps || summary.exifIfd || summary.texts > 0) {
    findings.problem('image-exif', summary.gps ? { message: '图片带有 EXIF 信息，其中有拍摄位置（GPS）' } : {});
  }
  embeddedBlocks(summary, findings);
}

/**
 * What sharp reports, for what the walkers did not already find (and for AVIF and HEIF, all of
 * it). Returns whether sharp could read the file's header.
 */
async function sharpMetadata(bytes: Uint8Array, findings: Findings): Promise<boolean> {
  let metadata: sharp.Metadata;
  try {
    metadata = await sharp(bytes, { failOn: 'none' }).metadata();
  } catch {
    if (!findings.has('unreadable')) findings.problem('unreadable', { detail: '图片软件无法读取这个文件' });
    return false;
  }
  if (metadata.exif && !findings.has('image-exif')) exifBlock(metadata.exif, findings);
  if (metadata.xmp && !findings.has('image-xmp')) xmpBlock(metadata.xmp, findings);
  if (metadata.iptc && !findings.has('image-iptc')) {
    if (metadata.iptc[0] === 0x1c) iptcBlock(metadata.iptc, findings);
    else {
      photoshopBlock(metadata.iptc, findings);
      findings.problem('image-iptc');
    }
  }
  if (!findings.has('image-comment')) {
    for (const { keyword, text } of metadata.comments ?? []) commentBlock(`${keyword}: ${text}`, findings, `文本块“${keyword}”`);
  }
  return true;
}

/** Extensions for the image types an SVG may inline, to inspect each as a file of its own. */
const DATA_URL_EXTENSIONS: Readonly<Record<string, string>> = { png: 'png', jpeg: 'jpg', jpg: 'jpg', gif: 'gif', webp: 'webp', avif: 'avif', 'svg+xml': 'svg' };

/** An image inlined in an SVG as a `data:` URL, inspected like a file. */
async function inspectDataUrl(url: string, index: number, findings: Findings): Promise<void> {
  const match = /^data:image\/([a-z+]+)((?:;[^,]*)?),/i.exec(url);
  if (!match) return;
  const payload = url.slice(match[0].length);
  if (!findings.spend(payload.length)) return;
  const bytes = /;base64/i.test(match[2]!) ? Buffer.from(payload, 'base64') : Buffer.from(decodeURIComponentSafe(payload), 'utf8');
  const extension = DATA_URL_EXTENSIONS[match[1]!.toLowerCase()] ?? 'bin';
  await inspectNested(`embedded-${index + 1}.${extension}`, bytes, findings, `SVG 内嵌图片 ${index + 1}`);
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
