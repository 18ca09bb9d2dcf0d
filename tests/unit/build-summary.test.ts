import { describe, expect, it } from 'vitest';
import { buildSummaryLines, formatDuration, unchangedSummaryLines, type BuildSummaryInput } from '../../src/lib/build-summary';
import type { Problem } from '../../src/lib/check/problem';
import type { ChecklistExclusion } from '../../src/lib/publish-checklist';
import type { ExclusionReason } from '../../src/lib/publishing';

const LABELS: Record<ExclusionReason, string> = { draft: '草稿', embargoed: '未到发布时间', internal: '内部', 'no-consent': '未同意公开', 'depends-on-excluded': '所依附的条目未公开' };

function left(collection: ChecklistExclusion['collection'], name: string, reason: ExclusionReason): ChecklistExclusion {
  return { collection, id: name, name, file: `src/content/${collection}/${name}.md`, reason, reasonLabel: LABELS[reason], why: LABELS[reason] };
}

const BASE: BuildSummaryInput = {
  pages: 312,
  ms: 83_400,
  outDir: 'D:\\荣誉榜\\dist',
  checklist: {
    audience: 'public',
    published: [
      { collection: 'officers', label: '人物', count: 40 },
      { collection: 'honors', label: '荣誉', count: 120 },
    ],
    excluded: [],
  },
  kept: 0,
  robots: [],
  problems: [],
};

describe('formatDuration', () => {
  it.each([
    [400, '不到 1 秒'],
    [18_300, '18 秒'],
    [60_000, '1 分钟'],
    [125_000, '2 分 5 秒'],
  ])('%i ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('buildSummaryLines', () => {
  it('says what was built, where, how long it took and what is published, in a few lines', () => {
    expect(buildSummaryLines(BASE)).toEqual(['网站已生成：312 个页面，用时 1 分 23 秒。', '网站文件夹：D:\\荣誉榜\\dist', '公开 160 个条目：人物 40、荣誉 120。', '没有不公开的条目。']);
  });

  it('counts what was left out by reason — people as 人, the rest as 条 — and names a few of each', () => {
    const excluded = [
      left('officers', '张伟', 'no-consent'),
      left('officers', '李明', 'no-consent'),
      left('officers', '王五', 'no-consent'),
      left('honors', '2020年度先进集体', 'draft'),
      left('officers', '赵六', 'draft'),
      ...['甲', '乙', '丙', '丁', '戊', '己', '庚'].map((n) => left('letters', `市民${n}`, 'depends-on-excluded')),
    ];
    const lines = buildSummaryLines({ ...BASE, checklist: { ...BASE.checklist, excluded } });
    expect(lines.slice(3)).toEqual([
      '不公开 12 个条目：未同意公开 3 人、草稿 2 条、所依附的条目未公开 7 条。',
      '  未同意公开：人物“张伟”、人物“李明”、人物“王五”',
      '  草稿：荣誉“2020年度先进集体”、人物“赵六”',
      '  所依附的条目未公开：感谢信“市民甲”、感谢信“市民乙”、感谢信“市民丙”、感谢信“市民丁”、感谢信“市民戊” 等 7 条',
    ]);
  });

  it('names the intranet edition and an empty site as they are', () => {
    const lines = buildSummaryLines({ ...BASE, checklist: { audience: 'internal', published: [], excluded: [] } });
    expect(lines[0]).toBe('内网版已生成：312 个页面，用时 1 分 23 秒。');
    expect(lines[2]).toBe('公开 0 个条目。');
  });

  it('then says how to roll back, the robots.txt a sub-path needs, and the check’s reminders — not those the exclusions already say', () => {
    const reminder: Problem = { severity: 'warning', code: 'file-ignored', file: 'src/content/honors/notes.txt', message: '这个文件不会被读取', hint: '数据请写成 .yaml 文件' };
    const consent: Problem = { severity: 'warning', code: 'consent-missing', file: 'src/content/officers/zhang-wei.md', line: 2, message: '没有 consent: true' };
    const lines = buildSummaryLines({ ...BASE, kept: 2, robots: ['网站放在子路径 /rongyu/ 下……', '    Sitemap: https://x.example/rongyu/sitemap-index.xml'], problems: [consent, reminder] });
    expect(lines.slice(4)).toEqual([
      '上一个版本已保留（共 2 个旧版本，最多 5 个）：需要时运行 npm run rollback 回到上一个版本。',
      '内容检查有 1 个提醒，不影响这次生成，见下方。',
      '',
      '网站放在子路径 /rongyu/ 下……',
      '    Sitemap: https://x.example/rongyu/sitemap-index.xml',
      '',
      '内容检查发现 1 个提醒，涉及 1 个文件：',
      '',
      'src/content/honors/notes.txt',
      '  ⚠ 提醒：这个文件不会被读取',
      '    怎么改：数据请写成 .yaml 文件',
      '    [file-ignored] src/content/honors/notes.txt',
    ]);
  });
});

describe('unchangedSummaryLines', () => {
  const live = { id: '20260601-120000-001', publishedAt: '2026-06-01T04:00:00.000Z', command: 'npm run build', pages: 312, files: 1_204, audience: 'public' as const };

  it('says the site is already up to date, which version is live, where it is and how to rebuild anyway', () => {
    expect(unchangedSummaryLines({ live, ms: 3_200, outDir: 'D:\\荣誉榜\\dist', audience: 'public', robots: [], problems: [] })).toEqual([
      '网站已是最新：内容、设置和程序都和正在使用的网站一样，没有重新生成（用时 3 秒）。',
      '正在使用：2026年6月1日 12:00 发布（npm run build，312 个页面）',
      '网站文件夹：D:\\荣誉榜\\dist',
      '需要重新生成时，运行 npm run build -- --force。',
    ]);
  });

  it('names the intranet edition, and keeps the robots.txt advice and the check’s reminders', () => {
    const reminder: Problem = { severity: 'warning', code: 'file-ignored', file: 'src/content/honors/notes.txt', message: '这个文件不会被读取' };
    const lines = unchangedSummaryLines({ live, ms: 1_900, outDir: '/srv/dist-internal', audience: 'internal', robots: ['网站放在子路径 /rongyu/ 下……'], problems: [reminder] });
    expect(lines[0]).toBe('内网版已是最新：内容、设置和程序都和正在使用的内网版一样，没有重新生成（用时 2 秒）。');
    expect(lines.slice(4, 7)).toEqual(['内容检查有 1 个提醒，不影响这次生成，见下方。', '', '网站放在子路径 /rongyu/ 下……']);
    expect(lines).toContain('src/content/honors/notes.txt');
  });
});
