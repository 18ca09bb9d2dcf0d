/**
 * One description of every field, kept next to its schema: what the field is called and how it is
 * filled in (label, help, example), which control edits it, what it points at, and the spreadsheet
 * column that fills it. The editor's forms, the import columns, the lines `npm run new` writes and
 * the check's messages are all derived from these descriptions, so a field is explained once.
 *
 * A description is attached to the zod schema of the field itself (as Starlight attaches a doc line
 * to each field), in a registry keyed by the schema object — zod 3 has no metadata of its own
 * besides `.describe()`, which keeps the label so zod-based tools still see it.
 */
import { z } from 'astro/zod';
import { enumValues } from '../lib/labels';
import type { CollectionName, Ref, SchemaContext } from './context';
import { boundedList } from './text';

/**
 * The control that edits a field, and how its value is written:
 * - `text`: one line; `longtext`: a few sentences (summaries); `url`: a web address
 * - `choice`: one of `choices`; `boolean`: 是/否
 * - `reference`: one entry of `ref`; `references`: several entries of `ref`
 * - `date`: a partial date (2019, 2020-04, 2020-06-18); `instant`: a date with an optional time
 * - `figure`: a number that may be large (95000); `count`: a whole number of people
 * - `list`: several short texts; `tags`: keywords, the ones already used suggested
 * - `image`: a file next to the entry; `alt`: what that image shows
 * - `period`: a points period (2021, 2021-Q1, 2021-03); `month`: a month (2021-03)
 * - `key`: a code of lower-case letters and hyphens; `figureOrText`: a number or one line of text
 * - `group`: named sub-fields; `rows`: a list of items with sub-fields; `scores`: points by category
 */
export type InputKind =
  | 'text'
  | 'longtext'
  | 'url'
  | 'choice'
  | 'boolean'
  | 'reference'
  | 'references'
  | 'date'
  | 'instant'
  | 'figure'
  | 'count'
  | 'list'
  | 'tags'
  | 'image'
  | 'alt'
  | 'period'
  | 'month'
  | 'key'
  | 'figureOrText'
  | 'group'
  | 'rows'
  | 'scores';

/** The spreadsheet column that fills a field in `npm run import`. */
export interface ColumnDoc {
  /** The header of the templates, in Chinese. */
  header: string;
  /** Other headers accepted besides the field's own path (which is always accepted). */
  aliases?: readonly string[];
  /** For a choice: other words accepted for a value (个人荣誉 → individual). */
  synonyms?: Readonly<Record<string, string>>;
  /** For a yes/no field: other words accepted (中共党员 → true). */
  yesNo?: Readonly<Record<string, boolean>>;
  /** When the import fills the field itself (a default), a new row need not give it. Default: as the schema. */
  required?: boolean;
  /** How to fill the column when that differs from the field's help (defaults, splitting lists). */
  note?: string;
}

/** How one field is described. */
export interface FieldDoc {
  /** Its name in Chinese: 授予单位. */
  label: string;
  /** How to fill it in, one sentence in Chinese, shown under the form control and in hints. */
  help: string;
  /** A value as a person would write it, from the sample's facts: `2020-04`, `东进警务站站长`. */
  example?: string;
  input: InputKind;
  /** For references: the collection pointed at. */
  ref?: CollectionName;
  /** For choices: the values and their Chinese labels (a table of src/lib/labels.ts). */
  choices?: Readonly<Record<string, string>>;
  /** The spreadsheet column, when the field can be imported. */
  column?: ColumnDoc;
  /**
   * Whether `npm run new` offers the field as a commented line. Default: every optional field
   * with an example.
   */
  template?: boolean;
}

const DOCS = new WeakMap<z.ZodTypeAny, FieldDoc>();

/** Describes a field: returns the schema (with its label as zod's description) and records the doc. */
export function field<T extends z.ZodTypeAny>(schema: T, doc: FieldDoc): T {
  const described = schema.describe(doc.label) as T;
  DOCS.set(described, doc);
  return described;
}

/** A field of one of the values of a label table, with the table as its choices. */
export function choiceField<T extends Record<string, string>>(choices: T, doc: Omit<FieldDoc, 'input' | 'choices'>) {
  return field(z.enum(enumValues(choices)), { ...doc, input: 'choice', choices });
}

