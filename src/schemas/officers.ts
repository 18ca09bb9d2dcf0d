import { z } from 'astro/zod';
import { enumValues, OFFICER_ROLES } from '../lib/labels';
import { publishingFields } from './common';
import type { SchemaContext } from './context';
import { imageFields, requireAlt } from './image';
import { boundedList, boundedText } from './text';

/** A role-model profile. The body of the file is the person's story. */
export const officerSchema = <Img extends z.ZodTypeAny>(ctx: SchemaContext<Img>) =>
  z
    .object({
      /** Full name. Required. */
      name: boundedText('name').describe('姓名'),
      /** 民警 (`police`), 辅警 (`auxiliary`) or `other`. Required. */
      role: z.enum(enumValues(OFFICER_ROLES)).describe('身份'),
      /** Post, e.g. 站长, 党总支书记. */
      title: boundedText('label').optional().describe('职务'),
      /** The unit the person serves in. Required. */
      unit: ctx.reference('units').describe('所在单位 id'),
      /** Member of the Communist Party of China. */
      partyMember: z.boolean().optional().describe('是否党员'),
      /** One line about the person, used on cards and when sharing. Required. */
      summary: boundedText('summary').describe('一句话简介'),
      /** Portrait, with `photoAlt`. */
      ...imageFields(ctx, 'photo', '照片'),
      /** Keywords shown on the profile and used for filtering. */
      tags: boundedList(boundedText('name'), 'few').default([]).describe('标签'),
      /** Extra search words that are not shown (nicknames, other spellings). */
      aliases: boundedList(boundedText('name'), 'few').default([]).describe('搜索别名'),
      /** Shown among the featured role models on the home page. */
      featured: z.boolean().default(false).describe('首页推荐'),
      /** The person agreed to publication. Without it the profile is not published. */
      consent: z.boolean().default(false).describe('本人同意公开'),
      ...publishingFields,
    })
    .strict()
    .superRefine(requireAlt('photo'));
