import { z } from 'astro/zod';

const text = z.string().trim().min(1, '不能为空');

/** A link in the header navigation. `href` is a path inside the site (`/officers/`) or a full URL. */
export const navItemSchema = z
  .object({
    /** Text shown in the menu. */
    label: text.describe('菜单文字'),
    /** Path inside the site, starting with `/`, or a full web address. */
    href: z
      .string()
      .trim()
      .refine((h) => h.startsWith('/') || /^https?:\/\//.test(h), '应以 / 开头（站内路径）或以 http(s):// 开头')
      .describe('链接地址'),
  })
  .strict();

/** Filing numbers Chinese websites must show in the footer. */
export const filingSchema = z
  .object({
    /** ICP 备案号, e.g. 苏ICP备xxxxxxxx号. */
    icp: text.optional().describe('ICP 备案号'),
    /** 公安机关备案号, e.g. 苏公网安备 xxxxxxxxxxxxxx号. */
    psb: text.optional().describe('公安机关备案号'),
    /** 网站标识码 of government websites. */
    siteCode: text.optional().describe('网站标识码'),
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
    title: text.describe('网站标题'),
    /** The unit's name as shown in the header; defaults to the name of the site's own unit. */
    unitName: text.optional().describe('单位名称'),
    /** One sentence describing the site, for search engines and sharing. */
    description: text.optional().describe('网站简介'),
    /** The address the site is published at, e.g. https://www.example.gov.cn. Required. */
    url: z
      .string()
      .trim()
      // One message for one mistake: a plain domain fails both "is a URL" and "is http(s)".
      .refine((u) => /^https?:\/\/[^\s/]+\.[^\s]+$/.test(u) && URL.canParse(u), '应为以 http:// 或 https:// 开头的完整网址，如 https://www.example.gov.cn')
      .describe('网站地址'),
    /** Sub-path when the site is not at the root of its domain, e.g. /rongyu/. Default `/`. */
    base: z
      .string()
      .trim()
      .default('/')
      // Same language as `^\/?([\w.-]+\/?)*$`, written without nested quantifiers: that form
      // backtracks exponentially, and a 30-character typo hung the check for seconds.
      .refine((b) => /^\/?(?:[\w.-]+\/)*[\w.-]*$/.test(b), '只能包含字母、数字、-、_ 和 /，如 /rongyu/')
      .transform((b) => `/${b.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/'))
      .describe('子路径'),
    /** Logo file in `public/`, e.g. /logo.svg. */
    logo: z
      .string()
      .trim()
      .refine((l) => l.startsWith('/'), '应为 public 文件夹中的路径，以 / 开头，如 /logo.svg')
      .optional()
      .describe('标志图片'),
    /** Main colour of the site, as #rrggbb. */
    themeColor: z
      .string()
      .trim()
      .regex(/^#[0-9a-fA-F]{6}$/, '应为 # 加 6 位十六进制颜色，如 #1f4e9c')
      .default('#1f4e9c')
      .describe('主题色'),
    /** Footer filing numbers. */
    filing: filingSchema.default({}).describe('备案信息'),
    /** Numbers that look personal but may be published: a public hotline, the unit's public mailbox. */
    privacy: z
      .object({
        /** Each item exactly as it may appear (spaces and dashes do not matter). */
        allow: z.array(text).default([]).describe('允许公开的号码'),
      })
      .strict()
      .default({})
      .describe('隐私设置'),
    /** Header menu; defaults to every section of the site. */
    nav: z.array(navItemSchema).min(1, '至少要有一项').default(DEFAULT_NAV).describe('导航菜单'),
  })
  .strict();

export type SiteConfig = z.output<typeof siteConfigSchema>;
