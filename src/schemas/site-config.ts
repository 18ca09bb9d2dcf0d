import { z } from 'astro/zod';
import { DEFAULT_THEME, presetNamed, THEME_PRESETS, type ThemePreset } from '../lib/themes';
import { boundedList, boundedString, boundedText } from './text';

/** A link in the header navigation. `href` is a path inside the site (`/officers/`) or a full URL. */
export const navItemSchema = z
  .object({
    /** Text shown in the menu. */
    label: boundedText('name').describe('菜单文字'),
    /** Path inside the site, starting with `/`, or a full web address. */
    href: boundedString('url')
      .refine((h) => h.startsWith('/') || /^https?:\/\//.test(h), '应以 / 开头（站内路径）或以 http(s):// 开头')
      .describe('链接地址'),
  })
  .strict();

/** Filing numbers Chinese websites must show in the footer. */
export const filingSchema = z
  .object({
    /** ICP 备案号, e.g. 苏ICP备xxxxxxxx号. */
    icp: boundedText('label').optional().describe('ICP 备案号'),
    /** 公安机关备案号, e.g. 苏公网安备 xxxxxxxxxxxxxx号. */
    psb: boundedText('label').optional().describe('公安机关备案号'),
    /** 网站标识码 of government websites. */
    siteCode: boundedText('label').optional().describe('网站标识码'),
  })
  .strict();

/** The point categories when the config names none: what the sample unit's party branch scores. */
export const DEFAULT_POINT_CATEGORIES = ['固定党日学习', '志愿服务', '业务工作'];

/**
 * Who may see the points boards besides the intranet edition: nobody (`false`, the default), the
 * public with full names (`full`), or the public with names masked as 王* (`masked`).
 */
export const POINTS_PUBLISH = [false, 'full', 'masked'] as const;
export type PointsPublish = (typeof POINTS_PUBLISH)[number];

/** The unit's points system (月晒·季评·年考). */
export const pointsConfigSchema = z
  .object({
    /** The categories points are given for, in the order the boards show them. */
    categories: boundedList(boundedText('name'), 'few')
      .min(1, '至少要有一项')
      .default(DEFAULT_POINT_CATEGORIES)
      .superRefine((list, ctx) => {
        list.forEach((name, index) => {
          if (list.indexOf(name) !== index) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [index], message: `积分类别“${name}”重复` });
        });
      })
      .describe('积分类别'),
    /** false: only the intranet edition shows points; full or masked: the public site shows them too. */
    publish: z
      .union([z.literal(false), z.enum(['full', 'masked'])], {
        errorMap: () => ({ message: '应为 false（只在内部版本显示）、full（公开，显示全名）或 masked（公开，姓名打码如 王*）' }),
      })
      .default(false)
      .describe('积分公开方式'),
  })
  .strict();

/**
 * The rotating study sessions (轮值主持): the stations take turns in this order, and so do the
 * hosts. Either list may be empty; `npm run new -- activity --rotate` then leaves that field to fill.
 */
export const studyRotationSchema = z
  .object({
    /** Day of the week of the study sessions: 1 = Monday … 7 = Sunday. Default 1 (每周一集中学习). */
    weekday: z.number({ invalid_type_error: '应为 1–7 的数字' }).int('应为整数').min(1, '应为 1（周一）到 7（周日）').max(7, '应为 1（周一）到 7（周日）').default(1).describe('学习日'),
    /** Unit ids of the stations, in rotation order. */
    stations: boundedList(boundedText('label'), 'many').default([]).describe('轮流举办的单位 id'),
    /** Officer ids of the hosts, in rotation order (with stations of the same length: each station's own host). */
    hosts: boundedList(boundedText('label'), 'many').default([]).describe('轮值主持人 id'),
  })
  .strict();

