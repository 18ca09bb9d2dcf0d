/**
 * Problems in the words of a file, wherever they are: personal data that must not be published,
 * what looks personal and deserves a second look, and placeholders that must be filled in. Used
 * for every entry and for site.config.yaml.
 */
import { placeholder, placeholderIn } from '../authoring/placeholder';
import { dropMatches, MARKUP, normalizeText } from '../normalize-text';
import { findPii, findPiiHints, maskPii, PII_LABELS, type PiiHintKind, type PiiMatch } from '../pii';
import { fullNameIn, maskedAs } from '../redact';
import { forEachString, formatFieldPath, type Problem } from './problem';
import type { SourceFile } from './source-file';

export interface TextRules {
  /** Numbers and addresses that may be published (site config `privacy.allow`). */
  allow: readonly string[];
  /** A letter from the public: also addresses, children and the writer's full name. */
  letter?: boolean;
  /** Landline numbers are a unit's own public numbers in `units`: not worth a warning there. */
  landlines?: boolean;
  /** The file as the clerk would name it in `npm run check -- --redact <file>`. */
  file?: string;
}

const HINT_ADVICE: Record<PiiHintKind, string> = {
  landline: '如果是写信人或当事人的电话，请打码或删除；如果是本单位公开的电话，请把它加入 site.config.yaml 的 privacy.allow',
  'mobile-chinese': '请删除或打码；用汉字写的号码同样是个人信息',
  address: '写信人或当事人的住址不能公开：请只保留到路名或小区名',
  minor: '信中涉及未成年人：不要写出孩子的姓名、学校、班级、年龄等能认出本人的信息，可改为“一名小学生”',
};

/**
 * Problems in the text of any field or of the body. Personal data: an ID number, a mobile number,
 * a bank card or an e-mail address must be removed before anything is published (the value is
 * masked in the message so the report does not spread it further). Placeholders left by
 * `npm run new` must be filled in. The body is read whole, so a number broken over two lines is
 * still one number.
 */
