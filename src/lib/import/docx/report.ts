/**
 * What `npm run import -- docx` prints: what was (or would be) written, each picture with its
 * alt text, and every problem with the file and line it is in and what to do.
 */
import type { DocxImportResult } from './run';

export interface DocxReportOptions {
  /** The document's name as the clerk typed it. */
  source: string;
  dryRun: boolean;
  /** A file of the check (content/officers/x.md) or of the content folder (officers/x.md) as the clerk sees it. */
  showPath: (contentRelative: string) => string;
}

const inContent = (file: string) => file.replace(/^content\//, '');

export function formatDocxReport(result: DocxImportResult, { source, dryRun, showPath }: DocxReportOptions): string {
  const lines: string[] = [];
  const errors = result.problems.filter((p) => p.severity === 'error');
  const warnings = result.problems.filter((p) => p.severity === 'warning');
  const entry = result.entry;
  for (const problem of [...errors, ...warnings]) {
    const where = problem.file ? `${showPath(inContent(problem.file))}${problem.line ? ` 第 ${problem.line} 行` : ''}：` : '';
    lines.push(`${problem.severity === 'error' ? '✖' : '⚠'} ${where}${problem.message}`);
    if (problem.hint) lines.push(`    → ${problem.hint}`);
  }
  if (errors.length) {
    lines.push('');
    lines.push(
      result.asDraft && dryRun
        ? `试运行：因为加了 --draft，会按草稿写入 ${showPath(entry!.path)}（draft: true，不会发布）。`
        : result.asDraft
        ? `已按草稿写入（draft: true，不会发布）：${showPath(entry!.path)}。改好以上问题、删去 draft 一行后运行 npm run check。`
        : `✖ ${source} 没有导入，没有写入任何文件。请按上面的提示改正（或加 --draft 先存为草稿），然后重新运行。`,
    );
    if (!result.asDraft && entry && errors.some((p) => p.file)) {
      lines.push(`  行号指将要写入的 ${showPath(entry.path)}；用 --dry-run 可以先看到这个文件的全部内容。`);
    }
  }
  if (dryRun && entry) {
    lines.push('');
    lines.push(`—— 将要写入 ${showPath(entry.path)}（试运行，没有写入）——`);
    lines.push(entry.text.trimEnd());
    lines.push('——');
  }
  if (entry && (result.ok || dryRun)) {
    if (!dryRun && !result.asDraft) lines.push(`✔ 已${entry.created ? '新建' : '写入'} ${showPath(entry.path)}${result.title ? `（文档标题：${result.title}）` : ''}`);
    for (const picture of result.pictures) {
      lines.push(`  图 ${picture.number} → ${showPath(picture.path)}，放在正文中原来的位置；说明：${picture.alt ?? '（文档中没有，请填写）'}`);
    }
    if (result.toFillIn.length) {
      lines.push(`文档中没有写明、还要填写的（${showPath(entry.path)}）：`);
      for (const item of result.toFillIn) lines.push(`  第 ${item.line ?? '?'} 行：${item.message}`);
    }
    if (!dryRun) lines.push(`接下来：打开这个文件，${result.toFillIn.length ? '把所有“（请填写：…）”换成实际内容，' : '核对内容，'}然后运行 npm run check。`);
  }
  return lines.join('\n');
}
