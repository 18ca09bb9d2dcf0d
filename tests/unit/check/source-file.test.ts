import { extractFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { readDataSource, readMarkdownSource, splitFrontmatter } from '../../../src/lib/check/source-file';

const officerFile = [
  '---', //                                    1
  'name: 王祥', //                              2
  'role: auxiliary', //                         3
  'unit: dongjin', //                           4
  'tags:', //                                   5
  '  - 见义勇为', //                            6
  '  - 夺刀', //                                7
  'sources:', //                                8
  '  - title: 泰州日报', //                     9
  '    date: 2020-07-13', //                    10
  '---', //                                     11
  '', //                                        12
  '东进警务站辅警王祥。', //                    13
].join('\n');

describe('readMarkdownSource', () => {
  const source = readMarkdownSource(officerFile);

  it('reads the frontmatter fields and the body', () => {
    expect(source.problems).toEqual([]);
    expect(source.data).toEqual({
      name: '王祥',
      role: 'auxiliary',
      unit: 'dongjin',
      tags: ['见义勇为', '夺刀'],
      sources: [{ title: '泰州日报', date: new Date(Date.UTC(2020, 6, 13)) }],
    });
    expect(source.body).toBe('\n东进警务站辅警王祥。');
  });

  it.each<[(string | number)[], number]>([
    [['name'], 2],
    [['unit'], 4],
    [['tags'], 5],
    [['tags', 1], 7],
    [['sources', 0, 'title'], 9],
    [['sources', 0, 'date'], 10],
  ])('gives the line of the field %j in the whole file (%i)', (path, line) => {
    expect(source.lineOf(path)).toBe(line);
  });

  it('falls back to the closest existing parent for a field that is not written', () => {
    expect(source.lineOf(['sources', 0, 'url'])).toBe(9);
    expect(source.lineOf(['tags', 5])).toBe(5);
    expect(source.lineOf(['photoAlt'])).toBe(2);
  });

  it('counts lines from the top of the file when the file starts with a byte-order mark', () => {
    const withBom = readMarkdownSource(`\uFEFF${officerFile}`);
    expect(withBom.problems).toEqual([]);
    expect(withBom.lineOf(['unit'])).toBe(4);
  });

  it('reads Windows line endings', () => {
    const crlf = readMarkdownSource(officerFile.replace(/\n/g, '\r\n'));
    expect(crlf.problems).toEqual([]);
    expect(crlf.data).toMatchObject({ name: '王祥', unit: 'dongjin' });
    expect(crlf.lineOf(['unit'])).toBe(4);
  });

  it('reads an empty frontmatter as no fields', () => {
    const empty = readMarkdownSource('---\n---\n正文');
    expect(empty.problems).toEqual([]);
    expect(empty.data).toEqual({});
    expect(empty.body).toBe('正文');
  });

  it('does not end the frontmatter at a value that ends in ---', () => {
    const text = '---\nsummary: 详见下文---\nname: 王祥\n---\n正文';
    const source = readMarkdownSource(text);
    expect(source.data).toEqual({ summary: '详见下文---', name: '王祥' });
    expect(source.body).toBe('正文');
  });

  it('reports a file without frontmatter on line 1', () => {
    const missing = readMarkdownSource('name: 王祥\n\n正文');
    expect(missing.data).toBeUndefined();
    expect(missing.body).toBe('name: 王祥\n\n正文');
    expect(missing.problems).toEqual([
      {
        severity: 'error',
        code: 'frontmatter-missing',
        line: 1,
        message: '文件开头没有 frontmatter（用两行 --- 包起来的字段区）',
        hint: '文件第一行写 ---，接着逐行写字段（如 name: 王祥），再写一行 --- ，然后才是正文',
      },
    ]);
  });

  it('reports a frontmatter that is never closed as missing', () => {
    expect(readMarkdownSource('---\nname: 王祥\n\n正文').problems.map((p) => p.code)).toEqual(['frontmatter-missing']);
  });

  it('reports malformed YAML with the line it is on, and reads no fields', () => {
    const broken = readMarkdownSource('---\nname: 王祥\nsummary: 时间: 2020年\nunit: dongjin\n---\n');
    expect(broken.data).toBeUndefined();
    expect(broken.lineOf(['unit'])).toBe(3);
    expect(broken.problems).toEqual([
      {
        severity: 'error',
        code: 'yaml',
        line: 3,
        message: 'YAML 格式有误，无法读取（BLOCK_AS_IMPLICIT_KEY: Nested mappings are not allowed in compact mappings）',
        hint: '检查冒号和缩进：每个字段写成 “字段名: 值”',
      },
    ]);
  });

  it('reports an unclosed quote', () => {
    const broken = readMarkdownSource('---\nname: 王祥\nsummary: "没有结束的引号\nunit: dongjin\n---\n');
    expect(broken.data).toBeUndefined();
    expect(broken.problems).toMatchObject([{ code: 'yaml', hint: '检查引号和括号是否成对' }]);
  });

  it('reports indentation with a tab, with its hint', () => {
    const tabbed = readMarkdownSource('---\nname: 王祥\ntags:\n\t- 夺刀\n---\n');
    expect(tabbed.problems).toEqual([
      { severity: 'error', code: 'yaml', line: 4, message: '这一行开头用了 Tab 键缩进，YAML 只认空格', hint: '删掉行首的 Tab，改用空格缩进：每一层两个空格，与同一层的字段左对齐' },
    ]);
  });

  it('reports a field written twice', () => {
    const twice = readMarkdownSource('---\nname: 王祥\nunit: dongjin\nname: 王翔\n---\n');
    expect(twice.data).toBeUndefined();
    expect(twice.problems).toEqual([
      expect.objectContaining({ code: 'yaml', line: 4, message: '字段 name 写了两次（第 2 行和第 4 行）', hint: '同一个字段只能写一次：删掉其中一个，或把两处的内容合并' }),
    ]);
  });

  it('reports the impossible date 2020-02-30 with its field and line instead of rolling it over', () => {
    const source = readMarkdownSource('---\ntitle: 三等功\ndate: 2020-02-30\n---\n');
    expect(source.problems).toEqual([
      {
        severity: 'error',
        code: 'date',
        line: 3,
        field: 'date',
        value: '2020-02-30',
        message: '日期 2020-02-30 不存在（2020年2月没有30日）',
        hint: '请核对原始材料中的日期',
      },
    ]);
  });

  it('names the nested field of an impossible date', () => {
    const source = readMarkdownSource('---\nsources:\n  - title: 报道\n    date: 2019-02-29\n---\n');
    expect(source.problems).toMatchObject([{ code: 'date', line: 4, field: 'sources[0].date', value: '2019-02-29' }]);
  });

  it('accepts real dates, leap days included, and quoted impossible dates (the schema reports those)', () => {
    expect(readMarkdownSource('---\na: 2020-02-29\nb: 2020-12-31\n---\n').problems).toEqual([]);
    expect(readMarkdownSource('---\na: "2020-02-30"\n---\n')).toMatchObject({ problems: [], data: { a: '2020-02-30' } });
  });

  it('reports an unquoted time without a zone, which YAML would read as UTC', () => {
    const source = readMarkdownSource('---\npublishDate: 2026-12-01 09:00:00\n---\n');
    expect(source.problems).toEqual([
      {
        severity: 'error',
        code: 'date',
        line: 2,
        field: 'publishDate',
        value: '2026-12-01 09:00:00',
        message: '时间 2026-12-01 09:00:00 没有加引号，会被当作世界时（比北京时间晚 8 小时）',
        hint: '请加上引号：“publishDate: "2026-12-01 09:00:00"”，表示北京时间',
      },
    ]);
  });

  it.each(['"2026-12-01 09:00"', "'2026-12-01T09:00:00'", '2026-12-01T09:00:00+08:00', '2026-12-01T15:30:00Z'])(
    'accepts the unambiguous time %s',
    (value) => {
      expect(readMarkdownSource(`---\npublishDate: ${value}\n---\n`).problems).toEqual([]);
    },
  );

  it('reports an unquoted 08:00+08:00, which becomes UTC midnight and would read as 00:00 Beijing', () => {
    expect(readMarkdownSource('---\npublishDate: 2026-12-01T08:00:00+08:00\n---\n').problems).toEqual([
      {
        severity: 'error',
        code: 'date',
        line: 2,
        field: 'publishDate',
        value: '2026-12-01T08:00:00+08:00',
        message: '时间 2026-12-01T08:00:00+08:00 没有加引号，可能被读错（YAML 把它换算成世界时 2026-12-01T00:00:00.000Z）',
        hint: '请加上引号：“publishDate: "2026-12-01T08:00:00+08:00"”',
      },
    ]);
  });

  it('does not call a real day “nonexistent” when its zoned time falls on another day in UTC', () => {
    const problems = readMarkdownSource('---\npublishDate: 2026-12-01T07:00:00+08:00\n---\n').problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).not.toContain('不存在');
    expect(problems[0]?.message).toContain('没有加引号');
  });

  it('reports an impossible day written with a time and zone as nonexistent', () => {
    expect(readMarkdownSource('---\npublishDate: 2026-02-30T09:00:00+08:00\n---\n').problems).toMatchObject([
      { code: 'date', message: '日期 2026-02-30T09:00:00+08:00 不存在（2026年2月没有30日）' },
    ]);
  });
});

