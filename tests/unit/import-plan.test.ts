/**
 * From sheet rows to planned files, against the sample content (read, never written): ids, names
 * of people and units, entries that already exist, --update, and the problems of bad rows.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExisting, type Existing } from '../../src/lib/import/existing';
import { planImport, type Plan } from '../../src/lib/import/plan';
import type { Table } from '../../src/lib/import/read';
import type { ImportCollection } from '../../src/lib/import/columns';

// The sample unit as it ships (never src/content/, which each unit replaces).
const SAMPLE = readExisting(path.resolve(import.meta.dirname, '..', '..', 'examples', 'hailing-xuntejing', 'content'));

/** A sheet from rows of cells; row 1 is the header. */
function table(rows: string[][]): Table {
  return { rows: rows.map((cells, i) => ({ row: i + 1, cells })), encoding: 'UTF-8', problems: [] };
}

function plan(collection: ImportCollection, rows: string[][], options: { update?: boolean; existing?: Existing } = {}): Plan {
  return planImport({ collection, table: table(rows), existing: options.existing ?? SAMPLE, update: options.update ?? false, sourceName: 'test.csv' });
}

const errors = (p: Plan) => p.problems.filter((x) => x.severity === 'error').map((x) => ({ row: x.row, column: x.column, message: x.message }));
const file = (p: Plan, id: string) => p.files.find((f) => f.id === id)?.text;

const HONOR_HEADER = ['荣誉名称', '类别', '级别', '授予单位', '日期', '获奖人物', '获奖单位', '其他获奖者', '获奖人数', '简介', '事迹'];

