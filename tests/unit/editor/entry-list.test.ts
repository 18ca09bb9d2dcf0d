import { describe, expect, it } from 'vitest';
import type { CheckedEntry } from '../../../src/lib/check/check-content';
import type { Problem } from '../../../src/lib/check/problem';
import { badgesOf, buildEntryList, displayName, fieldLabel, queryEntries, type EntryList, type EntryListOptions, type EntryRow } from '../../../src/lib/editor/entry-list';
import type { CollectionName } from '../../../src/schemas/index';
import { activity, honor, letter, officer, points, stat, unit, type TestEntry } from '../helpers/entries';

const options: EntryListOptions = { now: new Date('2026-06-01T04:00:00Z'), audience: 'public', contentFolder: 'content' };

/** A test entry as the content check returns it. */
function checked<K extends CollectionName>(collection: K, entry: TestEntry<K>): CheckedEntry {
  const ext = collection === 'stats' || collection === 'points' ? 'yaml' : 'md';
  return { collection, id: entry.id, file: `content/${collection}/${entry.id}.${ext}`, data: entry.data, body: '' } as unknown as CheckedEntry;
}

const root = checked('units', unit('root', { kind: 'brigade', name: '测试大队' }));
const wangXiang = checked('officers', officer('wang-xiang', { name: '王祥', consent: false }));
const liMing = checked('officers', officer('li-ming', { name: '李明' }));

function listOf(entries: CheckedEntry[], problems: Problem[] = [], extra: Partial<EntryListOptions> = {}): EntryList {
  return buildEntryList({ entries: [root, ...entries], problems }, { ...options, ...extra });
}

const rowOf = (list: EntryList, collection: CollectionName, id: string): EntryRow => {
  const row = list.rows.find((r) => r.collection === collection && r.id === id);
  if (!row) throw new Error(`no row ${collection}/${id}`);
  return row;
};

describe('displayName: what the list calls an entry', () => {
  it.each<[CollectionName, Record<string, unknown>, string]>([
    ['officers', { name: '王祥' }, '王祥'],
    ['units', { name: '东进警务站' }, '东进警务站'],
    ['honors', { title: '个人三等功' }, '个人三等功'],
    ['activities', { title: '学习会' }, '学习会'],
    ['stats', { title: '2020年上半年工作数据' }, '2020年上半年工作数据'],
    ['letters', { from: '市民李女士', summary: '感谢民警帮助找回丢失的钱包' }, '市民李女士：感谢民警帮助找回丢失的钱包'],
    ['letters', { from: '市民李女士', summary: '一二三四五六七八九十一二三四五六七八九十一二三四五六' }, '市民李女士：一二三四五六七八九十一二三四五六七八九十一二三四…'],
    ['points', { unit: { collection: 'units', id: 'root' }, month: '2026-03' }, '测试大队 2026年3月'],
  ])('%s %j → %s', (collection, data, name) => {
    expect(displayName(collection, data, (ref) => (ref.id === 'root' ? '测试大队' : undefined))).toBe(name);
  });

  it('names a points file by its unit id when the unit is unknown', () => {
    expect(displayName('points', { unit: { collection: 'units', id: 'station-a' }, month: '2026-03' })).toBe('station-a 2026年3月');
  });
});

