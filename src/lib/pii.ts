/**
 * Personal data that must never be published — resident ID numbers (18 digits with a check digit,
 * and the 15-digit legacy form), mainland mobile numbers, bank card numbers (Luhn) and e-mail
 * addresses — and what should make an author look twice: landline numbers, mobile numbers written
 * in Chinese numerals, street addresses and details that identify a child.
 *
 * Used by the content check (before building) and by the privacy guard (on the finished site).
 * Numbers are found as a reader sees them: the text is normalised first (full-width digits, `＠`,
 * entities, zero-width characters — see normalize-text.ts), and digits count as one number across
 * any separator a person or a word processor puts between them: spaces of every width, line
 * breaks, brackets, dots, slashes and dashes. Patterns stay strict where it matters — a check
 * digit, a real birth date, a real mobile prefix — so ordinary figures such as 95000, dates or a
 * 文号 raise no false alarm.
 */
import { normalizeText, sourceSpan, type NormalizedText } from './normalize-text';

/** Personal data that stops publication. */
export type PiiKind = 'id-card' | 'mobile' | 'bank-card' | 'email';
/** What is reported as a warning: probably personal, but an author may know better. */
export type PiiHintKind = 'landline' | 'mobile-chinese' | 'address' | 'minor';

export const PII_LABELS: Record<PiiKind | PiiHintKind, string> = {
  'id-card': '身份证号',
  mobile: '手机号码',
  'bank-card': '银行卡号',
  email: '电子邮箱',
  landline: '固定电话号码',
  'mobile-chinese': '用汉字写的手机号码',
  address: '门牌地址',
  minor: '可识别未成年人的信息',
};

export interface PiiMatch<K extends string = PiiKind> {
  kind: K;
  /** The text as found in the source (with its spaces, dashes or entities). */
  value: string;
  /** Offset in the scanned text. */
  index: number;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An 18-digit resident ID: region, a real birth date, and the ISO 7064 MOD 11-2 check digit. */
export function isResidentId18(id: string): boolean {
  if (!/^[1-9]\d{16}[\dX]$/i.test(id)) return false;
  const year = Number(id.slice(6, 10));
  if (year < 1900 || year > 2100 || !isRealDate(year, Number(id.slice(10, 12)), Number(id.slice(12, 14)))) return false;
  const sum = ID_WEIGHTS.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17]!.toUpperCase();
}

/** A 15-digit legacy ID: region and a real birth date (19YYMMDD); it has no check digit. */
export function isResidentId15(id: string): boolean {
  return /^[1-9]\d{14}$/.test(id) && isRealDate(1900 + Number(id.slice(6, 8)), Number(id.slice(8, 10)), Number(id.slice(10, 12)));
}

/** The Luhn checksum bank cards carry. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** A mainland mobile number, with or without the country prefix (+86, 0086, 86) or a trunk 0. */
const MOBILE = /^(?:0086|86|0)?(1[3-9]\d{9})$/;
/** A landline: area code (010, 02x, or four digits 03xx–09xx) and a 7–8 digit local number. */
const LANDLINE = /^(?:0086|86)?(0(?:[12]\d|[3-9]\d{2}))([2-9]\d{6,7})$/;

/**
 * What a string of digits is, when it is personal data. Bank cards are 16–19 digits from the
 * issuers' ranges (3 JCB/Amex, 4 Visa, 5 Mastercard, 6 UnionPay) — not a run of years such as
 * 2019 2020 2021 2022 — with a valid Luhn digit.
 */
function classifyDigits(digits: string): PiiKind | 'landline' | null {
  if (digits.length === 18 && isResidentId18(digits)) return 'id-card';
  if (digits.length === 15 && isResidentId15(digits)) return 'id-card';
  if (!/^\d+$/.test(digits)) return null;
  if (MOBILE.test(digits)) return 'mobile';
  if (digits.length >= 16 && digits.length <= 19 && /^[3-6]/.test(digits) && passesLuhn(digits)) return 'bank-card';
  if (LANDLINE.test(digits)) return 'landline';
  return null;
}

