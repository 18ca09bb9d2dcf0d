/**
 * What an inspection finds, collected as the walkers go: the texts a privacy scan must read and
 * the problems that keep a file off the site, each problem with a stable code, a Chinese message
 * and a hint. Nested content (a gzip member, an icon's PNG, an image inside an SVG) writes into
 * the same lists with a prefix that says where it was found.
 */
import { createHash } from 'node:crypto';

/** Where a piece of text was found. */
export type TextSource =
  /** The file's own text as it is served (a page, a stylesheet, the source of an SVG). */
  | 'content'
  | 'exif'
  | 'xmp'
  | 'iptc'
  /** PNG text chunks, JPEG COM segments, GIF comment and plain-text extensions. */
  | 'comment'
  /** Text nodes of an SVG (text, title, desc, script and style content). */
  | 'svg-text'
  /** Attribute values of an SVG other than geometry (titles, labels, links, editor paths). */
  | 'svg-attribute'
  | 'svg-comment'
  | 'svg-metadata'
  /** Readable runs found in bytes that have no known structure (see `readableRuns`). */
  | 'strings';

/** One piece of text a privacy scan must read. */
export interface FileText {
  source: TextSource;
  /** Where exactly, for a message: `EXIF Artist`, `PNG tEXt “Comment”`, `gzip 解压后 › 文本`. */
  where: string;
  text: string;
}

/** Stable codes of what keeps a file off the site. */
export type FileProblemCode =
  | 'type-mismatch'
  | 'unreadable'
  | 'expansion-limit'
  | 'image-exif'
  | 'image-xmp'
  | 'image-iptc'
  | 'image-comment'
  | 'image-trailing-data'
  | 'svg-script'
  | 'svg-event-handler'
  | 'svg-foreign-object'
  | 'svg-embedded-content'
  | 'svg-unsafe-link'
  | 'svg-external-reference'
  | 'svg-entity-declaration'
  | 'svg-metadata';

/** Something in a file that must not be published. Every problem stops publication. */
export interface FileProblem {
  code: FileProblemCode;
  /** What is wrong, in Chinese, with where it was found. */
  message: string;
  /** What to do about it, in Chinese. */
  hint: string;
  /** The offending piece, shortened: `onload`, `PNG tEXt “Comment”`, `http://example.com/a.svg`. */
  detail?: string;
}

const IMAGE_HINT =
  '请去掉图片中的元数据后再发布：内容中的照片用 npm run photo 重新放入（会转正并去掉全部元数据）；public/ 中的图片请用图片软件重新导出，不保留 EXIF 等信息。';
const SVG_HINT = '请用绘图软件重新导出为“普通 SVG”或“优化 SVG”，去掉脚本、事件、外部引用和元数据；或者改用 PNG 图片。';

/** The default message and the hint of each problem code. */
export const FILE_PROBLEMS: Readonly<Record<FileProblemCode, { message: string; hint: string }>> = {
  'type-mismatch': {
    message: '文件内容与扩展名不符',
    hint: '请确认这个文件是什么：换成真正的该类型文件，或改成与内容相符的扩展名。伪装成图片的网页或脚本可能被浏览器执行。',
  },
  unreadable: { message: '文件不完整或已损坏，无法完整读取', hint: '请重新导出或重新下载这个文件后再放入；无法读完的文件无法确认其中没有个人信息。' },
  'expansion-limit': {
    message: '解压后的内容过大或压缩层数过多，为防止“压缩炸弹”已停止读取',
    hint: '请确认这个文件的来源；网站不需要发布压缩包，网页的 .gz 压缩副本由构建自动生成。',
  },
  'image-exif': { message: '图片带有 EXIF 信息（拍摄设备、时间等）', hint: IMAGE_HINT },
  'image-xmp': { message: '图片带有 XMP 元数据（作者、软件、编辑记录等）', hint: IMAGE_HINT },
  'image-iptc': { message: '图片带有 IPTC 信息（作者、说明、联系方式等）', hint: IMAGE_HINT },
  'image-comment': { message: '图片带有文字注释', hint: IMAGE_HINT },
  'image-trailing-data': { message: '图片结束之后还附带了其他数据（可能是另一张图片或隐藏的文件）', hint: IMAGE_HINT },
  'svg-script': { message: 'SVG 中有脚本，直接打开这张图片时脚本会在本网站上运行', hint: SVG_HINT },
  'svg-event-handler': { message: 'SVG 中有事件属性（如 onload），会运行脚本', hint: SVG_HINT },
  'svg-foreign-object': { message: 'SVG 中嵌入了网页内容（<foreignObject>）', hint: SVG_HINT },
  'svg-embedded-content': { message: 'SVG 中嵌入了网页、表单或插件', hint: SVG_HINT },
  'svg-unsafe-link': { message: 'SVG 中有 javascript: 或 data: 链接，点击或加载时可能运行脚本', hint: SVG_HINT },
  'svg-external-reference': { message: 'SVG 引用了外部文件：在内网加载不到，在外网会向其他网站透露浏览记录', hint: SVG_HINT },
  'svg-entity-declaration': { message: 'SVG 在 DOCTYPE 中自定义了实体（<!ENTITY>），可能藏有脚本或造成“实体炸弹”', hint: SVG_HINT },
  'svg-metadata': { message: 'SVG 带有元数据（<metadata>：作者、软件、文件路径等）', hint: SVG_HINT },
};

