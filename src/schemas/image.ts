import { z } from 'astro/zod';
import type { SchemaContext } from './context';
import { field } from './field';
import { boundedText } from './text';

/**
 * An optional image field together with its alt text: `photo` + `photoAlt`, `scan` + `scanAlt`.
 * The image path is relative to the entry file.
 */
export function imageFields<Img extends z.ZodTypeAny, K extends string>({ image }: SchemaContext<Img>, key: K, label: string) {
  return {
    [key]: field(image().optional(), {
      label,
      help: '上传后自动转正、缩小并去掉拍摄信息（命令行：npm run photo）',
      example: '文件名.jpg',
      input: 'image',
    }),
    [`${key}Alt`]: field(boundedText('alt').optional(), {
      label: `${label}的文字说明`,
      help: '用一句话说明图片的内容，供看不见图片的读者使用，如 “民警在警务站前执勤”',
      example: `${label}的文字说明`,
      input: 'alt',
    }),
  } as { [P in K]: z.ZodOptional<Img> } & { [P in `${K}Alt`]: z.ZodOptional<z.ZodString> };
}

/**
 * An image is shown to readers who cannot see it through its alt text, so an image without alt
 * text is an error, not a warning.
 */
export function requireAlt(key: string) {
  const altKey = `${key}Alt`;
  return (data: Record<string, unknown>, ctx: z.RefinementCtx) => {
    if (data[key] !== undefined && data[altKey] === undefined) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: [altKey],
        message: `填写了 ${key}，但缺少图片的文字说明 ${altKey}`,
        params: { hint: 'alt', imageKey: key },
      });
    }
  };
}