describe('honours', () => {
  it('get ids from year, title and the one person, unique against the content and each other', () => {
    const p = plan('honors', [
      HONOR_HEADER,
      ['个人嘉奖', '个人', '局级', '泰州市公安局海陵分局', '2021/3/5', '刁爱清', '', '', '', '', ''],
      ['个人嘉奖', '个人', '', '泰州市公安局海陵分局', '2021年3月', '', '', '辅警李某某', '', '', ''],
      ['个人嘉奖', '', '', '泰州市公安局海陵分局', '2021', '', '', '辅警王某某', '', '', ''],
      ['集体嘉奖', '', '市级', '泰州市公安局', '', '', '东进警务站、lianhua', '', '', '', '第一段\n第二段'],
    ]);
    expect(errors(p)).toEqual([]);
    expect(p.outcomes.map((o) => [o.row, o.status, o.id])).toEqual([
      [2, 'create', '2021-ge-ren-jia-jiang-diao-aiqing'],
      [3, 'create', '2021-ge-ren-jia-jiang'],
      [4, 'create', '2021-ge-ren-jia-jiang-2'],
      [5, 'create', 'ji-ti-jia-jiang'],
    ]);
    expect(file(p, '2021-ge-ren-jia-jiang-diao-aiqing')).toBe(
      [
        '---',
        'title: 个人嘉奖',
        'scope: individual',
        'level: bureau',
        'awardedBy: 泰州市公安局海陵分局',
        'date: 2021-03-05',
        'recipients:',
        '  officers:',
        '    - diao-aiqing',
        '# 从表格导入：test.csv 第 2 行',
        '---',
        '',
        '',
        '',
      ].join('\n'),
    );
    // No 类别: a unit among the recipients makes the honour collective.
    expect(file(p, 'ji-ti-jia-jiang')).toContain('scope: collective\n');
    expect(file(p, 'ji-ti-jia-jiang')).toContain('  units:\n    - dongjin\n    - lianhua\n');
    expect(file(p, 'ji-ti-jia-jiang')).toMatch(/---\n\n第一段\n\n第二段\n$/);
    expect(file(p, '2021-ge-ren-jia-jiang')).toContain('date: 2021-03\n');
    expect(file(p, '2021-ge-ren-jia-jiang-2')).toContain('date: 2021\n');
  });

  it('find people by a name written with spaces, by id, and refuse unknown or ambiguous names', () => {
    const existing: Existing = {
      ...SAMPLE,
      officers: [...SAMPLE.officers, { id: 'wang-xiang-2', names: ['王祥'], label: '王祥（wang-xiang-2，联华警务站）' }],
    };
    const p = plan(
      'honors',
      [
        HONOR_HEADER,
        ['嘉奖', '个人', '', '某局', '2021', '刁  爱清 张军强', '', '', '', '', ''],
        ['嘉奖', '个人', '', '某局', '2022', '王翔', '', '', '', '', ''],
        ['嘉奖', '个人', '', '某局', '2023', '王祥', '', '', '', '', ''],
        ['嘉奖', '个人', '', '某局', '2024', 'wang-xiang-2', '', '', '', '', ''],
      ],
      { existing },
    );
    expect(p.outcomes.map((o) => [o.row, o.status])).toEqual([
      [2, 'create'],
      [3, 'error'],
      [4, 'error'],
      [5, 'create'],
    ]);
    expect(file(p, '2021-jia-jiang')).toContain('officers:\n    - diao-aiqing\n    - zhang-junqiang\n');
    expect(p.problems).toEqual([
      {
        severity: 'error',
        row: 3,
        column: '获奖人物',
        message: '找不到人物“王翔”',
        hint: expect.stringMatching(/^是不是 王祥（wang-xiang，东进警务站）.*没有人物页的获奖者请写在「其他获奖者」列$/),
      },
      {
        severity: 'error',
        row: 4,
        column: '获奖人物',
        message: '有 2 个人物叫“王祥”，不知道是哪一个',
        hint: '请改写为 id：王祥（wang-xiang，东进警务站）、王祥（wang-xiang-2，联华警务站）',
      },
    ]);
  });

  it('report every bad cell of every row, with its column as written', () => {
    const p = plan('honors', [
      ['荣誉名称', '类别', '授予单位', '授予日期', '获奖人物', '获奖人数', '颁奖'],
      ['嘉奖', '個人', '某局', '2020-02-30', '', '约8', ''],
      ['嘉奖', '个人', '某局', '2020', '', '8', 'x'],
    ]);
    expect(errors(p)).toEqual([
      { row: 1, column: '颁奖', message: '不认识的列「颁奖」' },
      { row: 2, column: '类别', message: '“個人”不是可选值' },
      { row: 2, column: '授予日期', message: '“2020-02-30”不是有效的日期：2020年2月没有30日（该月共 29 天）' },
      { row: 2, column: '获奖人数', message: '获奖人数要写准确的整数，这里是“约8”' },
    ]);
  });

  it('skip a row that is already there (same title, date and recipients), or merge it with --update', () => {
    const row = ['见义勇为表彰', '个人', '省级', '省见义勇为基金会', '2020-04', '王祥', '', '', '', '新的简介。', '新的正文不会写入'];
    const skipped = plan('honors', [HONOR_HEADER, row]);
    expect(skipped.files).toEqual([]);
    expect(skipped.outcomes).toEqual([
      { row: 2, status: 'exists', id: 'wang-xiang-jianyiyongwei', path: 'honors/wang-xiang-jianyiyongwei.md', reason: '荣誉名称、日期和获奖者相同' },
    ]);
    const merged = plan('honors', [HONOR_HEADER, row], { update: true });
    expect(merged.outcomes[0]!.status).toBe('update');
    const before = SAMPLE.entries.honors.find((e) => e.id === 'wang-xiang-jianyiyongwei')!.text;
    const after = merged.files[0]!.text;
    expect(after).toBe(before.replace(/^summary: .*$/m, 'summary: 新的简介。'));
    // The same row again changes nothing.
    const again = plan('honors', [HONOR_HEADER, [...row.slice(0, 9), '', '']], { update: true });
    expect(again.outcomes[0]!.status).toBe('unchanged');
    expect(again.files).toEqual([]);
  });

  it('refuse the same honour twice in one sheet', () => {
    const row = ['嘉奖', '个人', '', '某局', '2021', '王祥', '', '', '', '', ''];
    const p = plan('honors', [HONOR_HEADER, row, ['x', '个人', '', '某局', '2021', '刁爱清', '', '', '', '', ''], row]);
    expect(errors(p)).toEqual([{ row: 4, column: undefined, message: '与第 2 行是同一个荣誉（荣誉名称、日期和获奖者相同）' }]);
  });

  it('find the header below a merged title row, even one that reads like a column name', () => {
    const title = HONOR_HEADER.map(() => '荣誉');
    const p = plan('honors', [title, HONOR_HEADER, ['嘉奖', '个人', '', '某局', '2021', '王祥', '', '', '', '', '']]);
    expect(p.headerRow).toBe(2);
    expect(p.outcomes.map((o) => o.row)).toEqual([3]);
  });

  it('say when no header can be found', () => {
    expect(
      errors(
        plan('honors', [
          ['姓名', '身份'],
          ['王祥', '辅警'],
        ]),
      )[0]!.message,
    ).toBe('找不到表头：前 10 行中没有一个认识的列名');
  });
});

