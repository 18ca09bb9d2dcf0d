/**
 * `npm run import` on temporary copies of the sample content, as a clerk would use it: CSV files
 * from Excel in UTF-8 and GBK, workbooks with merged cells, a sheet with bad rows (nothing is
 * written), importing twice, --update and --dry-run. What it writes passes the content check.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/check/check-content';
import { IMPORT_COLLECTIONS } from '../../src/lib/import/columns';
import { FIXTURES, PROJECT_ROOT, runScript, runScriptInProcess, SAMPLE_SITE } from './harness';


const copies: string[] = [];
afterAll(() => copies.forEach((site) => rmSync(site, { recursive: true, force: true })));

/** A fresh copy of the sample unit to import into. */
function sampleCopy(): string {
  const site = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-import-test-'));
  copies.push(site);
  cpSync(SAMPLE_SITE, site, { recursive: true });
  return site;
}

/**
 * Runs the importer as `npm run import` does: in the project folder, with INIT_CWD the folder
 * the clerk typed the command in (the site copy, where the spreadsheets are). In this process
 * (runScriptInProcess), except where a test asks for the command itself (`{ spawn: true }`).
 */
async function importer(site: string, ...args: (string | { spawn: true })[]) {
  const spawned = args.some((a) => typeof a !== 'string');
  const run = spawned ? runScript : runScriptInProcess;
  const result = await run('import.ts', args.filter((a): a is string => typeof a === 'string'), { env: { HONOR_ROLL_SITE: site, INIT_CWD: site, NO_COLOR: '1' } });
  return { status: result.status, output: `${result.stdout}${result.stderr}`.trim() };
}

/** Every file of the content folder with its text: to prove that nothing was written. */
function snapshot(site: string): Map<string, string> {
  const dir = path.join(site, 'content');
  return new Map(
    (readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => /\.(md|yaml)$/.test(f))
      .sort()
      .map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]),
  );
}

function errorsOf(site: string) {
  return checkContent({ root: site, contentDir: path.join(site, 'content'), now: new Date('2026-01-01T00:00:00Z') }).problems.filter(
    (p) => p.severity === 'error',
  );
}

const read = (site: string, file: string) => readFileSync(path.join(site, 'content', file), 'utf8');
const csv = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');
const BOM = '\uFEFF';

const HONORS = [
  ['荣誉名称', '类别', '级别', '授予单位', '日期', '文号', '获奖人物', '获奖单位', '其他获奖者', '获奖人数', '简介', '事迹'],
  ['个人嘉奖', '个人', '局级', '泰州市公安局海陵分局', '2021/3/5', '', '刁爱清', '', '', '', '刁爱清获个人嘉奖。', '第一段\n第二段'],
  ['集体嘉奖', '集体', '市级', '泰州市公安局', '2021年5月', '泰公〔2021〕××号', '', '东进警务站', '', '', '', ''],
  ['优秀辅警', '个人', '', '泰州市公安局', '2020', '', '王  祥 张军强', '', '辅警李某某', '', '', ''],
];

