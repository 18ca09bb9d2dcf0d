import { describe, expect, it } from 'vitest';
import { setFields } from '../../src/lib/authoring/frontmatter-edit';
import { placeholder, placeholderIn } from '../../src/lib/authoring/placeholder';
import { NEW_KINDS, newEntryText } from '../../src/lib/authoring/templates';

describe('setFields', () => {
  const entry = '---\nname: 王祥\n# 示例注释\nrole: auxiliary\nunit: dongjin\n---\n\n正文第一段。\n';

  it('adds fields and keeps comments, order and body', () => {
    expect(setFields(entry, { photo: 'wang-xiang.jpg', photoAlt: '王祥的工作照' })).toBe(
      '---\nname: 王祥\n# 示例注释\nrole: auxiliary\nunit: dongjin\nphoto: wang-xiang.jpg\nphotoAlt: 王祥的工作照\n---\n\n正文第一段。\n',
    );
  });

  it('replaces an existing field in place', () => {
    expect(setFields(entry, { role: 'police' })).toContain('# 示例注释\nrole: police\nunit: dongjin');
  });

  it('removes the commented template lines of the fields it fills, and leaves no blank line', () => {
    const created = newEntryText('officer', { name: '王祥', unit: 'dongjin', summary: '辅警' }, '2026-01-01');
    const updated = setFields(created, { photo: 'wang-xiang.jpg', photoAlt: '王祥的工作照' });
    const frontmatter = updated.split('---')[1]!;
    expect(frontmatter).toContain('summary: 辅警\nphoto: wang-xiang.jpg\nphotoAlt: 王祥的工作照\n# 以下是选填字段');
    expect(frontmatter).not.toMatch(/^# *photo(Alt)?:/m);
    expect(frontmatter).not.toMatch(/\n\s*\n/);
    // Every other optional field is still there to uncomment.
    expect(frontmatter).toMatch(/^# tags: \[见义勇为, 夺刀\] +# 标签：/m);
    expect(frontmatter).toContain('#   - title: 报道标题\n');
  });

  it('edits a YAML data file as a whole', () => {
    expect(setFields('title: 数据\n# 注释\nunit: root\n', { unit: 'dongjin' }, { data: true })).toBe('title: 数据\n# 注释\nunit: dongjin\n');
  });
});

describe('placeholders', () => {
  it('says what is asked for, and finds it again in a longer text', () => {
    expect(placeholder('一句话简介')).toBe('（请填写：一句话简介）');
    expect(placeholderIn(`前文${placeholder('姓名')}后文`)).toBe('姓名');
    expect(placeholderIn('已经填好了')).toBeNull();
  });

  it('balances brackets inside a placeholder, so the message quotes all of it', () => {
    expect(placeholderIn('（请填写：感谢信原文（隐去写信人的全名、电话和住址））')).toBe('感谢信原文（隐去写信人的全名、电话和住址）');
    expect(placeholderIn('前文（请填写：日期（如 2020-04））后文（注）')).toBe('日期（如 2020-04）');
  });

  it.each(NEW_KINDS)('finds every placeholder of a new %s entry whole, with balanced brackets', (kind) => {
    const lines = newEntryText(kind, { name: '测试' }, '2026-01-01').split('\n').filter((line) => line.includes('（请填写：'));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const wanted = placeholderIn(line)!;
      expect(line).toContain(placeholder(wanted));
      expect(wanted.split('（').length, line).toBe(wanted.split('）').length);
    }
  });
});

describe('values the build would misread', () => {
  it('are written in double quotes; everything else stays plain; no anchors are written', async () => {
    const { markdownEntry } = await import('../../src/lib/authoring/entry-file');
    const { setFields } = await import('../../src/lib/authoring/frontmatter-edit');
    const shared = { title: '来信' };
    const text = markdownEntry({ name: '王祥', documentNo: '0b101', note: '2020-06-18T10:00:00.', year: '2020', sources: [shared, shared] }, '正文');
    expect(text).toContain('name: 王祥\n');
    expect(text).toContain('documentNo: "0b101"\n');
    expect(text).toContain('note: "2020-06-18T10:00:00."\n');
    expect(text).toContain('year: "2020"\n');
    expect(text).not.toMatch(/[&*]a\d/);
    expect(setFields('---\nname: 王祥\n---\n', { photoAlt: '0x1F' })).toContain('photoAlt: "0x1F"');
  });
});
