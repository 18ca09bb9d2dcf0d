/**
 * Between the editor's forms and the entry files: what a form control holds (text in inputs,
 * `true`/`false`, lists of ids) and what a person would write in the file (`date: 2020` as a year,
 * a count as a number, an optional field left empty not written at all). Pure; driven by the field
 * descriptions, so a new field needs nothing here.
 */
import { z } from 'astro/zod';
import type { DescribedField } from '../../schemas/field';

/** The default the schema gives a field that is not written (`false`, `[]`, `public`), if any. */
export function defaultOf(field: DescribedField): unknown {
  for (let node: z.ZodTypeAny | undefined = field.schema; node; ) {
    if (node instanceof z.ZodDefault) return node._def.defaultValue();
    if (node instanceof z.ZodOptional || node instanceof z.ZodNullable) node = node.unwrap() as z.ZodTypeAny;
    else if (node instanceof z.ZodEffects) node = node.innerType();
    else return undefined;
  }
  return undefined;
}

const isEmpty = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);

/** A number typed in a form (with full-width digits or separators, as an IME gives them), or the text itself. */
function numberFrom(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const plain = value.normalize('NFKC').replace(/[,\s]/g, '');
  return /^-?\d+(?:\.\d+)?$/.test(plain) ? Number(plain) : value.trim();
}

/** One value of a field as it is written in the file; undefined when the field is not written. */
export function toFileValue(field: DescribedField, value: unknown): unknown {
  if (isEmpty(value)) return undefined;
  const { input } = field.doc;
  let written: unknown;
  switch (input) {
    case 'date':
    case 'period': {
      const text = String(value).normalize('NFKC').trim();
      // A year alone is written as a number, as people write it: date: 2019.
      written = /^\d{4}$/.test(text) ? Number(text) : text;
      break;
    }
    case 'figure':
    case 'count':
      written = numberFrom(value);
      break;
    case 'figureOrText':
      written = numberFrom(value);
      break;
    case 'boolean':
      written = value === true || value === 'true';
      break;
    case 'group': {
      const object = (value ?? {}) as Record<string, unknown>;
      const entries = field.fields.map((sub) => [sub.key, toFileValue(sub, object[sub.key])] as const).filter(([, v]) => v !== undefined);
      // A required group is written even when empty, so the check can say what it needs.
      written = Object.fromEntries(entries);
      if (entries.length === 0) return field.required ? {} : undefined;
      break;
    }
    case 'rows': {
      const rows = (Array.isArray(value) ? value : []).map((row) => {
        const object = (row ?? {}) as Record<string, unknown>;
        return Object.fromEntries(field.fields.map((sub) => [sub.key, toFileValue(sub, object[sub.key])] as const).filter(([, v]) => v !== undefined));
      });
      written = rows.filter((row) => Object.keys(row).length > 0);
      break;
    }
    case 'scores': {
      const object = (value ?? {}) as Record<string, unknown>;
      written = Object.fromEntries(Object.entries(object).flatMap(([k, v]) => (isEmpty(v) ? [] : [[k, numberFrom(v)]])));
      break;
    }
    case 'references':
    case 'list':
    case 'tags':
      written = (Array.isArray(value) ? value : [value]).map((item) => String(item).trim()).filter(Boolean);
      break;
    default:
      written = typeof value === 'string' ? value.trim() : value;
  }
  if (isEmpty(written) && !field.required) return undefined;
  // A value equal to the default is not written: `draft: false` says nothing a reader needs.
  const fallback = defaultOf(field);
  if (!field.required && fallback !== undefined && JSON.stringify(fallback) === JSON.stringify(written)) return undefined;
  return written;
}

/** A value read from a file in the shape a form holds it: dates as text, nested values alike. */
export function toFormValue(value: unknown): unknown {
  if (value instanceof Date) {
    // A bare date is midnight UTC as YAML reads it; a time of day is kept in Beijing time.
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : new Date(value.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  }
  if (Array.isArray(value)) return value.map(toFormValue);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toFormValue(v)]));
  return value;
}

/**
 * The top-level fields to change in a file: those of `data` whose written value differs from what
 * the file has (`current`, as read from it). Fields the form did not send are left alone.
 */
export function changedFields(fields: readonly DescribedField[], data: Readonly<Record<string, unknown>>, current: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const field of fields) {
    if (!(field.key in data)) continue;
    const next = toFileValue(field, data[field.key]);
    const before = current[field.key];
    const same = JSON.stringify(toFormValue(next)) === JSON.stringify(toFormValue(before));
    if (!same) changes[field.key] = next;
  }
  return changes;
}