describe('buildEntryList: why an entry will not be public', () => {
  it('a person without consent, and what is left out with them', () => {
    const list = listOf([
      wangXiang,
      liMing,
      checked('honors', honor('h1', { recipients: { officers: ['wang-xiang'] } })),
      checked('honors', honor('h2', { title: '优秀辅警', recipients: { officers: ['wang-xiang'] } })),
      // Still public: 李明 remains.
      checked('honors', honor('h3', { recipients: { officers: ['wang-xiang', 'li-ming'] } })),
      checked('letters', letter('l1', { to: { officers: ['wang-xiang'] } })),
      // The host is only left off; the activity stays.
      checked('activities', activity('a1', { host: 'wang-xiang' })),
    ]);
    expect(rowOf(list, 'officers', 'wang-xiang')).toMatchObject({
      noConsent: true,
      public: false,
      why: '此人未同意公开，与其相关的 2 项荣誉和 1 封感谢信也不会公开',
    });
    expect(rowOf(list, 'honors', 'h1').why).toBe('获奖人物“王祥”未同意公开，此荣誉不会公开');
    expect(rowOf(list, 'honors', 'h1')).toMatchObject({ public: false, noConsent: false });
    expect(rowOf(list, 'letters', 'l1').why).toBe('致谢人物“王祥”未同意公开，此感谢信不会公开');
    expect(rowOf(list, 'honors', 'h3')).toMatchObject({ public: true, why: null });
    expect(rowOf(list, 'activities', 'a1')).toMatchObject({ public: true, why: null });
    expect(rowOf(list, 'officers', 'li-ming')).toMatchObject({ public: true, why: null, noConsent: false });
  });

  it('a person without consent and nothing resting on them', () => {
    expect(rowOf(listOf([wangXiang]), 'officers', 'wang-xiang').why).toBe('此人未同意公开，不会出现在公开网站上');
  });

  it('an internal unit: its people, and what rests on them, counted on the unit', () => {
    const list = listOf([
      checked('units', unit('secret', { name: '内部中队', parent: 'root', visibility: 'internal' })),
      checked('units', unit('under', { name: '下属站', parent: 'secret' })),
      checked('officers', officer('zhang-san', { name: '张三', unit: 'secret' })),
      checked('honors', honor('h', { recipients: { officers: ['zhang-san'] } })),
      checked('stats', stat('s', { unit: 'secret' })),
      checked('activities', activity('a', { unit: 'under' })),
    ]);
    expect(rowOf(list, 'units', 'secret')).toMatchObject({
      internal: true,
      why: '此单位标为内部，与其相关的 1 个单位、1 位人物、1 项荣誉、1 份数据和 1 项活动也不会公开',
    });
    expect(rowOf(list, 'units', 'under').why).toBe('上级单位“内部中队”标为内部，此单位不会公开');
    expect(rowOf(list, 'officers', 'zhang-san').why).toBe('所在单位“内部中队”标为内部，此人不会公开');
    expect(rowOf(list, 'honors', 'h').why).toBe('获奖人物“张三”不会公开，此荣誉不会公开');
    expect(rowOf(list, 'stats', 's').why).toBe('所属单位“内部中队”标为内部，此数据不会公开');
    expect(rowOf(list, 'activities', 'a').why).toBe('举办单位“下属站”不会公开，此活动不会公开');
    expect(rowOf(list, 'officers', 'zhang-san').internal).toBe(false);
  });

  it('names every cause of a knock-on exclusion, grouped by relation and state', () => {
    const list = listOf([
      wangXiang,
      checked('officers', officer('zhao-si', { name: '赵四', consent: false })),
      checked('units', unit('secret', { name: '内部中队', parent: 'root', visibility: 'internal' })),
      checked('honors', honor('h', { scope: 'collective', recipients: { officers: ['wang-xiang', 'zhao-si'], units: ['secret'] } })),
    ]);
    expect(rowOf(list, 'honors', 'h').why).toBe('获奖人物“王祥”、“赵四”未同意公开，获奖单位“内部中队”标为内部，此荣誉不会公开');
  });

  it('a draft', () => {
    const list = listOf([checked('officers', officer('draft-person', { name: '草稿人', draft: true })), checked('letters', letter('l', { to: { officers: ['draft-person'] } }))]);
    expect(rowOf(list, 'officers', 'draft-person')).toMatchObject({ draft: true, why: '这是草稿，与其相关的 1 封感谢信也不会公开' });
    expect(rowOf(list, 'letters', 'l').why).toBe('致谢人物“草稿人”是草稿，此感谢信不会公开');
    expect(rowOf(listOf([checked('honors', honor('h', { draft: true }))]), 'honors', 'h').why).toBe('这是草稿，不会公开');
  });

  it('an embargoed entry says until when, in Beijing time', () => {
    const list = listOf([
      checked('officers', officer('later', { name: '稍后', publishDate: '2026-07-01 08:00' })),
      checked('honors', honor('h', { recipients: { officers: ['later'] } })),
      checked('honors', honor('past', { publishDate: '2026-05-01' })),
    ]);
    expect(rowOf(list, 'officers', 'later')).toMatchObject({
      embargoedUntil: '2026年7月1日 08:00',
      why: '定时发布，2026年7月1日 08:00 之前不会公开，与其相关的 1 项荣誉在此之前也不会公开',
    });
    expect(rowOf(list, 'honors', 'h').why).toBe('获奖人物“稍后”尚未到发布时间，此荣誉不会公开');
    expect(rowOf(list, 'honors', 'past')).toMatchObject({ embargoedUntil: null, public: true });
  });

  it('an internal entry, and points the site config keeps internal', () => {
    const list = listOf([liMing, checked('letters', letter('l', { visibility: 'internal' })), checked('points', points('p', { entries: [{ officer: 'li-ming', points: { 学习: 1 } }] }))]);
    expect(rowOf(list, 'letters', 'l')).toMatchObject({ internal: true, why: '此感谢信标为内部，只在内部版本显示' });
    expect(rowOf(list, 'points', 'p')).toMatchObject({ internal: true, public: false, why: '网站设置不公开积分，只在内部版本显示' });
    const published = listOf([liMing, checked('points', points('p', { entries: [{ officer: 'li-ming', points: { 学习: 1 } }] }))], [], { points: 'full' });
    expect(rowOf(published, 'points', 'p')).toMatchObject({ internal: false, public: true });
  });

  it('counts the problems of each file; the missing consent is the badge, not a problem; a reminder of the config is no error to fix', () => {
    const problem = (file: string, severity: Problem['severity'], code: Problem['code'] = 'schema', extra: Partial<Problem> = {}): Problem => ({ file, severity, code, message: '…', ...extra });
    const list = listOf(
      [wangXiang, liMing],
      [
        problem('content/officers/wang-xiang.md', 'warning', 'consent-missing'),
        problem('content/officers/li-ming.md', 'warning', 'possible-personal-data', { message: '可能是个人信息' }),
        problem('content/officers/li-ming.md', 'error', 'schema', { field: 'summary', message: '错误' }),
        problem('content/officers/broken.md', 'error', 'yaml'),
        problem('content/officers/broken.md', 'error', 'yaml'),
        problem('content/officers/photo.jpg', 'error', 'image-size'),
        problem('site.config.yaml', 'error', 'config'),
        problem('site.config.yaml', 'warning', 'gov-footer'),
        problem('public/notes.md', 'error', 'public-file'),
      ],
    );
    expect(rowOf(list, 'officers', 'wang-xiang')).toMatchObject({ errors: 0, warnings: 0 });
    expect(rowOf(list, 'officers', 'li-ming')).toMatchObject({ errors: 1, warnings: 1, problemNotes: ['一句话简介：错误', '可能是个人信息'] });
    expect(rowOf(list, 'officers', 'broken')).toMatchObject({ unreadable: true, errors: 2, public: false, name: 'broken', why: '文件有错误，暂时无法读取，改正之前不会公开' });
    expect(list.rows.filter((r) => r.id === 'photo')).toEqual([]);
    expect(list.otherProblems).toBe(3);
  });
});

