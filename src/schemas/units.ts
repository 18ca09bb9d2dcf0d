import { z } from 'astro/zod';
import { enumValues, UNIT_KINDS } from '../lib/labels';
import { publishingFields } from './common';
import type { SchemaContext } from './context';
import { imageFields, requireAlt } from './image';
import { boundedList, boundedText } from './text';

/**
 * A unit: the brigade itself, a squad, a police station, a party branch. The one unit without a
 * `parent` is the site's own unit.
 */
export const unitSchema = <Img extends z.ZodTypeAny>(ctx: SchemaContext<Img>) =>
  z
    .object({
      /** Full name, e.g. 泰州市公安局海陵分局巡特警大队. Required. */
      name: boundedText('label').describe('单位全称'),
      /** Short name for lists and navigation, e.g. 东进警务站. */
      shortName: boundedText('name').optional().describe('简称'),
      /** What kind of unit this is. Required. */
      kind: z.enum(enumValues(UNIT_KINDS)).describe('单位类型'),
      /** The unit this one belongs to; omitted only for the site's own unit. */
      parent: ctx.reference('units').optional().describe('上级单位 id'),
      /** Street address, as it may be published. */
      address: boundedText('title').optional().describe('地址'),
      /** Services offered to the public (one per item). */
      services: boundedList(boundedText('label'), 'few').default([]).describe('服务事项'),
      /** Opening hours, as text (e.g. 24小时). */
      hours: boundedText('label').optional().describe('服务时间'),
      /** One or two sentences about the unit. */
      summary: boundedText('summary').optional().describe('简介'),
      /** A photo of the unit, with `photoAlt`. */
      ...imageFields(ctx, 'photo', '照片'),
      ...publishingFields,
    })
    .strict()
    .superRefine(requireAlt('photo'));
