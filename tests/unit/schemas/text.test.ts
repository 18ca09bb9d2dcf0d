import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, COLLECTIONS, type CollectionName, type SchemaContext } from '../../../src/schemas/index';
import { siteConfigSchema } from '../../../src/schemas/site-config';
import { boundedText, LIST_SIZES, TEXT_SIZES } from '../../../src/schemas/text';
import { issuesOf, testContext } from '../helpers/schema-context';

/**
 * The test context, remembering the text schemas it made: ids and image paths are Astro's, not
 * ours to limit. (`.describe()` copies a schema but keeps what it wraps, so the inner one is kept.)
 */
const fromContext = new Set<z.ZodTypeAny>();
const recordingContext: SchemaContext = {
  image: () => remember(testContext.image()),
  reference: (collection) => remember(testContext.reference(collection)),
};
function remember<T extends z.ZodTypeAny>(schema: T): T {
  fromContext.add(schema instanceof z.ZodEffects ? schema.innerType() : schema);
  return schema;
}

/** Paths of the text fields and lists under `schema` that have no maximum. */
function unlimited(schema: z.ZodTypeAny, at = ''): string[] {
  if (fromContext.has(schema)) return [];
  if (schema instanceof z.ZodString) return schema.maxLength === null ? [at] : [];
  if (schema instanceof z.ZodArray) return [...(schema._def.maxLength ? [] : [at]), ...unlimited(schema.element as z.ZodTypeAny, `${at}[]`)];
  if (schema instanceof z.ZodObject) return Object.entries(schema.shape as Record<string, z.ZodTypeAny>).flatMap(([key, field]) => unlimited(field, at ? `${at}.${key}` : key));
  // A record's keys are checked against the configured point categories, which are limited.
  if (schema instanceof z.ZodRecord) return unlimited(schema.valueSchema as z.ZodTypeAny, `${at}{}`);
  if (schema instanceof z.ZodUnion) return (schema.options as z.ZodTypeAny[]).flatMap((option) => unlimited(option, at));
  if (schema instanceof z.ZodEffects) return unlimited(schema.innerType(), at);
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return unlimited(schema.unwrap() as z.ZodTypeAny, at);
  if (schema instanceof z.ZodDefault) return unlimited(schema.removeDefault() as z.ZodTypeAny, at);
  return [];
}

describe('size limits', () => {
  it.each(COLLECTION_NAMES)('every text field and every list of %s has a maximum', (collection: CollectionName) => {
    expect(unlimited(COLLECTIONS[collection].schema(recordingContext))).toEqual([]);
  });

  it('every text field and every list of site.config.yaml has a maximum', () => {
    expect(unlimited(siteConfigSchema)).toEqual([]);
  });

  it('finds a field without a maximum (the walk itself works)', () => {
    expect(unlimited(z.object({ a: z.array(z.string().max(3)), b: z.string().optional() }))).toEqual(['a', 'b']);
  });

  // The limit of each field, at the limit and one over: the sizes the authoring guide can quote.
  const officer = { name: '王祥', role: 'police', unit: 'u', summary: '简介' };
  const honor = { title: '三等功', scope: 'individual', awardedBy: '泰州市公安局', recipients: { count: 1 } };
  const letter = { kind: 'banner', date: '2020', from: '市民', to: { units: ['u'] }, summary: '简介' };
  const unit = { name: '警务站', kind: 'station' };
  const text = (n: number) => '字'.repeat(n);
  const list = (n: number) => Array.from({ length: n }, (_, i) => `项${i}`);
  const valid: Partial<Record<CollectionName, Record<string, unknown>>> = { officers: officer, honors: honor, letters: letter, units: unit };
  describe.each<[CollectionName, string, number, (n: number) => unknown]>([
    ['officers', 'name', TEXT_SIZES.name.max, text],
    ['officers', 'title', TEXT_SIZES.label.max, text],
    ['officers', 'summary', TEXT_SIZES.summary.max, text],
    ['officers', 'photoAlt', TEXT_SIZES.alt.max, text],
    ['officers', 'tags', LIST_SIZES.few.max, list],
    ['officers', 'aliases', LIST_SIZES.few.max, list],
    ['honors', 'title', TEXT_SIZES.title.max, text],
    ['honors', 'awardedBy', TEXT_SIZES.title.max, text],
    ['honors', 'documentNo', TEXT_SIZES.label.max, text],
    ['letters', 'from', TEXT_SIZES.label.max, text],
    ['letters', 'inscription', TEXT_SIZES.title.max, text],
    ['units', 'name', TEXT_SIZES.label.max, text],
    ['units', 'address', TEXT_SIZES.title.max, text],
    ['units', 'hours', TEXT_SIZES.label.max, text],
    ['units', 'services', LIST_SIZES.few.max, list],
  ])('%s.%s', (collection, field, max, make) => {
    const schema = COLLECTIONS[collection].schema(testContext);
    const entry = valid[collection];
    it(`accepts ${max}`, () => expect(schema.safeParse({ ...entry, [field]: make(max) }).success).toBe(true));
    it(`refuses ${max + 1}`, () => expect(issuesOf(schema.safeParse({ ...entry, [field]: make(max + 1) }))).toMatchObject([{ path: field, code: 'too_big' }]));
  });

  it('limits the recipients of an honour, and their count', () => {
    const schema = COLLECTIONS.honors.schema(testContext);
    expect(issuesOf(schema.safeParse({ ...honor, recipients: { others: list(LIST_SIZES.many.max + 1) } }))).toMatchObject([{ path: 'recipients.others', code: 'too_big' }]);
    expect(issuesOf(schema.safeParse({ ...honor, recipients: { count: 100_001 } }))).toMatchObject([{ path: 'recipients.count', code: 'too_big' }]);
  });

  it('limits the sources of every entry', () => {
    const schema = COLLECTIONS.units.schema(testContext);
    const sources = Array.from({ length: LIST_SIZES.few.max + 1 }, () => ({ title: '报道' }));
    expect(issuesOf(schema.safeParse({ ...unit, sources }))).toMatchObject([{ path: 'sources', code: 'too_big' }]);
    expect(issuesOf(schema.safeParse({ ...unit, sources: [{ title: '报道', url: `https://example.com/${'a'.repeat(TEXT_SIZES.url.max)}` }] }))).toMatchObject([
      { path: 'sources.0.url', code: 'too_big' },
    ]);
  });

  it('keeps every fix in Chinese, for the check to show', () => {
    for (const { fix } of [...Object.values(TEXT_SIZES), ...Object.values(LIST_SIZES)]) expect(fix).toMatch(/[\u4e00-\u9fff]/);
  });

  it('trims before measuring, so spaces around a value do not count', () => {
    expect(boundedText('name').safeParse(`  ${'字'.repeat(TEXT_SIZES.name.max)}\n`)).toMatchObject({ success: true, data: '字'.repeat(TEXT_SIZES.name.max) });
  });
});
