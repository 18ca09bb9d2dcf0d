/**
 * The files `npm run new` writes: every required field filled (with the value given, or a
 * placeholder the content check refuses), every optional field present as a comment that says
 * what it is for — both from the field descriptions next to the schemas. Pure: values in, file
 * text out.
 */
import { COLLECTIONS, describeCollection, type CollectionName } from '../../schemas/index';
import type { DescribedField } from '../../schemas/field';
import { markdownEntry } from './entry-file';
import { placeholder } from './placeholder';

export const NEW_KINDS = ['officer', 'honor', 'letter', 'activity', 'unit'] as const;
export type NewKind = (typeof NEW_KINDS)[number];

/** The collection folder of each kind. */
export const KIND_COLLECTIONS = {
  officer: 'officers',
  honor: 'honors',
  letter: 'letters',
  activity: 'activities',
  unit: 'units',
} as const satisfies Record<NewKind, string>;

/** What the command line gave (all optional; missing required values become placeholders). */
export interface NewEntryValues {
  name: string;
  unit?: string | undefined;
  date?: string | undefined;
  title?: string | undefined;
  role?: string | undefined;
  scope?: string | undefined;
  level?: string | undefined;
  by?: string | undefined;
  officer?: string[] | undefined;
  to?: string[] | undefined;
  kind?: string | undefined;
  from?: string | undefined;
  host?: string | undefined;
  parent?: string | undefined;
  summary?: string | undefined;
  /** The body, when there is a text to start with (a planned study session has no report yet). */
  body?: string | undefined;
}

/** Reads `2020`, `2020-04` or `2020-06-18` as the YAML scalar authors would write. */
function dateValue(date: string): string | number {
  return /^\d{4}$/.test(date) ? Number(date) : date;
}

/** What to write for a field the command line did not give: `（请填写：所在单位 id）`. */
function missing(field: DescribedField): string {
  return placeholder(field.doc.input === 'reference' || field.doc.input === 'references' ? `${field.doc.label} id` : field.doc.label);
}

/**
 * Who an honour went to, or a letter thanked: people and units may both be named (a station and
 * its head), so neither option hides the other. Neither given: a placeholder for the people.
 */
function peopleAndUnits(group: DescribedField, officers: string[] | undefined, unit: string | undefined) {
  const people = officers?.length ? { officers } : {};
  const units = unit ? { units: [unit] } : {};
  const first = group.fields.find((f) => f.key === 'officers')!;
  return officers?.length || unit ? { ...people, ...units } : { officers: [missing(first)] };
}

/** Column of the comments after the commented example lines. */
const COMMENT_COLUMN = 26;

/** The example of a field as YAML text: a list as `[甲, 乙]`, a reference as `主持人 id`. */
function exampleText(field: DescribedField): string | undefined {
  const { doc } = field;
  if (doc.input === 'reference') return `${doc.label} id`;
  // Without an example, the label says what to write: `shortName: 简称`.
  const example = doc.example ?? (TEXT_INPUTS.has(doc.input) ? doc.label : undefined);
  if (example === undefined) return undefined;
  if (doc.input === 'tags' || doc.input === 'list') return `[${example.split('、').join(', ')}]`;
  return example;
}

const TEXT_INPUTS: ReadonlySet<string> = new Set(['text', 'longtext', 'list', 'tags', 'alt']);

