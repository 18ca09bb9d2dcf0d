/**
 * The items a Chinese government unit's site shows at its foot, as 《政府网站发展指引》 and the
 * inspection crawlers expect them (see docs/authoring-guide.md §12 “页脚信息”): 主办单位, 联系方式,
 * ICP 备案号 linked to the MIIT filing site, 公安机关备案号 linked to its record, 网站标识码, the
 * 党政机关网站标识 as a local image and link, and 我为政府网站找错 carrying the site code.
 *
 * Pure: the numbers as a clerk types them are read here (full-width digits and letters from a
 * Chinese IME, pasted spaces and dashes are normalised, not refused), the links are built here,
 * and so is the reminder listing what a public site still lacks. The schema, the footer and the
 * check all use these functions.
 */
import { normalizeText } from './normalize-text';
import { findPii, findPiiHints, maskPii, type PiiHintKind, type PiiKind } from './pii';
import type { Audience } from './publishing';

/** A value read from what was typed, or the reason it cannot be read, in Chinese. */
export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The one-character names of the provinces, as filing numbers begin: 苏ICP备…, 苏公网安备…. */
const PROVINCES = '京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川贵云藏陕甘青宁新';
const PROVINCE = `[${PROVINCES}]`;

/** Dashes Word, WPS and an IME put where a hyphen was meant (NFKC keeps them as they are). */
const DASHES = /[‐‑‒–—―−﹣]/g;

/**
 * What was typed, as it reads: full-width digits, letters, `＠` and `－` in their plain forms,
 * invisible characters gone, spaces of every width (NBSP, the ideographic space) as one space.
 */
export function plainText(typed: string): string {
  return normalizeText(typed, { origins: false }).text.replace(DASHES, '-').replace(/\s+/g, ' ').trim();
}

/** The MIIT filing site every ICP number links to. */
export const ICP_URL = 'https://beian.miit.gov.cn/';

const ICP = new RegExp(`^(${PROVINCE})ICP([备证])(\\d{4,12})号(?:-(\\d{1,4}))?$`);

/** 苏ICP备12345678号-1, however typed (苏ＩＣＰ备１２３４５６７８号－１, 苏icp备 12345678号): in the form MIIT shows it. */
export function readIcp(typed: string): Read<string> {
  const text = plainText(typed).replace(/\s/g, '').replace(/icp/i, 'ICP');
  const match = ICP.exec(text);
  if (match) return { ok: true, value: `${match[1]}ICP${match[2]}${match[3]}号${match[4] ? `-${match[4]}` : ''}` };
  if (/^\d/.test(text) || !text.includes('ICP')) return { ok: false, reason: '要写完整：省份简称 + ICP备 + 数字 + 号，如 苏ICP备12345678号-1' };
  if (!new RegExp(`^${PROVINCE}ICP`).test(text)) return { ok: false, reason: '开头应为省份的一字简称，如“苏”：苏ICP备12345678号-1' };
  return { ok: false, reason: '写法应为 省份简称 + ICP备 + 数字 + 号，网站有多个备案时后面加 -1 等，如 苏ICP备12345678号-1' };
}

const PSB = new RegExp(`^(${PROVINCE})公网安备(\\d+)号?$`);
/** The digits of a 公安机关备案号: a six-digit area code and eight digits. */
const PSB_DIGITS = 14;

/** 苏公网安备 32120202000123号, however typed (full-width digits, no space, 号 left off): in the form the record shows. */
export function readPsb(typed: string): Read<string> {
  const text = plainText(typed).replace(/\s/g, '');
  const match = PSB.exec(text);
  const example = `苏公网安备 32120202000123号`;
  if (!match) {
    const digits = /^\d+号?$/.test(text) ? text.replace('号', '') : null;
    return {
      ok: false,
      reason: digits ? `要写完整：省份简称 + 公网安备 + 数字 + 号，如 苏公网安备 ${digits}号（“苏”换成本省的简称）` : `写法应为 省份简称 + 公网安备 + 数字 + 号，如 ${example}`,
    };
  }
  const digits = match[2]!;
  if (digits.length !== PSB_DIGITS) return { ok: false, reason: `数字应为 ${PSB_DIGITS} 位，这里是 ${digits.length} 位：请与备案回执或全国互联网安全管理服务平台上的备案号核对` };
  return { ok: true, value: `${match[1]}公网安备 ${digits}号` };
}

