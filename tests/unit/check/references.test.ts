/**
 * A reference to an entry that does not exist always says what to write: the entries it most
 * likely meant — by id, by name, by pinyin — or, when none is close, the ones that exist.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSite } from '../../../src/lib/check/check-site';
import { referenceSuggestion } from '../../../src/lib/check/references';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A 派出所 with two 警务室 and three people, as a clerk would set it up. */
const UNIT_FILES: Record<string, string> = {
  'units/haiyang.md': '---\nname: 海阳派出所\nkind: station\n---\n',
  'units/dongjin.md': '---\nname: 东进警务室\nkind: station\nparent: haiyang\n---\n',
  'units/lianhua.md': '---\nname: 联华警务室\nkind: station\nparent: haiyang\n---\n',
  'officers/wang-xiang.md': '---\nname: 王祥\nrole: police\nunit: dongjin\nsummary: 社区民警\nconsent: true\n---\n',
  'officers/chen-yalin.md': '---\nname: 陈押林\nrole: auxiliary\nunit: lianhua\nsummary: 辅警\nconsent: true\n---\n',
  'officers/shan-li.md': '---\nname: 单力\nrole: police\nunit: haiyang\nsummary: 所长\nconsent: true\n---\n',
};

/** The site with one activity whose `unit` and `host` are written as given: the problems of that activity. */
async function checkActivity({ unit = 'dongjin', host = 'wang-xiang' }: { unit?: string; host?: string }, { files = UNIT_FILES, config = '' } = {}) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-refs-'));
  roots.push(root);
  const all = { ...files, 'activities/xuexi.md': `---\ntitle: 集中学习\nkind: study\ndate: 2026-03-02\nunit: ${unit}\nhost: ${host}\nsummary: 学习\n---\n` };
  for (const [file, text] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(root, 'content', file)), { recursive: true });
    writeFileSync(path.join(root, 'content', file), text);
  }
  writeFileSync(path.join(root, 'site.config.yaml'), `title: 海阳派出所荣誉榜\nurl: https://example.gov.cn\n${config}`);
  const { problems } = await checkSite({
    root,
    contentDir: path.join(root, 'content'),
    configFile: path.join(root, 'site.config.yaml'),
    publicDir: path.join(root, 'public'),
    now: new Date('2026-06-01T04:00:00Z'),
  });
  return problems.filter((p) => p.severity === 'error');
}

