/**
 * Reading a spreadsheet into rows of text cells, numbered as Excel numbers them (the first row is
 * row 1). CSV files come in UTF-8 (with or without BOM), in GBK, which is how Excel in China saves
 * "CSV (逗号分隔)", or in UTF-16 ("Unicode 文本", tab-separated); `.xlsx` workbooks are read with
 * exceljs. Every cell becomes a string, so both formats go through the same checks.
 */
import { decodeTextFile } from '../published-file/text-encoding';
import { parse } from 'csv-parse/sync';
// exceljs takes about a second to load: it is read only when a workbook is (a .csv import never waits for it).
import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/** One non-empty row: its Excel row number and its cells by 0-based column. */
export interface TableRow {
  row: number;
  cells: string[];
}

/** A cell that could not be read (a formula error such as #REF!). */
export interface CellProblem {
  row: number;
  /** 0-based column. */
  column: number;
  message: string;
  hint: string;
}

export interface Table {
  /** Non-empty rows only: empty rows in the middle and at the end are skipped. */
  rows: TableRow[];
  /** How the file was decoded, for the report: UTF-8, GBK, UTF-16 or xlsx. */
  encoding: 'UTF-8' | 'GBK' | 'UTF-16' | 'xlsx';
  problems: CellProblem[];
}

/**
 * The text of a CSV file. A UTF-8 or UTF-16 byte-order mark decides; otherwise the bytes are
 * tried as UTF-8 (strictly: one invalid sequence and it is not UTF-8) and then read as GBK —
 * as GB18030, its superset, so characters outside GBK such as 𠮷 survive too.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'UTF-8' | 'GBK' | 'UTF-16' } {
  // The same reading as the privacy scan's (published-file/text-encoding.ts); a sheet that looks
  // binary there is still read, as GBK, so the import can say what is wrong with its rows.
  const decoded = decodeTextFile(bytes);
  if (!decoded) return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'GBK' };
  return { text: decoded.text, encoding: decoded.encoding === 'utf-8' ? 'UTF-8' : decoded.encoding === 'gb18030' ? 'GBK' : 'UTF-16' };
}

const isEmptyRow = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

/**
 * Rows of CSV text. The delimiter is a comma, or a tab when the first line has tabs and no
 * commas (Excel's "Unicode 文本"). A cell with line breaks (Alt+Enter) stays one cell, and the
 * row numbers still follow Excel's: the n-th record is row n.
 */
export function parseCsv(text: string): TableRow[] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const records = parse(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    bom: true,
  }) as string[][];
  return records.map((cells, index) => ({ row: index + 1, cells })).filter((row) => !isEmptyRow(row.cells));
}

/** Reads a CSV file's bytes. */
export function readCsv(bytes: Uint8Array): Table {
  const { text, encoding } = decodeText(bytes);
  return { rows: parseCsv(text), encoding, problems: [] };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date cell at the precision its number format shows: a cell formatted 2020年4月 is the month
 * 2020-04, not the first of April. Excel stores dates as days, which exceljs turns into UTC
 * midnights, so the UTC fields are the date as shown.
 */
function dateText(date: Date, numFmt: string | undefined): string {
  const format = (numFmt ?? '').replace(/"[^"]*"|\\./g, '').toLowerCase();
  const y = date.getUTCFullYear();
  const m = pad(date.getUTCMonth() + 1);
  const d = pad(date.getUTCDate());
  if (format && !/d/.test(format) && /m/.test(format)) return `${y}-${m}`;
  if (format && !/[md]/.test(format) && /y/.test(format)) return `${y}`;
  return `${y}-${m}-${d}`;
}

/** 0.30000000000000004 → 0.3: what Excel shows, not the binary value behind it. */
const numberText = (n: number) => String(Number(n.toPrecision(15)));

type CellOutcome = { text: string; error?: string };

/** Any exceljs cell value as text: rich text joined, hyperlinks as their text, formulas as their result. */
export function cellText(value: ExcelJS.CellValue, numFmt?: string): CellOutcome {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') return { text: numberText(value) };
  if (typeof value === 'boolean') return { text: value ? '是' : '否' };
  if (value instanceof Date) return { text: Number.isNaN(value.getTime()) ? '' : dateText(value, numFmt) };
  if ('richText' in value) return { text: value.richText.map((run) => run.text).join('') };
  if ('error' in value) return { text: '', error: value.error };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    if (result !== undefined && result !== null && typeof result === 'object' && 'error' in result) return { text: '', error: result.error };
    return cellText(result ?? null, numFmt);
  }
  if ('hyperlink' in value) {
    const text = (value as { text?: unknown }).text;
    if (typeof text === 'string') return { text };
    if (text && typeof text === 'object') return cellText(text as ExcelJS.CellValue, numFmt);
    return { text: value.hyperlink };
  }
  return { text: String(value) };
}

/**
 * Rows of the first worksheet of an .xlsx workbook. A merged cell reads as its top-left cell
 * everywhere it covers, so a header merged across two columns names both, and a value merged down
 * several rows (the same 授予单位 for a block of honours) belongs to each of them.
 */
export async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  const rows: TableRow[] = [];
  const problems: CellProblem[] = [];
  if (!sheet) return { rows, encoding: 'xlsx', problems };
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      const source = cell.isMerged ? cell.master : cell;
      const { text, error } = cellText(source.value, source.numFmt);
      cells.push(text);
      if (error) {
        problems.push({ row: r, column: c - 1, message: `单元格的公式出错（${error}），读不出值`, hint: '请在 Excel 中改正这个公式，或直接填写数值' });
      }
    }
    while (cells.length > 0 && cells[cells.length - 1]!.trim() === '') cells.pop();
    if (!isEmptyRow(cells)) rows.push({ row: r, cells });
  }
  return { rows, encoding: 'xlsx', problems };
}

/** The spreadsheet formats the importer reads, by file extension. */
export const TABLE_EXTENSIONS = ['.csv', '.xlsx'] as const;

/** Reads a spreadsheet file's bytes by its extension (`.csv` or `.xlsx`). */
export async function readTable(bytes: Uint8Array, extension: string): Promise<Table> {
  return extension.toLowerCase() === '.xlsx' ? readXlsx(bytes) : readCsv(bytes);
}
