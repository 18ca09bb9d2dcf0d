import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkSite } from '../../src/lib/check/check-site';
import { displayPath } from '../../src/lib/check/problem';
import { publishChecklist } from '../../src/lib/publish-checklist';
import type { Audience } from '../../src/lib/publishing';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SITE = path.join(ROOT, 'tests', 'fixtures', 'publishing');
const NOW = new Date('2026-06-01T12:00:00+08:00');

/** The checklist of the publishing fixture, from its real content check. */
async function checklistFor(audience: Audience) {
  const contentDir = path.join(SITE, 'content');
  const { content } = await checkSite({ root: ROOT, contentDir, configFile: path.join(SITE, 'site.config.yaml'), publicDir: path.join(SITE, 'public'), now: NOW, audience });
  return publishChecklist(content, { now: NOW, audience, contentFolder: displayPath(ROOT, contentDir) });
}

describe('发布前清单', () => {
  it('counts what is published and lists each entry left out with its reason in Chinese', async () => {
    const list = await checklistFor('public');
    expect(list.published).toEqual([
      { collection: 'units', label: '单位', count: 2 },
      { collection: 'officers', label: '人物', count: 1 },
      { collection: 'honors', label: '荣誉', count: 3 },
      { collection: 'letters', label: '感谢信', count: 1 },
      { collection: 'stats', label: '数据', count: 1 },
      { collection: 'activities', label: '活动', count: 2 },
    ]);
    expect(list.lines.slice(0, 3)).toEqual(['发布前清单（公开网站）', '公开 10 个条目：单位 2、人物 1、荣誉 3、感谢信 1、数据 1、活动 2', '不公开 12 个条目：']);
    expect(list.lines).toContain('  人物“草稿人物CANARYDRAFT”（officers/canary-draft）：这是草稿，不会公开');
    expect(list.lines).toContain('  荣誉“未到发布时间的荣誉CANARYEMBARGO”（honors/canary-embargoed）：定时发布，2026年7月1日 00:00 之前不会公开');
  });

  it('says what an exclusion takes with it, and what a knock-on exclusion rests on, as the editor’s list does', async () => {
    const { excluded, lines } = await checklistFor('public');
    expect(lines).toContain('  人物“未同意人物CANARYNOCONSENT”（officers/canary-no-consent）：此人未同意公开，与其相关的 1 项荣誉和 1 封感谢信也不会公开');
    expect(excluded.find((x) => x.id === 'canary-only-no-consent')).toMatchObject({
      collection: 'honors',
      reason: 'depends-on-excluded',
      reasonLabel: '所依附的条目未公开',
      why: '获奖人物“未同意人物CANARYNOCONSENT”未同意公开，此荣誉不会公开',
    });
  });

  it('the intranet edition leaves out only drafts and what is not yet due', async () => {
    const list = await checklistFor('internal');
    expect(list.lines[0]).toBe('发布前清单（内网版）');
    expect(new Set(list.excluded.map((x) => x.reason))).toEqual(new Set(['draft', 'embargoed']));
  });
});
