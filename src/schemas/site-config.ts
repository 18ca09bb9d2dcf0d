import { z } from 'astro/zod';
import { PSB_ICON_FILE, readEmail, readIcp, readPhone, readPsb, readSiteCode, type Read } from '../lib/gov-footer';
import { KIOSK_TIMINGS, readSeconds } from '../lib/kiosk';
import { DEFAULT_THEME, presetNamed, THEME_PRESETS, type ThemePreset } from '../lib/themes';
import { field, type FieldDoc } from './field';
import { boundedList, boundedString, boundedText, oneLineText, TEXT_SIZES } from './text';

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

/** An optional field typed as one line of text and read by one of the footer's readers (src/lib/gov-footer.ts). */
function readField(size: keyof typeof TEXT_SIZES, read: (typed: string) => Read<string>, doc: Omit<FieldDoc, 'input'>) {
  const text = oneLineText(size).transform((typed: string, ctx) => {
    const result = read(typed);
    if (result.ok) return result.value;
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: result.reason });
    return z.NEVER;
  });
  return field(text.optional(), { ...doc, input: 'text' });
}

/** An address of the site given in the config: a file of `public/`, starting with `/`. */
const publicPath = boundedString('url').refine((l) => l.startsWith('/'), '应为 public 文件夹中的路径，以 / 开头，如 /logo.svg');

/** The 党政机关网站标识: the issuer's image, kept in public/, and the page it links to. */
export const badgeSchema = z
  .object({
    /** The address of the site's record that the mark links to, as its issuer gave it. */
    href: field(
      boundedString('url').refine((h) => /^https?:\/\/[^\s/]+\.[^\s]+$/.test(h) && URL.canParse(h), '应为以 http:// 或 https:// 开头的完整网址'),
      { label: '标识链接', help: '党政机关网站标识链接到的网址：开办单位在标识管理系统中取得的那个地址，原样复制过来', input: 'url' },
    ),
    /** The mark's image, saved into public/ (never the issuer's script: intranets and the CSP forbid it). */
    image: field(publicPath.optional(), {
      label: '标识图片',
      help: '把标识图片（不用发放单位给的那段外部脚本）保存到 public 文件夹，这里写以 / 开头的路径，如 /dangzheng-biaoshi.png；不填时页脚只显示文字链接',
      example: '/dangzheng-biaoshi.png',
      input: 'text',
    }),
  })
  .strict();

/** Filing numbers Chinese websites must show in the footer. */
export const filingSchema = z
  .object({
    /** ICP 备案号, e.g. 苏ICP备12345678号-1. */
    icp: readField('label', readIcp, {
      label: 'ICP 备案号',
      help: '工信部备案系统中的网站备案号，页脚居中显示并链接到 https://beian.miit.gov.cn/；全角数字会自动改为半角',
      example: '苏ICP备12345678号-1',
    }),
    /** 公安机关备案号, e.g. 苏公网安备 32120202000123号. */
    psb: readField('label', readPsb, {
      label: '公安机关备案号',
      help: `全国互联网安全管理服务平台发给的备案号，页脚显示并链接到备案记录；备案图标请保存为 public/${PSB_ICON_FILE}`,
      example: '苏公网安备 32120202000123号',
    }),
    /** 网站标识码 of government websites: ten characters. */
    siteCode: readField('label', readSiteCode, {
      label: '网站标识码',
      help: '政府网站的 10 位网站标识码，页脚显示，并用于“我为政府网站找错”链接；全是数字，要加英文引号',
      example: '3212000001',
    }),
    /** The 党政机关网站标识 as a local image and its link. */
    badge: field(badgeSchema.optional(), { label: '党政机关网站标识', help: '党政机关网站标识：href 写标识链接的网址，image 写保存在 public 中的标识图片', input: 'group' }),
    /** A unit that runs no government site (a hospital ward, a company) has nothing to be reminded of. */
    reminder: field(z.boolean().default(true), {
      label: '提醒缺少的页脚信息',
      help: '公开网站缺少政府网站页脚信息时，检查和生成网站都会提醒；不是政府网站（如医院、企业）时写 false，不再提醒',
      example: 'false',
      input: 'boolean',
    }),
  })
  .strict();

