import { z } from 'astro/zod';
import { parsePointsPeriod } from '../lib/points-period';
import { publishingFields } from './common';
import type { SchemaContext } from './context';
import { figureSchema } from './count';
import { boundedList, boundedText } from './text';

/**
 * A points period as honours cite it (`pointsPeriod`): `2021`, `2021-Q1` or `2021-03`.
 * Normalised to its canonical key (`2021-q1` → `2021-Q1`, `2021-3` → `2021-03`).
 */
export const pointsPeriodSchema = z.unknown().transform((input, ctx): string => {
  const parsed = parsePointsPeriod(input);
  if (parsed.ok) return parsed.value.key;
  ctx.addIssue({ code: z.ZodIssueCode.custom, message: parsed.reason, params: { hint: 'points-period' } });
  return z.NEVER;
});

/** The month of a points file: `2021-03`. Quarters and years are computed, never entered. */
export const pointsMonthSchema = z.unknown().transform((input, ctx): string => {
  const parsed = parsePointsPeriod(input instanceof Date ? input.toISOString().slice(0, 7) : input);
  if (parsed.ok && parsed.value.kind === 'month') return parsed.value.key;
  ctx.addIssue({
    code: z.ZodIssueCode.custom,
    message: parsed.ok ? `“${parsed.value.key}”不是月份：积分按月录入，季度和年度由各月合计` : parsed.reason,
    params: { hint: 'points-month' },
  });
  return z.NEVER;
});

/** One member's points of the month. */
export const pointsEntrySchema = <Img extends z.ZodTypeAny>(ctx: SchemaContext<Img>) =>
  z
    .object({
      /** The member, by id. Required. */
      officer: ctx.reference('officers').describe('人物 id'),
      /** Points per category (the categories of site.config.yaml `points.categories`). Required. */
      points: z.record(z.string(), figureSchema.describe('分数')).describe('各类积分'),
      /** A remark, shown only where points are shown with full names. */
      note: boundedText('title').optional().describe('备注'),
    })
    .strict();

/** One unit's points for one month, from a YAML file (`points/<unit>-<YYYY-MM>.yaml`). */
export const pointsSchema = <Img extends z.ZodTypeAny>(ctx: SchemaContext<Img>) =>
  z
    .object({
      /** The unit whose members are scored. Required. */
      unit: ctx.reference('units').describe('单位 id'),
      /** The month, `YYYY-MM`. Required. */
      month: pointsMonthSchema.describe('月份'),
      /** One item per member; at least one. */
      entries: boundedList(pointsEntrySchema(ctx), 'many').min(1, '至少要有一人').describe('积分明细'),
      ...publishingFields,
    })
    .strict()
    .superRefine((file, c) => {
      const seen = new Map<string, number>();
      file.entries.forEach((entry, index) => {
        const first = seen.get(entry.officer.id);
        if (first === undefined) {
          seen.set(entry.officer.id, index);
          return;
        }
        c.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['entries', index, 'officer'],
          message: `${entry.officer.id} 在本月列了两次（第 ${first + 1} 项和第 ${index + 1} 项）`,
          params: { hint: 'points-officer-duplicate' },
        });
      });
    });