describe('officers', () => {
  const HEADER = ['姓名', '身份', '单位', '一句话简介', '是否党员', '同意公开', '标签'];

  it('get pinyin ids with surname readings, -2 for a name taken, and an id from a rare character', () => {
    const p = plan('officers', [
      HEADER,
      ['单雄信', '辅警', '东进警务站', '简介。', '中共党员', '是', '见义勇为 夺刀'],
      ['曾小明', 'police', 'dongjin', '简介。', '否', '', ''],
      ['张伟', '民警', '联华警务站', '简介。', '', '', ''],
      ['张伟', '民警', '暮春警务站', '简介。', '', '', ''],
      ['王𠮷', '队员', '东进警务站', '简介。', '', '', ''],
    ]);
    expect(errors(p)).toEqual([]);
    expect(p.outcomes.map((o) => o.id)).toEqual(['shan-xiongxin', 'zeng-xiaoming', 'zhang-wei-2', 'zhang-wei-3', 'wang']);
    expect(file(p, 'shan-xiongxin')).toContain(
      'role: auxiliary\nunit: dongjin\npartyMember: true\nsummary: 简介。\ntags:\n  - 见义勇为\n  - 夺刀\nconsent: true\n',
    );
    expect(file(p, 'wang')).toContain('name: 王𠮷\nrole: other\n');
  });

  it('take a person of the same name and unit for the same person, and two of them as a mistake', () => {
    const p = plan('officers', [
      HEADER,
      ['王祥', '辅警', '东进警务站', '简介。', '', '', ''],
      ['李四', '民警', 'dongjin', 'a', '', '', ''],
      ['李四', '民警', 'dongjin', 'b', '', '', ''],
    ]);
    expect(p.outcomes.map((o) => [o.row, o.status])).toEqual([
      [2, 'exists'],
      [3, 'create'],
      [4, 'error'],
    ]);
    expect(p.problems[0]!.hint).toContain('在 id 列分别填写不同的 id');
  });

  it('use an id given in the id column: an existing one is that entry', () => {
    const p = plan(
      'officers',
      [
        ['id', '姓名', '同意公开'],
        ['wang-xiang', '王祥', '否'],
      ],
      { update: true },
    );
    expect(p.outcomes).toMatchObject([{ status: 'update', id: 'wang-xiang' }]);
    expect(p.files[0]!.text).toContain('# 示例内容：事迹取自已公开报道。正式使用前，须取得本人书面同意后再写 consent: true。\nconsent: false\n');
    expect(
      errors(
        plan('officers', [
          ['id', '姓名'],
          ['Wang Xiang', '王祥'],
        ]),
      ),
    ).toMatchObject([{ row: 2, column: 'id', message: '“Wang Xiang”不能用作 id' }]);
  });

  it('reserve the ids written in the id column before making others', () => {
    const p = plan('officers', [
      ['姓名', '身份', '单位', '一句话简介', 'id'],
      ['张伟', '民警', 'dongjin', 'a', ''],
      ['张伟', '民警', 'lianhua', 'b', 'zhang-wei-2'],
    ]);
    expect(p.outcomes.map((o) => o.id)).toEqual(['zhang-wei-3', 'zhang-wei-2']);
  });
});

