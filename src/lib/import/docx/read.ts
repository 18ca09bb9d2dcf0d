/**
 * Reading a Word document (.docx) with mammoth into plain structural HTML: headings, paragraphs,
 * lists, tables, bold/italic, links and pictures. Colours, fonts, text boxes and page layout are
 * dropped by mammoth itself. Before mammoth sees the file, its bytes are checked: an old `.doc`
 * or a `.wps` (an OLE file whatever its name), something that is not a zip, and a zip that would
 * unpack to far more than a document needs are refused with a Chinese message.
 *
 * Headings are recognised the way a reader sees them: Word's heading styles in any language
 * (a Chinese Word stores the English built-in names, WPS may store 标题 1), and the paragraphs a
 * Chinese official document formats by hand — 一、 …, （一）…, a short bold or 黑体 line.
 */
// Loaded when a document is read, not with the import command itself (a spreadsheet import needs neither).
import type JSZip from 'jszip';

/** A .docx larger than this is not a deed report but a scanned book: refused before unpacking. */
export const MAX_DOCX_BYTES = 60 * 1024 * 1024;
/** What all parts of the zip may unpack to together (a zip bomb unpacks to gigabytes). */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
/** The text part of the document (word/document.xml): a 300-page report is about 5 MB. */
export const MAX_DOCUMENT_XML_BYTES = 30 * 1024 * 1024;

export interface DocxPicture {
  /** 1-based, in the order of the document. */
  number: number;
  contentType: string;
  bytes: Buffer;
}

export interface DocxReadResult {
  ok: true;
  html: string;
  pictures: DocxPicture[];
  /** Pictures linked to a file outside the document (never read): where they point. */
  linkedPictures: string[];
}

export interface DocxRefusal {
  ok: false;
  message: string;
  hint: string;
}

/** Old Word (.doc), WPS (.wps) and old Excel files are OLE compound files: they start with these bytes. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** EMF/WMF: Word drawings (a pasted Visio or Excel chart), which no browser shows and the photo intake cannot read. */
export const isDrawing = (contentType: string) => /^image\/(x-)?(emf|wmf)$/i.test(contentType);

/** The src given to each picture in the HTML, replaced by its file name later. */
export const PICTURE_SRC_PREFIX = 'docx-picture:';

const refuse = (message: string, hint: string): DocxRefusal => ({ ok: false, message, hint });

/** Why the bytes cannot be a .docx (by content, not by the file's name), or undefined. */
export async function sniffDocx(bytes: Uint8Array, name: string): Promise<DocxRefusal | undefined> {
  const opened = await openDocx(bytes, name);
  return 'ok' in opened ? opened : undefined;
}

/** The .docx as a zip (its table of contents read, nothing unpacked), or why it is refused. */
async function openDocx(bytes: Uint8Array, name: string): Promise<DocxRefusal | JSZip> {
  if (startsWith(bytes, OLE_MAGIC)) {
    return refuse(`${name} 是旧版 Word（.doc）或 WPS（.wps）格式的文件，不能直接导入`, '请在 Word/WPS 中另存为 .docx 再导入（“文件”→“另存为”→ 文件类型选“Word 文档 (*.docx)”）');
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    return refuse(`${name} 不是 Word 文档（.docx）`, '请确认选的是 Word 文档；其他格式请在 Word/WPS 中打开，另存为 .docx 再导入');
  }
  if (bytes.length > MAX_DOCX_BYTES) {
    return refuse(`${name} 太大（${Math.round(bytes.length / 1024 / 1024)} MB），不像一份事迹材料`, '请把文档中的照片压缩后再试（Word：选中图片 →“压缩图片”），或把文档拆成几份');
  }
  let zip: JSZip;
  try {
    // Reads only the zip's table of contents: nothing is unpacked here.
    const { default: Zip } = await import('jszip');
    zip = await Zip.loadAsync(bytes);
  } catch {
    return refuse(`${name} 已损坏，无法打开`, '请在 Word/WPS 中打开它，另存为一份新的 .docx 再导入');
  }
  // The sizes the zip declares; JSZip keeps them from the central directory (not public API, hence the guard).
  const sizes = Object.values(zip.files).map((f) => (f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0);
  const documentPart = zip.file('word/document.xml') as unknown as { _data?: { uncompressedSize?: number } } | null;
  if (!documentPart) return refuse(`${name} 不是 Word 文档（里面没有正文）`, '请在 Word/WPS 中打开它，另存为 .docx 再导入');
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total > MAX_UNPACKED_BYTES || (documentPart._data?.uncompressedSize ?? 0) > MAX_DOCUMENT_XML_BYTES) {
    return refuse(`${name} 解压后太大，不能导入`, '一份事迹材料不会有这么大：请确认文件来源；如果确实是一份很长的文档，请拆成几份再导入');
  }
  return zip;
}

