/**
 * Reads an entry file the way the build does — the frontmatter Astro cuts out, every value as
 * js-yaml reads it — while keeping the positions of every field, so messages can say on which
 * line a problem is. What the build would refuse, read differently or take minutes over is
 * refused here first, with its line (see yaml-guard.ts), so a file the check passes builds.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type Pair, type YAMLError, type YAMLMap } from 'yaml';
import { formatBytes, type Problem } from './problem';
import { fieldPathOf, lineAtOffset, scanYamlText, yamlFeatureFindings, type YamlFinding, type YamlSourceKind } from './yaml-guard';
import { BUILD_SCALAR_TAGS } from './yaml-scalars';
import { misalignedField, readSlips, yamlSlips } from './yaml-slips';

export interface SourceFile {
  /** The parsed fields, or undefined when the YAML could not be read. */
  data: unknown;
  /** The Markdown body after the frontmatter (empty for data files). */
  body: string;
  /** The 1-based line of the file on which the body starts. */
  bodyLine: number;
  /** Line of the field at `path` (or of its closest existing parent), 1-based in the whole file. */
  lineOf(path: readonly (string | number)[]): number | undefined;
  /** The unquoted value at `path` as it is written in the file (`0123`, read as the number 123), or undefined. */
  writtenAt(path: readonly (string | number)[]): string | undefined;
  /** Problems found while reading: malformed or refused YAML, missing frontmatter, impossible dates. */
  problems: Omit<Problem, 'file'>[];
}

type SourceProblem = Omit<Problem, 'file'>;

/**
 * A file this large is no entry (a scan or a video saved as .md?): it is not even read. Entries
 * are far smaller: at most 1 MB of body and 256 KB of fields.
 */
export const MAX_SOURCE_FILE_BYTES = 16 * 1024 * 1024;

/** The problem of an entry file of `bytes` bytes that is too large to read, or null. */
export function oversizedSourceFile(bytes: number): SourceProblem | null {
  if (bytes <= MAX_SOURCE_FILE_BYTES) return null;
  return {
    severity: 'error',
    code: 'too-long',
    line: 1,
    message: `文件太大（${formatBytes(bytes)}，上限 ${formatBytes(MAX_SOURCE_FILE_BYTES)}），没有读取`,
    hint: '条目文件只写字段和正文；是不是把扫描件、照片或视频改名成了条目文件？图片请放在条目旁边，用 photo 等字段引用',
  };
}

/**
 * Astro's own frontmatter pattern (`extractFrontmatter` in @astrojs/markdown-remark): it also
 * opens after blank lines or with `+++` (TOML), and closes at the first line that merely starts
 * with `---` or `+++`. The check cuts the same text, then refuses what it does differently from
 * a plain `---` line before and after.
 */
const ASTRO_FRONTMATTER = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;

/** The YAML of a Markdown file exactly as Astro passes it to js-yaml, and where the body starts. */
type Frontmatter = { ok: true; yaml: string; body: string; bodyLine: number } | { ok: false; problem: SourceProblem };

const FRONTMATTER_HINT = '文件第一行写 ---，接着逐行写字段（如 name: 王祥），再写一行 --- ，然后才是正文';

/** Cuts a Markdown file into its frontmatter and body, or says why it cannot. */
export function splitFrontmatter(text: string): Frontmatter {
  const fail = (line: number, code: 'frontmatter-missing' | 'yaml', message: string, hint: string): Frontmatter => ({
    ok: false,
    problem: { severity: 'error', code, line, message, hint },
  });
  const match = ASTRO_FRONTMATTER.exec(text);
  if (!match) {
    return /^\uFEFF?---/.test(text)
      ? fail(1, 'frontmatter-missing', '字段区没有结束：缺少单独一行的 ---', '在最后一个字段的下一行写 ---，然后才是正文')
      : fail(1, 'frontmatter-missing', '文件开头没有 frontmatter（用两行 --- 包起来的字段区）', FRONTMATTER_HINT);
  }
  const yaml = match[1] ?? '';
  const opening = match[0].slice(0, match[0].length - yaml.length - 3).replace(/^\uFEFF/, '');
  if (/^\+\+\+/.test(opening.trimStart())) {
    return fail(1, 'yaml', '字段区用 +++ 包起来（TOML 格式），本站只读 YAML 格式', '把前后两行 +++ 都改成 ---，每个字段写成 “字段名: 值”');
  }
  if (opening !== '---') {
    return fail(1, 'frontmatter-missing', '文件开头有空行或空格：第一行必须是 ---', '删掉 --- 前面的空行和空格');
  }
  if (!/^[ \t]*\r?\n/.test(yaml)) {
    return fail(1, 'frontmatter-missing', '第一行的 --- 后面还写了内容', `第一行只写 ---，字段从第二行开始写。${FRONTMATTER_HINT}`);
  }
  const closingAt = match[0].length - 3;
  const closingLine = lineAtOffset(text, closingAt);
  const lineEnd = text.indexOf('\n', closingAt);
  const closing = text.slice(closingAt, lineEnd === -1 ? text.length : lineEnd).replace(/\r$/, '');
  if (!/^---[ \t]*$/.test(closing)) {
    return fail(
      closingLine,
      'yaml',
      `这一行以 ${closing.slice(0, 3)} 开头，生成网站时会被当作字段区的结束`,
      '字段区以单独一行 --- 结束：如果这里就是结束，这一行只写 ---；如果是字段的内容，请不要让这一行以 --- 或 +++ 开头',
    );
  }
  return { ok: true, yaml, body: lineEnd === -1 ? '' : text.slice(lineEnd + 1), bodyLine: closingLine + 1 };
}

