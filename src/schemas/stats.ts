import { z } from 'astro/zod';
import { comparePartialDates } from '../lib/partial-date';
import { publishingFields } from './common';
import { approxSchema, figureSchema } from './count';
import type { SchemaContext } from './context';
import { partialDateSchema } from './partial-date';
import { boundedList, boundedString, boundedText } from './text';

/** One figure of a period. The `key` stays the same across periods so figures form a series. */
export const metricSchema = z
  .object({
    /** Stable identifier across periods, e.g. `people-checked`. Required. */
    key: boundedString('name')
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '只能用小写字母、数字和连字符，如 people-checked')
      .describe('指标代码'),
    /** What is counted, e.g. 核查群众. Required. */
    label: boundedText('name').describe('指标名称'),
    /** The number. Required. */
    value: figureSchema.describe('数值'),
    /** The counting word: 起, 人次, 辆次, 面, 封. Required (may be empty text ""). */
    unit: boundedString('name').describe('计量单位'),
    /** `over` (余) or `about` (约) when the source gives an approximate figure. */
    approx: approxSchema.optional().transform((a) => a ?? null),
  })
  .strict();

/** Figures for a period, from a YAML file. */
export const statSchema = <Img extends z.ZodTypeAny>(ctx: SchemaContext<Img>) =>
  z
    .object({
      /** Heading for the period, e.g. 2020年上半年工作数据. Required. */
      title: boundedText('title').describe('标题'),
      /** The unit the figures belong to. Required. */
      unit: ctx.reference('units').describe('所属单位 id'),
      /** First and last day covered (partial dates). Required. */
      period: z
        .object({
          start: partialDateSchema.describe('起始日期'),
          end: partialDateSchema.describe('截止日期'),
        })
        .strict()
        .describe('统计期间')
        .superRefine((period, c) => {
          if (comparePartialDates(period.start, period.end) > 0) {
            c.addIssue({ code: z.ZodIssueCode.custom, path: ['end'], message: '截止日期早于起始日期' });
          }
        }),
      /** The figures; at least one. */
      metrics: boundedList(metricSchema, 'many').min(1, '至少要有一项数据').describe('数据项'),
      ...publishingFields,
    })
    .strict()
    .superRefine((stat, c) => {
      const seen = new Map<string, number>();
      stat.metrics.forEach((metric, index) => {
        const first = seen.get(metric.key);
        if (first === undefined) {
          seen.set(metric.key, index);
          return;
        }
        c.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['metrics', index, 'key'],
          message: `指标代码 ${metric.key} 在本期重复出现（第 ${first + 1} 项和第 ${index + 1} 项）`,
          params: { hint: 'metric-duplicate' },
        });
      });
    });
