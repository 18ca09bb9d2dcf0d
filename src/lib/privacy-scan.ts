/**
 * The privacy guard's reading of one published text: personal data and traces of unpublished
 * entries, looked for in the file's source (attributes, links, scripts) and, for a page, in the
 * text a reader sees (where markup can no longer split a name or a number). Pure: the guard
 * integration reads the files and decides what to do with the findings.
 */
import { findCanaryHits, pathWords, readingOf, type Canary } from './leak-canaries';
import { MARKUP, normalizeText } from './normalize-text';
import { pageText } from './page-text';
import { findPii, maskPii, PII_LABELS, type PiiMatch } from './pii';

export interface ScanRules {
  /** Traces of the entries the publishing rules left out. */
  canaries: readonly Canary[];
  /** Numbers and addresses that may be published (site config `privacy.allow`). */
  allow: readonly string[];
}

/** Whether a text is an HTML document: its page text is read as well as its source. */
export function isHtml(file: string, text: string): boolean {
  return /\.html?$/i.test(file) || /^\s*(?:<!doctype html|<html[\s>])/i.test(text.slice(0, 200));
}

/**
 * Attributes that hold drawing coordinates, not words: `d="m32 15 4.7 9.6 10.6 1.5"` is a star
 * in a favicon, and a QR code is hundreds of such numbers. Read as text they make phone numbers
 * out of nothing; nobody can read a number hidden in them either.
 */
const GEOMETRY = /\s(?:d|points|viewbox|transform|gradienttransform|patterntransform|x|y|x1|x2|y1|y2|cx|cy|r|rx|ry|dx|dy|fx|fy|width|height|offset|rotate|stroke-width|stroke-dasharray|stroke-dashoffset|stroke-miterlimit|font-size|opacity|fill-opacity|stroke-opacity|stop-opacity|kernelmatrix|values|keytimes|keysplines|stddeviation|basefrequency)\s*=\s*(?:"[^"]*"|'[^']*')/gi;

/** One thing found in a published text: personal data, or a trace of an unpublished entry. */
export type TextFinding = { pii: PiiMatch; canary?: never } | { canary: Canary; pii?: never };

/** What one published text holds that must not be published, each kind of finding once. */
export function findInText(file: string, text: string, { canaries, allow }: ScanRules): TextFinding[] {
  const findings = new Map<string, TextFinding>();
  const add = (key: string, finding: TextFinding) => findings.has(key) || findings.set(key, finding);
  const html = isHtml(file, text);
  const read = (source: string, { asSource }: { asSource: boolean }) => {
    // Normalised once, without origins: a finding is shown in its normalised form, masked.
    const plain = normalizeText(source, { origins: false }).text;
    // Markup that is text here (a feed's escaped HTML) splits no number for a reader either.
    const readings = html ? [plain] : [plain, plain.replace(MARKUP, '')];
    for (const reading of readings) for (const pii of findPii(reading, allow, { text: reading, origin: null })) add(`${pii.kind} ${maskPii(pii.value)}`, { pii });
    if (asSource) {
      for (const { canary } of findCanaryHits(plain, canaries, 'source')) add(canary.entry + canary.text, { canary });
    }
    // In a page's source, tags stay where they are: dropping them would join the last word of one
    // paragraph to the first of the next (the page text below reads across inline markup). Any
    // other text may carry markup as text (a feed's escaped HTML), which must not split a name.
    for (const { canary } of findCanaryHits(readingOf(plain, { markup: !html }), canaries, 'reading')) add(canary.entry + canary.text, { canary });
  };
  read(/<svg[\s>]/i.test(text) ? text.replace(GEOMETRY, ' ') : text, { asSource: true });
  if (html) read(pageText(text), { asSource: false });
  return [...findings.values()];
}

/** A finding as a Chinese sentence, the number masked. */
export function describeFinding(finding: TextFinding): string {
  if (finding.pii) return `含有${PII_LABELS[finding.pii.kind]}（${maskPii(finding.pii.value)}）`;
  const { canary } = finding;
  return `含有未公开条目 ${canary.entry} 的${canary.what}“${canary.text.length > 40 ? `${canary.text.slice(0, 40)}…` : canary.text}”`;
}

/** The findings in one published text, as Chinese sentences (each once). */
export function scanText(file: string, text: string, rules: ScanRules): string[] {
  return [...new Set(findInText(file, text, rules).map(describeFinding))];
}

/** The findings in a published file's path: a hidden person's id or a hidden entry's image name. */
export function scanPath(file: string, canaries: readonly Canary[]): string[] {
  return findCanaryHits(pathWords(file), canaries, 'path').map(({ canary }) => `文件名含有未公开条目 ${canary.entry} 的${canary.what}“${canary.text}”`);
}