/** The digits of a 公安机关备案号 (as `readPsb` gives it): the `code` of its record's address. */
export function psbCode(psb: string): string {
  return psb.replace(/\D/g, '');
}

/** The record of a 公安机关备案号 on the national filing site. */
export function psbRecordUrl(psb: string): string {
  return `https://beian.mps.gov.cn/#/query/webSearch?code=${psbCode(psb)}`;
}

/** The file of the 公安备案 icon a unit puts into public/ (the issuer's image; the project draws none). */
export const PSB_ICON_FILE = 'gongan-beian.png';

/** 网站标识码: ten digits (3212000001), or bm and eight digits for a ministry's site. */
export function readSiteCode(typed: string): Read<string> {
  const text = plainText(typed).replace(/\s/g, '');
  if (/^(?:\d{10}|bm\d{8})$/i.test(text)) return { ok: true, value: text };
  const length = [...text].length;
  // Ten characters that are not such a code: the shipped example (xxxxxxxxxx) un-commented as it is, or a letter for a digit.
  const what = length === 10 ? `这里有数字以外的字符（${text}）` : `这里是 ${length} 位`;
  return { ok: false, reason: `应为 10 位数字（部委网站为 bm 加 8 位数字），如 3212000001；${what}：请与网站标识码证书或政府网站信息报送系统中的核对` };
}

/** The 我为政府网站找错 page for one page of the site, as the State Council's platform expects the link. */
export function jiucuoUrl(siteCode: string, pageUrl: string): string {
  return `https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=${encodeURIComponent(siteCode)}&url=${encodeURIComponent(pageUrl)}`;
}

const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

/** The unit's public mailbox, however typed (＠ and full-width letters from an IME, spaces pasted around @). */
export function readEmail(typed: string): Read<string> {
  const text = plainText(typed).replace(/\s/g, '');
  if (EMAIL.test(text)) return { ok: true, value: text };
  return { ok: false, reason: '应为一个电子邮箱地址，如 xxzx@example.gov.cn' };
}

/** The unit's public numbers as it publishes them (0523-86881234、12345), full-width digits made plain. */
export function readPhone(typed: string): Read<string> {
  const text = plainText(typed);
  if ((text.match(/\d/g) ?? []).length >= 3) return { ok: true, value: text };
  return { ok: false, reason: '应为本单位对外公布的电话号码，如 0523-86881234' };
}

/** The footer's part of site.config.yaml, as the schema reads it. */
export interface GovFooterConfig {
  organizer?: string | undefined;
  contact: { phone?: string | undefined; address?: string | undefined; email?: string | undefined };
  filing: {
    icp?: string | undefined;
    psb?: string | undefined;
    siteCode?: string | undefined;
    badge?: { href: string; image?: string | undefined } | undefined;
    /** false: the unit runs no government site, and is not reminded of the items. */
    reminder?: boolean | undefined;
  };
}

/** One item a government site shows at its foot: what it is called, and the fields that give it. */
interface FooterItem {
  label: string;
  /** Where it is filled in, as a clerk reads it in site.config.yaml, with an example. */
  fields: string;
  given: (config: GovFooterConfig) => boolean;
}

