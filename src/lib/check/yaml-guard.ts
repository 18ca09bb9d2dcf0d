/**
 * The YAML the check accepts: plain fields, lists and quoted text, nothing the build's reader
 * (js-yaml 4, in Astro) would refuse, read differently, or take minutes over. Anchors and aliases
 * (`&a`, `*a`, `<<`) let a few lines expand into billions of values; explicit tags (`!!js/function`,
 * `!!binary`, `!foo`) are refused or read differently by the two readers; directives switch
 * `yes` into a boolean in one of them. No clerk needs any of these, so they are refused with the
 * line and a way to write the value plainly. The text is scanned before parsing, so a huge or
 * absurdly nested file is refused without being parsed at all.
 */
import { CST, isCollection, isMap, isPair, isScalar, isSeq, Lexer, visit, type Document, type Node } from 'yaml';
import { formatBytes } from './problem';

/** The most YAML one entry may hold: far above any real entry (the sample's largest is 2 KB). */
export const MAX_YAML_BYTES = 256 * 1024;

/**
 * Lists and field groups nested in each other: real entries use four (`entries[0].points.…`), and
 * the build's reader gives up at 100 nodes.
 */
export const MAX_YAML_NESTING = 10;

/**
 * Indentation, list markers and brackets counted on one line before parsing. Above this the text
 * is not parsed: nesting thousands deep overflows the parser's stack, and once that has happened
 * in a process the next deep file can abort Node itself instead of raising an error.
 */
const MAX_SCANNED_NESTING = 100;

/** Characters js-yaml refuses anywhere (its PATTERN_NON_PRINTABLE): NUL, other controls, U+FFFE/FFFF, lone surrogates. */
const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

/** One refusal, at a 1-based line of the YAML text. */
export interface YamlFinding {
  line: number;
  /** The field it is in, where there is one: `summary`, `sources[0].title`. */
  field?: string;
  code: 'yaml' | 'too-long';
  message: string;
  hint: string;
}

/** Which kind of file the YAML comes from: a Markdown frontmatter or a whole data file. */
export type YamlSourceKind = 'frontmatter' | 'data';

const ANCHOR_HINT = '这里不能用 & 和 * 引用别处的内容：请把内容直接写出来，需要重复的就再写一遍；如果 & 或 * 是文字的一部分，请给整个值加上英文双引号';
const DEPTH_HINT = '检查方括号 [ ] 和花括号 { } 是否成对、缩进是否正确；字段最多只嵌套几层，如 sources 下的 title';

/**
 * What is wrong with the YAML text before it is parsed, or null: too large, a character the
 * build cannot read, or nesting so deep that parsing it is the danger.
 */
export function scanYamlText(text: string, kind: YamlSourceKind): YamlFinding | null {
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_YAML_BYTES) return oversized(text, bytes, kind);
  const control = NON_PRINTABLE.exec(text);
  if (control) {
    // A lone low surrogate is matched with the character before it.
    const char = [...control[0]].find((c) => NON_PRINTABLE.test(c)) ?? control[0];
    return {
      line: lineAtOffset(text, control.index + control[0].indexOf(char)),
      code: 'yaml',
      message: `含有不可见的控制字符 ${codePoint(char)}，生成网站时无法读取`,
      hint: '这类字符通常是从其他软件复制时带进来的：把这一行删掉，重新输入',
    };
  }
  const deepLine = lineBeyondNesting(text, MAX_SCANNED_NESTING);
  if (deepLine !== null) {
    return { line: deepLine, code: 'yaml', message: `嵌套层次太深（括号或缩进超过 ${MAX_SCANNED_NESTING} 层），无法读取`, hint: DEPTH_HINT };
  }
  return null;
}

function oversized(text: string, bytes: number, kind: YamlSourceKind): YamlFinding {
  const longest = longestLine(text);
  // `summary: …` is named by its field, and counted without it.
  const field = /^\s*(?:-\s+)?([A-Za-z][\w-]*)\s*:\s*/.exec(longest.text);
  const length = longest.text.length - (field?.[0].length ?? 0);
  const where = `第 ${longest.line} 行${field ? `（${field[1]}）` : ''}有 ${length.toLocaleString('en-US')} 字`;
  return {
    line: longest.line,
    ...(field ? { field: field[1]! } : {}),
    code: 'too-long',
    message: `${kind === 'frontmatter' ? '字段区' : '数据文件'}太大（${formatBytes(bytes)}，上限 ${formatBytes(MAX_YAML_BYTES)}），没有读取：${where}`,
    hint: kind === 'frontmatter' ? '字段只写简短的内容；长的文字写在正文中（第二行 --- 的下面）' : '数据文件只写各项字段和数字；长的文字请缩短',
  };
}

function longestLine(text: string): { line: number; text: string } {
  let best = { line: 1, start: 0, end: 0 };
  let start = 0;
  for (let line = 1; start <= text.length; line += 1) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    if (end - start > best.end - best.start) best = { line, start, end };
    if (newline === -1) break;
    start = newline + 1;
  }
  return { line: best.line, text: text.slice(best.start, best.end) };
}

/** The 1-based line of `offset` in `text`. */
export function lineAtOffset(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line += 1;
  return line;
}

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The first line on which indentation, list and key markers and open brackets add up to more
 * than `limit`, read with the `yaml` library's lexer (which keeps no stack, and knows quotes,
 * comments and block text). Real nesting is at most about twice this count.
 */
