import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../src/lib/check/problem';
import { displayPath, displayValue, formatFieldPath } from '../../../src/lib/check/problem';
import { formatReport } from '../../../src/lib/check/report';

const missingRef: Problem = {
  severity: 'error',
  code: 'reference-missing',
  file: 'src/content/honors/a.md',
  line: 6,
  field: 'recipients.officers[0]',
  value: 'wang-x',
  message: '引用的人物 “wang-x” 不存在',
  hint: '是不是 wang-xiang？',
};
const noAlt: Problem = {
  severity: 'error',
  code: 'alt-missing',
  file: 'src/content/officers/b.md',
  line: 7,
  field: 'photoAlt',
  message: '填写了 photo，但缺少图片的文字说明 photoAlt',
  hint: '请添加 “photoAlt: …”',
};
const ignored: Problem = {
  severity: 'warning',
  code: 'file-ignored',
  file: 'src/content/honors/notes.txt',
  message: '这个文件不会被读取',
};

describe('formatReport', () => {
  it('is empty when there are no problems', () => {
    expect(formatReport([])).toBe('');
    expect(formatReport([], { context: 'build' })).toBe('');
  });

  it('groups the problems by file, in Chinese, with line, field and hint', () => {
    expect(formatReport([missingRef, noAlt, { ...missingRef, line: 9, field: 'recipients.officers[1]', value: 'li-si', message: '引用的人物 “li-si” 不存在' }]))
      .toMatchInlineSnapshot(`
        "内容检查发现 3 个错误，涉及 2 个文件：

        src/content/honors/a.md
          ✖ 错误（第 6 行，字段 recipients.officers[0]）：引用的人物 “wang-x” 不存在
            怎么改：是不是 wang-xiang？
            [reference-missing] src/content/honors/a.md:6
          ✖ 错误（第 9 行，字段 recipients.officers[1]）：引用的人物 “li-si” 不存在
            怎么改：是不是 wang-xiang？
            [reference-missing] src/content/honors/a.md:9

        src/content/officers/b.md
          ✖ 错误（第 7 行，字段 photoAlt）：填写了 photo，但缺少图片的文字说明 photoAlt
            怎么改：请添加 “photoAlt: …”
            [alt-missing] src/content/officers/b.md:7

        修改以上错误后重新运行 npm run check。"
      `);
  });

  it('shows the value on its own line when the message does not already quote it', () => {
    const report = formatReport([{ ...noAlt, code: 'schema', field: 'consent', value: 'yes', message: 'consent 应为 true 或 false' }]);
    expect(report).toContain('    当前值：yes');
    expect(formatReport([missingRef])).not.toContain('当前值');
  });

  it('counts errors and warnings separately', () => {
    expect(formatReport([missingRef, ignored]).split('\n')[0]).toBe('内容检查发现 1 个错误、1 个提醒，涉及 2 个文件：');
    expect(formatReport([ignored]).split('\n')[0]).toBe('内容检查发现 1 个提醒，涉及 1 个文件：');
  });

  it('marks warnings as 提醒 and omits the location parentheses when there is no line or field', () => {
    expect(formatReport([ignored])).toContain('  ⚠ 提醒：这个文件不会被读取');
  });

  it('says after a failed build that the previous site was kept', () => {
    const report = formatReport([missingRef], { context: 'build' });
    expect(report.endsWith('网站没有更新：上一次成功生成的网站保持不变。修改以上错误后重新运行 npm run build。')).toBe(true);
    expect(report).not.toContain('npm run check');
  });

  it('adds no footer when there are only warnings', () => {
    expect(formatReport([ignored], { context: 'build' })).not.toContain('网站没有更新');
    expect(formatReport([ignored])).not.toContain('重新运行');
  });

  it('indents every line of a multi-line hint under 怎么改', () => {
    const report = formatReport([{ ...noAlt, hint: '例如：\n  officers:\n    - wang-xiang' }]);
    expect(report).toContain('    怎么改：例如：\n      officers:\n        - wang-xiang');
  });

  it('colours the markers only when asked', () => {
    expect(formatReport([missingRef])).not.toContain('\x1b[');
    const coloured = formatReport([missingRef, ignored], { color: true });
    expect(coloured).toContain('\x1b[31m✖ 错误\x1b[0m');
    expect(coloured).toContain('\x1b[33m⚠ 提醒\x1b[0m');
    expect(coloured).toContain('\x1b[1msrc/content/honors/a.md\x1b[0m');
  });
});

describe('problem helpers', () => {
  it.each<[(string | number)[], string]>([
    [[], ''],
    [['name'], 'name'],
    [['recipients', 'officers', 0], 'recipients.officers[0]'],
    [['metrics', 2, 'key'], 'metrics[2].key'],
  ])('writes the path %j as %s', (path, text) => {
    expect(formatFieldPath(path)).toBe(text);
  });

  it.each<[unknown, string | undefined]>([
    [undefined, undefined],
    ['文字', '文字'],
    [386, '386'],
    [null, 'null'],
    [['a', 'b'], '["a","b"]'],
    [new Date(Date.UTC(2020, 5, 18)), '2020-06-18'],
  ])('displays %j as %j', (value, text) => {
    expect(displayValue(value)).toBe(text);
  });

  it('names a file relative to the project, with / separators, and keeps outside files absolute', () => {
    expect(displayPath('/project', '/project/src/content/officers/a.md')).toBe('src/content/officers/a.md');
    expect(displayPath('/project', '/elsewhere/content/a.md')).toBe('/elsewhere/content/a.md');
  });
});
