/**
 * Reads an entry file the way Astro does (YAML frontmatter, or a whole YAML file) while keeping
 * the positions of every field, so messages can say on which line a problem is.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { Problem } from './problem';

export interface SourceFile {
  /** The parsed fields, or undefined when the YAML could not be read. */
  data: unknown;
  /** The Markdown body after the frontmatter (empty for data files). */
  body: string;
  /** The 1-based line of the file on which the body starts. */
  bodyLine: number;
  /** Line of the field at `path` (or of its closest existing parent), 1-based in the whole file. */
  lineOf(path: readonly (string | number)[]): number | undefined;
  /** Problems found while reading: malformed YAML, missing frontmatter, impossible dates. */
  problems: Omit<Problem, 'file'>[];
}

// The closing `---` must start a line, as in Astro's own parser: a value ending in `---` does not end the frontmatter.
const FRONTMATTER = /^\uFEFF?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

const YAML_HINTS: Record<string, string> = {
  DUPLICATE_KEY: '同一个字段写了两次：删掉其中一个',
  TAB_AS_INDENT: '缩进只能用空格，不能用 Tab 键',
  BAD_INDENT: '检查缩进：同一层的字段要左对齐，列表项用两个空格加 - 开头',
  MULTILINE_IMPLICIT_KEY: '检查冒号：每个字段写成 “字段名: 值”，冒号后要有一个空格；值里有冒号时请整体加引号',
  BLOCK_AS_IMPLICIT_KEY: '检查冒号和缩进：每个字段写成 “字段名: 值”',
  MISSING_CHAR: '检查引号和括号是否成对',
  UNEXPECTED_TOKEN: '检查这一行的符号：值里有冒号、# 或引号时请整体加引号',
};
const YAML_HINT_DEFAULT = '检查这一行：每个字段写成 “字段名: 值”，冒号后有空格，缩进用空格，引号成对';

/** Reads a Markdown or MDX entry: frontmatter between `---` lines, then the body. */
export function readMarkdownSource(text: string): SourceFile {
  const match = FRONTMATTER.exec(text);
  if (!match) {
    return {
      data: undefined,
      body: text,
      bodyLine: 1,
      lineOf: () => 1,
      problems: [
        {
          severity: 'error',
          code: 'frontmatter-missing',
          line: 1,
          message: '文件开头没有 frontmatter（用两行 --- 包起来的字段区）',
          hint: '文件第一行写 ---，接着逐行写字段（如 name: 王祥），再写一行 --- ，然后才是正文',
        },
      ],
    };
  }
  // The YAML starts on the line after the opening `---`.
  return { ...readYaml(match[1] ?? '', 1), body: text.slice(match[0].length), bodyLine: match[0].split('\n').length };
}

/** Reads a whole YAML data file (the `stats` collection). */
export function readDataSource(text: string): SourceFile {
  return { ...readYaml(text.replace(/^\uFEFF/, ''), 0), body: '', bodyLine: 1 };
}

function readYaml(yamlText: string, lineOffset: number): Omit<SourceFile, 'body' | 'bodyLine'> {
  const lineCounter = new LineCounter();
  // `timestamp` makes unquoted dates `Date`s, as Astro's YAML parser (js-yaml) does, so both agree.
  const doc = parseDocument(yamlText, { lineCounter, customTags: ['timestamp'], uniqueKeys: true, prettyErrors: false });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + lineOffset;
  const problems: Omit<Problem, 'file'>[] = [];

  for (const error of doc.errors) {
    problems.push({
      severity: 'error',
      code: 'yaml',
      line: lineAt(error.pos[0]),
      message: `YAML 格式有误，无法读取（${error.code}: ${error.message.split('\n')[0]}）`,
      hint: YAML_HINTS[error.code] ?? YAML_HINT_DEFAULT,
    });
  }
  if (problems.length > 0) return { data: undefined, lineOf: () => problems[0]?.line, problems };

  problems.push(...impossibleDates(doc, lineAt));
  return {
    data: doc.toJS() ?? {},
    lineOf: (path) => locate(doc, path, lineAt),
    problems,
  };
}

