/**
 * The privacy guard's reading of a finished site: every file, whatever its extension or none, as
 * what its bytes say it is (see published-file.ts) — pages in their source and as a reader sees
 * them, compressed copies opened, images down to their metadata, SVG down to its scripts — and
 * every file's name. Returns the findings; the build integration decides to stop.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { GuardCache } from './guard-cache';
import { inspectFile } from './published-file';
import { listPublicFiles, publicFileRule } from './public-folder';
import { findPii, maskPii, PII_LABELS } from './pii';
import { describeFinding, findInText, scanPath, type ScanRules } from './privacy-scan';

export interface GuardRules extends ScanRules {
  /** SHA-256 of every file in the content folder: none may be published as it was uploaded. */
  originals: ReadonlySet<string>;
  /**
   * The files Astro copied from public/, by their path in the site: they must be what the public
   * folder may hold (the check refuses the rest; the guard makes sure nothing got past it).
   */
  publicFiles?: ReadonlySet<string>;
}

export interface GuardFinding {
  /** Path of the file in the site, with `/` separators. */
  file: string;
  message: string;
  /** What to do, in Chinese, when it is more specific than the guard's general advice. */
  hint?: string;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Every file under `dir`, relative, with `/` separators, sorted. */
export function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

/** The SHA-256 of every file under `dir`, for recognising an upload copied as it is. */
export function hashesOf(dir: string): Set<string> {
  try {
    return new Set(filesUnder(dir).map((f) => sha256(readFileSync(path.join(dir, f)))));
  } catch {
    return new Set();
  }
}

/** `officers/wang-xiang/index.html` → the entry page it is, for the message. */
function pageOf(file: string): string {
  const match = /^([a-z]+)\/([a-z0-9-]+)\/index\.html$/.exec(file);
  return match ? `（页面 ${match[1]}/${match[2]}）` : '';
}

const SEGMENTED_INDEX = /^pagefind\/index\//;

/** What one file of the site holds that must not be published. */
export async function guardFile(file: string, bytes: Uint8Array, rules: GuardRules): Promise<GuardFinding[]> {
  return [...originalCopy(file, bytes, rules), ...(await fileFindings(file, bytes, rules))];
}

/**
 * An uploaded original copied as it is. Looked for in every file on every build, never cached:
 * the originals change with every edit of the content (an entry's .md is one of them), and would
 * otherwise make every edit a full guard.
 */
function originalCopy(file: string, bytes: Uint8Array, rules: GuardRules): GuardFinding[] {
  return rules.originals.has(sha256(bytes)) ? [{ file, message: '是上传的原始文件，未经处理（原图可能带有拍摄位置等信息）' }] : [];
}

/** The rules the guard cache is keyed by: all but the originals, which are looked for every time. */
export function cachedRules(rules: GuardRules): Omit<GuardRules, 'originals'> {
  const { originals: _, ...rest } = rules;
  return rest;
}

/** Everything the guard finds in a file but an uploaded original: a function of the file and cachedRules(rules). */
async function fileFindings(file: string, bytes: Uint8Array, rules: GuardRules): Promise<GuardFinding[]> {
  const findings: GuardFinding[] = [];
  for (const message of scanPath(file, rules.canaries)) findings.push({ file, message });
  for (const match of findPii(file, rules.allow)) findings.push({ file, message: `文件名含有${PII_LABELS[match.kind]}（${maskPii(match.value)}）` });
  if (rules.publicFiles?.has(file)) {
    const rule = publicFileRule(file);
    if (rule.verdict !== 'publish') findings.push({ file, message: `来自 public/：${rule.message}`, hint: rule.hint });
  }
  const inspection = await inspectFile(file, bytes);
  for (const problem of inspection.problems) findings.push({ file, message: problem.message, hint: problem.hint });
  const seen = new Set<string>();
  // Pagefind's word index holds the words of the pages as segmented for search, where a public
  // 贾明华 may be stored as 贾明 + 华: a hidden 贾明 found there means nothing. The same pages' text
  // is in the fragment files, which are read whole; numbers are still looked for in the index.
  const textRules = SEGMENTED_INDEX.test(file) ? { ...rules, canaries: [] } : rules;
  for (const text of inspection.texts) {
    for (const finding of findInText(file, text.text, textRules)) {
      const where = text.source === 'content' ? '' : `${text.where}中`;
      const message = `${where}${describeFinding(finding)}${pageOf(file)}`;
      if (!seen.has(message)) findings.push({ file, message });
      seen.add(message);
    }
  }
  return findings;
}

/** Files read at once: sharp decodes on its own threads, so a few in flight keep the cores busy. */
const IN_FLIGHT = 8;

/**
 * Every finding in the site under `outDir`, in file order. With a cache (opened with the key of
 * cachedRules(rules), see guard-cache.ts), a file found clean by an earlier build under the same
 * rules is not read again.
 */
export async function guardSite(outDir: string, rules: GuardRules, cache?: GuardCache): Promise<GuardFinding[]> {
  const files = filesUnder(outDir);
  const results: GuardFinding[][] = new Array(files.length);
  let next = 0;
  const guard = async (file: string): Promise<GuardFinding[]> => {
    const bytes = readFileSync(path.join(outDir, file));
    const original = originalCopy(file, bytes, rules);
    if (cache?.isClean(file, bytes)) return original;
    const findings = await fileFindings(file, bytes, rules);
    if (findings.length === 0) cache?.markClean(file, bytes);
    return [...original, ...findings];
  };
  const worker = async () => {
    for (let i = next++; i < files.length; i = next++) results[i] = await guard(files[i]!);
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return results.flat();
}

/** The paths in the site of the files copied from `publicDir` (none when there is no such folder). */
export function publicFilesOf(publicDir: string): Set<string> {
  try {
    return new Set(listPublicFiles(publicDir).map((f) => f.path));
  } catch {
    return new Set();
  }
}