describe('queryEntries: search and filters', () => {
  const list = listOf([
    wangXiang,
    liMing,
    checked('officers', officer('shan-xiaoming', { name: '单小明', draft: true })),
    checked('officers', officer('lv-fang', { name: '吕芳', visibility: 'internal' })),
    checked('officers', officer('zeng-li', { name: '曾立', publishDate: '2027-01-01' })),
    checked('honors', honor('wx-honor', { title: '王祥荣誉' })),
  ]);
  const ids = (q: string, filter?: Parameters<typeof queryEntries>[2]['filter']) => queryEntries(list, 'officers', { q, filter }).rows.map((r) => r.id);

  it.each([
    ['the name', '王祥'],
    ['part of the name', '祥'],
    ['full pinyin', 'wangxiang'],
    ['pinyin with a space', 'wang xiang'],
    ['pinyin in capitals', 'WangXiang'],
    ['initials', 'wx'],
    ['full-width initials', 'ｗｘ'],
    ['the id', 'wang-xiang'],
    ['the start of the pinyin', 'wangx'],
  ])('finds 王祥 by %s', (_name, q) => {
    expect(ids(q)).toEqual(['wang-xiang']);
  });

  it('reads surnames as surnames', () => {
    expect(ids('shanxiaoming')).toEqual(['shan-xiaoming']);
    expect(ids('sxm')).toEqual(['shan-xiaoming']);
    expect(ids('zengli')).toEqual(['zeng-li']);
  });

  it('finds ü as v and as u', () => {
    expect(ids('lvfang')).toEqual(['lv-fang']);
    expect(ids('lufang')).toEqual(['lv-fang']);
  });

  it('lists everything of the collection, sorted by pinyin, for an empty query', () => {
    expect(ids('')).toEqual(['li-ming', 'lv-fang', 'shan-xiaoming', 'wang-xiang', 'zeng-li']);
    expect(ids('zzz')).toEqual([]);
  });

  it('keeps to the collection asked for', () => {
    expect(queryEntries(list, 'honors', { q: 'wx' }).rows.map((r) => r.id)).toEqual(['wx-honor']);
  });

  it('filters by state and counts each filter within the search', () => {
    expect(ids('', 'draft')).toEqual(['shan-xiaoming']);
    expect(ids('', 'no-consent')).toEqual(['wang-xiang']);
    expect(ids('', 'internal')).toEqual(['lv-fang']);
    expect(ids('', 'embargoed')).toEqual(['zeng-li']);
    expect(ids('', 'problems')).toEqual([]);
    expect(queryEntries(list, 'officers', {}).counts).toEqual({ all: 5, draft: 1, 'no-consent': 1, internal: 1, embargoed: 1, problems: 0 });
    expect(queryEntries(list, 'officers', { q: 'wx', filter: 'draft' })).toEqual({ rows: [], counts: { all: 1, draft: 0, 'no-consent': 1, internal: 0, embargoed: 0, problems: 0 } });
  });
});