describe('readDataSource', () => {
  const stats = [
    '# 2020年工作数据', //                                   1
    'title: 2020年以来工作数据', //                          2
    'unit: hailing-xuntejing', //                            3
    'period:', //                                            4
    '  start: 2020-01', //                                   5
    '  end: 2020-07', //                                     6
    'metrics:', //                                           7
    '  - { key: cases, label: 警情, value: 386, unit: 起 }', // 8
    '  - key: people', //                                    9
    '    label: 群众', //                                    10
    '    value: 95000', //                                   11
    '    unit: 人次', //                                     12
  ].join('\n');
  const source = readDataSource(stats);

  it('reads the whole file as fields, with no body', () => {
    expect(source.problems).toEqual([]);
    expect(source.body).toBe('');
    expect(source.data).toMatchObject({ title: '2020年以来工作数据', period: { start: '2020-01', end: '2020-07' } });
  });

  it.each<[(string | number)[], number]>([
    [['title'], 2],
    [['period', 'end'], 6],
    [['metrics', 0], 8],
    [['metrics', 0, 'value'], 8],
    [['metrics', 1, 'value'], 11],
    [['metrics', 1, 'unit'], 12],
  ])('gives the line of %j (%i)', (path, line) => {
    expect(source.lineOf(path)).toBe(line);
  });

  it('reads an empty file as no fields', () => {
    expect(readDataSource('')).toMatchObject({ data: {}, problems: [] });
    expect(readDataSource('# 只有注释\n')).toMatchObject({ data: {}, problems: [] });
  });

  it('ignores a byte-order mark', () => {
    expect(readDataSource('\uFEFFtitle: 数据\n').data).toEqual({ title: '数据' });
  });

  it('reports a duplicate key on its line', () => {
    const twice = readDataSource('title: a\nunit: b\ntitle: c\n');
    expect(twice.data).toBeUndefined();
    expect(twice.problems).toMatchObject([{ code: 'yaml', line: 3, message: '字段 title 写了两次（第 1 行和第 3 行）' }]);
  });

  it('reports the impossible date in period.start', () => {
    expect(readDataSource('period:\n  start: 2021-02-29\n  end: 2021-03\n').problems).toMatchObject([
      { code: 'date', line: 2, field: 'period.start', message: '日期 2021-02-29 不存在（2021年2月没有29日）' },
    ]);
  });
});

