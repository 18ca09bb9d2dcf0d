import { z } from 'astro/zod';
import { VISIBILITIES } from '../lib/labels';
import { choiceField, field } from './field';
import { parseInstant } from '../lib/instant';
import { partialDateSchema } from './partial-date';
import { parsedValue, readAs, textShape } from './parsed';
import { boundedList, boundedString, boundedText } from './text';

/** Where a fact comes from: a newspaper article, a document, a web page. */
export const sourceSchema = z
  .object({
    title: field(boundedText('title'), { label: '来源标题', help: '报道或文件的标题', example: '报道标题', input: 'text' }),
    url: field(boundedString('url').url('应为完整网址，以 http:// 或 https:// 开头').optional(), {
      label: '来源网址',
      help: '网上能查到时填写完整网址，以 http:// 或 https:// 开头',
      input: 'url',
    }),
    date: field(partialDateSchema.optional(), { label: '来源日期', help: '报道或文件的日期，可以只写到年或月', example: '2020-07-13', input: 'date' }),
  })
  .strict();

const INSTANT_REASON = '应写成 2026-12-01 或 "2026-12-01 09:00" 这样的日期时间（北京时间）';

function readInstant(input: unknown): { ok: true; value: Date } | { ok: false; reason: string } {
  const parsed = parseInstant(input);
  return parsed ? { ok: true, value: parsed } : { ok: false, reason: INSTANT_REASON };
}

/** A moment before which an entry stays unpublished. Dates without a time mean 00:00 Beijing time. */
export const instantSchema = parsedValue([z.date(readAs(readInstant)), textShape(readInstant)], readInstant, 'instant');

/** The fields every collection accepts: who may see an entry, from when, and where it comes from. */
export const publishingFields = {
  draft: field(z.boolean().default(false), { label: '草稿', help: '草稿不会发布；写好后去掉这一项或改为 false', example: 'true', input: 'boolean' }),
  publishDate: field(instantSchema.optional(), {
    label: '发布时间',
    help: '此前不公开（北京时间），如 2026-12-01 或 "2026-12-01 09:00"',
    example: '2026-12-01',
    input: 'instant',
  }),
  visibility: choiceField(VISIBILITIES, {
    label: '公开范围',
    help: '公开（public）或 只在内部版本显示（internal）',
    example: 'internal',
  }).default('public'),
  sources: field(boundedList(sourceSchema, 'few').default([]), { label: '资料来源', help: '事实出自哪篇报道或哪份文件', input: 'rows' }),
};
