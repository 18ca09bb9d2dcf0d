/**
 * The slips a clerk makes when typing YAML by hand, recognised so the message names the slip and
 * shows the line as it should be written: a Chinese colon (`consent：true`), no space after the
 * colon (`consent:true`, or a full-width space typed by a Chinese IME), a `{}` left on a block
 * whose lines were un-commented (`filing: {}` followed by `  icp: …`), a Tab or a full-width space
 * used for indentation. The YAML parser reports these as something else ("Implicit map keys need
 * to be followed by map values", "All mapping items must start at the same column"), on another
 * line. Both the content files and site.config.yaml are read through source-file.ts, which asks
 * here first; zod-issues.ts asks `valueSlip` when such a line was read as text instead of a field.
 */
import { CST, isScalar, Lexer, visit, type Document } from 'yaml';
import type { YamlFinding } from './yaml-guard';

/** One slip on one line, and the line as it should be written. */
export interface LineSlip {
  message: string;
  hint: string;
  /** The line corrected (for `{}`, the key alone), indentation kept. */
  fixed: string;
}

/** A field name as a clerk writes it: an English word (camelCase, digits, `-` or `_`). */
const KEY = '[A-Za-z_][A-Za-z0-9_-]*';
/** Indentation and list markers before a key: `  - title: …`. */
const LEAD = '[ ]*(?:-[ ]+)*';
/** Spaces of a Chinese IME and of Word/WeChat pastes, which YAML does not read as spaces. */
const WIDE_SPACE = '\\u3000\\u00A0\\u2000-\\u200B\\u202F\\u205F\\uFEFF';

const CHINESE_COLON = new RegExp(`^(${LEAD})(${KEY})[ \\t${WIDE_SPACE}]*：[ \\t${WIDE_SPACE}]*(.*)$`);
// `https://…` is an address, not a key: a colon followed by `/` is left alone.
const NO_SPACE = new RegExp(`^(${LEAD})(${KEY}):([${WIDE_SPACE}]*)([^ \\t${WIDE_SPACE}/].*)$`);
const EMPTY_BLOCK = new RegExp(`^(${LEAD})(${KEY}):[ \\t]*(\\{[ \\t]*\\}|\\[[ \\t]*\\])[ \\t]*(?:#.*)?$`);
const TAB_INDENT = /^[ ]*\t[ \t]*/;
const WIDE_INDENT = new RegExp(`^[ \\t]*[${WIDE_SPACE}][ \\t${WIDE_SPACE}]*`);

const IME = '（切换到英文输入法再输入）';

/** A `key: value` line as it should be written. */
const fieldLine = (lead: string, key: string, value: string) => `${lead}${key}:${value.trimEnd() ? ` ${value.trimEnd()}` : ''}`;

/** The slip written on line `index` of `lines`, or null; the lines below are read for what follows a `{}`. */
function slipOnLine(lines: readonly string[], index: number): LineSlip | null {
  const line = lines[index]!;
  const colon = CHINESE_COLON.exec(line);
  if (colon) {
    const [, lead = '', key = '', value = ''] = colon;
    const fixed = fieldLine(lead, key, value);
    return {
      message: `字段名 ${key} 后面的冒号是中文冒号“：”，这一行读不出字段`,
      hint: `改用英文冒号，冒号后空一格${IME}：${fixed.trim()}`,
      fixed,
    };
  }
  const empty = EMPTY_BLOCK.exec(line);
  if (empty) {
    const [, lead = '', key = '', braces = ''] = empty;
    const below = nextContentLine(lines, index);
    if (below !== undefined && indentOf(below) > lead.length) {
      const fixed = `${lead}${key}:`;
      return {
        message: `${key} 后面还留着 ${braces.replace(/[ \t]/g, '')}，表示它是空的，下面缩进的几行就不属于它了`,
        hint: `删掉 ${braces.replace(/[ \t]/g, '')}，这一行只写 ${fixed.trim()}，下面各行保持缩进：\n${fixed.trim()}\n${' '.repeat(Math.max(2, indentOf(below) - lead.length))}${below.trim()}`,
        fixed,
      };
    }
  }
  const bare = NO_SPACE.exec(line);
  if (bare) {
    const [, lead = '', key = '', wide = '', value = ''] = bare;
    const fixed = fieldLine(lead, key, value);
    return wide
      ? {
          message: `字段名 ${key} 的冒号后面是全角空格（中文输入法打出的空格），这一行读不出字段`,
          hint: `把全角空格换成一个半角空格${IME}：${fixed.trim()}`,
          fixed,
        }
      : {
          message: `字段名 ${key} 的冒号后面缺少空格，这一行读不出字段`,
          hint: `在英文冒号后加一个空格：${fixed.trim()}`,
          fixed,
        };
  }
  const tab = TAB_INDENT.test(line) ? tabAtStart(line) : null;
  if (tab) return tab;
  const wide = WIDE_INDENT.exec(line);
  if (wide) {
    return {
      message: '这一行开头有全角空格（中文输入法打出的空格），YAML 不把它当作缩进',
      hint: `删掉行首的全角空格，改用半角空格缩进${IME}：每一层两个空格，与同一层的字段左对齐`,
      fixed: `${wide[0].replace(new RegExp(`[${WIDE_SPACE}]`, 'g'), '  ')}${line.slice(wide[0].length)}`,
    };
  }
  return null;
}