describe('npm run import', () => {
  it('imports a UTF-8 CSV with BOM; the new entries pass the content check; importing it again changes nothing', async () => {
    const site = sampleCopy();
    writeFileSync(path.join(site, 'honors.csv'), BOM + csv(HONORS));
    // The command itself, started as the clerk starts it; the other runs are in-process.
    const first = await importer(site, 'honors', 'honors.csv', { spawn: true });
    expect(first.status, first.output).toBe(0);
    expect(first.output).toContain('导入荣誉（honors）：honors.csv（UTF-8 编码，3 行数据）');
    expect(first.output).toContain('✔ 导入完成：新建 3 个，更新 0 个，已存在 0 个。');
    expect(read(site, 'honors/2021-ge-ren-jia-jiang-diao-aiqing.md')).toContain(
      'date: 2021-03-05\nrecipients:\n  officers:\n    - diao-aiqing\nsummary: 刁爱清获个人嘉奖。\n',
    );
    expect(read(site, 'honors/2021-ji-ti-jia-jiang.md')).toContain('documentNo: 泰公〔2021〕××号\n');
    expect(read(site, 'honors/2020-you-xiu-fu-jing.md')).toContain('  officers:\n    - wang-xiang\n    - zhang-junqiang\n  others:\n    - 辅警李某某\n');
    expect(errorsOf(site)).toEqual([]);

    const before = snapshot(site);
    const again = await importer(site, 'honors', 'honors.csv');
    expect(again.status, again.output).toBe(0);
    expect(again.output).toContain('已存在，跳过 3 个：');
    expect(again.output).toContain('✔ 没有需要写入的内容：新建 0 个，更新 0 个，已存在 3 个。');
    expect(snapshot(site)).toEqual(before);
  });

  it('reads a GBK CSV as Excel in China saves it: surnames read as surnames, namesakes get -2, -3', async () => {
    const site = sampleCopy();
    const rows = [
      ['姓名', '身份', '职务', '单位', '是否党员', '一句话简介', '标签', '同意公开', '事迹'],
      ['单雄信', '辅警', '', '东进警务站', '是', '东进警务站辅警。', '见义勇为 夺刀', '是', '事迹。'],
      ['曾小明', '民警', '站长', '联华警务站', '否', '联华警务站站长。', '', '是', ''],
      ['张伟', '民警', '', '联华警务站', '', '联华警务站民警。', '', '是', ''],
      ['张伟', '民警', '', '暮春警务站', '', '暮春警务站民警。', '', '', ''],
    ];
    writeFileSync(path.join(site, 'officers.csv'), iconv.encode(csv(rows), 'gbk'));
    const result = await importer(site, 'officers', 'officers.csv');
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('（GBK 编码，4 行数据）');
    for (const id of ['shan-xiongxin', 'zeng-xiaoming', 'zhang-wei-2', 'zhang-wei-3'])
      expect(existsSync(path.join(site, 'content', 'officers', `${id}.md`)), id).toBe(true);
    expect(read(site, 'officers/shan-xiongxin.md')).toContain('name: 单雄信\nrole: auxiliary\nunit: dongjin\npartyMember: true\n');
    // The second 张伟 has no consent: imported, with a reminder that he is not published.
    expect(result.output).toContain('⚠ 第 5 行，列「同意公开」：「同意公开」不是“是”，这个人物不会出现在公开网站上');
    expect(errorsOf(site)).toEqual([]);

    // Two people are now called 张伟: an honour must say which one.
    writeFileSync(
      path.join(site, 'honors.csv'),
      BOM +
        csv([
          ['荣誉名称', '授予单位', '获奖人物'],
          ['嘉奖', '某局', '张伟'],
        ]),
    );
    const ambiguous = await importer(site, 'honors', 'honors.csv');
    expect(ambiguous.status).toBe(1);
    expect(ambiguous.output).toContain('第 2 行，列「获奖人物」：有 2 个人物叫“张伟”，不知道是哪一个');
    expect(ambiguous.output).toContain('请改写为 id：张伟（zhang-wei-2，联华警务站）、张伟（zhang-wei-3，暮春警务站）');
  });

  it('reads rare characters outside GBK from a UTF-8 file', async () => {
    const site = sampleCopy();
    writeFileSync(
      path.join(site, 'o.csv'),
      csv([
        ['姓名', '身份', '单位', '一句话简介', '同意公开'],
        ['王𠮷', '队员', 'dongjin', '队员。', '是'],
      ]),
    );
    const result = await importer(site, 'officers', 'o.csv');
    expect(result.status, result.output).toBe(0);
    expect(read(site, 'officers/wang.md')).toContain('name: 王𠮷\n');
  });

  it('reads an .xlsx with a merged title row, a header merged over two columns, a date cell and empty rows at the end', async () => {
    const site = sampleCopy();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('感谢信');
    sheet.addRow(['2020年群众感谢登记表']);
    sheet.mergeCells('A1:I1');
    sheet.addRow(['类型', '日期', '致谢人', '致谢人物', null, '致谢单位', '锦旗题字', '简介', '原文']);
    sheet.mergeCells('D2:E2');
    sheet.addRow(['锦旗', new Date(Date.UTC(2020, 6, 1)), '市民李女士', '王祥', '刁爱清', '东进警务站', '见义勇为 警民情深', '感谢辅警王祥、站长刁爱清。', '']);
    sheet.addRow(['电话致谢', '2020/6/20', '王先生', { richText: [{ text: '张' }, { text: '军强' }] }, null, null, null, '电话感谢民警张军强。', '']);
    sheet.getCell('B3').numFmt = 'yyyy/m/d';
    // Formatted but empty rows below the data, as Excel leaves them.
    for (let r = 5; r <= 9; r++) sheet.getCell(`A${r}`).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    sheet.getCell('C8').value = '';
    await book.xlsx.writeFile(path.join(site, '感谢.xlsx'));

    const result = await importer(site, 'letters', '感谢.xlsx');
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('（Excel 工作簿，表头在第 2 行，2 行数据）');
    const banner = read(site, 'letters/2020-shi-min-li-nv-shi-jin-qi.md');
    expect(banner).toContain(
      'kind: banner\ndate: 2020-07-01\nfrom: 市民李女士\nto:\n  officers:\n    - wang-xiang\n    - diao-aiqing\n  units:\n    - dongjin\n',
    );
    expect(read(site, 'letters/2020-wang-xian-sheng-dian-hua-zhi-xie.md')).toContain('date: 2020-06-20\n');
    expect(errorsOf(site)).toEqual([]);
  });

  it('writes nothing when a row in the middle is bad, and names every bad row and column', async () => {
    const site = sampleCopy();
    const rows = [
      ['荣誉名称', '类别', '授予单位', '日期', '获奖人物', '事迹'],
      ['个人嘉奖', '个人', '泰州市公安局海陵分局', '2021-03', '刁爱清', ''],
      ['个人嘉奖', '个人', '泰州市公安局海陵分局', '2021-03', '王翔', ''],
      ['集体嘉奖', '集体', '泰州市公安局', '2021-05', '', ''],
      ['优秀辅警', '个人', '泰州市公安局', '2020-02-30', '王祥', ''],
      ['优秀民警', '个人', '', '2020', '章伟', '联系电话13812345678'],
      ['嘉奖', '个人', '某局', '2020', '张军强', ''],
    ];
    writeFileSync(path.join(site, 'bad.csv'), BOM + csv(rows));
    const before = snapshot(site);
    const result = await importer(site, 'honors', 'bad.csv');
    expect(result.status).toBe(1);
    expect(snapshot(site)).toEqual(before);
    expect(result.output).toMatchInlineSnapshot(`
      "导入荣誉（honors）：bad.csv（UTF-8 编码，6 行数据）

      ✖ 发现 5 个错误，没有写入任何文件（要么全部导入，要么都不导入）：

        ✖ 第 3 行，列「获奖人物」：找不到人物“王翔”
            怎么改：是不是 王祥（wang-xiang，东进警务站）、王宏（wang-hong，巡特警大队党总支）？这里只能写已有人物的姓名或 id；没有人物页的获奖者请写在「其他获奖者」列
        ✖ 第 4 行，列「获奖人物」「获奖单位」「其他获奖者」「获奖人数」：获奖者为空：这几列至少要填一项
            怎么改：有人物页的获奖者写在「获奖人物」，获奖单位写在「获奖单位」，其他人或集体写在「其他获奖者」，只知道人数时写「获奖人数」
        ✖ 第 5 行，列「日期」：“2020-02-30”不是有效的日期：2020年2月没有30日（该月共 29 天）
            怎么改：请核对原始材料中的日期
        ✖ 第 6 行，列「授予单位」：「授予单位」不能为空
            怎么改：必填。按原始材料的写法；不明时写“原文未注明”
        ✖ 第 6 行，列「事迹」：含有手机号码（138****5678），不能公开发布
            怎么改：请删除或改写这段内容（如“市民李女士”“联系电话已隐去”）。如果这是可以公开的号码（如服务热线），请把它加入 site.config.yaml 的 privacy.allow

      有问题的行：4 行；其余 2 行没有发现问题。
      改正表格后重新运行：npm run import -- honors bad.csv"
    `);
  });

  it('--dry-run reports what would be written and writes nothing', async () => {
    const site = sampleCopy();
    writeFileSync(path.join(site, 'honors.csv'), BOM + csv(HONORS));
    const before = snapshot(site);
    const result = await importer(site, 'honors', 'honors.csv', '--dry-run');
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('将新建 3 个文件：');
    expect(result.output).toContain('  第 2 行 → ');
    expect(result.output).toContain('试运行（--dry-run）：新建 3 个，更新 0 个，已存在 0 个。没有写入任何文件');
    expect(snapshot(site)).toEqual(before);
  });

  it('--update merges the filled cells into the existing entry, keeping its comments and body, and then has nothing left to do', async () => {
    const site = sampleCopy();
    const original = read(site, 'officers/wang-xiang.md');
    writeFileSync(
      path.join(site, 'o.csv'),
      BOM +
        csv([
          ['姓名', '单位', '职务', '是否党员', '一句话简介', '事迹'],
          ['王祥', '东进警务站', '东进警务站辅警', '是', '', '正文不会被改写。'],
        ]),
    );
    const skipped = await importer(site, 'officers', 'o.csv');
    expect(skipped.status, skipped.output).toBe(0);
    expect(skipped.output).toContain('（姓名和单位相同）\n  要用表格中的内容更新这些条目，请加上 --update。');
    expect(read(site, 'officers/wang-xiang.md')).toBe(original);

    const merged = await importer(site, 'officers', 'o.csv', '--update');
    expect(merged.status, merged.output).toBe(0);
    expect(merged.output).toContain('✔ 导入完成：新建 0 个，更新 1 个，已存在 0 个。');
    expect(read(site, 'officers/wang-xiang.md')).toBe(
      original.replace('    date: 2020-07-13\n---', '    date: 2020-07-13\ntitle: 东进警务站辅警\npartyMember: true\n---'),
    );
    expect(errorsOf(site)).toEqual([]);

    const again = await importer(site, 'officers', 'o.csv', '--update');
    expect(again.output).toContain('✔ 没有需要写入的内容：新建 0 个，更新 0 个，已存在 1 个。');
  });

  it('turns the rows of one period into one stats file that continues the existing series', async () => {
    const site = sampleCopy();
    const rows = [
      ['标题', '单位', '起始日期', '截止日期', '指标名称', '数值', '计量单位', '约数'],
      ['2020年下半年工作数据', '', '2020-07', '2020-12', '核查群众', '9.5万', '人次', '余'],
      ['2020年下半年工作数据', '', '2020-07', '2020-12', '涉疫警情处置', '1,386', '起', ''],
    ];
    writeFileSync(path.join(site, 'stats.csv'), BOM + csv(rows));
    const result = await importer(site, 'stats', 'stats.csv');
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('第 2、3 行 → ');
    expect(read(site, 'stats/2020-xia-ban-nian-gong-zuo-shu-ju.yaml')).toContain(
      'unit: hailing-xuntejing\nperiod:\n  start: 2020-07\n  end: 2020-12\nmetrics:\n  - key: people-checked\n    label: 核查群众\n    value: 95000\n    unit: 人次\n    approx: over\n  - key: epidemic-incidents\n',
    );
    expect(errorsOf(site)).toEqual([]);
  });

  it('refuses unknown columns with a guess, and files it cannot read', async () => {
    const site = sampleCopy();
    writeFileSync(
      path.join(site, 'h.csv'),
      csv([
        ['荣誉名称', 'awardBy', '获奖人物'],
        ['嘉奖', '某局', '王祥'],
      ]),
    );
    const unknown = await importer(site, 'honors', 'h.csv');
    expect(unknown.status).toBe(1);
    expect(unknown.output).toContain('✖ 第 1 行，列「awardBy」：不认识的列「awardBy」\n      怎么改：是不是「授予单位」？');
    writeFileSync(path.join(site, 'old.xls'), 'x');
    const xls = await importer(site, 'honors', 'old.xls');
    expect(xls.status).toBe(1);
    expect(xls.output).toContain('“另存为” Excel 工作簿（.xlsx）或 CSV');
    expect((await importer(site, 'awards', 'h.csv')).output).toContain('不认识的类型：awards');
  });

  it('imports every shipped template into the sample as a no-op: their example rows are sample facts', async () => {
    const site = sampleCopy();
    const before = snapshot(site);
    // The sample records no points, so the points template has no example row to import.
    for (const collection of IMPORT_COLLECTIONS.filter((c) => c !== 'points')) {
      for (const ext of ['csv', 'xlsx']) {
        const result = await importer(site, collection, path.join(PROJECT_ROOT, 'docs', 'templates', `${collection}.${ext}`));
        expect(result.status, result.output).toBe(0);
        expect(result.output, `${collection}.${ext}`).toContain('新建 0 个，更新 0 个，已存在 1 个');
      }
    }
    expect(snapshot(site)).toEqual(before);
  });
});

