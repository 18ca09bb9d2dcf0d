import { z } from 'astro/zod';
import { enumValues, LETTER_KINDS } from '../lib/labels';
import { publishingFields } from './common';
import type { SchemaContext } from './context';
import { imageFields, requireAlt } from './image';
import { partialDateSchema } from './partial-date';
import { addresseesSchema } from './recipients';
import { boundedText } from './text';

/** Thanks from the public: a letter, a banner (锦旗), a call, an online message. Body: the transcription. */
export const letterSchema = <Img extends z.ZodTypeAny>(ctx: SchemaContext<Img>) =>
  z
    .object({
      /** letter, banner, call, message or other. Required. */
      kind: z.enum(enumValues(LETTER_KINDS)).describe('类型'),
      /** When it was received (partial date). Required. */
      date: partialDateSchema.describe('日期'),
      /** The sender as published, already redacted: 市民李女士. Required. */
      from: boundedText('label').describe('致谢人'),
      /** Who is thanked. Required; at least one. */
      to: addresseesSchema(ctx).describe('致谢对象'),
      /** The words on a banner. */
      inscription: boundedText('title').optional().describe('锦旗题字'),
      /** One or two sentences for the wall and for sharing. Required. */
      summary: boundedText('summary').describe('简介'),
      /** Scan or photo of the letter or banner, with `scanAlt`. */
      ...imageFields(ctx, 'scan', '扫描件或照片'),
      ...publishingFields,
    })
    .strict()
    .superRefine(requireAlt('scan'));
