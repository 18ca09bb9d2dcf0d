import path from 'node:path';

/** One thing wrong (or worth knowing) about the content, said so a clerk can fix it. */
export interface Problem {
  /** Errors stop the build; warnings are printed and the build goes on. */
  severity: 'error' | 'warning';
  /** Stable machine-readable code, e.g. `reference-missing` (for `--json` and tests). */
  code: ProblemCode;
  /** Path of the file, relative to the project folder, with `/` separators. */
  file: string;
  /** 1-based line in the file, where known. */
  line?: number;
  /** The field as written in the file, e.g. `recipients.officers[0]`. */
  field?: string;
  /** The offending value, shortened for display. */
  value?: string;
  /** What is wrong, in Chinese. */
  message: string;
  /** What to do about it, in Chinese. */
  hint?: string;
}

export type ProblemCode =
  | 'config'
  | 'yaml'
  | 'frontmatter-missing'
  | 'schema'
  | 'too-long'
  | 'required'
  | 'enum'
  | 'unknown-field'
  | 'date'
  | 'id-invalid'
  | 'id-duplicate'
  | 'reference-missing'
  | 'image-missing'
  | 'image-format'
  | 'alt-missing'
  | 'recipients'
  | 'metric-duplicate'
  | 'unit-tree'
  | 'consent-missing'
  | 'personal-data'
  | 'draft-overdue'
  | 'placeholder'
  | 'unsafe-body'
  | 'encoding'
  | 'image-size'
  | 'file-ignored'
  | 'points'
  | 'study-rotation'
  | 'possible-personal-data'
  | 'unpublished-trace'
  | 'public-file'
  | 'gov-footer';

/** Calls `visit` with every string in parsed YAML data and its path (dates and other values are skipped). */
export function forEachString(value: unknown, visit: (text: string, path: (string | number)[]) => void, path: (string | number)[] = []): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((item, i) => forEachString(item, visit, [...path, i]));
  else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) forEachString(item, visit, [...path, key]);
  }
}

/** Formats a zod path the way authors see it in YAML: `recipients.officers[0]`. */
export function formatFieldPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    return text ? `${text}.${segment}` : segment;
  }, '');
}

/** A value as short readable text for messages: strings as they are, the rest as JSON. */
export function displayValue(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  let text: string;
  if (typeof value === 'string') text = value;
  else if (value instanceof Date) text = Number.isNaN(value.getTime()) ? String(value) : value.toISOString().slice(0, 10);
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/**
 * `bytes` in MB, rounded up to two decimals: a size just over a limit must not read as the limit
 * itself (20 MB + 1 byte is 20.01 MB, not 20.0 MB).
 */
export function formatMegabytes(bytes: number): string {
  return `${Math.ceil((bytes / 1024 / 1024) * 100) / 100} MB`;
}

/** `bytes` as people read a file size: whole KB below a megabyte (256 KB), MB above (`formatMegabytes`). */
export function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : formatMegabytes(bytes);
}

/**
 * How a file is named in messages: relative to the project folder, with `/`; absolute when it is
 * outside the project (another unit's folder given with HONOR_ROLL_SITE).
 */
export function displayPath(root: string, file: string): string {
  const relative = path.relative(root, file);
  return (relative.startsWith('..') || path.isAbsolute(relative) ? file : relative).split(path.sep).join('/');
}
