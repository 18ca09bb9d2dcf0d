import { z } from 'astro/zod';
import { UNIT_KINDS } from '../lib/labels';
import { publishingFields } from './common';
import type { SchemaContext } from './context';
import { choiceField, field, referenceField } from './field';
import { imageFields, requireAlt } from './image';
import { boundedList, boundedText, oneLineText } from './text';

/**
 * A unit: the brigade or police station itself, its squads, offices and party branches. The one
 * unit without a `parent` is the site's own unit.
 */
export const unitSchema = <Img extends z.ZodTypeAny>(ctx: SchemaContext<Img>) =>
  z
    .object({
      name: field(boundedText('label'), { label: '单位全称', help: '如 泰州市公安局海陵分局巡特警大队', input: 'text' }),
      shortName: field(boundedText('name').optional(), { label: '简称', help: '用在列表和导航中，如 东进警务站', example: '简称', input: 'text' }),
      kind: choiceField(UNIT_KINDS, {
        label: '单位类型',
        help: '如 派出所、警务室、中队、消防救援站、科室；没有合适的选 其他，再在“类型叫法”中写本单位的叫法',
        example: 'police-station',
      }),
      kindLabel: field(oneLineText('kind').optional(), {
        label: '类型叫法',
        help: '本单位对自己类型的叫法，网页上显示它而不是“单位类型”，如 社区警务队；一般不用填',
        example: '社区警务队',
        input: 'text',
      }),
      parent: referenceField(ctx, 'units', { label: '上级单位', help: '此单位属于哪个单位；只有本站单位不写' }).optional(),
      address: field(boundedText('title').optional(), { label: '地址', help: '可以公开的地址', example: '地址', input: 'text' }),
      services: field(boundedList(boundedText('label'), 'few').default([]), { label: '服务事项', help: '面向群众的服务，每项一条', example: '服务事项', input: 'list' }),
      hours: field(boundedText('label').optional(), { label: '服务时间', help: '如 24小时', example: '服务时间', input: 'text' }),
      summary: field(boundedText('summary').optional(), { label: '简介', help: '一两句话介绍这个单位', input: 'longtext' }),
      motto: field(oneLineText('label').optional(), {
        label: '训词口号',
        help: '本单位的训词、口号或精神（如 对党忠诚 服务人民 执法公正 纪律严明），一行，词组之间用空格或顿号隔开；本站单位的写在首页单位名称下方',
        example: '对党忠诚 服务人民 执法公正 纪律严明',
        input: 'text',
      }),
      ...imageFields(ctx, 'photo', '照片'),
      ...publishingFields,
    })
    .strict()
    .superRefine(requireAlt('photo'));
