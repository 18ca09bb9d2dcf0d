import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeField } from '../../src/lib/check/zod-issues';
import {
  columnLetter,
  IMPORT_COLLECTIONS,
  IMPORT_COLUMNS,
  matchHeader,
  normaliseHeader,
  resolveHeaders,
  TEMPLATE_EXAMPLES,
  templateColumns,
} from '../../src/lib/import/columns';
import { readXlsx } from '../../src/lib/import/read';
import { templateRows, toCsv } from '../../src/lib/import/templates';
import { COLLECTIONS } from '../../src/schemas/index';
import { testContext } from './helpers/schema-context';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe.each(IMPORT_COLLECTIONS)('the %s columns', (collection) => {
  const columns = IMPORT_COLUMNS[collection];

  it('name fields of the collection schema (each has its Chinese label there)', () => {
    const schema = COLLECTIONS[collection].schema(testContext);
    for (const column of columns.filter((c) => c.field !== 'body' && c.field !== 'id')) {
      const fieldPath = column.field.split('.').flatMap((part, i) => (i === 0 && (part === 'metrics' || part === 'entries') ? [part, 0] : [part]));
      expect(describeField(schema, fieldPath), column.field).toBeTruthy();
    }
  });

  it('have headers and aliases that name one column each', () => {
    const all = columns.flatMap((c) => [c.header, ...c.aliases].map(normaliseHeader));
    expect(new Set(all).size).toBe(all.length);
  });

  it('accept the Chinese header and the English field name', () => {
    for (const column of columns) {
      expect(matchHeader(collection, column.header)).toBe(column);
      if (column.field !== 'body' && column.field !== 'id') expect(matchHeader(collection, column.field)).toBe(column);
    }
  });

  it('give the template example only fields that are columns', () => {
    const fields = templateColumns(collection).map((c) => c.field);
    expect(Object.keys(TEMPLATE_EXAMPLES[collection]).filter((f) => !fields.includes(f))).toEqual([]);
  });

  it('are the header of the shipped templates, and the CSV template is UTF-8 with BOM', async () => {
    const csv = readFileSync(path.join(ROOT, 'docs', 'templates', `${collection}.csv`));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toBe(toCsv(templateRows(collection)));
    const xlsx = await readXlsx(readFileSync(path.join(ROOT, 'docs', 'templates', `${collection}.xlsx`)));
    expect(xlsx.rows.map((r) => r.cells)).toEqual(templateRows(collection).map((row) => row.slice(0, row.findLastIndex((c) => c !== '') + 1)));
  });

  it('are all explained in the authoring guide', () => {
    const guide = readFileSync(path.join(ROOT, 'docs', 'authoring-guide.md'), 'utf8');
    const section = guide.slice(guide.indexOf('## 16. 从表格批量导入'));
    for (const column of templateColumns(collection)) expect(section, column.header).toContain(`| ${column.header} |`);
  });
});

describe('resolveHeaders', () => {
  const none = () => false;

  it('reads Chinese headers, English field names, required marks and full-width letters', () => {
    const { columns, problems } = resolveHeaders('honors', ['*荣誉名称', 'awardedBy', '获奖人物（必填）', ' recipients.units ', 'ＩＤ'], none);
    expect(problems).toEqual([]);
    expect(columns.map((c) => c.spec.field)).toEqual(['title', 'awardedBy', 'recipients.officers', 'recipients.units', 'id']);
  });

  it('names an unknown column and guesses what was meant', () => {
    const { problems } = resolveHeaders('honors', ['荣誉名称', '获奖人', '授予机关', '颁奖'], none);
    expect(problems.map((p) => [p.header, p.message, p.hint.split('？')[0]])).toEqual([
      ['授予机关', '不认识的列「授予机关」', '是不是「授予单位」'],
      ['颁奖', '不认识的列「颁奖」', expect.stringContaining('荣誉表格可用的列')],
    ]);
  });

  it('reads past 序号 and 备注, and past empty columns without data', () => {
    const { columns, problems } = resolveHeaders('officers', ['序号', '姓名', '', '备注'], none);
    expect(problems).toEqual([]);
    expect(columns.map((c) => c.header)).toEqual(['姓名']);
  });

  it('refuses data under an empty header', () => {
    const { problems } = resolveHeaders('officers', ['姓名', '', '单位'], (i) => i === 1);
    expect(problems).toMatchObject([{ header: '第 B 列', message: '第 B 列没有列名，但下面有内容' }]);
  });

  it('keeps the same field twice (a header merged over two columns)', () => {
    const { columns } = resolveHeaders('honors', ['荣誉名称', '获奖人物', '获奖人物'], none);
    expect(columns.map((c) => [c.index, c.spec.field])).toEqual([
      [0, 'title'],
      [1, 'recipients.officers'],
      [2, 'recipients.officers'],
    ]);
  });

  it('tells the stats 单位 (unit) from 计量单位 (metric unit)', () => {
    expect(matchHeader('stats', '单位')?.field).toBe('unit');
    expect(matchHeader('stats', '计量单位')?.field).toBe('metrics.unit');
  });
});

describe('columnLetter', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
  ])('%d → %s', (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });
});