/** Width on screen: Chinese characters take two columns, so the comments line up. */
function displayWidth(text: string): number {
  return [...text].reduce((width, char) => width + (char.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);
}

/** `text` padded to the comment column (at least one space). */
function padded(text: string): string {
  return `${text} `.padEnd(text.length + Math.max(1, COMMENT_COLUMN - displayWidth(text)));
}

/** The commented lines offering an optional field: `date: 2020-04   # 授予日期：…`, sub-fields of rows below. */
function offeredLines(field: DescribedField): string[] {
  const comment = `# ${field.doc.label}：${field.doc.help}`;
  if (field.doc.input === 'rows') {
    const items = field.fields.flatMap((sub) => {
      const example = exampleText(sub);
      return example === undefined ? [] : [`${sub.key}: ${example}`];
    });
    return [`${padded(`${field.key}:`)}${comment}`, ...items.map((line, i) => `${i === 0 ? '  - ' : '    '}${line}`)];
  }
  const example = exampleText(field);
  return example === undefined ? [] : [`${padded(`${field.key}: ${example}`)}${comment}`];
}

/** Whether `npm run new` offers an optional field: as its description says, or when there is an example to offer. */
function offered(field: DescribedField): boolean {
  return field.doc.template ?? (exampleText(field) !== undefined || field.doc.input === 'rows');
}

/**
 * A Markdown entry: the required fields (given, or placeholders the check refuses), the optional
 * ones given, then every other optional field as a commented line that says what it is for —
 * except those in `leaveOut` (the site's own unit is not offered a `parent`).
 */
export function entry(collection: CollectionName, given: Record<string, unknown>, bodyText: string | undefined, leaveOut: ReadonlySet<string> = new Set()): string {
  const fields = describeCollection(collection);
  const data: Record<string, unknown> = {};
  for (const field of fields) {
    if (given[field.key] !== undefined) data[field.key] = given[field.key];
    else if (field.required) data[field.key] = missing(field);
  }
  const offers = fields.filter((f) => !f.required && given[f.key] === undefined && !leaveOut.has(f.key) && offered(f)).flatMap(offeredLines);
  const body = COLLECTIONS[collection].body!;
  return markdownEntry(data, `${bodyText ?? placeholder(body.label)}\n`, ['以下是选填字段：去掉行首的 # 即可启用。', ...offers]);
}

/**
 * The fields a new entry is given, as they are written (placeholders only where the file shows
 * a structure to fill in), and its body when there is one. `today` is the date written when none
 * was given (YYYY-MM-DD). `npm run new` makes the entry's id from these fields, as the import and
 * the editor do from theirs.
 */
export function newEntryFields(kind: NewKind, values: NewEntryValues, today: string): { given: Record<string, unknown>; body: string | undefined } {
  const collection = KIND_COLLECTIONS[kind];
  const field = (key: string) => describeCollection(collection).find((f) => f.key === key)!;
  switch (kind) {
    case 'officer':
      return { given: { name: values.name, role: values.role ?? 'police', unit: values.unit, title: values.title, summary: values.summary }, body: undefined };
    case 'honor':
      return {
        given: {
          title: values.name,
          // An honour with a unit among its recipients is collective: individual ones name people only.
          scope: values.scope ?? (values.unit ? 'collective' : 'individual'),
          awardedBy: values.by,
          // The date is optional: an undated honour is listed under 日期未注明, not refused.
          date: values.date ? dateValue(values.date) : undefined,
          level: values.level,
          recipients: peopleAndUnits(field('recipients'), values.officer, values.unit),
          summary: values.summary,
        },
        body: undefined,
      };
    case 'letter':
      return {
        given: {
          kind: values.kind ?? 'letter',
          date: dateValue(values.date ?? today),
          from: values.from ?? values.name,
          to: peopleAndUnits(field('to'), values.to, values.unit),
          summary: values.summary,
        },
        body: undefined,
      };
    case 'activity':
      return {
        given: { title: values.name, kind: values.kind ?? 'study', date: dateValue(values.date ?? today), unit: values.unit, host: values.host, summary: values.summary },
        body: values.body,
      };
    case 'unit':
      return { given: { name: values.name, kind: values.kind ?? 'station', parent: values.parent, summary: values.summary }, body: undefined };
  }
}

/** The text of a new entry file. `today` is the date written when none was given (YYYY-MM-DD). */
export function newEntryText(kind: NewKind, values: NewEntryValues, today: string): string {
  const { given, body } = newEntryFields(kind, values, today);
  return entry(KIND_COLLECTIONS[kind], given, body);
}
