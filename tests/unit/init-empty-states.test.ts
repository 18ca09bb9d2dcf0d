import { describe, expect, it } from 'vitest';
import { comingSoon, emptyState, LIST_COLLECTIONS, posterInvite, type EmptyTopic } from '../../src/lib/empty-states';
import { KIND_COLLECTIONS } from '../../src/lib/authoring/templates';

const UNIT = { id: 'dong-hu', name: '东湖派出所' };
const TOPICS: EmptyTopic[] = [...LIST_COLLECTIONS, 'schedule', 'unit-about'];

describe('empty states of a unit just started', () => {
  it.each(TOPICS)('%s: the public reads no command and no editor, the clerk reads how to add it', (topic) => {
    const state = emptyState(topic, UNIT);
    expect(state.public ?? '').not.toMatch(/npm|编辑台|命令/);
    expect(state.missing).not.toBe('');
    expect(state.ways.length).toBeGreaterThan(0);
  });

  it('tells the clerk the editor’s own button and the command with the unit’s id', () => {
    expect(emptyState('officers', UNIT)).toEqual({
      public: '暂无榜样人物。',
      missing: '还没有榜样人物。',
      ways: [
        '在编辑台（npm run edit）中点“人物”，再点“新建人物”',
        '或在命令行运行 npm run new -- officer 姓名 --unit dong-hu',
        '已有表格时：npm run import -- officers 表格.xlsx（模板在 docs/templates/ 中）',
      ],
    });
  });

  it('offers npm run new only for what it can create', () => {
    const creatable = new Set<string>(Object.values(KIND_COLLECTIONS));
    for (const collection of LIST_COLLECTIONS) {
      expect(emptyState(collection, UNIT).ways.some((w) => w.includes('npm run new'))).toBe(creatable.has(collection));
    }
  });

  it('shows the public nothing where a unit has no introduction yet, and the clerk where to write it', () => {
    const state = emptyState('unit-about', UNIT);
    expect(state.public).toBeUndefined();
    expect(state.ways[1]).toBe('或打开 units 文件夹中的 dong-hu.md：去掉 summary 行首的 #，填写简介；单位介绍写在文件末尾的 --- 之后');
  });

  it('says on an empty home page that the content is on its way', () => {
    expect(comingSoon()).toBe('本单位的榜样人物、荣誉记录、群众感谢、工作数据和活动记录正在整理，将陆续在这里发布。');
  });
});

describe('posterInvite', () => {
  it('counts only what there is, and invites to the site when there is nothing to count', () => {
    expect(posterInvite(9, 8, '海陵巡特警荣誉榜')).toBe('扫码查看全部 9 位榜样人物和 8 项荣誉');
    expect(posterInvite(3, 0, '东湖派出所荣誉榜')).toBe('扫码查看全部 3 位榜样人物');
    expect(posterInvite(0, 0, '东湖派出所荣誉榜')).toBe('扫码访问东湖派出所荣誉榜');
  });
});
