/**
 * Writes the spreadsheet templates for `npm run import` into docs/templates/: for each collection a
 * .csv (UTF-8 with BOM) and an .xlsx with drop-down lists for fixed choices and a 填写说明 sheet.
 * The columns come from src/lib/import/columns.ts; run this again after changing them:
 *   npx tsx scripts/make-import-templates.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { IMPORT_COLLECTIONS, IMPORT_LABELS, templateColumns, type ColumnSpec, type ImportCollection } from '../src/lib/import/columns';
import { templateRows, toCsv } from '../src/lib/import/templates';
import { columnLetter } from '../src/lib/import/columns';

const OUT = path.join(process.cwd(), 'docs', 'templates');
/** Rows that get the drop-down lists. */
const DATA_ROWS = 500;
/** A fixed date, so the files change only when their content does. */
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));

/** The values offered in a column's drop-down list, if it has one. */
function dropDown(spec: ColumnSpec): string[] | undefined {
  if (spec.kind === 'choice' && spec.choices) return Object.values(spec.choices);
  if (spec.kind === 'yesno') return ['是', '否'];
  return undefined;
}

function width(spec: ColumnSpec): number {
  if (spec.kind === 'body') return 60;
  if (['title', 'summary', 'awardedBy', 'metrics.label'].includes(spec.field)) return 32;
  if (spec.kind === 'officers' || spec.kind === 'units' || spec.kind === 'names') return 20;
  return 14;
}

async function workbook(collection: ImportCollection): Promise<ExcelJS.Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Honor Roll';
  book.created = FIXED_DATE;
  book.modified = FIXED_DATE;
  const columns = templateColumns(collection);
  const sheet = book.addWorksheet(IMPORT_LABELS[collection], { views: [{ state: 'frozen', ySplit: 1 }] });
  const [header, example] = templateRows(collection) as [string[], string[] | undefined];
  sheet.addRow(header);
  if (example) sheet.addRow(example);
  columns.forEach((spec, index) => {
    const column = sheet.getColumn(index + 1);
    column.width = width(spec);
    column.alignment = { vertical: 'top', wrapText: spec.kind === 'body' || spec.kind === 'text' };
    // Dates and ids typed into a General cell would be turned into numbers or dates by Excel.
    if (spec.kind === 'date' || spec.kind === 'month' || spec.kind === 'key') column.numFmt = '@';
    const cell = sheet.getCell(1, index + 1);
    cell.font = { bold: true, color: { argb: spec.required ? 'FFC00000' : 'FF000000' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F4' } };
    cell.note = `${spec.required ? '【必填】' : ''}${spec.note}`;
    const choices = dropDown(spec);
    if (choices) {
      // exceljs has range validations at runtime but not in its type definitions.
      (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
        `${columnLetter(index)}2:${columnLetter(index)}${DATA_ROWS}`,
        {
          type: 'list',
          allowBlank: true,
          formulae: [`"${choices.join(',')}"`],
          showErrorMessage: true,
          errorTitle: spec.header,
          error: `请从列表中选择：${choices.join('、')}`,
        },
      );
    }
  });

  const help = book.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', width: 14 },
    { header: '必填', width: 8 },
    { header: '怎么填', width: 80 },
    { header: '也可以写成', width: 36 },
  ];
  help.getRow(1).font = { bold: true };
  for (const spec of columns) {
    help.addRow([spec.header, spec.required ? '必填' : '', spec.note, spec.aliases.join('、')]).alignment = { wrapText: true, vertical: 'top' };
  }
  help.addRow([]);
  help.addRow([
    '',
    '',
    `第一个工作表的第一行是列名（表头），从第二行起每行一条；示例行请改成实际内容或删除。导入：npm run import -- ${collection} 文件名.xlsx`,
  ]);
  help.addRow(['', '', collection === 'points' ? '详见 docs/authoring-guide.md 第 17 节「积分和学习安排」。' : '详见 docs/authoring-guide.md 第 16 节「从表格批量导入」。']);
  return book.xlsx.writeBuffer();
}

mkdirSync(OUT, { recursive: true });
for (const collection of IMPORT_COLLECTIONS) {
  writeFileSync(path.join(OUT, `${collection}.csv`), toCsv(templateRows(collection)));
  writeFileSync(path.join(OUT, `${collection}.xlsx`), Buffer.from(await workbook(collection)));
  console.log(`✔ docs/templates/${collection}.csv、${collection}.xlsx`);
}