function lineBeyondNesting(text: string, limit: number): number | null {
  let line = 1;
  let flow = 0;
  let markers = 0;
  let indent = 0;
  let atLineStart = true;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (type === 'newline') {
      markers = 0;
      indent = 0;
      atLineStart = true;
    } else if (type === 'space') {
      if (atLineStart) indent = token.length;
    } else if (type !== 'comment' && type !== 'doc-mode') {
      // Content: indentation before it counts (a line of spaces or a comment does not).
      atLineStart = false;
      if (type === 'flow-seq-start' || type === 'flow-map-start') flow += 1;
      else if (type === 'flow-seq-end' || type === 'flow-map-end') flow = Math.max(0, flow - 1);
      else if (type === 'seq-item-ind' || type === 'explicit-key-ind' || type === 'map-value-ind') markers += 1;
    }
    if (flow + markers + (atLineStart ? 0 : indent) > limit) return line;
    for (let at = token.indexOf('\n'); at !== -1; at = token.indexOf('\n', at + 1)) line += 1;
  }
  return null;
}

/**
 * Everything in a parsed document that the check refuses although the `yaml` library read it:
 * directives, anchors, aliases, merge keys, explicit tags, keys that are not plain text, and
 * nesting deeper than MAX_YAML_NESTING.
 */
export function yamlFeatureFindings(doc: Document.Parsed, lineAt: (offset: number) => number): YamlFinding[] {
  const findings: YamlFinding[] = [];
  const lineOf = (node: Node | null | undefined) => (node?.range ? lineAt(node.range[0]) : 1);
  const at = (node: Node | null | undefined, message: string, hint: string, path: readonly unknown[] = []) => {
    const field = node ? fieldPathOf(path, node) : '';
    findings.push({ line: lineOf(node), ...(field ? { field } : {}), code: 'yaml', message, hint });
  };

  const tags = Object.entries(doc.directives.tags);
  if (doc.directives.yaml.explicit || tags.some(([handle, prefix]) => handle !== '!!' || prefix !== 'tag:yaml.org,2002:')) {
    findings.push({ line: 1, code: 'yaml', message: '用了 YAML 指令（以 % 开头的行），生成网站时会读错', hint: '删掉以 % 开头的那一行' });
  }
  visit(doc, {
    Alias(_key, node, path) {
      at(node, `用了 YAML 别名 *${node.source}，生成网站时可能展开成极多的内容`, ANCHOR_HINT, path);
    },
    Node(_key, node, path) {
      if (node.anchor) at(node, `用了 YAML 锚点 &${node.anchor}`, ANCHOR_HINT, path);
      if (node.tag) {
        const tag = doc.directives.tagString(node.tag);
        at(node, `用了 YAML 类型标记 ${tag}，生成网站时会出错或读错`, `删掉 ${tag}，把值写成加英文双引号的文字，如 summary: "……"`, path);
      }
      if (isCollection(node) && path.filter(isCollection).length >= MAX_YAML_NESTING) {
        at(node, `嵌套层次太深（超过 ${MAX_YAML_NESTING} 层）`, DEPTH_HINT);
        return visit.SKIP;
      }
      if (isMap(node)) {
        // Keys are compared here, once each, as js-yaml does: the `yaml` library's own
        // uniqueKeys compares every key with every other, minutes for a file of many keys.
        const seen = new Map<string, number>();
        for (const pair of node.items) {
          const key = isScalar(pair.key) || isCollection(pair.key) ? pair.key : node;
          const problem = keyProblem(pair.key);
          if (problem) {
            at(key, problem.message, problem.hint);
            continue;
          }
          const name = isScalar(pair.key) ? String(pair.key.value) : '';
          const first = seen.get(name);
          if (first === undefined) seen.set(name, lineOf(key));
          else at(key, `字段 ${name} 写了两次（第 ${first} 行和第 ${lineOf(key)} 行）`, '同一个字段只能写一次：删掉其中一个，或把两处的内容合并');
        }
      }
      return undefined;
    },
  });
  // A map's keys are judged when the map is visited, before its values: report in file order.
  return findings.sort((a, b) => a.line - b.line);
}

/** A key must be plain text: js-yaml turns `null`, `1` and `[a, b]` into other keys than `yaml` does, and `<<` merges. */
function keyProblem(key: unknown): { message: string; hint: string } | null {
  if (isScalar(key) && key.type === 'PLAIN' && key.value === '<<') {
    return { message: '用了 YAML 合并键 <<，生成网站时会把别处的字段合并进来', hint: ANCHOR_HINT };
  }
  if (isScalar(key) && typeof key.value === 'string' && key.value !== '') return null;
  if (isCollection(key)) return { message: '字段名写成了列表或一组字段', hint: '每个字段写成 “字段名: 值”，字段名是一个英文词，如 name' };
  const written = isScalar(key) ? String(key.source ?? key.value ?? '') : '';
  return {
    message: written ? `字段名 ${written} 不是文字，生成网站时会读成别的名字` : '有一行缺少字段名',
    hint: '每个字段写成 “字段名: 值”，字段名是一个英文词，如 name；冒号前不能为空',
  };
}

/** `sources[0].date`: the path of a node from its ancestors, as formatFieldPath writes it. */
export function fieldPathOf(ancestors: readonly unknown[], node: unknown): string {
  const chain = [...ancestors, node];
  let text = '';
  chain.forEach((current, index) => {
    const child = chain[index + 1];
    if (isPair(current) && isScalar(current.key)) text += `${text ? '.' : ''}${String(current.key.value)}`;
    else if (isSeq(current) && child !== undefined) text += `[${current.items.indexOf(child as never)}]`;
  });
  return text;
}