/** Every item, in the order the footer shows them. */
export const GOV_FOOTER_ITEMS: readonly FooterItem[] = [
  { label: '主办单位', fields: 'organizer', given: (c) => Boolean(c.organizer) },
  { label: '联系方式', fields: 'contact 下的 phone、address、email（至少一项）', given: (c) => Boolean(c.contact.phone || c.contact.address || c.contact.email) },
  { label: 'ICP 备案号', fields: 'filing.icp，如 苏ICP备12345678号-1', given: (c) => Boolean(c.filing.icp) },
  { label: '公安机关备案号', fields: `filing.psb，如 苏公网安备 32120202000123号；备案图标保存为 public/${PSB_ICON_FILE}`, given: (c) => Boolean(c.filing.psb) },
  { label: '网站标识码（“我为政府网站找错”链接也要用它）', fields: 'filing.siteCode，如 siteCode: "3212000001"（加英文引号）', given: (c) => Boolean(c.filing.siteCode) },
  { label: '党政机关网站标识', fields: 'filing.badge 下的 href（标识链接）和 image（保存在 public 中的标识图片）', given: (c) => Boolean(c.filing.badge) },
];

/** The items the config does not give yet. */
export function missingGovFooterItems(config: GovFooterConfig): FooterItem[] {
  return GOV_FOOTER_ITEMS.filter((item) => !item.given(config));
}

/**
 * The reminder for a public site that lacks footer items: one, listing them all, never an error
 * (a unit may be waiting for its filing). The intranet edition is no public site: nothing.
 */
export function govFooterReminder(config: GovFooterConfig, audience: Audience, file = 'site.config.yaml'): { message: string; hint: string } | null {
  if (audience === 'internal' || config.filing.reminder === false) return null;
  const missing = missingGovFooterItems(config);
  if (missing.length === 0) return null;
  return {
    message: `公开网站的页脚还缺少 ${missing.length} 项政府网站应当显示的信息：${missing.map((item) => item.label.replace(/（.*$/, '')).join('、')}`,
    hint: [
      `取得后在 ${file} 中填写（没有的先不填，填了的才会显示）：`,
      ...missing.map((item) => `  ${item.label}：${item.fields}`),
      '写法见 docs/authoring-guide.md 第 12 节的“页脚信息”。这只是提醒，不影响生成网站；内网版不提醒。',
      `不是政府网站（如医院、企业）时，在 ${file} 的 filing 下写 reminder: false，不再提醒。`,
    ].join('\n'),
  };
}

/**
 * The unit's own published numbers and mailbox, as the privacy guard must let them through on
 * every page's footer: every number of the phone field, and the mailbox as a whole — not a number
 * inside it (`13912345678@139.com`), which would then pass the guard on every page of the site.
 * The same number written in an entry is still found by the content check, which reads the
 * entries with `privacy.allow` alone.
 */
export function publishedContactAllow(config: GovFooterConfig): string[] {
  const { phone, email } = config.contact;
  return [
    ...(phone ? [...findPii(phone), ...findPiiHints(phone)].map((match) => match.value) : []),
    ...(email ? findPii(email).filter((match) => match.kind === 'email').map((match) => match.value) : []),
  ];
}

/** Personal data in the footer's contact that the exemption above does not cover. */
export interface ContactFinding {
  field: 'contact.phone' | 'contact.email' | 'contact.address';
  /** An error stops the check and the build (the guard would stop it too); a warning asks the unit to confirm. */
  severity: 'error' | 'warning';
  kind: PiiKind | PiiHintKind;
  /** The finding, masked as every report masks it. */
  masked: string;
}

/**
 * What the contact fields hold beyond the unit's switchboard, mailbox and address, unless the
 * unit listed it in `privacy.allow`:
 * - a mobile number in the phone field, in digits or in Chinese numerals: most often a person's
 *   own (the clerk's, the chief's), typed where the switchboard belongs, and shown on every page;
 *   a warning, since a unit may publish a duty mobile (and then lists it);
 * - any other personal data in the three fields (a mailbox named after its owner's mobile, a
 *   mobile or a mailbox in the address): errors, as anywhere else on the site — the guard lets
 *   through only the phone's numbers and the mailbox as a whole (publishedContactAllow).
 * A mobile written in Chinese numerals in the mailbox or the address is a warning, as in entries.
 */