describe('stats', () => {
  const HEADER = ['标题', '单位', '起始日期', '截止日期', '指标代码', '指标名称', '数值', '计量单位', '约数'];

  it('make one file per title, unit and period, continuing the keys of earlier periods', () => {
    const p = plan('stats', [
      HEADER,
      ['2020年下半年工作数据', '', '2020-07', '2020-12', '', '核查群众', '9.5万余', '人次', ''],
      ['2021年一季度工作数据', '海陵巡特警大队', '2021-01', '2021-03', '', '收到感谢信', '3', '封', ''],
      ['2020年下半年工作数据', 'hailing-xuntejing', '2020/7', '2020年12月', 'cases', '处置警情', '1,386', '起', '约'],
    ]);
    expect(errors(p)).toEqual([]);
    expect(p.files.map((f) => [f.id, f.rows])).toEqual([
      ['2020-xia-ban-nian-gong-zuo-shu-ju', [2, 4]],
      ['2021-yi-ji-du-gong-zuo-shu-ju', [3]],
    ]);
    expect(p.files[0]!.text).toBe(
      [
        '# 从表格导入：test.csv 第 2 和 4 行',
        'title: 2020年下半年工作数据',
        'unit: hailing-xuntejing',
        'period:',
        '  start: 2020-07',
        '  end: 2020-12',
        'metrics:',
        '  - key: people-checked',
        '    label: 核查群众',
        '    value: 95000',
        '    unit: 人次',
        '    approx: over',
        '  - key: cases',
        '    label: 处置警情',
        '    value: 1386',
        '    unit: 起',
        '    approx: about',
        '',
      ].join('\n'),
    );
    expect(p.files[1]!.text).toContain('  - key: letters\n');
  });

  it('merge new and changed figures into an existing period with --update, keeping its comment and style', () => {
    const p = plan(
      'stats',
      [
        HEADER,
        ['2020年以来工作数据', '', '2020-01', '2020-07', '', '核查群众', '96000', '人次', '余'],
        ['2020年以来工作数据', '', '2020-01', '2020-07', 'new-metric', '新指标', '5', '起', ''],
      ],
      { update: true },
    );
    expect(errors(p)).toEqual([]);
    const text = p.files[0]!.text;
    expect(text.startsWith('# 原文：“今年以来……”，报道日期为2020年7月13日。\n')).toBe(true);
    expect(text).toContain('  - { key: people-checked, label: 核查群众, value: 96000, unit: 人次, approx: over }\n');
    expect(text).toContain('  - { key: new-metric, label: 新指标, value: 5, unit: 起 }\nsources:');
    expect(p.files[0]!.metricRows).toEqual(
      new Map([
        [1, 2],
        [9, 3],
      ]),
    );
  });
});

describe('letters', () => {
  it('need at least one addressee, found by name', () => {
    const p = plan('letters', [
      ['类型', '日期', '致谢人', '致谢人物', '致谢单位', '锦旗题字', '简介'],
      ['锦旗', '2020年7月', '市民李女士', '王祥', '东进警务站', '见义勇为 警民情深', '感谢辅警王祥。'],
    ]);
    expect(errors(p)).toEqual([]);
    expect(p.files[0]!.id).toBe('2020-shi-min-li-nv-shi-jin-qi');
    expect(p.files[0]!.text).toContain(
      'kind: banner\ndate: 2020-07\nfrom: 市民李女士\nto:\n  officers:\n    - wang-xiang\n  units:\n    - dongjin\ninscription: 见义勇为 警民情深\n',
    );
  });
});