describe('splitFrontmatter', () => {
  it.each([
    ['a plain file', '---\nname: 王祥\n---\n正文'],
    ['an empty frontmatter', '---\n---\n正文'],
    ['a byte-order mark and Windows line endings', '\uFEFF---\r\nname: 王祥\r\n---\r\n正文'],
    ['spaces after the fences', '---  \nname: 王祥\n---\t\n正文'],
    ['a value ending in ---', '---\nsummary: 详见下文---\n---\n正文'],
    ['a closing fence at the very end', '---\nname: 王祥\n---'],
  ])('cuts %s exactly where Astro does', (_name, text) => {
    const split = splitFrontmatter(text);
    expect(split).toMatchObject({ ok: true });
    expect(split.ok && split.yaml).toBe(extractFrontmatter(text));
  });

  it('gives the body and the line it starts on', () => {
    expect(splitFrontmatter('---\nname: 王祥\n---\n\n正文')).toEqual({ ok: true, yaml: '\nname: 王祥\n', body: '\n正文', bodyLine: 4 });
  });

  it.each([
    ['blank lines before the opening ---', '\n---\nname: 王祥\n---\n', 1, '文件开头有空行'],
    ['TOML between +++ lines', '+++\nname = "王祥"\n+++\n', 1, 'TOML'],
    ['text after the opening ---', '--- name: 王祥\n---\n', 1, '--- 后面还写了内容'],
    ['a closing ---- line', '---\nname: 王祥\n----\n', 3, '这一行以 --- 开头'],
    ['a field line starting with ---', '---\nname: 王祥\n---x: y\n---\n', 3, '这一行以 --- 开头'],
    ['a line starting with +++', '---\nname: 王祥\n+++\n---\n', 3, '这一行以 +++ 开头'],
    ['no closing line', '---\nname: 王祥\n', 1, '字段区没有结束'],
  ])('refuses %s, which Astro reads differently or not at all', (_name, text, line, says) => {
    const split = splitFrontmatter(text);
    expect(split.ok).toBe(false);
    expect(!split.ok && split.problem).toMatchObject({ line, message: expect.stringContaining(says) });
  });
});

