import { z } from 'astro/zod';
import { UNIT_KINDS } from '../lib/labels';
import { publishingFields } from './common';
import type { SchemaContext } from './context';
import { choiceField, field, referenceField } from './field';
import { imageFields, requireAlt } from './image';
import { boundedList, boundedText } from './text';

/**
 * A unit: the brigade itself, a squad, a police station, a party branch. The one unit without a
 * `parent` is the site's own unit.
 */
export const unitSchema = <Img extends z.ZodTypeAny>(ctx: SchemaContext<Img>) =>
  z
    .object({
      name: field(boundedText('label'), { label: '单位全称', help: '如 泰州市公安局海陵分局巡特警大队', input: 'text' }),
      shortName: field(boundedText('name').optional(), { label: '简称', help: '用在列表和导航中，如 东进警务站', example: '简称', input: 'text' }),
      kind: choiceField(UNIT_KINDS, { label: '单位类型', help: '大队、中队、警务站、党组织 或 其他', example: 'station' }),
      parent: referenceField(ctx, 'units', { label: '上级单位', help: '此单位属于哪个单位；只有本站单位不写' }).optional(),
      address: field(boundedText('title').optional(), { label: '地址', help: '可以公开的地址', example: '地址', input: 'text' }),
      services: field(boundedList(boundedText('label'), 'few').default([]), { label: '服务事项', help: '面向群众的服务，每项一条', example: '服务事项', input: 'list' }),
      hours: field(boundedText('label').optional(), { label: '服务时间', help: '如 24小时', example: '服务时间', input: 'text' }),
      summary: field(boundedText('summary').optional(), { label: '简介', help: '一两句话介绍这个单位', input: 'longtext' }),
      ...imageFields(ctx, 'photo', '照片'),
      ...publishingFields,
    })
    .strict()
    .superRefine(requireAlt('photo'));
