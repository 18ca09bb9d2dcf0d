import { z } from 'astro/zod';
import { HONOR_LEVELS, HONOR_SCOPES } from '../lib/labels';
import { publishingFields } from './common';
import type { SchemaContext } from './context';
import { choiceField, field } from './field';
import { imageFields, requireAlt } from './image';
import { partialDateSchema } from './partial-date';
import { pointsPeriodSchema } from './points';
import { recipientsSchema } from './recipients';
import { boundedText } from './text';

/** A commendation, individual or collective. The body of the file is the citation. */
export const honorSchema = <Img extends z.ZodTypeAny>(ctx: SchemaContext<Img>) =>
  z
    .object({
      title: field(boundedText('title'), {
        label: '荣誉名称',
        help: '如 个人三等功',
        example: '个人三等功',
        input: 'text',
        column: { header: '荣誉名称', aliases: ['名称', '荣誉'] },
      }),
      scope: choiceField(HONOR_SCOPES, {
        label: '荣誉类别',
        help: '个人荣誉 或 集体荣誉',
        example: 'individual',
        column: {
          header: '类别',
          aliases: ['荣誉类别'],
          synonyms: { 个人荣誉: 'individual', 集体荣誉: 'collective' },
          required: false,
          note: '个人 或 集体。不填时：填了获奖单位为集体，否则为个人',
        },
      }),
      level: choiceField(HONOR_LEVELS, {
        label: '级别',
        help: '国家级、省级、市级、区县级、局级 或 其他',
        example: 'provincial',
        column: {
          header: '级别',
          aliases: ['荣誉级别'],
          synonyms: { 国家: 'national', 省: 'provincial', 市: 'municipal', 区级: 'district', 县级: 'district', 区: 'district', 县: 'district', 局: 'bureau' },
        },
      }).optional(),
      awardedBy: field(boundedText('title'), {
        label: '授予单位',
        help: '按原始材料的写法；不明时写“原文未注明”',
        example: '省见义勇为基金会',
        input: 'text',
        column: { header: '授予单位', aliases: ['颁发单位', '授奖单位', '表彰单位'] },
      }),
      date: field(partialDateSchema.optional(), {
        label: '授予日期',
        help: '可以只写到年或月：2019、2020-04 或 2020-06-18；不写时列在“日期未注明”下',
        example: '2020-04',
        input: 'date',
        column: { header: '日期', aliases: ['授予日期', '获奖日期', '表彰日期', '时间'], note: '可以只写到年或月' },
      }),
      documentNo: field(boundedText('label').optional(), {
        label: '文号',
        help: '表彰文件的文号，如 苏见基〔2020〕××号',
        example: '文号',
        input: 'text',
        column: { header: '文号', note: '如 苏见基〔2020〕××号' },
      }),
      recipients: field(recipientsSchema(ctx), { label: '获奖者', help: '获奖的人物、单位或其他获奖者，至少填一项', input: 'group' }),
      ...imageFields(ctx, 'certificate', '证书图片'),
      summary: field(boundedText('summary').optional(), {
        label: '简介',
        help: '一两句话，用在列表和分享中',
        example: '一两句简介',
        input: 'longtext',
        column: { header: '简介', aliases: ['摘要'], note: '一两句话' },
      }),
      pointsPeriod: field(pointsPeriodSchema.optional(), {
        label: '积分期间',
        help: '因积分评优得到的荣誉：写年度 2021、季度 2021-Q1 或月份 2021-03',
        example: '2021',
        input: 'period',
      }),
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
