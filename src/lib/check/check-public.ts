/**
 * The content check of `public/`: Astro copies that folder into the site as it is, so the check
 * reads it as the privacy guard would read the site — what kind of file each one is, what its
 * metadata says, and the personal data in any text it holds — and reports it with the file and
 * a fix before anything is built. What passes here, the guard passes too.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
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
}

/** Every problem of the files in `public/`; an absent folder has none. */
export async function checkPublicFolder({ root, publicDir, allow }: PublicCheckOptions): Promise<Problem[]> {
  let files;
  try {
    files = listPublicFiles(publicDir);
  } catch {
    return [];
  }
  const problems: Problem[] = [];
  for (const { path: relative, rule } of files) {
    const file = displayPath(root, path.join(publicDir, relative));
    problems.push(...fileNameProblems(relative, file, allow));
    if (rule.verdict !== 'publish') {
      problems.push({ severity: rule.severity, code: 'public-file', file, message: rule.message, hint: rule.hint });
      continue;
    }
    const inspection = await inspectFile(relative, readFileSync(path.join(publicDir, relative)));
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
    for (const text of inspection.texts) {
      for (const { pii: match } of findInText(relative, text.text, { allow, canaries: [] })) {
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
