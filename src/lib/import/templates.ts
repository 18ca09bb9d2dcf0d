/**
 * The import templates in docs/templates/: a header row from the column tables and one example
 * row of facts from the sample content. CSV templates are UTF-8 with a byte-order mark and CRLF
 * line ends, which is what Excel needs to open Chinese text correctly.
 */
import { templateColumns, TEMPLATE_EXAMPLES, type ImportCollection } from './columns';

/** Header row and example row of a collection's template (the header alone when there is no example). */
export function templateRows(collection: ImportCollection): string[][] {
  const columns = templateColumns(collection);
  const example = columns.map((c) => TEMPLATE_EXAMPLES[collection][c.field] ?? '');
  return [columns.map((c) => c.header), ...(example.some((cell) => cell !== '') ? [example] : [])];
}

/** One CSV field: quoted when it holds a comma, a quote or a line break. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV text as Excel writes it: BOM first, CRLF between rows. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
