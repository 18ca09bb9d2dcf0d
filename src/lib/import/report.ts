/**
 * The import report, for clerks: which rows became which files, which were already there, and for
 * every bad row the row number and column as Excel shows them, what is wrong and what to do.
 */
import { IMPORT_LABELS } from './columns';
import type { RowOutcome } from './plan';
import type { ImportResult } from './run';
import type { RowProblem } from './rows';

export interface ImportReportOptions {
  /** The spreadsheet's name as the clerk typed it. */
  source: string;
  /** The command to run again, for the last line. */
  command: string;
  /** The report is read in the editor, where the next steps are buttons, not commands. */
  editor?: boolean;
  dryRun: boolean;
  update: boolean;
  /** A content file (relative to the content folder) as shown to the clerk: `src/content/honors/x.md`. */
  showPath: (path: string) => string;
  color?: boolean;
}

const paint = (on: boolean, code: number, text: string) => (on ? `\x1b[${code}m${text}\x1b[0m` : text);

const ENCODINGS = { 'UTF-8': 'UTF-8 编码', GBK: 'GBK 编码', 'UTF-16': 'UTF-16 编码', xlsx: 'Excel 工作簿' } as const;

function rowList(rows: readonly number[]): string {
  return `第 ${rows.join('、')} 行`;
}

/** Identical problems of several rows (a missing column) are said once, with all their rows. */
function problemLines(problems: readonly RowProblem[], color: boolean): string[] {
  const groups: { problem: RowProblem; rows: number[] }[] = [];
  for (const problem of problems) {
    const same = groups.find(
      (g) =>
        g.problem.severity === problem.severity &&
        g.problem.column === problem.column &&
        g.problem.message === problem.message &&
        g.problem.hint === problem.hint &&
        g.problem.row !== undefined &&
        problem.row !== undefined,
    );
    if (same) same.rows.push(problem.row!);
    else groups.push({ problem, rows: problem.row === undefined ? [] : [problem.row] });
  }
  const lines: string[] = [];
  for (const { problem, rows } of groups) {
    const where = [rows.length ? rowList(rows) : '', problem.column ? `列「${problem.column}」` : ''].filter(Boolean).join('，');
    const mark = problem.severity === 'error' ? paint(color, 31, '✖') : paint(color, 33, '⚠');
    lines.push(`  ${mark} ${where ? `${where}：` : ''}${problem.message}`);
    if (problem.hint) lines.push(`      怎么改：${problem.hint}`);
  }
  return lines;
}

function outcomeLines(outcomes: readonly RowOutcome[], showPath: (p: string) => string, withReason: boolean): string[] {
  // Rows of one stats file are listed together.
  const byPath = new Map<string, RowOutcome[]>();
  for (const o of outcomes) byPath.set(o.path ?? '', [...(byPath.get(o.path ?? '') ?? []), o]);
  return [...byPath.entries()].map(([file, list]) => {
    const reason = withReason && list[0]!.reason ? `（${list[0]!.reason}）` : '';
    return `  ${rowList(list.map((o) => o.row))} → ${showPath(file)}${reason}`;
  });
}

/** The whole report, ready to print. */
export function formatImportReport(result: ImportResult, options: ImportReportOptions): string {
  const { plan, problems } = result;
  const color = options.color ?? false;
  const lines: string[] = [];
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const outcomes = plan?.outcomes ?? [];

  if (plan) {
    const details = [ENCODINGS[plan.encoding], plan.headerRow && plan.headerRow > 1 ? `表头在第 ${plan.headerRow} 行` : '', `${outcomes.length} 行数据`];
    lines.push(`导入${IMPORT_LABELS[plan.collection]}（${plan.collection}）：${options.source}（${details.filter(Boolean).join('，')}）`, '');
  } else {
    lines.push(`导入：${options.source}`, '');
  }

  if (errors.length) {
    lines.push(paint(color, 31, `✖ 发现 ${errors.length} 个错误，没有写入任何文件（要么全部导入，要么都不导入）：`), '');
    lines.push(...problemLines([...errors, ...warnings], color), '');
    const bad = new Set(errors.flatMap((p) => (p.row !== undefined && p.row !== plan?.headerRow ? [p.row] : [])));
    const good = outcomes.filter((o) => !bad.has(o.row)).length;
    if (plan && outcomes.length) lines.push(`有问题的行：${bad.size} 行；其余 ${good} 行没有发现问题。`);
    lines.push(options.editor ? '改正表格后再导入一次。' : `改正表格后重新运行：${options.command}`);
    return lines.join('\n');
  }

  const of = (status: RowOutcome['status']) => outcomes.filter((o) => o.status === status);
  const created = of('create');
  const updated = of('update');
  const unchanged = of('unchanged');
  const exists = of('exists');
  const files = (list: readonly RowOutcome[]) => new Set(list.map((o) => o.path)).size;
  const verb = options.dryRun ? '将' : '已';

  if (created.length) lines.push(`${verb}新建 ${files(created)} 个文件：`, ...outcomeLines(created, options.showPath, false), '');
  if (updated.length)
    lines.push(`${verb}更新 ${files(updated)} 个文件（只改表格中填了的字段，正文和其他字段不变）：`, ...outcomeLines(updated, options.showPath, true), '');
  if (unchanged.length) lines.push(`已存在且内容相同，无需更新 ${files(unchanged)} 个：`, ...outcomeLines(unchanged, options.showPath, true), '');
  if (exists.length) {
    lines.push(`已存在，跳过 ${files(exists)} 个：`, ...outcomeLines(exists, options.showPath, true));
    if (!options.update) lines.push('  要用表格中的内容更新这些条目，请加上 --update。');
    lines.push('');
  }
  if (warnings.length) lines.push(paint(color, 33, `⚠ ${warnings.length} 个提醒（不影响导入）：`), ...problemLines(warnings, color), '');

  const before = result.preexisting;
  if (before.length) {
    const e = before.filter((p) => p.severity === 'error').length;
    const counts = [e ? `${e} 个错误` : '', before.length - e ? `${before.length - e} 个提醒` : ''].filter(Boolean).join('、');
    lines.push(paint(color, 33, `⚠ 原有内容中已有 ${counts}，与本次导入无关；${options.editor ? '在条目列表中用“有问题”筛选查看' : '运行 npm run check 查看'}。`), '');
  }

  const summary = `新建 ${files(created)} 个，更新 ${files(updated)} 个，已存在 ${files(exists) + files(unchanged)} 个`;
  if (options.dryRun) {
    lines.push(options.editor ? `只检查：${summary}。没有写入任何文件；点“导入”即可写入。` : `试运行（--dry-run）：${summary}。没有写入任何文件；去掉 --dry-run 即可写入。`);
  } else if (result.written.length) {
    lines.push(paint(color, 32, `✔ 导入完成：${summary}。`), options.editor ? '接下来：在“发布与回退”中发布网站。' : '接下来：运行 npm run check 确认，再 npm run build 生成网站。');
  } else {
    lines.push(`✔ 没有需要写入的内容：${summary}。`);
  }
  return lines.join('\n');
}
