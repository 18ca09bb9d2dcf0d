/**
 * What an entry's body may contain. Markdown, a short list of harmless HTML tags, and in `.mdx`
 * nothing beyond that: no `import`/`export`, no `{…}` JavaScript expressions, no components the
 * project does not provide. Never `<script>`, `on…=` handlers, `style` or `javascript:` links.
 * The site is public and its pages carry a strict Content-Security-Policy; this check explains
 * in Chinese what the policy would otherwise block silently.
 */
import type { Element, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { visit } from 'unist-util-visit';
import { pictureElsewhere, type PictureElsewhere } from '../picture-place';
import { formatMegabytes } from './problem';

/** HTML tags an author may write in a body: text-level and structure, nothing active. */
export const SAFE_TAGS = new Set([
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'details', 'dl', 'dt', 'em', 'figcaption',
  'figure', 'h2', 'h3', 'h4', 'hr', 'i', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'q', 'rp', 'rt', 'ruby', 's', 'small', 'span',
  'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul',
]);

/** Attributes allowed on those tags. */
const SAFE_ATTRIBUTES = new Set(['href', 'title', 'lang', 'dir', 'colspan', 'rowspan', 'datetime', 'cite', 'class', 'id', 'open']);

/** Components `.mdx` bodies may use. The project offers none yet: Markdown covers the stories. */
export const MDX_COMPONENTS = new Set<string>();

export interface BodyProblem {
  /** 1-based line within the body. */
  line: number;
  message: string;
  hint: string;
}

const SAFE_URL = /^(https?:|mailto:|tel:|#|\/|\.{0,2}\/|[^:]*$)/i;

function checkUrl(url: string, line: number, problems: BodyProblem[]) {
  const compact = url.replace(/[\s\u0000-\u001f]/g, '');
  if (!SAFE_URL.test(compact)) {
    problems.push({
      line,
      message: `链接地址“${url.slice(0, 60)}”不安全（只允许网址、站内路径、邮箱和电话）`,
      hint: '删除这个链接，或改为以 https:// 开头的网址',
    });
  }
}

/** Checks raw HTML found in a body (Markdown `html` nodes, or lowercase JSX tags in MDX). */
function checkHtml(html: string, line: number, problems: BodyProblem[]) {
  const tree: HastRoot = fromHtml(html, { fragment: true });
  visit(tree, 'element', (element: Element) => {
    const tag = element.tagName;
    if (!SAFE_TAGS.has(tag)) {
      problems.push({
        line,
        message: `正文中不能使用 <${tag}> 标签`,
        hint:
          tag === 'img'
            ? `请改用 Markdown 写法：${IMAGE_EXAMPLE}（图片文件放在条目文件旁边，网站会自动缩小并去除拍摄位置等信息）`
            : `请改用 Markdown 写法；正文中可用的 HTML 标签：${[...SAFE_TAGS].slice(0, 12).join('、')} 等`,
      });
      return;
    }
    for (const [name, value] of Object.entries(element.properties ?? {})) {
      const attribute = name.toLowerCase();
      if (attribute.startsWith('on') || attribute === 'style' || !SAFE_ATTRIBUTES.has(attribute.replace(/^classname$/, 'class'))) {
        problems.push({
          line,
          message: `正文中的 <${tag}> 不能带 ${attribute === 'classname' ? 'class' : attribute} 属性`,
          hint: '删除这个属性；正文只需要文字和简单的格式',
        });
      } else if (attribute === 'href') checkUrl(String(value), line, problems);
    }
  });
}

/** Longer bodies belong in several entries; parsers and readers both suffer. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Deeper nesting is never meant, and makes Markdown parsers slow down quadratically. */
const MAX_INDENT = 64;
const MAX_QUOTE_DEPTH = 20;

/**
 * Cheap checks made before parsing, so a hostile body (thousands of nested lists) cannot make
 * the check — or the build — hang.
 */
function preflight(body: string): BodyProblem[] {
  const size = Buffer.byteLength(body, 'utf8');
  if (size > MAX_BODY_BYTES) {
    return [{ line: 1, message: `正文过长（${formatMegabytes(size)}，上限 ${formatMegabytes(MAX_BODY_BYTES)}）`, hint: '请删减，或拆分成几个条目' }];
  }
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
    const quotes = /^[ >]*/.exec(line)![0].replace(/ /g, '').length;
    if (indent > MAX_INDENT || quotes > MAX_QUOTE_DEPTH) {
      return [{ line: i + 1, message: '正文的列表或引用嵌套太深', hint: '列表和引用最多嵌套几层即可：请减少这一行前面的空格或 > 符号' }];
    }
  }
  return [];
}

/** How a body picture is written, for the hints. */
const IMAGE_EXAMPLE = '![一句话说明图片内容](./文件名.jpg)';

/** A picture in a body that names a file next to the entry, as the build will read it. */
export interface BodyImage {
  /** The path as the build reads it (URL escapes decoded, as Astro does): `./wang-xiang-1.jpg`, `photos/a.jpg`. */
  path: string;
  alt: string;
  /** 1-based line within the body. */
  line: number;
}

/** A picture's path as Astro reads it (`decodeURI`, see remark-collect-images), or null when it cannot be decoded. */
function decodedPath(url: string): string | null {
  try {
    return decodeURI(url);
  } catch {
    return null;
  }
}

/** Alt text that says nothing about the picture: a file name (what some editors fill in). */
const FILE_NAME_ALT = /^[^\s]*\.(jpe?g|png|gif|webp|avif|tiff?|bmp|heic)$/i;

const COPY_HINT = `请把图片复制到条目文件旁边，写成 ${IMAGE_EXAMPLE}`;
const LOCAL_HINT = `图片文件要放在条目文件旁边（同一文件夹或其下的子文件夹），这里写 ./文件名，如 ${IMAGE_EXAMPLE}`;
/** What a body picture's address says when it is not next to the entry (picture-place.ts), and what to do instead. */
const ELSEWHERE: Record<PictureElsewhere, { why: string; hint: string }> = {
  computer: { why: '是电脑上的文件路径，网站上的读者打不开', hint: COPY_HINT },
  data: { why: '是直接写进正文的图片数据（data:），网站无法处理', hint: `请把图片另存为 JPG 文件，放在条目文件旁边，写成 ${IMAGE_EXAMPLE}` },
  web: { why: '是网址，不能直接显示在网站上', hint: `请把图片下载下来，放在条目文件旁边，写成 ${IMAGE_EXAMPLE}` },
  absolute: { why: '是绝对路径', hint: LOCAL_HINT },
  outside: { why: '在条目文件所在文件夹之外（路径中有 ..）', hint: COPY_HINT },
};

/**
 * Why a body picture's address is refused, or null when it names a file next to the entry (the
 * rule of picture-place.ts), written as a web page names a file: forward slashes, no `?` or `#`.
 */
function imagePathProblem(url: string, path: string | null, line: number): BodyProblem | null {
  const shown = url.length > 60 ? `${url.slice(0, 60)}…` : url;
  const refuse = (why: string, hint: string): BodyProblem => ({ line, message: `正文中的图片“${shown}”${why}`, hint });
  if (path === null || path.trim() === '') return refuse('不是有效的文件名', LOCAL_HINT);
  const elsewhere = pictureElsewhere(path);
  if (elsewhere) return refuse(ELSEWHERE[elsewhere].why, ELSEWHERE[elsewhere].hint);
  if (path.includes('\\')) return refuse('的路径中用了反斜杠 \\', `路径请用正斜杠 /，如 ./照片/1.jpg；${LOCAL_HINT}`);
  if (/[?#]/.test(path)) return refuse('的文件名中有 ? 或 #', '请给图片文件改个名（只用字母、数字和连字符），再改这里的文件名');
  return null;
}

/** Why a body picture's alt text is refused, or null. A placeholder is the placeholder rule's (one finding per thing, at its line). */
function altProblem(alt: string, path: string, line: number): BodyProblem | null {
  const text = alt.replace(/[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]+/g, '');
  if (text === '') {
    return { line, message: `正文中的图片 ${path} 缺少文字说明`, hint: `在 ![ ] 的方括号中写一句话说明图片内容，供看不见图片的读者使用，如 ![民警在警务站前执勤](${path})` };
  }
  if (FILE_NAME_ALT.test(text)) {
    return { line, message: `正文中的图片 ${path} 的文字说明“${alt}”只是文件名`, hint: `请在方括号中改写成一句说明图片内容的话，如 ![民警在警务站前执勤](${path})` };
  }
  return null;
}

/** Parses a body as the build does; throws on MDX it cannot read. */
function parseBody(body: string, format: 'md' | 'mdx'): Root {
  return format === 'mdx' ? fromMarkdown(body, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] }) : fromMarkdown(body);
}

/** The problems of a Markdown (`.md`) or MDX (`.mdx`) body, with their lines in the body. */
export function checkBody(body: string, format: 'md' | 'mdx'): BodyProblem[] {
  return readBody(body, format).problems;
}

/** The pictures of a body that name files next to the entry, whatever their alt text: what the build will read. */
export function bodyImages(body: string, format: 'md' | 'mdx'): BodyImage[] {
  return readBody(body, format).images;
}

/** A body's problems and its pictures, read in one pass. */
export function readBody(body: string, format: 'md' | 'mdx'): { problems: BodyProblem[]; images: BodyImage[] } {
  const early = preflight(body);
  if (early.length > 0) return { problems: early, images: [] };
  const problems: BodyProblem[] = [];
  const images: BodyImage[] = [];
  let tree: Root;
  try {
    tree = parseBody(body, format);
  } catch (error) {
    const place = (error as { line?: number; place?: { line?: number } }).place?.line ?? (error as { line?: number }).line ?? 1;
    return {
      problems: [
        {
          line: place,
          message: `正文无法按 MDX 读取：${(error as Error).message.split('\n')[0]}`,
          hint: 'MDX 中的 { } < > 有特殊含义：如果不需要 MDX，请把文件扩展名改为 .md',
        },
      ],
      images: [],
    };
  }
  visit(tree, (node) => {
    const line = node.position?.start.line ?? 1;
    switch (node.type) {
      case 'mdxjsEsm':
        problems.push({ line, message: '正文中不能使用 import 或 export', hint: '删除这一行；正文只写文字、图片字段之外的内容请用 Markdown' });
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        problems.push({ line, message: '正文中不能使用 { } 表达式（JavaScript）', hint: '删除花括号中的内容；需要显示花括号时请改用 .md 文件' });
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = (node as { name: string | null }).name ?? '';
        if (/^[A-Z]/.test(name) && !MDX_COMPONENTS.has(name)) {
          problems.push({ line, message: `正文中不能使用组件 <${name}>`, hint: '本项目没有提供这个组件：请改用 Markdown 写法，或把文件扩展名改为 .md' });
        } else if (name) {
          const attributes = (node as { attributes: { type: string; name?: string; value?: unknown }[] }).attributes;
          const html = `<${name}${attributes
            .map((a) => (a.type === 'mdxJsxAttribute' && typeof a.value === 'string' ? ` ${a.name}="${a.value.replace(/"/g, '&quot;')}"` : ` ${a.name ?? 'x'}=""`))
            .join('')}></${name}>`;
          for (const a of attributes) {
            if (a.type !== 'mdxJsxAttribute' || (a.value !== null && a.value !== undefined && typeof a.value !== 'string')) {
              problems.push({ line, message: `正文中的 <${name}> 的属性不能使用表达式`, hint: '属性值请写成普通文字，如 title="说明"' });
            }
          }
          checkHtml(html, line, problems);
        }
        break;
      }
      case 'html':
        checkHtml((node as { value: string }).value, line, problems);
        break;
      case 'link':
      case 'definition':
        checkUrl((node as { url: string }).url, line, problems);
        break;
      case 'image': {
        const { url, alt } = node as { url: string; alt?: string | null };
        const path = decodedPath(url);
        const refused = imagePathProblem(url, path, line);
        if (refused) {
          problems.push(refused);
          break;
        }
        images.push({ path: path!, alt: alt ?? '', line });
        const unsaid = altProblem(alt ?? '', path!, line);
        if (unsaid) problems.push(unsaid);
        break;
      }
      // `![照片][p]` … `[p]: ./x.svg`: the picture written reference-style. One way of writing a
      // picture is enough, and the one the check reads line by line is the inline one.
      case 'imageReference':
        problems.push({ line, message: '正文中的图片要写成 ![说明](./文件名.jpg) 的形式', hint: `把这张图片改写成 ${IMAGE_EXAMPLE}，并删去文末 [名称]: 开头的那一行` });
        break;
    }
  });
  return { problems, images };
}
