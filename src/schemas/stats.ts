import { z } from 'astro/zod';
import { comparePartialDates } from '../lib/partial-date';
import { publishingFields } from './common';
import { figureSchema } from './count';
import { APPROXIMATIONS } from '../lib/labels';
import { choiceField, field, referenceField } from './field';
import type { SchemaContext } from './context';
import { partialDateSchema } from './partial-date';
import { boundedList, boundedString, boundedText } from './text';

/** One figure of a period. The `key` stays the same across periods so figures form a series. */
export const metricSchema = z
  .object({
    key: field(boundedString('name').regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '只能用小写字母、数字和连字符，如 people-checked'), {
      label: '指标代码',
      help: '小写拼音或英文加连字符，如 people-checked，各期保持一致',
      input: 'key',
      column: {
        header: '指标代码',
        aliases: ['key'],
        required: false,
        note: '小写拼音或英文加连字符，如 people-checked，各期保持一致。不填时：已有数据中用过同一指标名称的，沿用它的代码；否则按指标名称生成拼音',
      },
    }),
    label: field(boundedText('name'), { label: '指标名称', help: '统计的是什么，如 核查群众', input: 'text', column: { header: '指标名称', aliases: ['指标', 'label'], note: '如 核查群众' } }),
    value: field(figureSchema, {
      label: '数值',
      help: '只写数字，如 95000；单位写在“计量单位”里',
      input: 'figure',
      column: { header: '数值', aliases: ['数量', '数字', 'value'], note: '如 95000、95,000 或 9.5万' },
    }),
    unit: field(boundedString('name'), {
      label: '计量单位',
      help: '如 起、人次、辆次、面、封；没有时留空',
      input: 'text',
      column: { header: '计量单位', required: false, note: '如 起、人次、辆次、面、封' },
    }),
    approx: choiceField(APPROXIMATIONS, {
      label: '约数',
      help: '原始材料写“余”时选 余，写“约”时选 约；准确数字不填',
      column: { header: '约数', aliases: ['approx'], synonyms: { 多: 'over', 以上: 'over', 余数: 'over', 大约: 'about', 左右: 'about' }, note: '原始材料写“余”时填 余，写“约”时填 约；准确数字不填' },
    })
      .optional()
      .transform((a) => a ?? null),
  })
  .strict();

/** Figures for a period, from a YAML file. */
export const statSchema = <Img extends z.ZodTypeAny>(ctx: SchemaContext<Img>) =>
  z
    .object({
      title: field(boundedText('title'), {
        label: '标题',
        help: '这一期数据的标题，如 2020年上半年工作数据',
        input: 'text',
        column: { header: '标题', note: '这一期的标题；标题、单位、起止日期都相同的行合成一期' },
      }),
      unit: referenceField(ctx, 'units', {
        label: '所属单位',
        help: '数据属于哪个单位',
        column: { header: '单位', aliases: ['所属单位'], required: false, note: '数据所属单位的全称、简称或 id；不填时为本站单位' },
      }),
      period: field(
        z
          .object({
            start: field(partialDateSchema, {
              label: '起始日期',
              help: '可以只写到年或月',
              input: 'date',
              column: { header: '起始日期', aliases: ['开始日期', 'start'] },
            }),
            end: field(partialDateSchema, {
              label: '截止日期',
              help: '不能早于起始日期；可以只写到年或月',
              input: 'date',
              column: { header: '截止日期', aliases: ['结束日期', 'end'], note: '不能早于起始日期' },
            }),
          })
          .strict(),
        { label: '统计期间', help: '数据从哪天统计到哪天', input: 'group' },
      ).superRefine((period, c) => {
        if (comparePartialDates(period.start, period.end) > 0) {
          c.addIssue({ code: z.ZodIssueCode.custom, path: ['end'], message: '截止日期早于起始日期' });
        }
      }),
      metrics: field(boundedList(metricSchema, 'many').min(1, '至少要有一项数据'), { label: '数据项', help: '这一期的各项数据，至少一项', input: 'rows' }),
      ...publishingFields,
    })
    .strict()
    .superRefine((stat, c) => {
      const seen = new Map<string, number>();
      stat.metrics.forEach((metric, index) => {
        const first = seen.get(metric.key);
        if (first === undefined) {
          seen.set(metric.key, index);
          return;
        }
        c.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['metrics', index, 'key'],
          message: `指标代码 ${metric.key} 在本期重复出现（第 ${first + 1} 项和第 ${index + 1} 项）`,
          params: { hint: 'metric-duplicate' },
        });
      });
    });
