import { z } from 'astro/zod';
import type { SchemaContext } from './context';
import { field, referencesField } from './field';
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
      officers: referencesField(ctx, 'officers', {
        label: '获奖人物',
        help: '有人物页的获奖者',
        column: { header: '获奖人物', aliases: ['获奖人', '获奖民警', 'officers'], note: '已有人物页的获奖者：姓名或 id，多人用顿号、逗号或空格隔开' },
      }),
      units: referencesField(ctx, 'units', {
        label: '获奖单位',
        help: '获奖的集体（已有的单位）',
        column: { header: '获奖单位', aliases: ['获奖集体', 'units'], note: '已有单位的全称、简称或 id，多个用顿号或逗号隔开' },
      }),
      others: field(boundedList(boundedText('label'), 'many').default([]), {
        label: '其他获奖者',
        help: '没有人物页的获奖者或集体名称，按可以公开的写法',
        input: 'list',
        column: { header: '其他获奖者', aliases: ['others'] },
      }),
      count: field(
        z.number({ invalid_type_error: '应为数字' }).int('应为整数').positive('应大于 0').max(MAX_RECIPIENTS, '请核对人数').optional(),
        {
          label: '获奖人数',
          help: '只知道人数、不知道姓名时填写，如 8',
          input: 'count',
          column: { header: '获奖人数', aliases: ['人数', 'count'] },
        },
      ),
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
      officers: referencesField(ctx, 'officers', {
        label: '致谢人物',
        help: '被感谢的人物',
        column: { header: '致谢人物', aliases: ['感谢人物', '被感谢人'], note: '被感谢的人物：姓名或 id，多人用顿号、逗号或空格隔开' },
      }),
      units: referencesField(ctx, 'units', {
        label: '致谢单位',
        help: '被感谢的单位',
        column: { header: '致谢单位', aliases: ['感谢单位', '被感谢单位'], note: '被感谢的单位：全称、简称或 id。「致谢人物」「致谢单位」至少填一项' },
      }),
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