/** A Tab in the indentation of `line` (any spaces before it), or null. */
function tabAtStart(line: string): LineSlip | null {
  const tab = TAB_INDENT.exec(line);
  if (!tab) return null;
  return {
    message: '这一行开头用了 Tab 键缩进，YAML 只认空格',
    hint: '删掉行首的 Tab，改用空格缩进：每一层两个空格，与同一层的字段左对齐',
    fixed: `${tab[0].replace(/\t/g, '  ')}${line.slice(tab[0].length)}`,
  };
}

const indentOf = (line: string) => /^[ ]*/.exec(line)![0].length;

/** The next line after `index` that holds more than spaces or a comment. */
function nextContentLine(lines: readonly string[], index: number): string | undefined {
  return lines.slice(index + 1).find((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
}

/**
 * Lines that continue a text begun on an earlier line (a quoted text, a block `|`, a plain text
 * over several lines): they are content, not fields, and are never taken for a field's slip.
 * `quoted` for a quoted text, where a Tab at the start of a line is harmless; `text` otherwise.
 */
function continuationLines(text: string): Map<number, 'quoted' | 'text'> {
  const inside = new Map<number, 'quoted' | 'text'>();
  let line = 1;
  let scalarNext = false;
  let blockNext = false;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    const breaks = token.split('\n').length - 1;
    const quoted = type === 'double-quoted-scalar' || type === 'single-quoted-scalar';
    if (scalarNext || quoted) {
      // A block text starts on the line after its `|`, and its token ends with a line break.
      const last = token.endsWith('\n') ? breaks - 1 : breaks;
      for (let n = blockNext ? 0 : 1; n <= last; n++) inside.set(line + n, quoted ? 'quoted' : 'text');
      blockNext = false;
    }
    if (type === 'block-scalar-header') blockNext = true;
    scalarNext = type === 'scalar';
    line += breaks;
  }
  return inside;
}

/** Most rounds of correcting the slips found and looking again: a slip can hide the next one from the lexer. */
const MAX_ROUNDS = 20;
/** Most slips taken off one line, one after the other (a Tab, then a Chinese colon). */
const MAX_SLIPS_PER_LINE = 3;

/**
 * The slips in a YAML text the parser refused, each at its 1-based line, with the text as it is
 * once they are all corrected (the same lines: a correction never adds or removes one).
 * `hasErrors` parses a text and says whether it is still refused. No slips when none is recognised.
 */
export function yamlSlips(text: string, hasErrors: (text: string) => boolean): { slips: YamlFinding[]; corrected: string } {
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const slips: YamlFinding[] = [];
  const visited = new Set<number>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const inside = continuationLines(lines.join('\n'));
    let corrected = false;
    lines.forEach((_, index) => {
      const within = inside.get(index + 1);
      if (visited.has(index) || within === 'quoted' || lines[index]!.trimStart().startsWith('#')) return;
      for (let n = 0; n < MAX_SLIPS_PER_LINE; n++) {
        // Inside a text a line may say anything: only a Tab before any space is surely a slip.
        const slip = within ? (lines[index]!.startsWith('\t') ? tabAtStart(lines[index]!) : null) : slipOnLine(lines, index);
        if (!slip || slip.fixed === lines[index]) break;
        slips.push({
          line: index + 1,
          code: 'yaml',
          message: slip.message,
          hint: slip.hint,
        });
        lines[index] = slip.fixed;
        visited.add(index);
        corrected = true;
      }
    });
    if (!corrected || !hasErrors(lines.join(newline))) break;
  }
  return {
    slips: slips.sort((a, b) => a.line - b.line),
    corrected: lines.join(newline),
  };
}