/** The default menu: every section of the site. */
export const DEFAULT_NAV = [
  { label: '首页', href: '/' },
  { label: '榜样人物', href: '/officers/' },
  { label: '荣誉', href: '/honors/' },
  { label: '感谢信', href: '/letters/' },
  { label: '数据', href: '/stats/' },
  { label: '活动', href: '/activities/' },
  { label: '单位', href: '/units/' },
];

/**
 * The one configuration file a unit edits (`site.config.yaml`). It never names a content id:
 * the unit without a `parent` is the site's own unit.
 */
export const siteConfigSchema = z
  .object({
    /** Site title, shown in the header and browser tab. Required. */
    title: boundedText('label').describe('网站标题'),
    /** The unit's name as shown in the header; defaults to the name of the site's own unit. */
    unitName: boundedText('label').optional().describe('单位名称'),
    /** One sentence describing the site, for search engines and sharing. */
    description: boundedText('summary').optional().describe('网站简介'),
    /** The address the site is published at, e.g. https://www.example.gov.cn. Required. */
    url: boundedString('url')
      // One message for one mistake: a plain domain fails both "is a URL" and "is http(s)".
      .refine((u) => /^https?:\/\/[^\s/]+\.[^\s]+$/.test(u) && URL.canParse(u), '应为以 http:// 或 https:// 开头的完整网址，如 https://www.example.gov.cn')
      .describe('网站地址'),
    /** Sub-path when the site is not at the root of its domain, e.g. /rongyu/. Default `/`. */
    base: boundedString('title')
      .default('/')
      // Same language as `^\/?([\w.-]+\/?)*$`, written without nested quantifiers: that form
      // backtracks exponentially, and a 30-character typo hung the check for seconds.
      .refine((b) => /^\/?(?:[\w.-]+\/)*[\w.-]*$/.test(b), '只能包含字母、数字、-、_ 和 /，如 /rongyu/')
      .transform((b) => `/${b.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/'))
      .describe('子路径'),
    /** Logo file in `public/`, e.g. /logo.svg. */
    logo: boundedString('url')
      .refine((l) => l.startsWith('/'), '应为 public 文件夹中的路径，以 / 开头，如 /logo.svg')
      .optional()
      .describe('标志图片'),
    /** The colour scheme by name; `themeColor` overrides it with the unit's own colour. */
    // Written by its code (party-red) or, as a clerk would, by its Chinese name (党建红).
    theme: z
      .preprocess((value) => (typeof value === 'string' ? (presetNamed(value) ?? value) : value), z.enum(Object.keys(THEME_PRESETS) as [ThemePreset, ...ThemePreset[]]))
      .default(DEFAULT_THEME)
      .describe('主题'),
    /** The unit's own main colour, as #rrggbb: used instead of the theme's when given. */
    themeColor: boundedString('name')
      .regex(/^#[0-9a-fA-F]{6}$/, '应为 # 加 6 位十六进制颜色，如 #1f4e9c')
      .optional()
      .describe('主题色'),
    /** Footer filing numbers. */
    filing: filingSchema.default({}).describe('备案信息'),
    /** Numbers that look personal but may be published: a public hotline, the unit's public mailbox. */
    privacy: z
      .object({
        /** Each item exactly as it may appear (spaces and dashes do not matter). */
        allow: boundedList(boundedText('label'), 'many').default([]).describe('允许公开的号码'),
      })
      .strict()
      .default({})
      .describe('隐私设置'),
    /** The points system: categories and whether the public site shows the boards. */
    points: pointsConfigSchema.default({}).describe('积分'),
    /** The study rotation used by `npm run new -- activity --rotate`. */
    studyRotation: studyRotationSchema.default({}).describe('学习轮值'),
    /** Header menu; defaults to every section of the site. */
    nav: boundedList(navItemSchema, 'few').min(1, '至少要有一项').default(DEFAULT_NAV).describe('导航菜单'),
  })
  .strict();

export type SiteConfig = z.output<typeof siteConfigSchema>;