/** How much may be expanded (decompressed or extracted) in one inspection, and how deep. */
export interface Budget {
  remaining: number;
  depthLeft: number;
}

/** What all levels of one inspection share. */
interface Shared {
  budget: Budget;
  texts: FileText[];
  problems: FileProblem[];
  /** Texts already recorded, by source, place and content: a crafted file may repeat one many times. */
  seen: Set<string>;
}

/** The collector the walkers write into. */
export class Findings {
  /** The codes reported at this level (not by nested content). */
  private readonly own = new Set<FileProblemCode>();
  private readonly shared: Shared;

  /**
   * @param budget the limits of the whole inspection
   * @param prefix where nested content was found, e.g. `gzip 解压后 › `
   */
  constructor(
    budget: Budget | Shared,
    readonly prefix = '',
  ) {
    this.shared = 'seen' in budget ? budget : { budget, texts: [], problems: [], seen: new Set() };
  }

  get budget(): Budget {
    return this.shared.budget;
  }

  /** Every text found so far, nested content included. */
  get texts(): FileText[] {
    return this.shared.texts;
  }

  /** Every problem found so far, nested content included. */
  get problems(): FileProblem[] {
    return this.shared.problems;
  }

  /** A collector for content nested in this one (`label` says where it sits). */
  nested(label: string): Findings {
    return new Findings(this.shared, `${this.prefix}${label} › `);
  }

  /**
   * Records a piece of text; blank and repeated text is skipped. Text is not charged to the
   * budget: it is read from bytes already in memory or already charged when they were expanded.
   */
  text(source: TextSource, where: string, text: string): void {
    const trimmed = text.trim();
    if (trimmed === '') return;
    // A digest rather than the text itself keeps the key small when the text is megabytes long.
    const key = `${source}\0${this.prefix}${where}\0${createHash('sha1').update(trimmed).digest('base64')}`;
    if (this.shared.seen.has(key)) return;
    this.shared.seen.add(key);
    this.texts.push({ source, where: `${this.prefix}${where}`, text: trimmed });
  }

  /** Records a problem once (the same code and detail twice is one problem). */
  problem(code: FileProblemCode, options: { detail?: string; message?: string } = {}): void {
    this.own.add(code);
    const { message, hint } = FILE_PROBLEMS[code];
    const shown = `${this.prefix.replace(/ › $/, '：')}${options.message ?? message}${options.detail ? `（${options.detail}）` : ''}`;
    if (this.problems.some((p) => p.code === code && p.message === shown)) return;
    this.problems.push({ code, message: shown, hint, ...(options.detail ? { detail: options.detail } : {}) });
  }

  /** Whether `amount` more bytes or characters may be expanded; the first refusal is reported. */
  spend(amount: number): boolean {
    if (amount <= this.budget.remaining) {
      this.budget.remaining -= amount;
      return true;
    }
    this.budget.remaining = 0;
    this.problem('expansion-limit');
    return false;
  }

  /** Whether a problem with `code` was reported at this level. */
  has(code: FileProblemCode): boolean {
    return this.own.has(code);
  }
}

/** A value shortened for a problem's detail. */
export function shorten(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
