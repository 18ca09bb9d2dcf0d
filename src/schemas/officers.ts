import { z } from 'astro/zod';
import { OFFICER_ROLES, PHOTO_FOCUS } from '../lib/labels';
import { publishingFields } from './common';
import type { SchemaContext } from './context';
import { choiceField, field, referenceField } from './field';
import { imageFields, requireAlt } from './image';
import { boundedList, boundedText } from './text';

/** A role-model profile. The body of the file is the person's story. */
export const officerSchema = <Img extends z.ZodTypeAny>(ctx: SchemaContext<Img>) =>
  z
    .object({
      name: field(boundedText('name'), { label: '姓名', help: '全名，如 王祥', example: '王祥', input: 'text', column: { header: '姓名' } }),
      role: choiceField(OFFICER_ROLES, {
        label: '身份',
        help: '民警、辅警 或 队员',
        example: 'auxiliary',
        column: { header: '身份', aliases: ['人员类别'], synonyms: { 警察: 'police', 人民警察: 'police', 警务辅助人员: 'auxiliary', 其他: 'other' } },
      }),
      title: field(boundedText('label').optional(), { label: '职务', help: '如 东进警务站站长', example: '站长', input: 'text', column: { header: '职务' } }),
      unit: referenceField(ctx, 'units', {
        label: '所在单位',
        help: '此人所在的单位',
        column: { header: '单位', aliases: ['所在单位'] },
      }),
      partyMember: field(z.boolean().optional(), {
        label: '是否党员',
        help: '是否中共党员',
        example: 'true',
        input: 'boolean',
        column: { header: '是否党员', aliases: ['党员', '政治面貌'], yesNo: { 中共党员: true, 党员: true, 群众: false, 共青团员: false, 团员: false }, note: '是 或 否（也可写 中共党员、群众）' },
      }),
      summary: field(boundedText('summary'), {
        label: '一句话简介',
        help: '用在人物列表、首页和分享中',
        input: 'longtext',
        column: { header: '一句话简介', aliases: ['简介'] },
      }),
      ...imageFields(ctx, 'photo', '照片'),
      photoFocus: choiceField(PHOTO_FOCUS, {
        label: '照片裁切重点',
        help: '人物卡片和分享图把照片裁成竖版时保留哪一部分，不让脸被裁掉；不填时保留中间',
        example: 'top',
      }).optional(),
      tags: field(boundedList(boundedText('name'), 'few').default([]), {
        label: '标签',
        help: '几个关键词，显示在人物页上，也用于筛选',
        example: '见义勇为、夺刀',
        input: 'tags',
        column: { header: '标签', note: '多个用顿号、逗号或空格隔开，如 见义勇为、夺刀' },
      }),
      aliases: field(boundedList(boundedText('name'), 'few').default([]), {
        label: '搜索别名',
        help: '能搜到此人的其他叫法（不显示）',
        example: '别名',
        input: 'list',
      }),
      featured: field(z.boolean().default(false), { label: '首页推荐', help: '显示在首页的推荐人物中', example: 'true', input: 'boolean' }),
      consent: field(z.boolean().default(false), {
        label: '本人同意公开',
        help: '取得本人书面同意后才能选“是”；否则不会出现在公开网站上',
        example: 'true',
        input: 'boolean',
        column: { header: '同意公开', aliases: ['本人同意公开', '是否同意公开'] },
      }),
      ...publishingFields,
    })
    .strict()
    .superRefine(requireAlt('photo'));
