import { z } from 'astro/zod';
import { ACTIVITY_KINDS } from '../lib/labels';
import { comparePartialDates } from '../lib/partial-date';
import { figureSchema } from './count';
import { publishingFields } from './common';
import type { SchemaContext } from './context';
import { choiceField, field, referenceField } from './field';
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
      title: field(boundedText('title'), { label: '标题', help: '如 专题党课“我是党员，奋斗有我”', input: 'text' }),
      kind: choiceField(ACTIVITY_KINDS, { label: '类型', help: '学习、主题党日、安保任务、志愿服务、竞赛 或 其他', example: 'study' }),
      date: field(partialDateSchema.optional(), { label: '日期', help: '一天的活动写这一天（也可以只写到年或月）', example: '2021-03-15', input: 'date' }),
      start: field(partialDateSchema.optional(), { label: '开始日期', help: '跨多天的活动：第一天（不写“日期”）', example: '2021-03-15', input: 'date' }),
      end: field(partialDateSchema.optional(), { label: '结束日期', help: '跨多天的活动：最后一天', example: '2021-03-20', input: 'date' }),
      unit: referenceField(ctx, 'units', { label: '举办单位', help: '在哪个单位举办' }),
      host: referenceField(ctx, 'officers', { label: '主持人', help: '轮值主持的人' }).optional(),
      participants: field(z.union([figureSchema, boundedText('title')]).optional(), {
        label: '参加人员',
        help: '写人数（如 30），或一句文字（如 全体党员）',
        example: '全体党员',
        input: 'figureOrText',
      }).transform((p) => (p === undefined ? null : typeof p === 'number' ? { count: p, text: null } : { count: null, text: p })),
      summary: field(boundedText('summary'), { label: '简介', help: '一两句话，用在列表和分享中', input: 'longtext' }),
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