/**
 * mammoth reads a run's font from `w:ascii` only; the font of Chinese text is `w:eastAsia`
 * (`<w:rFonts w:eastAsia="黑体"/>`). Where a run names only its Chinese font, that font is
 * copied to `w:ascii` so that a 黑体 line reads as a heading. Only this attribute changes.
 */
async function withChineseFonts(zip: JSZip): Promise<Buffer> {
  const part = zip.file('word/document.xml')!;
  const xml = await part.async('string');
  const fixed = xml.replace(/<w:rFonts\b[^>]*>/g, (tag) => {
    const eastAsia = /\sw:eastAsia="([^"]*)"/.exec(tag)?.[1];
    return eastAsia && !/\sw:ascii=/.test(tag) ? tag.replace('<w:rFonts', `<w:rFonts w:ascii="${eastAsia}"`) : tag;
  });
  zip.file('word/document.xml', fixed);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

/** The parts of mammoth's document model used here (its transform API is untyped). */
interface DocNode {
  type: string;
  children?: DocNode[];
  value?: string;
  styleId?: string | null;
  styleName?: string | null;
  isBold?: boolean;
  font?: string | null;
}

const textOf = (node: DocNode): string => (node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(textOf).join(''));
const runsOf = (node: DocNode): DocNode[] => (node.type === 'run' ? [node] : (node.children ?? []).flatMap(runsOf));

const CN_NUMBER = '[一二三四五六七八九十百零〇]+';
/** A line longer than this is a paragraph that happens to start with 一、, not a heading. */
const MAX_HEADING_CHARS = 40;
/** A bold line longer than this is emphasis, not a heading. */
const MAX_BOLD_HEADING_CHARS = 30;
/** Fonts Chinese official documents set headings in (黑体 for 一、 level, 楷体 for （一）, 小标宋 for the title). */
const HEADING_FONTS = /黑体|SimHei|小标宋|XBS/i;
const TITLE_FONTS = /小标宋|XBS/i;

