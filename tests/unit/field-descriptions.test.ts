import { parse } from 'yaml';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { NEW_KINDS, KIND_COLLECTIONS, newEntryText } from '../../src/lib/authoring/templates';
import { IMPORT_COLLECTIONS, IMPORT_COLUMNS, POINTS_FIELD } from '../../src/lib/import/columns';
import { translateIssue } from '../../src/lib/check/zod-issues';
import { describeFields, field, findField, flattenFields, innermost, type DescribedField } from '../../src/schemas/field';
import { COLLECTION_NAMES, COLLECTIONS, describeCollection, type CollectionName } from '../../src/schemas/index';
import { testContext } from './helpers/schema-context';

/** Every schema node under `schema`, wrappers included. */
function nodes(schema: z.ZodTypeAny): z.ZodTypeAny[] {
  const children: z.ZodTypeAny[] = [];
  if (schema instanceof z.ZodObject) children.push(...Object.values(schema.shape as Record<string, z.ZodTypeAny>));
  else if (schema instanceof z.ZodArray) children.push(schema.element as z.ZodTypeAny);
  else if (schema instanceof z.ZodRecord) children.push(schema.valueSchema as z.ZodTypeAny);
  else if (schema instanceof z.ZodUnion) children.push(...(schema.options as z.ZodTypeAny[]));
  else if (schema instanceof z.ZodEffects) children.push(schema.innerType());
  else if (schema instanceof z.ZodPipeline) children.push(schema._def.in as z.ZodTypeAny, schema._def.out as z.ZodTypeAny);
  else if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) children.push(schema.unwrap() as z.ZodTypeAny);
  else if (schema instanceof z.ZodDefault) children.push(schema.removeDefault() as z.ZodTypeAny);
  return [schema, ...children.flatMap(nodes)];
}

/** Field paths of a collection (`recipients.officers`), sub-fields included. */
const pathsOf = (collection: CollectionName) => new Set(flattenFields(describeCollection(collection)).map((f) => f.path));

describe.each(COLLECTION_NAMES)('the fields of %s', (collection) => {
  const fields = flattenFields(describeCollection(collection));

  it.each(fields.map((f) => [f.path, f] as const))('%s has a label and help text', (_path, f: DescribedField) => {
    expect(f.doc.label).not.toBe('');
    expect(f.doc.help).not.toBe('');
  });

  it('say what they point at and what they may hold', () => {
    for (const f of fields) {
      if (f.doc.input === 'reference' || f.doc.input === 'references') expect(COLLECTION_NAMES, f.path).toContain(f.doc.ref);
      if (f.doc.input === 'choice') {
        const choices = innermost(f.schema);
        expect(choices, f.path).toBeInstanceOf(z.ZodEnum);
        expect(Object.keys(f.doc.choices ?? {}), f.path).toEqual((choices as z.ZodEnum<[string, ...string[]]>).options);
      }
      if (f.doc.input === 'group' || f.doc.input === 'rows') expect(f.fields.length, f.path).toBeGreaterThan(0);
    }
  });

  it('can be read by a tool: no field accepts anything and decides later', () => {
    const schema = COLLECTIONS[collection].schema(testContext);
    expect(nodes(schema).filter((n) => n instanceof z.ZodUnknown || n instanceof z.ZodAny)).toEqual([]);
  });

  it('give the check its words: a missing required field is named by its label', () => {
    const schema = COLLECTIONS[collection].schema(testContext);
    const result = schema.safeParse({});
    expect(result.success).toBe(false);
    if (result.success) return;
    for (const issue of result.error.issues.filter((i) => i.path.length === 1)) {
      const label = findField(describeCollection(collection), issue.path)!.doc.label;
      expect(translateIssue(issue, schema, {}).message).toContain(`（${label}）`);
    }
  });
});

describe('what is derived from the descriptions', () => {
  it.each(IMPORT_COLLECTIONS)('every import column of %s fills a field the schema has (or the body, the id, a category)', (collection) => {
    const paths = pathsOf(collection);
    const strays = IMPORT_COLUMNS[collection]
      .map((c) => c.field)
      .filter((f) => f !== 'body' && f !== 'id' && !f.startsWith(POINTS_FIELD) && !paths.has(f));
    expect(strays).toEqual([]);
  });

  it.each(IMPORT_COLLECTIONS)('every described column of %s is an import column, with the field path accepted as a header', (collection) => {
    const described = flattenFields(describeCollection(collection)).filter((f) => f.doc.column);
    for (const f of described) {
      const column = IMPORT_COLUMNS[collection].find((c) => c.field === f.path);
      expect(column?.header, f.path).toBe(f.doc.column!.header);
      expect(column?.aliases, f.path).toContain(f.path);
    }
  });

  it.each(NEW_KINDS)('every line `npm run new %s` writes, filled or commented, is a field the schema has', (kind) => {
    const collection = KIND_COLLECTIONS[kind];
    const text = newEntryText(kind, { name: '测试' }, '2026-01-01');
    const yaml = text.split('---\n')[1]!;
    const written = Object.keys(parse(yaml) as Record<string, unknown>);
    const commented = [...yaml.matchAll(/^# {1,3}(?:- )?([A-Za-z]+):/gm)].map((m) => m[1]!);
    const paths = pathsOf(collection);
    const keys = new Set([...paths].map((p) => p.split('.').at(-1)!));
    expect(written.filter((k) => !paths.has(k))).toEqual([]);
    expect(commented.filter((k) => !keys.has(k))).toEqual([]);
    // Every optional top-level field is offered, so no field is hidden from the author.
    const offered = new Set([...written, ...commented]);
    expect(describeCollection(collection).filter((f) => !offered.has(f.key)).map((f) => f.path)).toEqual([]);
  });

  it('markdown collections describe their body; data collections have none', () => {
    for (const collection of COLLECTION_NAMES) {
      const { format, body } = COLLECTIONS[collection];
      expect(body === undefined, collection).toBe(format === 'data');
    }
  });
});

describe('field descriptions', () => {
  const schema = z.object({
    a: field(z.string(), { label: '甲', help: '填甲', input: 'text' }),
    b: field(z.string(), { label: '乙', help: '填乙', input: 'text' }).optional(),
    c: field(z.array(z.object({ d: field(z.number(), { label: '丁', help: '填丁', input: 'figure' }) })).default([]), { label: '丙', help: '填丙', input: 'rows' }),
  });

  it('are found through optional, default and transform wrappers, with required-ness from the schema', () => {
    const fields = describeFields(schema.transform((x) => x));
    expect(fields.map((f) => [f.path, f.doc.label, f.required])).toEqual([
      ['a', '甲', true],
      ['b', '乙', false],
      ['c', '丙', false],
    ]);
    expect(fields[2]!.fields.map((f) => [f.path, f.doc.label, f.required])).toEqual([['c.d', '丁', true]]);
  });

  it('give zod its label too, so zod-based tools see it', () => {
    expect((schema.shape.a as z.ZodTypeAny).description).toBe('甲');
  });

  it('are looked up at a path of parsed data, list indexes passed over', () => {
    expect(findField(describeFields(schema), ['c', 3, 'd'])?.doc.label).toBe('丁');
    expect(findField(describeFields(schema), ['e'])).toBeUndefined();
  });
});
