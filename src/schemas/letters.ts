import { z } from 'astro/zod';
import { LETTER_KINDS } from '../lib/labels';
import { publishingFields } from './common';
import type { SchemaContext } from './context';
import { choiceField, field } from './field';
import { imageFields, requireAlt } from './image';
import { partialDateSchema } from './partial-date';
import { addresseesSchema } from './recipients';
import { boundedText } from './text';

/** Thanks from the public: a letter, a banner (锦旗), a call, an online message. Body: the transcription. */
export const letterSchema = <Img extends z.ZodTypeAny>(ctx: SchemaContext<Img>) =>
  z
    .object({
      kind: choiceField(LETTER_KINDS, {
        label: '类型',
        help: '感谢信、锦旗、电话致谢、网上留言 或 其他',
        example: 'banner',
        column: { header: '类型', aliases: ['类别'], synonyms: { 信: 'letter', 表扬信: 'letter', 电话: 'call', 致谢电话: 'call', 留言: 'message' } },
      }),
      date: field(partialDateSchema, {
        label: '日期',
        help: '收到的日期，可以只写到年或月',
        example: '2020-06-18',
        input: 'date',
        column: { header: '日期', aliases: ['收到日期', '时间'] },
      }),
      from: field(boundedText('label'), {
        label: '致谢人',
        help: '已隐去全名的称呼，如 市民李女士',
        example: '市民李女士',
        input: 'text',
        column: { header: '致谢人', aliases: ['来信人', '送旗人', '致谢群众'] },
      }),
      to: field(addresseesSchema(ctx), { label: '致谢对象', help: '被感谢的人物或单位，至少填一项', input: 'group' }),
      inscription: field(boundedText('title').optional(), {
        label: '锦旗题字',
        help: '锦旗上的字',
        example: '锦旗题字',
        input: 'text',
        column: { header: '锦旗题字', aliases: ['题字'] },
      }),
      summary: field(boundedText('summary'), {
        label: '简介',
        help: '一两句话，用在感谢信墙和分享中',
        input: 'longtext',
        column: { header: '简介', aliases: ['摘要'], note: '一两句话' },
      }),
      ...imageFields(ctx, 'scan', '原件照片'),
      ...publishingFields,
    })
    .strict()
    .superRefine(requireAlt('scan'));