describe('YAML the check refuses', () => {
  it('reports every anchor, alias, merge key and tag of a file on its own line', () => {
    const source = readDataSource('a: &x 1\nb: *x\n<<: { c: 1 }\nd: !!binary aGk=\ne: !custom x\n');
    expect(source.data).toBeUndefined();
    expect(source.problems.map((p) => [p.line, p.message])).toEqual([
      [1, '用了 YAML 锚点 &x'],
      [2, '用了 YAML 别名 *x，生成网站时可能展开成极多的内容'],
      [3, '用了 YAML 合并键 <<，生成网站时会把别处的字段合并进来'],
      [4, '用了 YAML 类型标记 !!binary，生成网站时会出错或读错'],
      [5, '用了 YAML 类型标记 !custom，生成网站时会出错或读错'],
    ]);
    expect(source.problems[3]?.hint).toBe('删掉 !!binary，把值写成加英文双引号的文字，如 summary: "……"');
  });

  it('refuses an alias bomb without expanding it', () => {
    const names = 'abcdefghij';
    const bomb = [`a: &a [${Array(10).fill('x').join(', ')}]`, ...[...names.slice(1)].map((n, i) => `${n}: &${n} [${Array(10).fill(`*${names[i]}`).join(', ')}]`)].join('\n');
    expect(readDataSource(bomb).problems[0]).toMatchObject({ code: 'yaml', line: 1, message: '用了 YAML 锚点 &a' });
  });

  it.each(['%YAML 1.1', '%YAML 1.2', '%TAG !e! tag:example.com,2000:', '%TAG !! tag:example.com,2000:', '%FOO bar'])('refuses the directive %s', (directive) => {
    expect(readDataSource(`${directive}\n---\nconsent: yes\n`).problems).toMatchObject([{ code: 'yaml', line: 1 }]);
  });

  it('says which line holds the bulk of oversized YAML, and does not parse it', () => {
    const source = readMarkdownSource(`---\nname: 王祥\nsummary: ${'长'.repeat(100_000)}\n---\n`);
    expect(source.problems).toEqual([
      {
        severity: 'error',
        code: 'too-long',
        line: 3,
        field: 'summary',
        message: '字段区太大（293 KB，上限 256 KB），没有读取：第 3 行（summary）有 100,000 字',
        hint: '字段只写简短的内容；长的文字写在正文中（第二行 --- 的下面）',
      },
    ]);
  });

  it.each([
    ['\u0007', 'U+0007'],
    ['\u001b', 'U+001B'],
    ['\u007f', 'U+007F'],
    ['\ufffe', 'U+FFFE'],
    ['\udc00', 'U+DC00'],
  ])('names the control character %j by its code point (%s), on its line', (char, name) => {
    expect(readDataSource(`title: 数据\nunit: a${char}b\n`).problems).toMatchObject([{ code: 'yaml', line: 2, message: `含有不可见的控制字符 ${name}，生成网站时无法读取` }]);
  });

  it('reads characters js-yaml reads: next line, line and paragraph separators, tabs inside text', () => {
    expect(readDataSource('a: x\u0085y\nb: x\u2028y\nc: "x\ty"\n').problems).toEqual([]);
  });

  it('refuses nesting deeper than the limit, and thousands deep without parsing', () => {
    expect(readDataSource(`a: ${'['.repeat(11)}x${']'.repeat(11)}\n`).problems).toMatchObject([{ line: 1, message: '嵌套层次太深（超过 10 层）' }]);
    expect(readDataSource(`a:\n  b: ${'{c: '.repeat(50_000)}\n`).problems).toMatchObject([{ line: 2, message: expect.stringContaining('嵌套层次太深（括号或缩进超过 100 层）') }]);
  });

  it('reads ten levels, and deep indentation on lines without content', () => {
    expect(readDataSource(`a: ${'['.repeat(9)}x${']'.repeat(9)}\n`).problems).toEqual([]);
    expect(readDataSource(`a: 1\n${' '.repeat(300)}\nb: 2\n`)).toMatchObject({ problems: [], data: { a: 1, b: 2 } });
  });

  it('refuses a key that is not text', () => {
    expect(readDataSource('1: a\n~: b\n[c]: d\n').problems.map((p) => [p.line, p.message])).toEqual([
      [1, '字段名 1 不是文字，生成网站时会读成别的名字'],
      [2, '字段名 ~ 不是文字，生成网站时会读成别的名字'],
      [3, '字段名写成了列表或一组字段'],
    ]);
  });

  it('finds a field written twice, quoted once, and in a nested map', () => {
    expect(readDataSource('"title": a\nperiod: { start: 2020, start: 2021 }\ntitle: b\n').problems.map((p) => [p.line, p.message])).toEqual([
      [2, '字段 start 写了两次（第 2 行和第 2 行）'],
      [3, '字段 title 写了两次（第 1 行和第 3 行）'],
    ]);
  });

  it('lists twenty problems of a file and counts the rest', () => {
    const problems = readDataSource(Array.from({ length: 30 }, (_, i) => `k${i}: !t x`).join('\n')).problems;
    expect(problems).toHaveLength(21);
    expect(problems[20]).toMatchObject({ line: 21, message: '另有 10 处同类的问题没有列出' });
  });

  it('reads & and * inside a value, and a quoted "<<" key, as text', () => {
    expect(readDataSource('a: 张三&李四 *注\n"<<": x\n')).toMatchObject({ problems: [], data: { a: '张三&李四 *注', '<<': 'x' } });
  });
});