/** The import's own style names, which the style map below turns into HTML. */
function styleFor(paragraph: DocNode, isFirst: boolean): string | undefined {
  const name = (paragraph.styleName ?? '').trim();
  // Word's built-in names (a Chinese Word stores them in English), WPS's 标题 1, and the 一级标题 of unit templates.
  const chineseLevel = /^([一二三四])级标题$/.exec(name)?.[1];
  const level =
    /^(?:heading|标题)\s*(\d)$/i.exec(name)?.[1] ??
    (chineseLevel ? String('一二三四'.indexOf(chineseLevel) + 1) : undefined) ??
    (!name && /^[1-6]$/.test(paragraph.styleId ?? '') ? paragraph.styleId! : undefined);
  if (level) return `import-h${level}`;
  // Hand-formatted levels of an official document: 一、 is the first level, （一） and a bold line the second.
  if (/^(?:title|标题)$/i.test(name)) return 'import-title';
  if (/^(?:caption|题注)$/i.test(name)) return 'import-caption';
  const text = textOf(paragraph).replace(/[\s\u3000\u00a0\u200b]+/g, ' ').trim();
  if (!text || text.length > MAX_HEADING_CHARS || /[。；;：:]$/.test(text)) return undefined;
  if (new RegExp(`^${CN_NUMBER}、`).test(text)) return 'import-h1';
  if (new RegExp(`^[（(]${CN_NUMBER}[）)]`).test(text)) return 'import-h2';
  const runs = runsOf(paragraph).filter((r) => textOf(r).trim() !== '');
  if (runs.length === 0 || text.length > MAX_BOLD_HEADING_CHARS || /[，,。]/.test(text)) return undefined;
  if (isFirst && runs.every((r) => TITLE_FONTS.test(r.font ?? ''))) return 'import-title';
  if (runs.every((r) => r.isBold || HEADING_FONTS.test(r.font ?? ''))) return 'import-h2';
  return undefined;
}

/** Gives each paragraph that reads as a heading, title or caption one of the import's style names. */
function markHeadings(document: DocNode): DocNode {
  let first = true;
  const walk = (node: DocNode): DocNode => {
    // A bold header cell of a table is not a heading of the document.
    if (node.type === 'table') return node;
    if (node.type === 'paragraph') {
      const style = styleFor(node, first);
      if (textOf(node).trim()) first = false;
      return style ? { ...node, styleName: style } : node;
    }
    return node.children ? { ...node, children: node.children.map(walk) } : node;
  };
  return walk(document);
}

/**
 * Word's heading 1 is the document's first level; on the page the entry's name is the only h1,
 * so levels move down one (h2–h4, the headings the body may hold).
 */
const STYLE_MAP = [
  "p[style-name='import-title'] => h1.title:fresh",
  "p[style-name='import-h1'] => h2:fresh",
  "p[style-name='import-h2'] => h3:fresh",
  "p[style-name='import-h3'] => h4:fresh",
  "p[style-name='import-h4'] => h4:fresh",
  "p[style-name='import-h5'] => h4:fresh",
  "p[style-name='import-h6'] => h4:fresh",
  "p[style-name='import-caption'] => p.caption:fresh",
  // Underline and strikethrough are typing marks in Chinese documents, not meaning.
  'u => ',
  'strike => ',
];

/** Reads a .docx already checked by sniffDocx. Never reads anything outside the file. */
export async function readDocx(bytes: Uint8Array, name: string): Promise<DocxReadResult | DocxRefusal> {
  const zip = await openDocx(bytes, name);
  if ('ok' in zip) return zip;
  const pictures: DocxPicture[] = [];
  const { default: mammoth } = await import('mammoth');
  try {
    const result = await mammoth.convertToHtml(
      { buffer: await withChineseFonts(zip) },
      {
        styleMap: STYLE_MAP,
        includeEmbeddedStyleMap: false,
        // A linked picture or file (C:\…, \\server\…) is never read: the default, said explicitly.
        externalFileAccess: false,
        transformDocument: markHeadings,
        convertImage: mammoth.images.imgElement(async (image) => {
          const number = pictures.length + 1;
          // mammoth writes the picture's 说明 (alt text in Word) as the alt attribute itself.
          pictures.push({ number, contentType: image.contentType ?? '', bytes: await image.readAsBuffer() });
          return { src: `${PICTURE_SRC_PREFIX}${number}` };
        }),
      },
    );
    const linkedPictures = result.messages.flatMap((m) => /could not read external image '([^']*)'/.exec(m.message)?.[1] ?? []);
    return { ok: true, html: result.value, pictures, linkedPictures };
  } catch (error) {
    return refuse(`${name} 无法读取：${(error as Error).message.split('\n')[0]}`, '文件可能已损坏：请在 Word/WPS 中打开它，另存为一份新的 .docx 再导入');
  }
}
