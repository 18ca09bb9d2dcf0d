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
            ? '图片请写在 photo、certificate 或 scan 字段中（网站会自动处理并去除拍摄位置等信息）'
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

function bodyImage(line: number): BodyProblem {
  return { line, message: '正文中不能插入图片', hint: '图片请写在 photo、certificate 或 scan 字段中（网站会自动处理并去除拍摄位置等信息）' };
}

/** The problems of a Markdown (`.md`) or MDX (`.mdx`) body, with their lines in the body. */
export function checkBody(body: string, format: 'md' | 'mdx'): BodyProblem[] {
  const early = preflight(body);
  if (early.length > 0) return early;
  const problems: BodyProblem[] = [];
  let tree: Root;
  try {
    tree = format === 'mdx' ? fromMarkdown(body, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] }) : fromMarkdown(body);
  } catch (error) {
    const place = (error as { line?: number; place?: { line?: number } }).place?.line ?? (error as { line?: number }).line ?? 1;
    return [
      {
        line: place,
        message: `正文无法按 MDX 读取：${(error as Error).message.split('\n')[0]}`,
        hint: 'MDX 中的 { } < > 有特殊含义：如果不需要 MDX，请把文件扩展名改为 .md',
      },
    ];
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
      case 'image':
      case 'definition':
        checkUrl((node as { url: string }).url, line, problems);
        if (node.type === 'image') problems.push(bodyImage(line));
        break;
      // `![照片][p]` … `[p]: ./x.svg`: the same picture, written reference-style. Astro would copy
      // the file into the site as it is, scripts and camera metadata included.
      case 'imageReference':
        problems.push(bodyImage(line));
        break;
    }
  });
  return problems;
}
