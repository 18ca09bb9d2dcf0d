import { z } from 'astro/zod';
import { ACTIVITY_KINDS, enumValues } from '../lib/labels';
import { comparePartialDates } from '../lib/partial-date';
import { figureSchema } from './count';
import { publishingFields } from './common';
import type { SchemaContext } from './context';
import { partialDateSchema } from './partial-date';
import { boundedText } from './text';

/**
 * A study session, party day, security duty or volunteer work. Body: the report.
 * Give `date` for a one-day activity, or `start` and `end` for a longer one; after parsing `date`
 * is always the first day and `end` the last day when there is one.
 */
export const activitySchema = <Img extends z.ZodTypeAny>(ctx: SchemaContext<Img>) =>
  z
    .object({
      /** What it was, e.g. 专题党课“我是党员，奋斗有我”. Required. */
      title: boundedText('title').describe('标题'),
      /** study, party-day, security, volunteer, competition or other. Required. */
      kind: z.enum(enumValues(ACTIVITY_KINDS)).describe('类型'),
      /** The day (or month, or year) it took place. */
      date: partialDateSchema.optional().describe('日期'),
      /** First day of a longer activity (instead of `date`). */
      start: partialDateSchema.optional().describe('开始日期'),
      /** Last day of a longer activity. */
      end: partialDateSchema.optional().describe('结束日期'),
      /** Where it was held. Required. */
      unit: ctx.reference('units').describe('举办单位 id'),
      /** Who hosted it (轮值主持). */
      host: ctx.reference('officers').optional().describe('主持人 id'),
      /** How many took part, or who (全体党员). */
      participants: z
        .union([figureSchema, boundedText('title')])
        .optional()
        .describe('参加人员')
        .transform((p) => (p === undefined ? null : typeof p === 'number' ? { count: p, text: null } : { count: null, text: p })),
      /** One or two sentences for lists and sharing. Required. */
      summary: boundedText('summary').describe('简介'),
      ...publishingFields,
    })
    .strict()
    .superRefine((a, c) => {
      if (a.date !== undefined && a.start !== undefined) {
        c.addIssue({ code: z.ZodIssueCode.custom, path: ['start'], message: '同时填写了 date 和 start：一天的活动写 date，跨多天的写 start 和 end' });
      }
      if (a.date === undefined && a.start === undefined) {
        c.addIssue({ code: z.ZodIssueCode.custom, path: ['date'], message: '缺少日期：请填写 date（或跨多天时填写 start 和 end）', params: { hint: 'required' } });
      }
      if (a.end !== undefined && a.start === undefined) {
        c.addIssue({ code: z.ZodIssueCode.custom, path: ['end'], message: '填写了 end 但没有 start' });
      }
      const first = a.start ?? a.date;
      if (first && a.end && comparePartialDates(first, a.end) > 0) {
        c.addIssue({ code: z.ZodIssueCode.custom, path: ['end'], message: '结束日期早于开始日期' });
      }
    })
    .transform(({ start, ...a }) => ({ ...a, date: (a.date ?? start)! }));