/**
 * How the public reaches the unit, as it publishes it: the footer shows it on every page. The
 * unit's own switchboard and mailbox are published on purpose, so the personal-data rules do not
 * apply to these fields (and only to these: the same number in an entry is still found).
 */
export const contactSchema = z
  .object({
    /** The unit's public telephone numbers. */
    phone: readField('title', readPhone, {
      label: '联系电话',
      help: '本单位对外公布的电话（总机、值班电话），可写多个，用顿号隔开；这里是单位公开的号码，不按个人信息检查，但不要填个人手机（写了手机号码会提醒确认）',
      example: '0523-86881234',
    }),
    /** The unit's postal address. */
    address: field(oneLineText('title').optional(), { label: '联系地址', help: '本单位的办公地址', input: 'text' }),
    /** The unit's public mailbox. */
    email: readField('title', readEmail, {
      label: '电子邮箱',
      help: '本单位对外公布的邮箱；这里是单位公开的邮箱，不按个人信息检查，不要填个人邮箱',
      example: 'xxzx@example.gov.cn',
    }),
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

/** A whole number of seconds within one of the screen's ranges, as a clerk types it (６０, 60秒). */
function secondsField(timing: keyof typeof KIOSK_TIMINGS, doc: Omit<FieldDoc, 'input' | 'example'>) {
  const { min, max, default: fallback } = KIOSK_TIMINGS[timing];
  const message = `应为 ${min} 到 ${max} 之间的整数秒，如 ${fallback}`;
  // One check, so 2.5 is one mistake with one message, not two.
  const seconds = z.preprocess(
    readSeconds,
    z.number({ errorMap: () => ({ message }) }).refine((n) => Number.isInteger(n) && n >= min && n <= max, message),
  );
  return field(seconds.default(fallback), { ...doc, example: String(fallback), input: 'figure' });
}

/** The 荣誉室 touch screen (`/kiosk/`): how long it waits, and how long each slide stays. */
export const kioskConfigSchema = z
  .object({
    idleSeconds: secondsField('idleSeconds', {
      label: '大屏无人操作返回时间',
      help: `荣誉室大屏上点开一项（或暂停轮播）后，多少秒无人触摸就回到轮播，填 ${KIOSK_TIMINGS.idleSeconds.min} 到 ${KIOSK_TIMINGS.idleSeconds.max} 的整数秒，不填为 ${KIOSK_TIMINGS.idleSeconds.default} 秒`,
    }),
    advanceSeconds: secondsField('advanceSeconds', {
      label: '大屏轮播间隔',
      help: `荣誉室大屏轮播时每一屏停留多少秒，填 ${KIOSK_TIMINGS.advanceSeconds.min} 到 ${KIOSK_TIMINGS.advanceSeconds.max} 的整数秒，不填为 ${KIOSK_TIMINGS.advanceSeconds.default} 秒`,
    }),
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
    /** 主办单位: the body that runs the site, shown first in the footer. */
    organizer: field(oneLineText('label').optional(), { label: '主办单位', help: '网站的主办单位全称，页脚显示“主办单位：…”', example: '泰州市公安局海陵分局', input: 'text' }),
    /** The unit's public phone, address and mailbox for the footer. */
    contact: field(contactSchema.default({}), { label: '联系方式', help: '页脚显示的本单位联系方式：phone（电话）、address（地址）、email（邮箱），填哪项显示哪项', input: 'group' }),
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
    /** The 荣誉室 touch screen (`/kiosk/`). */
    kiosk: field(kioskConfigSchema.default({}), {
      label: '荣誉室大屏',
      help: '荣誉室触摸大屏（网址 /kiosk/）的设置：idleSeconds（无人操作多少秒后回到轮播）、advanceSeconds（轮播每屏停留秒数）',
      input: 'group',
    }),
    /** Header menu; defaults to every section of the site. */
    nav: boundedList(navItemSchema, 'few').min(1, '至少要有一项').default(DEFAULT_NAV).describe('导航菜单'),
  })
  .strict();

export type SiteConfig = z.output<typeof siteConfigSchema>;