export function contactFindings(contact: GovFooterConfig['contact'], allow: readonly string[]): ContactFinding[] {
  const found: ContactFinding[] = [];
  const fields = [
    ['contact.phone', contact.phone],
    ['contact.email', contact.email],
    ['contact.address', contact.address],
  ] as const;
  for (const [field, text] of fields) {
    if (!text) continue;
    for (const match of findPii(text, allow)) {
      if (field === 'contact.email' && match.kind === 'email') continue;
      found.push({ field, severity: field === 'contact.phone' && match.kind === 'mobile' ? 'warning' : 'error', kind: match.kind, masked: maskPii(match.value) });
    }
    for (const match of findPiiHints(text, allow)) {
      if (match.kind === 'mobile-chinese') found.push({ field, severity: 'warning', kind: match.kind, masked: maskPii(match.value) });
    }
  }
  return found;
}

/** The fields of site.config.yaml whose numbers and addresses are the unit's own, published on purpose (contactFindings says what is not). */
export const PUBLISHED_CONTACT_FIELDS: readonly string[] = ['contact.phone', 'contact.email', 'contact.address'];

/** A link or a text of the footer, ready to render. */
export interface FooterLink {
  text: string;
  href?: string;
  /** Site path of an image shown before the text (or instead of it, with `text` as its alt). */
  image?: string;
}

/** The footer's rows, as a page shows them; empty when nothing is configured. */
export interface GovFooterView {
  organizer?: string;
  contact: { kind: 'phone' | 'address' | 'email'; label: string; text: string; href?: string }[];
  filings: FooterLink[];
  siteCode?: string;
  jiucuo?: FooterLink;
  badge?: FooterLink;
}

export interface GovFooterOptions {
  audience: Audience;
  /** The absolute address of the page, for the 找错 link. */
  pageUrl: string;
  /** Site path of the 公安备案 icon when public/ has it (PSB_ICON_FILE), else null. */
  psbIcon: string | null;
}

/**
 * What the footer shows. The intranet edition shows the 党政机关网站标识 as text (its issuer's
 * site is not reachable there, and the mark vouches for the public site) and no 找错 link (an
 * intranet page is no public government page to report).
 */
export function govFooterView(config: GovFooterConfig, { audience, pageUrl, psbIcon }: GovFooterOptions): GovFooterView {
  const internal = audience === 'internal';
  const { contact, filing } = config;
  const view: GovFooterView = { contact: [], filings: [] };
  if (config.organizer) view.organizer = config.organizer;
  if (contact.phone) view.contact.push({ kind: 'phone', label: '联系电话', text: contact.phone });
  if (contact.address) view.contact.push({ kind: 'address', label: '地址', text: contact.address });
  if (contact.email) view.contact.push({ kind: 'email', label: '电子邮箱', text: contact.email, href: `mailto:${contact.email}` });
  if (filing.icp) view.filings.push({ text: filing.icp, href: ICP_URL });
  if (filing.psb) view.filings.push({ text: filing.psb, href: psbRecordUrl(filing.psb), ...(psbIcon ? { image: psbIcon } : {}) });
  if (filing.siteCode) {
    view.siteCode = filing.siteCode;
    if (!internal) view.jiucuo = { text: '我为政府网站找错', href: jiucuoUrl(filing.siteCode, pageUrl) };
  }
  if (filing.badge) {
    view.badge = internal
      ? { text: '党政机关网站' }
      : { text: '党政机关网站标识', href: filing.badge.href, ...(filing.badge.image ? { image: filing.badge.image } : {}) };
  }
  return view;
}

/** Whether the footer has anything to show. */
export function hasGovFooter(view: GovFooterView): boolean {
  return Boolean(view.organizer || view.contact.length || view.filings.length || view.siteCode || view.badge);
}
