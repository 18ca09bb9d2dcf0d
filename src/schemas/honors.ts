import { z } from 'astro/zod';
import { enumValues, HONOR_LEVELS, HONOR_SCOPES } from '../lib/labels';
import { publishingFields } from './common';
import type { SchemaContext } from './context';
import { imageFields, requireAlt } from './image';
import { partialDateSchema } from './partial-date';
import { pointsPeriodSchema } from './points';
import { recipientsSchema } from './recipients';
import { boundedText } from './text';

/** A commendation, individual or collective. The body of the file is the citation. */
export const honorSchema = <Img extends z.ZodTypeAny>(ctx: SchemaContext<Img>) =>
  z
    .object({
      /** Name of the honour, e.g. 个人三等功. Required. */
      title: boundedText('title').describe('荣誉名称'),
      /** `individual` or `collective`. Required. */
      scope: z.enum(enumValues(HONOR_SCOPES)).describe('荣誉类别'),
      /** Level of the awarding body. */
      level: z.enum(enumValues(HONOR_LEVELS)).optional().describe('级别'),
      /** Who awarded it, as the source names it. Required. */
      awardedBy: boundedText('title').describe('授予单位'),
      /** When it was awarded (partial date). Undated honours are listed under 日期未注明. */
      date: partialDateSchema.optional().describe('授予日期'),
      /** Document number (文号). */
      documentNo: boundedText('label').optional().describe('文号'),
      /** Who received it. Required; at least one recipient. */
      recipients: recipientsSchema(ctx).describe('获奖者'),
      /** Scan of the certificate, with `certificateAlt`. */
      ...imageFields(ctx, 'certificate', '证书图片'),
      /** One or two sentences for lists and sharing. */
      summary: boundedText('summary').optional().describe('简介'),
      /** The points period that led to it (评优评先): `2021`, `2021-Q1` or `2021-03`. */
      pointsPeriod: pointsPeriodSchema.optional().describe('积分期间'),
      ...publishingFields,
    })
    .strict()
    .superRefine(requireAlt('certificate'))
    .superRefine((honor, ctx) => {
      const { officers, units, others, count } = honor.recipients;
      if (honor.scope === 'individual' && units.length > 0) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['recipients', 'units'],
          message: 'scope 为 individual（个人荣誉），却填写了获奖单位 recipients.units',
          params: { hint: 'scope-individual' },
        });
      }
      if (honor.scope === 'collective' && units.length === 0 && others.length === 0 && count === undefined && officers.length > 0) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['recipients'],
          message: 'scope 为 collective（集体荣誉），但获奖者只有个人 recipients.officers',
          params: { hint: 'scope-collective' },
        });
      }
    });