export function textProblems(source: SourceFile, { allow, letter = false, landlines = true, file }: TextRules): Omit<Problem, 'file'>[] {
  const problems: Omit<Problem, 'file'>[] = [];
  const redactHint = letter && file ? `；可运行 npm run check -- --redact ${file} 自动打码（确认后才写入）` : '';
  const placeholderProblem = (text: string, field: string, line: number | undefined) => {
    const wanted = placeholderIn(text);
    if (wanted === null) return;
    problems.push({
      severity: 'error',
      code: 'placeholder',
      field,
      ...(line ? { line } : {}),
      message: `还没有填写：${wanted}`,
      hint: `把“${placeholder(wanted)}”换成实际内容`,
    });
  };
  const report = (text: string, field: string, lineAt: (index: number) => number | undefined) => {
    const where = (index: number) => {
      const line = lineAt(index);
      return { ...(field ? { field } : {}), ...(line ? { line } : {}) };
    };
    for (const match of piiIn(text, allow)) {
      problems.push({
        severity: 'error',
        code: 'personal-data',
        ...where(match.index),
        value: maskPii(match.value.replace(MARKUP, '')),
        message: `含有${PII_LABELS[match.kind]}（${maskPii(match.value.replace(MARKUP, ''))}），不能公开发布`,
        hint: `请删除或改写这段内容（如“市民李女士”“联系电话已隐去”）。如果这是可以公开的号码（如服务热线），请把它加入 site.config.yaml 的 privacy.allow${redactHint}`,
      });
    }
    for (const match of findPiiHints(text, allow, { letter })) {
      if (match.kind === 'landline' && !landlines) continue;
      problems.push(hintProblem(match, where(match.index), redactHint));
    }
  };
  forEachString(source.data, (value, path) => {
    const line = source.lineOf(path);
    placeholderProblem(value, formatFieldPath(path), line);
    report(value, formatFieldPath(path), () => line);
  });
  // A figure is printed too, and may be printed as written: a mobile number typed as a value
  // (`value: 13912345678`) is personal data there as well.
  forEachNumber(source.data, (path) => {
    const written = source.writtenAt(path);
    if (written === undefined) return;
    const line = source.lineOf(path);
    for (const match of findPii(written, allow)) {
      problems.push({
        severity: 'error',
        code: 'personal-data',
        field: formatFieldPath(path),
        ...(line ? { line } : {}),
        value: maskPii(match.value),
        message: `数字 ${maskPii(match.value)} 是一个${PII_LABELS[match.kind]}，不能公开发布`,
        hint: '请核对这个数字：是不是把电话号码填进了数字栏？如果这是可以公开的号码（如服务热线），请把它加入 site.config.yaml 的 privacy.allow',
      });
    }
  });
  const lineStarts = [0];
  for (let i = source.body.indexOf('\n'); i !== -1; i = source.body.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  source.body.split('\n').forEach((text, index) => placeholderProblem(text, '正文', source.bodyLine + index));
  report(source.body, '正文', (index) => source.bodyLine + lineIndex(lineStarts, Math.max(0, index)));

  if (letter && source.data && typeof source.data === 'object') {
    const from = (source.data as Record<string, unknown>).from;
    const writer = typeof from === 'string' ? fullNameIn(from) : null;
    if (writer) {
      const line = source.lineOf(['from']);
      problems.push({
        severity: 'warning',
        code: 'possible-personal-data',
        field: 'from',
        ...(line ? { line } : {}),
        value: writer.name,
        message: `致谢人写的可能是全名（${writer.name}）`,
        hint: `群众来信一般只写姓氏，如“${writer.role}${writer.surname}女士”“${writer.role}${writer.surname}先生”；如果本人同意公开全名，可以不改${redactHint}`,
      });
    }
  }
  return problems;
}

/** Calls `visit` with the path of every number in parsed YAML data. */
function forEachNumber(value: unknown, visit: (path: (string | number)[]) => void, path: (string | number)[] = []): void {
  if (typeof value === 'number') visit(path);
  else if (Array.isArray(value)) value.forEach((item, i) => forEachNumber(item, visit, [...path, i]));
  else if (value && typeof value === 'object' && !(value instanceof Date)) for (const [key, item] of Object.entries(value)) forEachNumber(item, visit, [...path, key]);
}

/** Personal data in a file's name (a photo saved as 13912345678.jpg): it would be published with the file. */
export function fileNameProblems(name: string, file: string, allow: readonly string[]): Problem[] {
  return findPii(name, allow).map((match) => ({
    severity: 'error' as const,
    code: 'personal-data' as const,
    file,
    field: '文件名',
    value: maskPii(match.value),
    message: `文件名含有${PII_LABELS[match.kind]}（${maskPii(match.value)}），不能公开发布`,
    hint: '请给文件改名（只用拼音、数字和连字符，如 wang-xiang.jpg），并修改引用它的地方',
  }));
}

function hintProblem(match: PiiMatch<PiiHintKind>, where: { field?: string; line?: number }, redactHint: string): Omit<Problem, 'file'> {
  const shown = match.kind === 'minor' ? match.value : maskedAs(match.kind, match.value);
  return {
    severity: 'warning',
    code: 'possible-personal-data',
    ...where,
    value: shown,
    message: `可能含有${PII_LABELS[match.kind]}（${shown}），请确认能否公开`,
    hint: HINT_ADVICE[match.kind] + (match.kind === 'minor' ? '' : redactHint),
  };
}

/**
 * Personal data in a text as written and as read: markup between the digits (`139<b>1234</b>5678`,
 * a comment in the middle) shows on the page as one number, so it is read without the tags too.
 */
function piiIn(text: string, allow: readonly string[]): PiiMatch[] {
  const normalized = normalizeText(text);
  const seen = new Set<number>();
  return [...findPii(text, allow, normalized), ...findPii(text, allow, dropMatches(normalized, MARKUP))].filter((m) => !seen.has(m.index) && seen.add(m.index));
}

/** The 0-based line of `index`, given the offsets at which lines start. */
function lineIndex(lineStarts: readonly number[], index: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= index) low = mid;
    else high = mid - 1;
  }
  return low;
}
