/**
 * What the editor's browser side needs to draw the form of a collection: the field descriptions
 * of src/schemas, as plain JSON. The browser builds one control per field from this and nothing
 * else, so a form can only ever show fields the schema has.
 */
import type { FieldDoc, InputKind } from '../../schemas/field';
import { COLLECTIONS, describeCollection, IMAGE_FIELDS, type CollectionName } from '../../schemas/index';
import type { DescribedField } from '../../schemas/field';
import { defaultOf } from './form-values';

/** One control of a form. */
export interface FormField {
  key: string;
  /** As problems name it: `recipients.officers`. */
  path: string;
  label: string;
  help: string;
  example?: string;
  input: InputKind;
  required: boolean;
  ref?: CollectionName;
  /** Values with their Chinese labels, in order. */
  choices?: { value: string; label: string }[];
  /** What the field holds when it is not written. */
  default?: unknown;
  /** For `scores`: the point categories of the site config. */
  categories?: string[];
  fields?: FormField[];
}

export interface FormSchema {
  collection: CollectionName;
  /** What one entry is called: 人物. */
  label: string;
  format: 'markdown' | 'data';
  fields: FormField[];
  /** The body's label and help, for Markdown collections. */
  body?: { label: string; help: string };
  /** The field a picture goes into (`photo`), if the collection has one. */
  imageField?: string;
}

function choicesOf(doc: FieldDoc): FormField['choices'] {
  return doc.choices ? Object.entries(doc.choices).map(([value, label]) => ({ value, label })) : undefined;
}

function toFormField(field: DescribedField): FormField {
  const { doc } = field;
  const choices = choicesOf(doc);
  const fallback = defaultOf(field);
  return {
    key: field.key,
    path: field.path,
    label: doc.label,
    help: doc.help,
    ...(doc.example !== undefined ? { example: doc.example } : {}),
    input: doc.input,
    required: field.required,
    ...(doc.ref ? { ref: doc.ref } : {}),
    ...(choices ? { choices } : {}),
    ...(fallback !== undefined ? { default: fallback } : {}),
    ...(field.fields.length ? { fields: field.fields.map(toFormField) } : {}),
  };
}

/** The form of a collection. */
export function formSchema(collection: CollectionName): FormSchema {
  const { label, format, body } = COLLECTIONS[collection];
  const imageField = IMAGE_FIELDS[collection];
  return {
    collection,
    label,
    format,
    fields: describeCollection(collection).map(toFormField),
    ...(body ? { body: { label: body.label, help: body.help } } : {}),
    ...(imageField ? { imageField } : {}),
  };
}
