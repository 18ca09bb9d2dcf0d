/**
 * `npm run import` as a function: read the sheet, plan, check the plan against a copy of the
 * content, and write only when every row is right. The command-line script prints the result;
 * tests call this directly too.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writePlan } from './apply';
import type { ImportCollection } from './columns';
import { readExisting } from './existing';
import { planImport, type Plan } from './plan';
import { readTable, TABLE_EXTENSIONS, type Table } from './read';
import type { RowProblem } from './rows';
import { validatePlan } from './validate';
import type { CheckOptions } from '../check/check-content';
import type { Problem } from '../check/problem';

export interface ImportOptions {
  collection: ImportCollection;
  /** The spreadsheet (absolute path). */
  file: string;
  contentDir: string;
  now: Date;
  privacyAllow?: readonly string[];
  /** The site config, for the checks that depend on it (point categories). */
  site?: CheckOptions['site'];
  /** Check and report only; write nothing. */
  dryRun?: boolean;
  /** Merge rows into the entries they match. */
  update?: boolean;
  /** How a content file (relative to the content folder) is named in messages. */
  showPath?: (path: string) => string;
}

export interface ImportResult {
  plan: Plan | undefined;
  /** Everything wrong with the sheet or its rows; errors mean nothing was written. */
  problems: RowProblem[];
  /** Problems the content had before the import. */
  preexisting: Problem[];
  /** Absolute paths of the files written (none on a dry run or with errors). */
  written: string[];
  /** True when there are no errors (on a dry run: when the import would succeed). */
  ok: boolean;
}

/** Why a file cannot be read as a spreadsheet, in Chinese. */
async function readSheet(file: string): Promise<Table | RowProblem> {
  const extension = path.extname(file).toLowerCase();
  if (!(TABLE_EXTENSIONS as readonly string[]).includes(extension)) {
    return {
      severity: 'error',
      message: `不能读取 ${extension || '没有扩展名的'} 文件：${path.basename(file)}`,
      hint:
        extension === '.xls' || extension === '.et' || extension === '.ods'
          ? '请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）或 CSV（逗号分隔）文件，再导入'
          : '只能导入 .xlsx（Excel 工作簿）或 .csv 文件',
    };
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    return { severity: 'error', message: `找不到文件 ${file}`, hint: '请检查文件名和所在文件夹；文件名有空格时请用引号括起来' };
  }
  try {
    return await readTable(bytes, extension);
  } catch (error) {
    return {
      severity: 'error',
      message: `无法读取 ${path.basename(file)}：${(error as Error).message.split('\n')[0]}`,
      hint: '文件可能已损坏，或者是改了扩展名的 .xls 文件：请在 Excel 中打开，另存为 .xlsx 后再导入',
    };
  }
}

/** Runs one import. Never throws on bad input; a failed write is rethrown after being undone. */
export async function runImport(options: ImportOptions): Promise<ImportResult> {
  const table = await readSheet(options.file);
  if (!('rows' in table)) return { plan: undefined, problems: [table], preexisting: [], written: [], ok: false };
  const plan = planImport({
    collection: options.collection,
    table,
    existing: readExisting(options.contentDir),
    update: options.update ?? false,
    sourceName: path.basename(options.file),
  });
  const hasErrors = (list: readonly RowProblem[]) => list.some((p) => p.severity === 'error');
  // Rows that could be read are checked even when others could not: one run shows every bad row.
  const validation =
    plan.headerRow === undefined
      ? { problems: [], preexisting: [] }
      : validatePlan(plan, {
          contentDir: options.contentDir,
          now: options.now,
          privacyAllow: options.privacyAllow ?? [],
          site: options.site,
          ...(options.showPath ? { showPath: options.showPath } : {}),
        });
  const problems = [...plan.problems, ...validation.problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const ok = !hasErrors(problems);
  const written = ok && !options.dryRun ? writePlan(plan.files, options.contentDir) : [];
  return { plan, problems, preexisting: validation.preexisting, written, ok };
}