/**
 * Characters that may stand between the digits of one number: spaces of every kind and line
 * breaks, brackets, dots, slashes, dashes and tildes (after NFKC, so their full-width forms too).
 */
const SEPARATOR = String.raw`[\s()\[\]【】〔〕〈〉《》{}.。·・•/\\\-‐‑‒–—―−﹣~_]`;
/** A group of digits; an ID number's last group may end in X. */
const GROUP = String.raw`(?:\d+)?[Xx](?![A-Za-z])|\d+`;
/** At most this many separator characters between two groups of one number (" - ", a blank line). */
const MAX_GAP = 6;
const CHAIN = new RegExp(String.raw`\+?(?:${GROUP})(?:${SEPARATOR}{1,${MAX_GAP}}(?:${GROUP}))*`, 'g');
const GROUP_GLOBAL = new RegExp(GROUP, 'g');
/** The longest number looked for: +0086 and a mobile, or a 19-digit card. */
const MAX_DIGITS = 24;

interface Group {
  start: number;
  end: number;
  digits: string;
}

interface DigitFinding {
  kind: PiiKind | 'landline';
  start: number;
  end: number;
  /** The digits, canonical: a mobile without its prefix, an ID with an upper-case X. */
  key: string;
}

const ALNUM = /[A-Za-z0-9]/;
const MIN_DIGITS = 10;

function digitCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x30 && code <= 0x39) || code === 0x58 || code === 0x78) count++;
  }
  return count;
}

/**
 * Numbers in normalised text: every run of digit groups joined by separators is tried from each
 * group, longest first, so `2020.06.18 13912345678` yields the mobile number and `1 3 9 1 2 3 4 5
 * 6 7 8` does too. A candidate buried inside a longer token of letters and digits on both sides
 * (a hash, a base64 string) is no number a reader would see.
 */