const YAML_HINTS: Partial<Record<YAMLError['code'], string>> = {
  TAB_AS_INDENT: '缩进只能用空格，不能用 Tab 键',
  BAD_INDENT: '检查缩进：同一层的字段要左对齐，列表项用两个空格加 - 开头',
  MULTILINE_IMPLICIT_KEY: '检查冒号：每个字段写成 “字段名: 值”，冒号后要有一个空格；值里有冒号时请整体加引号',
  BLOCK_AS_IMPLICIT_KEY: '检查冒号和缩进：每个字段写成 “字段名: 值”',
  MISSING_CHAR: '检查引号和括号是否成对',
  UNEXPECTED_TOKEN: '检查这一行的符号：值里有冒号、# 或引号时请整体加引号',
  BAD_SCALAR_START: '值以 @、` 或 % 等符号开头时，请给整个值加上英文双引号',
  MULTIPLE_DOCS: '一个文件只能写一份字段：删掉中间单独一行的 --- 或 ...',
  RESOURCE_EXHAUSTION: '检查方括号 [ ] 和花括号 { } 是否成对、缩进是否正确',
  BAD_ALIAS: '这里不能用 & 和 *：如果它们是文字的一部分，请给整个值加上英文双引号',
};
const YAML_HINT_DEFAULT = '检查这一行：每个字段写成 “字段名: 值”，冒号后有空格，缩进用空格，引号成对';

/** Reads a Markdown or MDX entry: frontmatter between `---` lines, then the body. */
export function readMarkdownSource(text: string): SourceFile {
  const split = splitFrontmatter(text);
  if (!split.ok) return { data: undefined, body: text, bodyLine: 1, lineOf: () => split.problem.line, writtenAt: () => undefined, problems: [split.problem] };
  // The YAML starts with the rest of the opening `---` line, as Astro's does: its lines are the file's.
  return { ...readYaml(split.yaml, 'frontmatter'), body: split.body, bodyLine: split.bodyLine };
}

/** Reads a whole YAML data file (`stats`, `points`, site.config.yaml). */
export function readDataSource(text: string): SourceFile {
  return { ...readYaml(text.replace(/^\uFEFF/, ''), 'data'), body: '', bodyLine: 1 };
}