/**
 * The slips in a YAML text the parser read, but not as meant: a field whose colon has no space
 * after it or is a Chinese one, written alone under its parent (`filing:` then `  icp:苏ICP备…`,
 * read as the text of `filing`) or as the only line of the file; a field name holding a
 * full-width space (`　icp`, from an indentation typed with a Chinese IME), read as another name.
 * Each at its line; `lines` are the lines of the text.
 */
export function readSlips(doc: Document, lineAt: (offset: number) => number, lines: readonly string[]): YamlFinding[] {
  const findings: YamlFinding[] = [];
  const wide = new RegExp(`[${WIDE_SPACE}]`);
  const at = (line: number, slip: LineSlip | null) =>
    slip &&
    findings.push({
      line,
      code: 'yaml',
      message: slip.message,
      hint: slip.hint,
    });
  /** A text on lines of its own that begins as a field: each of its lines that is a slip. */
  const textAsFields = (node: unknown) => {
    if (!isScalar(node) || node.type !== 'PLAIN' || !node.range) return;
    const first = lineAt(node.range[0]);
    const last = lineAt(node.range[1]);
    if (!valueSlip(lines[first - 1]!.trim())) return;
    for (let line = first; line <= last; line++) at(line, slipOnLine(lines, line - 1));
  };
  textAsFields(doc.contents);
  visit(doc, {
    Pair(_key, pair) {
      const { key, value } = pair;
      if (!isScalar(key) || !key.range) return;
      if (isScalar(value) && value.range && lineAt(value.range[0]) > lineAt(key.range[0])) textAsFields(value);
      if (typeof key.value !== 'string' || !wide.test(key.value)) return;
      const line = lineAt(key.range[0]);
      const text = lines[line - 1] ?? '';
      if (WIDE_INDENT.test(text)) {
        at(line, slipOnLine([text], 0));
        return;
      }
      const name = key.value.replace(new RegExp(`[${WIDE_SPACE}]`, 'g'), '');
      findings.push({
        line,
        code: 'yaml',
        message: `字段名 “${key.value}” 里有全角空格（中文输入法打出的空格），读不出字段 ${name}`,
        hint: `删掉字段名里的空格${IME}：${name}: …`,
      });
    },
  });
  return findings;
}

/**
 * A value that is a `key:value` or `key：value` line read as text: a field whose colon has no
 * space after it, or is a Chinese one (`- title:泰州日报` in a list of sources). The slip, for the
 * message where a group of fields was expected; null for any other text.
 */
export function valueSlip(value: string): LineSlip | null {
  if (value.includes('\n')) return null;
  const slip = slipOnLine([value], 0);
  return slip && (CHINESE_COLON.test(value) || NO_SPACE.test(value)) ? slip : null;
}

/**
 * A field indented by a space more or less than the fields above it on the same level (a `#`
 * taken off a commented line with its space left, or one space too many): what the parser calls
 * "All mapping items must start at the same column", said with the two indentations and the line
 * aligned. `line` is 1-based; null when the line above is no field to align with.
 */
export function misalignedField(lines: readonly string[], line: number): LineSlip | null {
  const text = lines[line - 1] ?? '';
  const field = new RegExp(`^([ ]*)(${KEY}):`).exec(text);
  if (!field) return null;
  const above = lines
    .slice(0, line - 1)
    .reverse()
    .find((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  const sibling = above === undefined ? null : new RegExp(`^([ ]*)(${KEY}):`).exec(above);
  if (!sibling) return null;
  const [, own = '', key = ''] = field;
  const [, theirs = '', name = ''] = sibling;
  if (own.length === theirs.length) return null;
  const fixed = `${theirs}${text.trimStart()}`;
  return {
    message: `${key} 这一行缩进了 ${own.length} 个空格，上一行的 ${name} 是 ${theirs.length} 个：同一层的字段要左对齐`,
    hint: `让这一行与 ${name} 对齐（行首 ${theirs.length} 个空格）：\n${above!.trimEnd()}\n${fixed}`,
    fixed,
  };
}

