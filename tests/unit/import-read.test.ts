import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { cellText, decodeText, parseCsv, readCsv, readXlsx } from '../../src/lib/import/read';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeText finds the encoding Excel used', () => {
  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('荣誉名称,日期')]);
    expect(decodeText(bytes)).toEqual({ text: '荣誉名称,日期', encoding: 'UTF-8' });
  });

  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(utf8('王祥,辅警'))).toEqual({ text: '王祥,辅警', encoding: 'UTF-8' });
  });

  it('reads GBK, which is not valid UTF-8', () => {
    const bytes = iconv.encode('姓名,单位\n单雄信,东进警务站\n', 'gbk');
    expect(decodeText(bytes)).toEqual({ text: '姓名,单位\n单雄信,东进警务站\n', encoding: 'GBK' });
  });

  it('reads characters outside GBK from a GB18030 file', () => {
    const bytes = iconv.encode('王𠮷', 'gb18030');
    expect(decodeText(bytes)).toEqual({ text: '王𠮷', encoding: 'GBK' });
  });

  it('reads UTF-16 ("Unicode 文本") by its BOM', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...iconv.encode('姓名\t单位', 'utf-16le')]);
    expect(decodeText(bytes)).toEqual({ text: '姓名\t单位', encoding: 'UTF-16' });
  });
});

describe('parseCsv numbers rows as Excel does', () => {
  it('keeps a multi-line cell in one row, and skips empty rows without renumbering', () => {
    const rows = parseCsv('荣誉名称,事迹\r\n个人嘉奖,"第一段\r\n第二段"\r\n\r\n,\r\n集体嘉奖,"说""好"""\r\n');
    expect(rows).toEqual([
      { row: 1, cells: ['荣誉名称', '事迹'] },
      { row: 2, cells: ['个人嘉奖', '第一段\r\n第二段'] },
      { row: 5, cells: ['集体嘉奖', '说"好"'] },
    ]);
  });

  it('reads tab-separated text', () => {
    expect(parseCsv('姓名\t单位\n王祥\tdongjin')).toEqual([
      { row: 1, cells: ['姓名', '单位'] },
      { row: 2, cells: ['王祥', 'dongjin'] },
    ]);
  });

  it('accepts rows of different lengths', () => {
    expect(readCsv(utf8('a,b,c\n1\n')).rows).toEqual([
      { row: 1, cells: ['a', 'b', 'c'] },
      { row: 2, cells: ['1'] },
    ]);
  });
});

describe('cellText turns every kind of Excel cell into text', () => {
  it.each<[string, ExcelJS.CellValue, string | undefined, string]>([
    ['a number', 95000, undefined, '95000'],
    ['a float with binary noise', 0.1 + 0.2, undefined, '0.3'],
    ['a boolean', true, undefined, '是'],
    ['a date', new Date(Date.UTC(2020, 5, 18)), 'yyyy-mm-dd', '2020-06-18'],
    ['a date shown as a month', new Date(Date.UTC(2020, 3, 1)), 'yyyy"年"m"月"', '2020-04'],
    ['a date shown as a year', new Date(Date.UTC(2019, 0, 1)), 'yyyy"年"', '2019'],
    ['rich text', { richText: [{ text: '王' }, { font: { bold: true }, text: '祥' }] }, undefined, '王祥'],
    ['a formula', { formula: 'A1&B1', result: '刁爱清' }, undefined, '刁爱清'],
    ['a formula with a date result', { formula: 'DATE(2020,6,18)', result: new Date(Date.UTC(2020, 5, 18)) }, 'yyyy/m/d', '2020-06-18'],
    ['a hyperlink', { text: '报道', hyperlink: 'https://example.com' }, undefined, '报道'],
    ['an empty cell', null, undefined, ''],
  ])('%s', (_, value, numFmt, expected) => {
    expect(cellText(value, numFmt)).toEqual({ text: expected });
  });

  it('reports a formula error', () => {
    expect(cellText({ formula: 'VLOOKUP(A1,B:C,2)', result: { error: '#N/A' } } as ExcelJS.CellValue)).toEqual({ text: '', error: '#N/A' });
  });
});

describe('readXlsx', () => {
  it('reads merged header cells as their value, skips empty rows and reports formula errors', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('荣誉');
    sheet.addRow(['2020年荣誉统计表']);
    sheet.mergeCells('A1:D1');
    sheet.addRow(['荣誉名称', '获奖人物', null, '日期']);
    sheet.mergeCells('B2:C2');
    sheet.addRow(['个人嘉奖', '王祥', '刁爱清', new Date(Date.UTC(2020, 5, 18))]);
    sheet.addRow(['集体嘉奖', { formula: 'X1', result: { error: '#REF!' } }, null, 2020]);
    // Merged down two rows: both rows have it.
    sheet.mergeCells('A3:A4');
    sheet.addRow([]);
    sheet.addRow([null, '  ']);
    sheet.getCell('F9').value = null;
    const table = await readXlsx(new Uint8Array(await book.xlsx.writeBuffer()));
    expect(table.encoding).toBe('xlsx');
    expect(table.rows).toEqual([
      { row: 1, cells: ['2020年荣誉统计表', '2020年荣誉统计表', '2020年荣誉统计表', '2020年荣誉统计表'] },
      { row: 2, cells: ['荣誉名称', '获奖人物', '获奖人物', '日期'] },
      { row: 3, cells: ['个人嘉奖', '王祥', '刁爱清', '2020-06-18'] },
      { row: 4, cells: ['个人嘉奖', '', '', '2020'] },
    ]);
    expect(table.problems).toEqual([{ row: 4, column: 1, message: '单元格的公式出错（#REF!），读不出值', hint: expect.any(String) }]);
  });

  it('refuses a file that is not a workbook', async () => {
    await expect(readXlsx(utf8('not a zip'))).rejects.toThrow();
  });
});
