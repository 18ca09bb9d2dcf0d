import { describe, expect, it } from 'vitest';
import { updateEntryText } from '../../src/lib/import/update';

const PROFILE = `---
name: 王祥
role: auxiliary
unit: dongjin
summary: 东进警务站辅警。
tags: [见义勇为, 夺刀]
# 须取得本人书面同意后再写 consent: true。
consent: false
sources:
  - title: 报道
    date: 2020-07-13
---

东进警务站辅警王祥。

2020年4月，王祥被表彰。
`;

describe('updateEntryText', () => {
  it('changes only the given fields, keeping comments, the other fields, list style and the body', () => {
    const text = updateEntryText(PROFILE, 'markdown', [
      { path: ['consent'], value: true },
      { path: ['title'], value: '东进警务站站长' },
    ]);
    expect(text).toBe(PROFILE.replace('consent: false', 'consent: true').replace('    date: 2020-07-13\n', '    date: 2020-07-13\ntitle: 东进警务站站长\n'));
  });

  it('writes new lists on one line and nested fields in place', () => {
    const honor = `---\ntitle: 嘉奖\nrecipients:\n  # 原文只给出人数。\n  count: 8\n---\n正文\n`;
    expect(updateEntryText(honor, 'markdown', [{ path: ['recipients', 'officers'], value: ['wang-xiang', 'diao-aiqing'] }])).toBe(
      `---\ntitle: 嘉奖\nrecipients:\n  # 原文只给出人数。\n  count: 8\n  officers: [wang-xiang, diao-aiqing]\n---\n正文\n`,
    );
  });

  it('returns the very same text when the values are already there', () => {
    const same = updateEntryText(PROFILE, 'markdown', [
      { path: ['tags'], value: ['见义勇为', '夺刀'] },
      { path: ['sources'], value: [{ title: '报道', date: '2020-07-13' }] },
      { path: ['unit'], value: 'dongjin' },
    ]);
    expect(same).toBe(PROFILE);
  });

  it('updates a metric by key and appends a new one in the style of its neighbours', () => {
    const stats = `# 原文。\ntitle: 数据\nunit: root\nperiod:\n  start: 2020-01\n  end: 2020-07\nmetrics:\n  - { key: cases, label: 警情, value: 386, unit: 起 }\n`;
    const text = updateEntryText(
      stats,
      'data',
      [],
      [
        {
          key: 'cases',
          fields: [
            { path: ['value'], value: 400 },
            { path: ['approx'], value: 'over' },
          ],
          metric: {},
        },
        { key: 'letters', fields: [], metric: { key: 'letters', label: '感谢信', value: 6, unit: '封' } },
      ],
    );
    expect(text).toBe(
      `# 原文。\ntitle: 数据\nunit: root\nperiod:\n  start: 2020-01\n  end: 2020-07\nmetrics:\n  - { key: cases, label: 警情, value: 400, unit: 起, approx: over }\n  - { key: letters, label: 感谢信, value: 6, unit: 封 }\n`,
    );
  });

  it('refuses a Markdown file without frontmatter', () => {
    expect(() => updateEntryText('只有正文', 'markdown', [{ path: ['title'], value: 'x' }])).toThrow('frontmatter');
  });
});
