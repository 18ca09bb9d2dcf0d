/**
 * Personal data that must never be published: resident ID numbers (18 digits with a valid check
 * digit, and the 15-digit legacy form), mainland mobile numbers, bank card numbers (Luhn) and
 * e-mail addresses. Used by the content check (before building) and by the privacy guard (on the
 * finished site). Patterns are strict on purpose — a check digit, a real birth date, a real mobile
 * prefix — so ordinary figures such as 95000 or a 文号 do not raise false alarms.
 */

export type PiiKind = 'id-card' | 'mobile' | 'bank-card' | 'email';

export const PII_LABELS: Record<PiiKind, string> = {
  'id-card': '身份证号',
  mobile: '手机号码',
  'bank-card': '银行卡号',
  email: '电子邮箱',
};

export interface PiiMatch {
  kind: PiiKind;
  /** The text as found (with its spaces or dashes). */
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

const PATTERNS: { kind: PiiKind; pattern: RegExp; accept: (value: string) => boolean }[] = [
  { kind: 'id-card', pattern: /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g, accept: isResidentId18 },
  { kind: 'id-card', pattern: /(?<![\dA-Za-z])\d{15}(?![\dA-Za-z])/g, accept: isResidentId15 },
  // 13812345678, 138 1234 5678, 138-1234-5678, +86 13812345678
  { kind: 'mobile', pattern: /(?<![\d])(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)/g, accept: () => true },
  // 16–19 digits, optionally in groups of four.
  {
    kind: 'bank-card',
    pattern: /(?<![\d])\d{4}(?:[ -]?\d{4}){3}(?:[ -]?\d{1,3})?(?!\d)/g,
    accept: (value) => {
      const digits = value.replace(/\D/g, '');
      return digits.length >= 16 && digits.length <= 19 && passesLuhn(digits) && !isResidentId18(digits);
    },
  },
  { kind: 'email', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, accept: () => true },
];

/** Normalises a value for allow-list comparison: digits and letters only, lower case. */
export function piiKey(value: string): string {
  return value.replace(/[^\dA-Za-z@.]/g, '').toLowerCase();
}

/**
 * Every piece of personal data in `text`, in order, except values on the allow-list (a public
 * hotline, the unit's public mailbox), compared without spaces and dashes.
 */
export function findPii(text: string, allow: readonly string[] = []): PiiMatch[] {
  const allowed = new Set(allow.map(piiKey));
  const matches: PiiMatch[] = [];
  const taken: [number, number][] = [];
  for (const { kind, pattern, accept } of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      // One finding per stretch of text: an ID number is not also reported as a bank card.
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      if (!accept(match[0]) || allowed.has(piiKey(match[0]))) continue;
      taken.push([start, end]);
      matches.push({ kind, value: match[0], index: start });
    }
  }
  return matches.sort((a, b) => a.index - b.index);
}

/** 3201********1234: enough to find it again, not enough to spread it in a report. */
export function maskPii(value: string): string {
  if (value.includes('@')) {
    const [name = '', domain = ''] = value.split('@');
    return `${name.slice(0, 1)}***@${domain}`;
  }
  const chars = [...value];
  const digits = chars.filter((c) => /[\dXx]/.test(c)).length;
  let seen = 0;
  return chars.map((c) => (/[\dXx]/.test(c) && ++seen > 3 && seen <= digits - 4 ? '*' : c)).join('');
}
