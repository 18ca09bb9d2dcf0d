/**
 * The content check of `public/`: Astro copies that folder into the site as it is, so the check
 * reads it as the privacy guard would read the site — what kind of file each one is, what its
 * metadata says, and the personal data in any text it holds — and reports it with the file and
 * a fix before anything is built. What passes here, the guard passes too.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { filesUnder } from '../guard-site';
import { findCanaryHits, pathWords, type Canary } from '../leak-canaries';
import { traceProblem, type HiddenTraces } from './hidden-traces';
import { lineAtOffset } from './yaml-guard';
import { inspectFile, FILE_KIND_LABELS } from '../published-file';
import { listPublicFiles } from '../public-folder';
import { maskPii, PII_LABELS } from '../pii';
import { fileNameProblems } from './text-problems';
import { findInText } from '../privacy-scan';
import { displayPath, type Problem } from './problem';

export interface PublicCheckOptions {
  /** Project folder: paths in messages are relative to it. */
  root: string;
  /** The folder copied into the site. */
  publicDir: string;
  /** Numbers and addresses that may be published (site config `privacy.allow`). */
  allow: readonly string[];
  /** What the guard will look for of the unpublished entries (from the content check): not in a name or a text here either. */
  traces?: HiddenTraces | undefined;
  /** The content folder: no file here may be one of its files as it was uploaded (the guard refuses those in the site). */
  contentDir?: string;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * The files of the content folder by size, every one as the guard lists them (hidden ones too):
 * only those of a public file's size are read and compared.
 */
function contentBySize(contentDir: string): Map<number, string[]> {
  const bySize = new Map<number, string[]>();
  let files: string[];
  try {
    files = filesUnder(contentDir);
  } catch {
    return bySize;
  }
  for (const file of files) {
    const absolute = path.join(contentDir, file);
    const size = statSync(absolute).size;
    bySize.set(size, [...(bySize.get(size) ?? []), absolute]);
  }
  return bySize;
}

/** Every problem of the files in `public/`; an absent folder has none. */
export async function checkPublicFolder({ root, publicDir, allow, traces, contentDir }: PublicCheckOptions): Promise<Problem[]> {
  let files;
  try {
    files = listPublicFiles(publicDir);
  } catch {
    return [];
  }
  const problems: Problem[] = [];
  const canaries = traces?.canaries ?? [];
  let originals: Map<number, string[]> | undefined;
  for (const { path: relative, rule } of files) {
    const file = displayPath(root, path.join(publicDir, relative));
    problems.push(...fileNameProblems(relative, file, allow));
    if (rule.verdict !== 'publish') {
      problems.push({ severity: rule.severity, code: 'public-file', file, message: rule.message, hint: rule.hint });
      continue;
    }
    const bytes = readFileSync(path.join(publicDir, relative));
    // Copied as it is, the file keeps its name in the site: a hidden person's id in it is a trace.
    if (traces) {
      for (const { canary } of findCanaryHits(pathWords(relative), canaries, 'path')) {
        problems.push(traceProblem(traces, canary, { file, within: '文件名中', hint: '请给这个文件改名（名字中不要含有未公开人物的拼音），或删掉它：public/ 中的文件会原样发布' }));
      }
    }
    if (contentDir) {
      originals ??= contentBySize(contentDir);
      const hash = sha256(bytes);
      const same = (originals.get(bytes.byteLength) ?? []).find((original) => sha256(readFileSync(original)) === hash);
      if (same) {
        problems.push({
          severity: 'error',
          code: 'public-file',
          file,
          message: `与 ${displayPath(root, same)} 是同一个文件：上传的原始文件不能原样发布（原图可能带有拍摄位置等信息）`,
          hint: `图片请先用 npm run photo 处理（缩小尺寸、去除拍摄位置等信息）再使用；如果只是多放了一份，请删掉 ${file}`,
        });
      }
    }
    const inspection = await inspectFile(relative, bytes);
    if (!rule.kinds.includes(inspection.kind)) {
      problems.push({
        severity: 'error',
        code: 'public-file',
        file,
        message: `文件内容是${FILE_KIND_LABELS[inspection.kind]}，与文件名 ${path.posix.basename(relative)} 不符`,
        hint: '请换成真正的该类型文件；伪装成图片的网页或脚本可能被浏览器执行',
      });
    }
    for (const problem of inspection.problems) {
      problems.push({ severity: 'error', code: 'public-file', file, message: problem.message, hint: problem.hint });
    }
    // One trace once per file, though the file's source and its SVG text both show it.
    const traced = new Set<Canary>();
    for (const text of inspection.texts) {
      for (const { pii: match, canary } of findInText(relative, text.text, { allow, canaries })) {
        if (canary && traces && !traced.has(canary)) {
          traced.add(canary);
          const within = text.source === 'content' ? '' : `${text.where}中`;
          // In a text file (an SVG), the line where it stands as written, when it is written plainly.
          const at = text.source === 'content' ? text.text.indexOf(canary.text) : -1;
          const line = at === -1 ? undefined : lineAtOffset(text.text, at);
          problems.push(traceProblem(traces, canary, { file, line, within, hint: '请从这个文件中删掉这段文字，或删掉这个文件：public/ 中的文件会原样发布' }));
        }
        if (!match) continue;
        problems.push({
          severity: 'error',
          code: 'personal-data',
          file,
          field: text.where,
          value: maskPii(match.value),
          message: `${text.where}中含有${PII_LABELS[match.kind]}（${maskPii(match.value)}），不能公开发布`,
          hint: '请删除这个文件中的个人信息；图片请重新导出（不保留元数据）。如果这是可以公开的号码（如服务热线），请把它加入 site.config.yaml 的 privacy.allow',
        });
      }
    }
  }
  return problems;
}