function readYaml(yamlText: string, kind: YamlSourceKind): Omit<SourceFile, 'body' | 'bodyLine'> {
  const refuse = (findings: YamlFinding[]) => ({
    data: undefined,
    lineOf: () => findings[0]?.line,
    writtenAt: () => undefined,
    problems: firstFindings(findings).map((f): SourceProblem => ({ severity: 'error', ...f })),
  });
  const scanned = scanYamlText(yamlText, kind);
  if (scanned) return refuse([scanned]);

  // js-yaml reads a text without a final line break as if it had one. Given the bare text, the
  // `yaml` library accepts an unclosed quote ending in an escaped quote ('it''s) at the very end.
  const text = yamlText === '' || /[\r\n]$/.test(yamlText) ? yamlText : `${yamlText}\n`;
  let parsed: Parsed;
  try {
    parsed = parseYaml(text);
  } catch (error) {
    return refuse([unreadable(error)]);
  }
  const { doc, lineAt } = parsed;
  const lines = text.split(/\r?\n/);
  const asFinding = (at: (offset: number) => number, lines: readonly string[]) => (error: YAMLError): YamlFinding => {
    const line = at(error.pos[0]);
    const misaligned = error.code === 'BAD_INDENT' && error.message.startsWith('All mapping items must start at the same column') ? misalignedField(lines, line) : null;
    if (misaligned) return { line, code: 'yaml', message: misaligned.message, hint: misaligned.hint };
    return { line, code: 'yaml', message: `YAML 格式有误，无法读取（${error.code}: ${error.message.split('\n')[0]}）`, hint: YAML_HINTS[error.code] ?? YAML_HINT_DEFAULT };
  };
  if (doc.errors.length > 0) {
    // A Chinese colon or a Tab is reported as itself, at its own line; what is left once they
    // are corrected (the same lines) is reported as the parser sees it.
    try {
      const { slips, corrected } = yamlSlips(text, (t) => parseYaml(t).doc.errors.length > 0);
      if (slips.length > 0) {
        const rest = parseYaml(corrected);
        return refuse([...slips, ...rest.doc.errors.map(asFinding(rest.lineAt, corrected.split(/\r?\n/)))].sort((a, b) => a.line - b.line));
      }
    } catch {
      // A corrected text the parser cannot take: the parser's own findings on the text as written.
    }
    return refuse(doc.errors.map(asFinding(lineAt, lines)));
  }
  // Refused features before the warnings they cause: a custom tag is also an unresolved tag.
  const features = [...yamlFeatureFindings(doc, lineAt), ...readSlips(doc, lineAt, lines)].sort((a, b) => a.line - b.line);
  if (features.length > 0) return refuse(features);
  if (doc.warnings.length > 0) return refuse(doc.warnings.map(asFinding(lineAt, lines)));

  let data: unknown;
  try {
    data = doc.toJS() ?? {};
  } catch (error) {
    return refuse([unreadable(error)]);
  }
  const pairs = new WeakMap<YAMLMap, Map<string, Pair>>();
  return {
    data,
    lineOf: (path) => locate(doc, path, lineAt, pairs).line,
    writtenAt: (path) => {
      const { node, whole } = locate(doc, path, lineAt, pairs);
      return whole && isScalar(node) && node.type === 'PLAIN' && typeof node.source === 'string' ? node.source : undefined;
    },
    problems: impossibleDates(doc, lineAt),
  };
}

interface Parsed {
  doc: Document.Parsed;
  lineAt: (offset: number) => number;
}

/**
 * Parses YAML as the check reads it: the failsafe schema keeps maps, lists and text;
 * BUILD_SCALAR_TAGS read unquoted values as js-yaml does (dates become `Date`s there too).
 * Duplicate keys are found by yaml-guard.
 */
function parseYaml(text: string): Parsed {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, schema: 'failsafe', customTags: BUILD_SCALAR_TAGS, uniqueKeys: false, prettyErrors: false });
  return { doc, lineAt: (offset) => lineCounter.linePos(offset).line };
}

/** More problems than this in one file are one mistake repeated: the rest are counted, not listed. */
const MAX_FINDINGS = 20;

function firstFindings(findings: YamlFinding[]): YamlFinding[] {
  if (findings.length <= MAX_FINDINGS) return findings;
  const rest = findings.slice(MAX_FINDINGS);
  const more: YamlFinding = { ...rest[0]!, message: `另有 ${rest.length} 处同类的问题没有列出`, hint: '先改正上面列出的问题，再运行一次检查' };
  return [...findings.slice(0, MAX_FINDINGS), more];
}

/** Whatever the YAML library throws becomes a problem, never a stack trace. */
function unreadable(error: unknown): YamlFinding {
  const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  return { line: 1, code: 'yaml', message: `YAML 无法读取（${reason.slice(0, 120)}）`, hint: YAML_HINT_DEFAULT };
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

/**
 * Walks the YAML tree along `path`, remembering the line of the deepest key or item found, and
 * that node (`whole` when the path was followed to its end). Each map's keys are indexed once (in
 * `pairs`): every text field is located, and a map of thousands of keys searched key by key took seconds.
 */
function locate(
  doc: Document,
  path: readonly (string | number)[],
  lineAt: (offset: number) => number,
  pairs: WeakMap<YAMLMap, Map<string, Pair>>,
): { line: number | undefined; node: unknown; whole: boolean } {
  const pairsOf = (map: YAMLMap) => {
    let index = pairs.get(map);
    if (!index) {
      index = new Map();
      for (const pair of map.items) if (isScalar(pair.key) && !index.has(String(pair.key.value))) index.set(String(pair.key.value), pair);
      pairs.set(map, index);
    }
    return index;
  };
  let node: unknown = doc.contents;
  let line = startLine(node as Node | null, lineAt);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = pairsOf(node).get(String(segment));
      if (!pair) return { line, node, whole: false };
      line = startLine(pair.key as Node, lineAt) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) return { line, node, whole: false };
      line = startLine(item as Node, lineAt) ?? line;
      node = item;
    } else return { line, node, whole: false };
  }
  return { line, node, whole: true };
}

function startLine(node: Node | null | undefined, lineAt: (offset: number) => number): number | undefined {
  return node?.range ? lineAt(node.range[0]) : undefined;
}