describe('badgesOf', () => {
  const list = listOf(
    [
      wangXiang,
      checked('honors', honor('h', { recipients: { officers: ['wang-xiang'] } })),
      checked('officers', officer('later', { name: '稍后', draft: true, publishDate: '2026-07-01 08:00', visibility: 'internal' })),
    ],
    [
      { file: 'content/honors/h.md', severity: 'warning', code: 'possible-personal-data', message: '…' },
      { file: 'content/honors/broken.md', severity: 'error', code: 'yaml', message: '…' },
    ],
  );
  it.each<[CollectionName, string, string[]]>([
    ['officers', 'wang-xiang', ['未同意公开']],
    ['honors', 'h', ['不公开', '有问题 1']],
    ['officers', 'later', ['草稿', '内部', '定时发布 2026年7月1日 08:00']],
    ['honors', 'broken', ['无法读取']],
    ['units', 'root', []],
  ])('%s/%s: %j', (collection, id, texts) => {
    expect(badgesOf(rowOf(list, collection, id)).map((b) => b.text)).toEqual(texts);
  });
});

describe('fieldLabel: problems name fields in Chinese', () => {
  it.each<[CollectionName, string, string | undefined]>([
    ['officers', 'summary', '一句话简介'],
    ['officers', 'name', '姓名'],
    ['honors', 'recipients.officers[0]', '获奖人物'],
    ['stats', 'metrics[2].value', '数值'],
    ['officers', '正文', '正文'],
    ['officers', 'nickname', undefined],
  ])('%s %s → %s', (collection, field, label) => {
    expect(fieldLabel(collection, field)).toBe(label);
  });
});