/**
 * YAML date parsers roll 2020-02-30 over into March without a word. Compare each date with the
 * text that produced it and report the days that do not exist.
 */
function impossibleDates(doc: Document, lineAt: (offset: number) => number): Omit<Problem, 'file'>[] {
  const problems: Omit<Problem, 'file'>[] = [];
  visit(doc, {
    Scalar(_key, node, ancestors) {
      if (!(node.value instanceof Date) || typeof node.source !== 'string') return;
      const written = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(node.source);
      if (!written) return;
      const field = fieldPathOf(ancestors, node);
      const where = { ...(node.range ? { line: lineAt(node.range[0]) } : {}), ...(field ? { field } : {}), value: node.source };
      // YAML reads an unquoted time without a zone as UTC, 8 hours off Beijing time; Astro would
      // do the same, so a quoted value (read as Beijing time) is the only unambiguous way.
      const timed = /^\S+[T ]\d/.test(node.source) && node.type === 'PLAIN';
      const zoned = /(Z|[+-]\d{1,2}(:?\d{2})?)$/.test(node.source);
      if (timed && !zoned) {
        problems.push({
          severity: 'error',
          code: 'date',
          ...where,
          message: `时间 ${node.source} 没有加引号，会被当作世界时（比北京时间晚 8 小时）`,
          hint: `请加上引号：“${field || 'publishDate'}: \"${node.source}\"”，表示北京时间`,
        });
        return;
      }
      // Judge the day as written: the Date of a value with a zone is in UTC and may fall on another day.
      const [, y, m, d] = written.map(Number) as [number, number, number, number];
      if (m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()) {
        problems.push({
          severity: 'error',
          code: 'date',
          ...where,
          message: `日期 ${node.source} 不存在（${y}年${m}月没有${d}日）`,
          hint: '请核对原始材料中的日期',
        });
        return;
      }
      // A time with a zone becomes a UTC Date: at UTC midnight it reads as a bare date (08:00+08:00
      // would become 00:00 Beijing, 8 hours early), and on another UTC day a partial date takes that day.
      const date = node.value;
      const utcMidnight = date.getUTCHours() + date.getUTCMinutes() + date.getUTCSeconds() + date.getUTCMilliseconds() === 0;
      const sameDay = date.getUTCFullYear() === y && date.getUTCMonth() + 1 === m && date.getUTCDate() === d;
      if (timed && (utcMidnight || !sameDay)) {
        problems.push({
          severity: 'error',
          code: 'date',
          ...where,
          message: `时间 ${node.source} 没有加引号，可能被读错（YAML 把它换算成世界时 ${date.toISOString()}）`,
          hint: `请加上引号：“${field || 'publishDate'}: \"${node.source}\"”`,
        });
      }
    },
  });
  return problems;
}

/** `sources[0].date`: the path of a node from its ancestors, as formatFieldPath writes it. */
function fieldPathOf(ancestors: readonly unknown[], node: unknown): string {
  const chain = [...ancestors, node];
  let text = '';
  chain.forEach((current, index) => {
    const child = chain[index + 1];
    if (isPair(current) && isScalar(current.key)) text += `${text ? '.' : ''}${String(current.key.value)}`;
    else if (isSeq(current) && child !== undefined) text += `[${current.items.indexOf(child as never)}]`;
  });
  return text;
}

/** Walks the YAML tree along `path`, remembering the line of the deepest key or item found. */
function locate(doc: Document, path: readonly (string | number)[], lineAt: (offset: number) => number): number | undefined {
  let node: unknown = doc.contents;
  let line = startLine(node as Node | null, lineAt);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      line = startLine(pair.key as Node, lineAt) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) break;
      line = startLine(item as Node, lineAt) ?? line;
      node = item;
    } else break;
  }
  return line;
}

function startLine(node: Node | null | undefined, lineAt: (offset: number) => number): number | undefined {
  return node?.range ? lineAt(node.range[0]) : undefined;
}