/** A field pointing at one entry of `collection`. */
export function referenceField<C extends CollectionName>(ctx: Pick<SchemaContext, 'reference'>, collection: C, doc: Omit<FieldDoc, 'input' | 'ref'>) {
  return field(ctx.reference(collection), { ...doc, input: 'reference', ref: collection }) as z.ZodType<Ref<C>, z.ZodTypeDef, unknown>;
}

/** A field pointing at any number of entries of `collection` (an empty list when not given). */
export function referencesField<C extends CollectionName>(ctx: Pick<SchemaContext, 'reference'>, collection: C, doc: Omit<FieldDoc, 'input' | 'ref'>) {
  return field(boundedList(ctx.reference(collection), 'many').default([]), { ...doc, input: 'references', ref: collection });
}

/** The wrappers zod puts around a field's own schema: optional, default, transforms, pipelines. */
function unwrapOnce(node: z.ZodTypeAny): z.ZodTypeAny | undefined {
  if (node instanceof z.ZodEffects) return node.innerType();
  if (node instanceof z.ZodOptional || node instanceof z.ZodNullable) return node.unwrap();
  if (node instanceof z.ZodDefault) return node.removeDefault();
  if (node instanceof z.ZodPipeline) return node._def.in as z.ZodTypeAny;
  if (node instanceof z.ZodBranded) return node.unwrap();
  return undefined;
}

/** The schema under all wrappers: the object, array or scalar a field holds. */
export function innermost(node: z.ZodTypeAny): z.ZodTypeAny {
  let current = node;
  for (let next = unwrapOnce(current); next; next = unwrapOnce(current)) current = next;
  return current;
}

/** The description of a field's schema, looked up through its wrappers. */
export function docOf(node: z.ZodTypeAny): FieldDoc | undefined {
  for (let current: z.ZodTypeAny | undefined = node; current; current = unwrapOnce(current)) {
    const doc = DOCS.get(current);
    if (doc) return doc;
  }
  return undefined;
}

/** Whether a value must be given: no optional or default wrapper around the field. */
export function isRequired(node: z.ZodTypeAny): boolean {
  for (let current: z.ZodTypeAny | undefined = node; current; current = unwrapOnce(current)) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodDefault) return false;
  }
  return true;
}

/** One field of a collection, with where it sits. */
export interface DescribedField {
  /** The field's key in its object: `officers`. */
  key: string;
  /** Its path as written in files and columns: `recipients.officers`, `metrics.key`. */
  path: string;
  doc: FieldDoc;
  required: boolean;
  /** The field's schema, wrappers included. */
  schema: z.ZodTypeAny;
  /** Sub-fields of a group (`recipients`) or of each row of a list (`metrics`). */
  fields: DescribedField[];
}

/** The fields of an object schema, sub-fields included, in the order the schema declares them. */
export function describeFields(schema: z.ZodTypeAny, prefix = ''): DescribedField[] {
  const object = innermost(schema);
  if (!(object instanceof z.ZodObject)) return [];
  return Object.entries(object.shape as Record<string, z.ZodTypeAny>).map(([key, node]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    const inner = innermost(node);
    const items = inner instanceof z.ZodArray ? innermost(inner.element as z.ZodTypeAny) : inner;
    return {
      key,
      path,
      // A schema without a description of its own (site.config.yaml's) still has zod's label.
      doc: docOf(node) ?? { label: node.description ?? '', help: '', input: 'text' },
      required: isRequired(node),
      schema: node,
      fields: items instanceof z.ZodObject ? describeFields(items, path) : [],
    };
  });
}

/** Every field of a list, sub-fields after their parent. */
export function flattenFields(fields: readonly DescribedField[]): DescribedField[] {
  return fields.flatMap((f) => [f, ...flattenFields(f.fields)]);
}

/**
 * The field at a path among described fields (`['recipients', 'officers']`, `['metrics', 2, 'key']`):
 * list indexes are passed over, and a key of a record (a points category) belongs to the record.
 */
export function findField(fields: readonly DescribedField[], path: readonly (string | number)[]): DescribedField | undefined {
  let found: DescribedField | undefined;
  let level = fields;
  for (const segment of path) {
    if (typeof segment === 'number') continue;
    const next = level.find((f) => f.key === segment);
    if (!next) return found && innermost(found.schema) instanceof z.ZodRecord ? found : undefined;
    found = next;
    level = next.fields;
  }
  return found;
}

/** The description of the field at a path of parsed data in `schema`. */
export function fieldAt(schema: z.ZodTypeAny, path: readonly (string | number)[]): DescribedField | undefined {
  return findField(describeFields(schema), path);
}