describe('a reference that misses', () => {
  it('unit: donghu, nothing close, only three units: all three are listed', async () => {
    expect(await checkActivity({ unit: 'donghu' })).toEqual([
      {
        severity: 'error',
        code: 'reference-missing',
        file: 'content/activities/xuexi.md',
        line: 5,
        field: 'unit',
        value: 'donghu',
        message: '引用的单位 “donghu” 不存在',
        hint: '没有相近的 id；现有的单位只有 3 个：dongjin（东进警务室）、haiyang（海阳派出所）、lianhua（联华警务室）。id 是 content/units/ 中的文件名（不含 .md）；如果是新单位，请先创建 content/units/donghu.md',
      },
    ]);
  });

  it.each([
    ['a near id', { unit: 'dongjing' }, '是不是 dongjin（东进警务室）？id 是 content/units/ 中的文件名（不含 .md）；如果是新单位，请先创建 content/units/dongjing.md'],
    ['the id without its hyphen', { host: 'wangxiang' }, '是不是 wang-xiang（王祥）？id 是 content/officers/ 中的文件名（不含 .md）；如果是新人物，请先创建 content/officers/wangxiang.md'],
    ['a letter off', { host: 'chen-yaling' }, '是不是 chen-yalin（陈押林）？id 是 content/officers/ 中的文件名（不含 .md）；如果是新人物，请先创建 content/officers/chen-yaling.md'],
    [
      'the pinyin of the whole name',
      { unit: 'haiyangpaichusuo' },
      '是不是 haiyang（海阳派出所）？id 是 content/units/ 中的文件名（不含 .md）；如果是新单位，请先创建 content/units/haiyangpaichusuo.md',
    ],
    [
      'a homophone of a name with a surname read its own way (善力 for 单力, shan)',
      { host: '善力' },
      '这里要写人物的 id（文件名），不写名称。是不是 shan-li（单力）？id 是 content/officers/ 中的文件名（不含 .md）',
    ],
    ['the name itself', { host: '王祥' }, '这里要写人物的 id（文件名），不写名称：“王祥”的 id 是 wang-xiang，请改成 wang-xiang。id 是 content/officers/ 中的文件名（不含 .md）'],
    ['the unit’s full name', { unit: '东进警务室' }, '这里要写单位的 id（文件名），不写名称：“东进警务室”的 id 是 dongjin，请改成 dongjin。id 是 content/units/ 中的文件名（不含 .md）'],
    ['part of the name', { unit: '东进' }, '这里要写单位的 id（文件名），不写名称。是不是 dongjin（东进警务室）？id 是 content/units/ 中的文件名（不含 .md）'],
    ['a homophone of the name (王翔 for 王祥)', { host: '王翔' }, '这里要写人物的 id（文件名），不写名称。是不是 wang-xiang（王祥）？id 是 content/officers/ 中的文件名（不含 .md）'],
    ['the id typed in full-width letters (a Chinese IME)', { host: 'ｗａｎｇ－ｘｉａｎｇ' }, '是不是 wang-xiang（王祥）？id 是 content/officers/ 中的文件名（不含 .md）'],
  ])('%s', async (_name, refs, hint) => {
    const problems = await checkActivity(refs);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'reference-missing', file: 'content/activities/xuexi.md' });
    expect(problems[0]!.hint).toBe(hint);
  });

  it('among many units, nothing close: the first ten and the count', async () => {
    const many = { ...UNIT_FILES };
    for (let n = 1; n <= 10; n++) many[`units/jingwushi-${String(n).padStart(2, '0')}.md`] = `---\nname: 第${n}警务室\nkind: station\nparent: haiyang\n---\n`;
    const [problem] = await checkActivity({ unit: 'xinqu' }, { files: many });
    expect(problem?.hint).toBe(
      '没有相近的 id；现有的单位共 13 个，如 dongjin（东进警务室）、haiyang（海阳派出所）、jingwushi-01（第1警务室）、jingwushi-02（第2警务室）、jingwushi-03（第3警务室）、jingwushi-04（第4警务室）、jingwushi-05（第5警务室）、jingwushi-06（第6警务室）、jingwushi-07（第7警务室）、jingwushi-08（第8警务室）。id 是 content/units/ 中的文件名（不含 .md）；如果是新单位，请先创建 content/units/xinqu.md',
    );
  });

  it('in the study rotation of site.config.yaml', async () => {
    const problems = await checkActivity({}, { config: 'studyRotation:\n  stations: [dongjin, lianhau]\n  hosts: [王祥, chen-yalin]\n' });
    expect(problems.map((p) => [p.file, p.field, p.hint])).toEqual([
      ['site.config.yaml', 'studyRotation.stations[1]', '是不是 lianhua（联华警务室）？这里写单位的 id（units 文件夹中的文件名，不含扩展名）'],
      ['site.config.yaml', 'studyRotation.hosts[0]', '这里要写人物的 id（文件名），不写名称：“王祥”的 id 是 wang-xiang，请改成 wang-xiang。这里写人物的 id（officers 文件夹中的文件名，不含扩展名）'],
    ]);
  });
});

describe('referenceSuggestion', () => {
  it('says there is none yet when the collection is empty', () => {
    expect(referenceSuggestion('dongjin', new Map(), 'units', '单位')).toBe('还没有任何单位。');
  });

  it('names an entry by its id alone when it has no name', () => {
    expect(referenceSuggestion('dongjn', new Map([['dongjin', []]]), 'units', '单位')).toBe('是不是 dongjin？');
  });
});