describe('importing points', () => {
  /** The fictional points fixture without its points files: a unit with members and no records. */
  function pointsSite(): string {
    const site = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-import-points-'));
    copies.push(site);
    cpSync(path.join(FIXTURES, 'points'), site, { recursive: true });
    rmSync(path.join(site, 'content', 'points'), { recursive: true });
    return site;
  }
  const csv = (rows: string[][]) => `\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;
  const HEADER = ['序号', '单位', '月份', '姓名', '固定党日学习', '志愿服务', '业务工作', '备注'];

  it('writes one file per unit and month, members by name or id, and imports it only once', async () => {
    const site = pointsSite();
    writeFileSync(
      path.join(site, 'p.csv'),
      csv([HEADER, ['1', '测试甲站', '2026-05', '测试民警甲', '5', '2', '3', '带队夜巡'], ['2', 'station-a', '2026年5月', 'officer-yi', '4', '', '5', ''], ['3', '测试乙站', '2026/5', '测试民警戊', '5', '5', '5', '']]),
    );
    const result = await importer(site, 'points', 'p.csv');
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('第 2、3 行 → ');
    expect(readdirSync(path.join(site, 'content', 'points')).sort()).toEqual(['station-a-2026-05.yaml', 'station-b-2026-05.yaml']);
    const file = readFileSync(path.join(site, 'content', 'points', 'station-a-2026-05.yaml'), 'utf8');
    expect(file).toContain('unit: station-a\nmonth: 2026-05\nentries:\n  - officer: officer-jia\n    points:\n      固定党日学习: 5\n      志愿服务: 2\n      业务工作: 3\n    note: 带队夜巡\n');
    expect(errorsOf(site)).toEqual([]);
    const again = await importer(site, 'points', 'p.csv');
    expect(again.status, again.output).toBe(0);
    expect(again.output).toContain('新建 0 个，更新 0 个，已存在 2 个');
  });

  it('writes nothing when one row is wrong, and names each bad row and column in Chinese', async () => {
    const site = pointsSite();
    writeFileSync(
      path.join(site, 'bad.csv'),
      csv([
        ['单位', '月份', '人物', '固定党日学习', '志愿服物', '业务工作'],
        ['测试甲站', '2026-06', '测试民警甲', '5', '-2', '3'],
        ['测试甲站', '2026-06', '测试民警乙', '5', '1', '3'],
        ['测试甲站', '2026', '测试民警某', 'x', '1', '3'],
        ['测试乙站', '2026-06', '测试民警戊', '1', '', ''],
        ['测试乙站', '2026-06', '测试民警戊', '2', '', ''],
      ]),
    );
    const before = snapshot(site);
    const result = await importer(site, 'points', 'bad.csv');
    expect(result.status).toBe(1);
    expect(result.output).toContain('✖ 第 2 行，列「志愿服物」：积分不能是负数，这里是“-2”');
    expect(result.output).toContain('✖ 第 3 行，列「志愿服物」：积分类别“志愿服物”不在网站配置的类别中\n      怎么改：是不是“志愿服务”？');
    expect(result.output).toContain('✖ 第 4 行，列「月份」：“2026”只有年份，没有月份');
    expect(result.output).toContain('✖ 第 4 行，列「人物」：找不到人物“测试民警某”');
    expect(result.output).toContain('✖ 第 4 行，列「固定党日学习」：“x”不是分数');
    expect(result.output).toContain('✖ 第 6 行，列「人物」：officer-wu 在本月列了两次');
    expect(snapshot(site)).toEqual(before);
  });
});
