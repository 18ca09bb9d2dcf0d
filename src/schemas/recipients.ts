import { z } from 'astro/zod';
import type { SchemaContext } from './context';
import { boundedList, boundedText } from './text';

/** More recipients than this is a typo (an extra zero), not a real honour. */
const MAX_RECIPIENTS = 100_000;

/**
 * Who received an honour. Missing lists become empty lists, so pages read one shape.
 * At least one of the four must be given.
 */
export const recipientsSchema = <Img extends z.ZodTypeAny>(ctx: SchemaContext<Img>) =>
  z
    .object({
      /** People with a profile, by id. */
      officers: boundedList(ctx.reference('officers'), 'many').default([]).describe('获奖人物 id 列表'),
      /** Units, by id. */
      units: boundedList(ctx.reference('units'), 'many').default([]).describe('获奖单位 id 列表'),
      /** Names of recipients without a profile, as they may be published. */
      others: boundedList(boundedText('label'), 'many').default([]).describe('其他获奖者姓名或集体名称'),
      /** How many received it, when only the number is known (先后有8名民警…). */
      count: z.number({ invalid_type_error: '应为数字' }).int('应为整数').positive('应大于 0').max(MAX_RECIPIENTS, '请核对人数').optional().describe('获奖人数'),
    })
    .strict()
    .superRefine((r, ctx) => {
      if (r.officers.length + r.units.length + r.others.length === 0 && r.count === undefined) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: 'recipients 为空：至少要填写 officers、units、others 或 count 中的一项',
          params: { hint: 'recipients-empty' },
        });
      }
    });

/** Thanks are addressed to people or units; at least one. */
export const addresseesSchema = <Img extends z.ZodTypeAny>(ctx: SchemaContext<Img>) =>
  z
    .object({
      /** People thanked, by id. */
      officers: boundedList(ctx.reference('officers'), 'many').default([]).describe('致谢人物 id 列表'),
      /** Units thanked, by id. */
      units: boundedList(ctx.reference('units'), 'many').default([]).describe('致谢单位 id 列表'),
    })
    .strict()
    .superRefine((to, ctx) => {
      if (to.officers.length + to.units.length === 0) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: 'to 为空：至少要填写 officers 或 units 中的一项',
          params: { hint: 'to-empty' },
        });
      }
    });
