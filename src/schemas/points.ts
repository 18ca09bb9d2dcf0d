import { z } from 'astro/zod';
import { parsePointsPeriod, POINTS_PERIOD_PATTERN } from '../lib/points-period';
import { parsedValue, readAs, textShape } from './parsed';
import { publishingFields } from './common';
import type { SchemaContext } from './context';
import { field, referenceField } from './field';
import { figureSchema } from './count';
import { boundedList, boundedText } from './text';

function readPeriod(input: unknown): { ok: true; value: string } | { ok: false; reason: string } {
  const parsed = parsePointsPeriod(input);
  return parsed.ok ? { ok: true, value: parsed.value.key } : parsed;
}

function readMonth(input: unknown): { ok: true; value: string } | { ok: false; reason: string } {
  const parsed = parsePointsPeriod(input instanceof Date ? input.toISOString().slice(0, 7) : input);
  if (parsed.ok && parsed.value.kind === 'month') return { ok: true, value: parsed.value.key };
  return { ok: false, reason: parsed.ok ? `“${parsed.value.key}”不是月份：积分按月录入，季度和年度由各月合计` : parsed.reason };
}

/**
 * A points period as honours cite it (`pointsPeriod`): `2021`, `2021-Q1` or `2021-03`.
 * Normalised to its canonical key (`2021-q1` → `2021-Q1`, `2021-3` → `2021-03`).
 */
export const pointsPeriodSchema = parsedValue(
  [z.number(readAs(readPeriod)).int(), textShape(readPeriod, POINTS_PERIOD_PATTERN)],
  readPeriod,
  'points-period',
);

/** The month of a points file: `2021-03`. Quarters and years are computed, never entered. */
export const pointsMonthSchema = parsedValue([textShape(readMonth, POINTS_PERIOD_PATTERN), z.date(readAs(readMonth))], readMonth, 'points-month');

/** One member's points of the month. */
export const pointsEntrySchema = <Img extends z.ZodTypeAny>(ctx: SchemaContext<Img>) =>
  z
    .object({
      officer: referenceField(ctx, 'officers', {
        label: '积分成员',
        help: '记分的人',
        column: { header: '人物', aliases: ['姓名', '民警', 'officer'], note: '已有人物的姓名或 id；同一人同一月份只能有一行' },
      }),
      points: field(z.record(z.string(), figureSchema), {
        label: '各类积分',
        help: '每个积分类别（site.config.yaml 的 points.categories）的分数；没有得分的不写',
        input: 'scores',
      }),
      note: field(boundedText('title').optional(), {
        label: '备注',
        help: '只在内部版本（或全名公开时）显示',
        input: 'text',
        column: { header: '备注', aliases: ['note'], note: '选填。只在内部版本（或全名公开时）显示' },
      }),
    })
    .strict();

/** One unit's points for one month, from a YAML file (`points/<unit>-<YYYY-MM>.yaml`). */
export const pointsSchema = <Img extends z.ZodTypeAny>(ctx: SchemaContext<Img>) =>
  z
    .object({
      unit: referenceField(ctx, 'units', {
        label: '所属单位',
        help: '记分的单位',
        column: { header: '单位', aliases: ['所在单位', '警务站'], note: '记分单位的全称、简称或 id；同一单位同一月份的各行合成一个积分文件' },
      }),
      month: field(pointsMonthSchema, {
        label: '月份',
        help: '如 2021-03；季度和年度由各月合计，不要填',
        input: 'month',
        column: { header: '月份', aliases: ['月', '积分月份'], note: '如 2021-03 或 2021年3月；季度和年度由各月合计，不要填' },
      }),
      entries: field(boundedList(pointsEntrySchema(ctx), 'many').min(1, '至少要有一人'), { label: '积分明细', help: '每人一项，至少一人', input: 'rows' }),
      ...publishingFields,
    })
    .strict()
    .superRefine((file, c) => {
      const seen = new Map<string, number>();
      file.entries.forEach((entry, index) => {
        const first = seen.get(entry.officer.id);
        if (first === undefined) {
          seen.set(entry.officer.id, index);
          return;
        }
        c.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['entries', index, 'officer'],
          message: `${entry.officer.id} 在本月列了两次（第 ${first + 1} 项和第 ${index + 1} 项）`,
          params: { hint: 'points-officer-duplicate' },
        });
      });
    });