function findNumbers(text: string): DigitFinding[] {
  const findings: DigitFinding[] = [];
  for (const chain of text.matchAll(CHAIN)) {
    // The shortest number looked for (a landline) has ten digits: most runs of figures are shorter.
    if (chain[0].length < MIN_DIGITS || digitCount(chain[0]) < MIN_DIGITS) continue;
    const groups: Group[] = [];
    for (const group of chain[0].matchAll(GROUP_GLOBAL)) {
      const start = chain.index + group.index;
      groups.push({ start, end: start + group[0].length, digits: group[0].toUpperCase() });
    }
    let i = 0;
    while (i < groups.length) {
      // The longest candidate wins, but personal data wins over a landline (only a warning).
      let personal: (DigitFinding & { last: number }) | null = null;
      let landline: (DigitFinding & { last: number }) | null = null;
      let digits = '';
      for (let j = i; j < groups.length && digits.length + groups[j]!.digits.length <= MAX_DIGITS; j++) {
        digits += groups[j]!.digits;
        const kind = classifyDigits(digits);
        if (!kind) continue;
        const start = groups[i]!.start;
        const end = groups[j]!.end;
        if (ALNUM.test(text[start - 1] ?? '') && ALNUM.test(text[end] ?? '')) continue;
        const candidate = { kind, start, end, key: kind === 'mobile' ? MOBILE.exec(digits)![1]! : digits, last: j };
        if (kind === 'landline') landline = candidate;
        else personal = candidate;
      }
      const found = personal ?? landline;
      if (found) {
        // A `+` right before the number belongs to it (+86 …).
        const start = text[found.start - 1] === '+' && i === 0 ? found.start - 1 : found.start;
        findings.push({ kind: found.kind, start, end: found.end, key: found.key });
        i = found.last + 1;
      } else i++;
    }
  }
  return findings;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** Normalises a value for allow-list comparison: a number's digits (a mobile without +86), an address in lower case. */
export function piiKey(value: string): string {
  const text = normalizeText(value).text;
  if (text.includes('@')) return text.replace(/\s/g, '').toLowerCase();
  const digits = text.replace(/[^\dX]/gi, '').toUpperCase();
  return MOBILE.exec(digits)?.[1] ?? digits;
}

function toMatch<K extends string>(source: string, normalized: NormalizedText, kind: K, start: number, end: number): PiiMatch<K> {
  const [from, to] = sourceSpan(normalized, start, end);
  return { kind, value: source.slice(from, to), index: from };
}

/**
 * Every piece of personal data in `text`, in order, except values on the allow-list (a public
 * hotline, the unit's public mailbox), compared by their digits or address. `normalized` may be
 * passed when the caller has it already.
 */
export function findPii(text: string, allow: readonly string[] = [], normalized: NormalizedText = normalizeText(text)): PiiMatch[] {
  const allowed = new Set(allow.map(piiKey));
  const matches: PiiMatch[] = [];
  for (const number of findNumbers(normalized.text)) {
    if (number.kind === 'landline' || allowed.has(number.key)) continue;
    matches.push(toMatch(text, normalized, number.kind, number.start, number.end));
  }
  for (const email of normalized.text.includes('@') ? normalized.text.matchAll(EMAIL) : []) {
    if (allowed.has(email[0].toLowerCase())) continue;
    matches.push(toMatch(text, normalized, 'email', email.index, email.index + email[0].length));
  }
  return matches.sort((a, b) => a.index - b.index);
}

/** Chinese numerals as people write a phone number out: 一三九…, 幺 for one, 〇 or 零 for zero, and the financial forms. */
const CHINESE_DIGITS: Record<string, string> = Object.fromEntries(
  [...'〇零一二三四五六七八九'].map((c, i) => [c, String(Math.max(0, i - 1))]).concat(
    [...'壹贰叁肆伍陆柒捌玖'].map((c, i) => [c, String(i + 1)]),
    [['幺', '1'], ['洞', '0']],
  ),
);
/** The digits a phone number written in Chinese numerals stands for: 一三九… → 139…. */
export function chineseDigits(text: string): string {
  return [...text].map((c) => CHINESE_DIGITS[c] ?? '').join('');
}

const CHINESE_CHAIN = new RegExp(String.raw`[〇零一二三四五六七八九壹贰叁肆伍陆柒捌玖幺洞](?:${SEPARATOR}{0,${MAX_GAP}}[〇零一二三四五六七八九壹贰叁肆伍陆柒捌玖幺洞])+`, 'g');

/** A landline number, or a bare local number right after a telephone label (电话 8688 1234). */
const LABELLED_LOCAL = /(?:电话|座机|固话|宅电|联系方式|tel|phone)[:：\s]*([2-9]\d{2,3}[\s-]?\d{4})(?!\d)/gi;

/** A house number on a street, in a village or a residential compound, with building and room. */
const ADDRESS = new RegExp(
  [
    String.raw`\p{Script=Han}{1,8}?(?:大街|大道|路|街|巷|弄|胡同|里)\d+(?:-\d+)?号(?:院|楼)?`,
    String.raw`\p{Script=Han}{1,8}?(?:村|组|社区)\d+(?:-\d+)?号`,
    String.raw`\p{Script=Han}{2,8}?(?:小区|花园|公寓|新村|家园|苑)\d+(?:幢|栋|号楼|号)`,
  ]
    .map((p) => `(?:${p})`)
    .join('|')
    .replace(/^.*$/, (alternatives) => `(?:${alternatives})` + String.raw`(?:\d+(?:幢|栋|号楼|单元|层|楼|室|号))*`),
  'gu',
);
/**
 * Where a place name starts: a match of ADDRESS or SCHOOL begins at the leftmost Chinese character
 * that fits, so "我家住在东湖路88号" would be shown whole. Words like 在, 住, 的 end the sentence
 * before the name.
 */
const LEAD = /.*[在住于到是的了和与读上去来从]/u;
function placeStart(text: string, start: number, end: number): number {
  const lead = LEAD.exec(text.slice(start, end))?.[0].length ?? 0;
  return start + lead;
}

const ROOM = /\d+(?:幢|栋|号楼)\d+单元(?:\d+室)?|\d+单元\d+室/gu;

/** Under 18, in figures or in words: 8岁, 十二岁, 13周岁. */
const AGE = /(\d{1,3}|[一二三四五六七八九十两]{1,3})(?:周)?岁/gu;
/** A named school, grade or class: what makes a child findable. */
const SCHOOL = /\p{Script=Han}{2,10}?(?:小学|中学|初中|幼儿园)|(?:\d+|[一二三四五六初高])年级(?:\d+|[一二三四五六七八九十]+)?班?|\d+班/gu;

function chineseNumberValue(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const digit = (c: string | undefined) => (c === undefined ? 0 : c === '两' ? 2 : '一二三四五六七八九'.indexOf(c) + 1);
  const [before, after] = text.split('十') as [string, string | undefined];
  if (after === undefined) return digit(before);
  return (before ? digit(before) : 1) * 10 + digit(after || undefined);
}

export interface HintOptions {
  /** Look for street addresses and children (letters from the public). */
  letter?: boolean;
}

/**
 * What a reviewer should look at before publishing, as warnings: landline numbers, mobile
 * numbers written in Chinese numerals, and in letters street addresses and details that identify
 * a child. Values on the allow-list (the unit's own public numbers) are left alone.
 */
export function findPiiHints(text: string, allow: readonly string[] = [], { letter = false }: HintOptions = {}, normalized: NormalizedText = normalizeText(text)): PiiMatch<PiiHintKind>[] {
  const allowed = new Set(allow.map(piiKey));
  const plain = normalized.text;
  const matches: PiiMatch<PiiHintKind>[] = [];
  const add = (kind: PiiHintKind, start: number, end: number) => matches.push(toMatch(text, normalized, kind, start, end));
  for (const number of findNumbers(plain)) {
    if (number.kind === 'landline' && !allowed.has(number.key)) add('landline', number.start, number.end);
  }
  for (const match of plain.matchAll(LABELLED_LOCAL)) {
    const start = match.index + match[0].length - match[1]!.length;
    if (!allowed.has(piiKey(match[1]!)) && !matches.some((m) => m.kind === 'landline' && m.index <= start && start < m.index + m.value.length)) {
      add('landline', start, match.index + match[0].length);
    }
  }
  for (const match of plain.matchAll(CHINESE_CHAIN)) {
    const digits = chineseDigits(match[0]);
    if (MOBILE.test(digits) && !allowed.has(piiKey(digits))) add('mobile-chinese', match.index, match.index + match[0].length);
  }
  if (letter) {
    const spans: [number, number][] = [];
    for (const pattern of [ADDRESS, ROOM]) {
      for (const match of plain.matchAll(pattern)) {
        const end = match.index + match[0].length;
        if (spans.some(([s, e]) => match.index < e && end > s)) continue;
        spans.push([match.index, end]);
        add('address', placeStart(plain, match.index, end - 1), end);
      }
    }
    for (const match of plain.matchAll(AGE)) {
      if (chineseNumberValue(match[1]!) < 18) add('minor', match.index, match.index + match[0].length);
    }
    for (const match of plain.matchAll(SCHOOL)) add('minor', placeStart(plain, match.index, match.index + match[0].length - 2), match.index + match[0].length);
  }
  return matches.sort((a, b) => a.index - b.index);
}

/** 321***********1234: enough to find it again, not enough to spread it in a report. */
export function maskPii(value: string): string {
  // One line in a report, whatever line breaks the number was typed with.
  const text = normalizeText(value).text.replace(/\s+/g, ' ');
  if (text.includes('@')) {
    const [name = '', domain = ''] = text.split('@');
    return `${name.slice(0, 1)}***@${domain}`;
  }
  const chars = [...text];
  const digits = chars.filter((c) => /[\dXx]/.test(c)).length;
  let seen = 0;
  return chars.map((c) => (/[\dXx]/.test(c) && ++seen > 3 && seen <= digits - 4 ? '*' : c)).join('');
}
