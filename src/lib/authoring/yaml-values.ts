/**
 * Values written into entry files by `npm run new`, `npm run photo` and `npm run import`, in the
 * form the build reads back as they were meant. The `yaml` library leaves a string unquoted when
 * its own rules would read it back as text, but the build reads with js-yaml, whose rules differ:
 * `0b101` is a number there and `2020-06-18T10:00:00.` a date (see check/yaml-scalars.ts). Such
 * strings are written in double quotes; the rest stay plain, as a person would write them.
 */
import { isNode, parseDocument, Scalar } from 'yaml';
import { BUILD_SCALAR_TAGS } from '../check/yaml-scalars';

/** What the build makes of `text` written unquoted as a value, or undefined when it cannot be read alone. */
function readBack(text: string): unknown {
  const doc = parseDocument(`v: ${text}\n`, { schema: 'failsafe', customTags: BUILD_SCALAR_TAGS, prettyErrors: false });
  if (doc.errors.length > 0) return undefined;
  try {
    return (doc.toJS() as { v?: unknown } | null)?.v;
  } catch {
    // `*注：见下` reads as an alias to nothing, which only toJS reports: such text is quoted.
    return undefined;
  }
}

/** `value` with every string the build would misread marked to be written in double quotes. */
export function quotedForBuild<T>(value: T): T {
  if (typeof value === 'string') {
    const read = readBack(value);
    // A day written as a day is meant as one (date: 2021-03-05), as a person writes it.
    if (read === value || (read instanceof Date && /^\d{4}-\d{2}-\d{2}$/.test(value))) return value;
    const scalar = new Scalar(value);
    scalar.type = Scalar.QUOTE_DOUBLE;
    return scalar as unknown as T;
  }
  if (Array.isArray(value)) return value.map(quotedForBuild) as T;
  if (value && typeof value === 'object' && !(value instanceof Date) && !isNode(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, quotedForBuild(v)])) as T;
  }
  return value;
}

/**
 * Options for printing entry YAML: one copy of each value where it stands (`&a1`/`*a1` anchors,
 * which the check refuses, are never written), and lines never folded.
 */
export const ENTRY_YAML_OPTIONS = { lineWidth: 0, aliasDuplicateObjects: false } as const;
