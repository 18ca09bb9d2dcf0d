/**
 * Prints problems for people: grouped by file, Chinese first, the field and value on their own
 * lines, and what to do last.
 */
import type { Problem } from './problem';

export interface ReportOptions {
  /** 'build' adds the reminder that the previous site was kept. */
  context?: 'build' | 'check';
  /** Wrap severity markers in ANSI colours (for terminals). */
  color?: boolean;
}

const paint = (on: boolean, code: number, text: string) => (on ? `\x1b[${code}m${text}\x1b[0m` : text);

/** The whole report: a summary line, then each file with its problems. Empty when all is well. */
export function formatReport(problems: readonly Problem[], { color = false, context = 'check' }: ReportOptions = {}): string {
  if (problems.length === 0) return '';
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const files = new Map<string, Problem[]>();
  for (const p of problems) files.set(p.file, [...(files.get(p.file) ?? []), p]);

  const lines: string[] = [];
  const counts = [errors ? `${errors} 个错误` : '', warnings ? `${warnings} 个提醒` : ''].filter(Boolean).join('、');
  lines.push(`内容检查发现 ${counts}，涉及 ${files.size} 个文件：`, '');
  for (const [file, list] of files) {
    lines.push(paint(color, 1, file));
    for (const p of list) {
      const mark = p.severity === 'error' ? paint(color, 31, '✖ 错误') : paint(color, 33, '⚠ 提醒');
      const where = [p.line ? `第 ${p.line} 行` : '', p.field ? `字段 ${p.field}` : ''].filter(Boolean).join('，');
      lines.push(`  ${mark}${where ? `（${where}）` : ''}：${p.message}`);
      if (p.value !== undefined && !p.message.includes(p.value)) lines.push(`    当前值：${p.value}`);
      if (p.hint) lines.push(`    怎么改：${p.hint.replace(/\n/g, '\n    ')}`);
      lines.push(`    [${p.code}] ${p.file}${p.line ? `:${p.line}` : ''}`);
    }
    lines.push('');
  }
  if (errors && context === 'build') lines.push('网站没有更新：上一次成功生成的网站保持不变。修改以上错误后重新运行 npm run build。');
  if (errors && context === 'check') lines.push('修改以上错误后重新运行 npm run check。');
  return lines.join('\n');
}
