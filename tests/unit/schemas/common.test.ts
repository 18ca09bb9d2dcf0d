import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { instantSchema, publishingFields, sourceSchema } from '../../../src/schemas/common';
import { approxSchema, figureSchema } from '../../../src/schemas/count';
import { partialDateSchema } from '../../../src/schemas/partial-date';
import { dataOf, issuesOf } from '../helpers/schema-context';

const publishing = z.object(publishingFields).strict();

describe('publishing fields', () => {
  it('default to a public, non-draft entry without sources or embargo', () => {
    expect(dataOf(publishing.safeParse({}))).toEqual({ draft: false, visibility: 'public', sources: [] });
  });

  it('read publishDate as Beijing time', () => {
    expect(dataOf(publishing.safeParse({ publishDate: '2026-12-01' })).publishDate?.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(dataOf(publishing.safeParse({ publishDate: new Date(Date.UTC(2026, 11, 1)) })).publishDate?.toISOString()).toBe(
      '2026-11-30T16:00:00.000Z',
    );
  });

  it('reject a publishDate that is not a moment, saying how to write one', () => {
    expect(issuesOf(publishing.safeParse({ publishDate: '2026-02-30' }))).toEqual([
      { path: 'publishDate', code: 'custom', message: '应写成 2026-12-01 或 "2026-12-01 09:00" 这样的日期时间（北京时间）' },
    ]);
  });

  it('reject an unknown visibility and a non-boolean draft', () => {
    expect(issuesOf(publishing.safeParse({ visibility: 'private', draft: 'yes' })).map((i) => i.path)).toEqual(['draft', 'visibility']);
  });
});

describe('sourceSchema', () => {
  it('accepts a title with an optional URL and partial date', () => {
    expect(dataOf(sourceSchema.safeParse({ title: '泰州日报', url: 'https://example.com/a', date: '2020-07' }))).toEqual({
      title: '泰州日报',
      url: 'https://example.com/a',
      date: { year: 2020, month: 7, day: null, key: '2020-07' },
    });
  });

  it('rejects a source without a title', () => {
    expect(issuesOf(sourceSchema.safeParse({ url: 'https://example.com' }))).toMatchObject([{ path: 'title', code: 'invalid_type' }]);
  });
});

describe('partialDateSchema', () => {
  it('marks its issues with the date hint so the content check can explain them', () => {
    const result = partialDateSchema.safeParse('2020-02-30');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'custom', params: { hint: 'date' } });
  });
});

describe('instantSchema', () => {
  it('marks its issues with the instant hint', () => {
    expect(instantSchema.safeParse('soon').error?.issues[0]).toMatchObject({ code: 'custom', params: { hint: 'instant' } });
  });
});

describe('count schemas', () => {
  it('accept over and about only', () => {
    expect(approxSchema.safeParse('over').success).toBe(true);
    expect(approxSchema.safeParse('about').success).toBe(true);
    expect(approxSchema.safeParse('approximately').success).toBe(false);
  });

  it('read figures from numbers and numeric text, but not blank text', () => {
    expect(figureSchema.safeParse(0).data).toBe(0);
    expect(figureSchema.safeParse(' 42 ').data).toBe(42);
    expect(figureSchema.safeParse('  ').success).toBe(false);
  });
});
