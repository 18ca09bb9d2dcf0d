import { z } from 'astro/zod';
import { enumValues, VISIBILITIES } from '../lib/labels';
import { parseInstant } from '../lib/instant';
import { partialDateSchema } from './partial-date';
import { boundedList, boundedString, boundedText } from './text';

/** Where a fact comes from: a newspaper article, a document, a web page. */
export const sourceSchema = z
  .object({
    /** Title of the source, e.g. the article headline. Required. */
    title: boundedText('title').describe('来源标题'),
    /** Web address of the source, if it is online. */
    url: boundedString('url').url('应为完整网址，以 http:// 或 https:// 开头').optional().describe('来源网址'),
    /** When the source was published (partial date). */
    date: partialDateSchema.optional().describe('来源日期'),
  })
  .strict();

/** A moment before which an entry stays unpublished. Dates without a time mean 00:00 Beijing time. */
export const instantSchema = z.unknown().transform((input, ctx): Date => {
  const parsed = parseInstant(input);
  if (parsed) return parsed;
  ctx.addIssue({
    code: z.ZodIssueCode.custom,
    message: '应写成 2026-12-01 或 "2026-12-01 09:00" 这样的日期时间（北京时间）',
    params: { hint: 'instant' },
  });
  return z.NEVER;
});

/** The fields every collection accepts: who may see an entry, from when, and where it comes from. */
export const publishingFields = {
  /** A draft is never published. Default false. */
  draft: z.boolean().default(false).describe('草稿'),
  /** Not public before this moment (embargo). */
  publishDate: instantSchema.optional().describe('发布时间'),
  /** `public` (default) or `internal` (intranet edition only). */
  visibility: z.enum(enumValues(VISIBILITIES)).default('public').describe('公开范围'),
  /** Where the facts come from. */
  sources: boundedList(sourceSchema, 'few').default([]).describe('资料来源'),
};
