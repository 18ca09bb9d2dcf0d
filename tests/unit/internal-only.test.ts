import { describe, expect, it } from 'vitest';
import { internalOnlyMarks, NO_INTERNAL_ONLY, referencesIn, type InternalOnlyIndex } from '../../src/lib/internal-only';
import { publish, type PublishOptions } from '../../src/lib/publishing';
import type { CollectionName, Ref } from '../../src/schemas/context';
import { activity, collections, honor, letter, officer, points, stat, unit } from './helpers/entries';

const now = new Date('2026-06-01T04:00:00Z');
const publicSite: PublishOptions = { now, audience: 'public' };
const intranet: PublishOptions = { now, audience: 'internal' };

const root = unit('root', { kind: 'brigade', name: '测试大队' });
const secret = unit('secret', { name: '内部中队', parent: 'root', visibility: 'internal' });
const underSecret = unit('under-secret', { name: '内部中队下属站', parent: 'secret' });
const shy = officer('shy', { name: '陈某', consent: false });
const shy2 = officer('shy2', { name: '李某', consent: false });
const open = officer('open', { name: '王某' });

/** The marks of the intranet edition of these collections, as the catalog computes them. */
function marksOf(input: ReturnType<typeof collections>): InternalOnlyIndex {
  const all = { ...input, units: [root, secret, underSecret, ...input.units] };
  const shown = publish(all, intranet).collections;
  const { excluded } = publish(all, publicSite);
  const names = new Map<string, string>([...shown.units, ...shown.officers].map((e) => [`${e.id}`, e.data.name]));
  return internalOnlyMarks(shown, excluded, (ref: Ref) => names.get(ref.id));
}

const markText = (marks: InternalOnlyIndex, collection: CollectionName, id: string) => {
  const mark = marks.get(collection, id);
  return mark && `${mark.label}：${mark.reason}`;
};

describe('internalOnlyMarks: why the public edition leaves an entry out', () => {
  it.each<{ name: string; input: ReturnType<typeof collections>; collection: CollectionName; id: string; text: string }>([
    {
      name: 'a person without consent',
      input: collections({ officers: [shy] }),
      collection: 'officers',
      id: 'shy',
      text: '未同意公开：本人尚未同意公开，此页只在内部版本显示。',
    },
    {
      name: 'an internal letter',
      input: collections({ letters: [letter('l', { visibility: 'internal' })] }),
      collection: 'letters',
      id: 'l',
      text: '内部：此感谢信标为内部，只在内部版本显示。',
    },
    {
      name: 'an internal unit',
      input: collections({}),
      collection: 'units',
      id: 'secret',
      text: '内部：此单位标为内部，只在内部版本显示。',
    },
    {
      name: 'an honour whose only recipient did not consent',
      input: collections({ officers: [shy], honors: [honor('h', { recipients: { officers: ['shy'] } })] }),
      collection: 'honors',
      id: 'h',
      text: '未同意公开：获奖人物“陈某”尚未同意公开，此页只在内部版本显示。',
    },
    {
      name: 'an honour whose two recipients did not consent, named once each',
      input: collections({ officers: [shy, shy2], honors: [honor('h', { recipients: { officers: ['shy', 'shy2'] } })] }),
      collection: 'honors',
      id: 'h',
      text: '未同意公开：获奖人物“陈某”、“李某”尚未同意公开，此页只在内部版本显示。',
    },
    {
      name: 'a collective honour of a person without consent and an internal unit (consent comes first)',
      input: collections({ officers: [shy], honors: [honor('h', { scope: 'collective', recipients: { officers: ['shy'], units: ['secret'] } })] }),
      collection: 'honors',
      id: 'h',
      text: '未同意公开：获奖人物“陈某”尚未同意公开，获奖单位“内部中队”标为内部，此页只在内部版本显示。',
    },
    {
      name: 'a letter thanking only a person without consent',
      input: collections({ officers: [shy], letters: [letter('l', { to: { officers: ['shy'] } })] }),
      collection: 'letters',
      id: 'l',
      text: '未同意公开：致谢人物“陈某”尚未同意公开，此页只在内部版本显示。',
    },
    {
      name: 'a person of an internal unit',
      input: collections({ officers: [officer('member', { unit: 'secret' })] }),
      collection: 'officers',
      id: 'member',
      text: '内部：所在单位“内部中队”标为内部，此页只在内部版本显示。',
    },
    {
      name: 'a unit under an internal unit',
      input: collections({}),
      collection: 'units',
      id: 'under-secret',
      text: '内部：上级单位“内部中队”标为内部，此页只在内部版本显示。',
    },
    {
      name: 'an activity two steps away from the internal unit',
      input: collections({ activities: [activity('a', { unit: 'under-secret' })] }),
      collection: 'activities',
      id: 'a',
      text: '内部：举办单位“内部中队下属站”不在公开版本中，此页只在内部版本显示。',
    },
    {
      name: 'the figures of an internal unit',
      input: collections({ stats: [stat('s', { unit: 'secret' })] }),
      collection: 'stats',
      id: 's',
      text: '内部：所属单位“内部中队”标为内部，此页只在内部版本显示。',
    },
    {
      name: 'points, which the public edition does not show unless configured',
      input: collections({ officers: [open], points: [points('p', { entries: [{ officer: 'open', points: { 学习: 1 } }] })] }),
      collection: 'points',
      id: 'p',
      text: '内部：此积分标为内部，只在内部版本显示。',
    },
  ])('marks $name', ({ input, collection, id, text }) => {
    expect(markText(marksOf(input), collection, id)).toBe(text);
  });

  it('leaves unmarked what the public edition shows, also when part of it is hidden there', () => {
    const marks = marksOf(
      collections({
        officers: [open, shy],
        honors: [honor('shared', { recipients: { officers: ['open', 'shy'] } })],
        activities: [activity('hosted', { host: 'shy' })],
        letters: [letter('l')],
      }),
    );
    for (const [collection, id] of [['officers', 'open'], ['honors', 'shared'], ['activities', 'hosted'], ['letters', 'l'], ['units', 'root']] as const) {
      expect(marks.get(collection, id), `${collection}/${id}`).toBeUndefined();
    }
    expect(marks.get('officers', 'shy')?.kind).toBe('no-consent');
  });

  it('marks nothing the intranet edition does not show either (drafts, embargoed entries)', () => {
    const marks = marksOf(collections({ officers: [officer('draft', { draft: true })], honors: [honor('later', { publishDate: '2030-01-01' })] }));
    expect(marks.get('officers', 'draft')).toBeUndefined();
    expect(marks.get('honors', 'later')).toBeUndefined();
    // The two internal units of the base set, nothing more.
    expect(marks.size).toBe(2);
  });

  it('names an entry by its id when it has no display name', () => {
    const all = collections({ units: [root, secret], stats: [stat('s', { unit: 'secret' })] });
    const marks = internalOnlyMarks(publish(all, intranet).collections, publish(all, publicSite).excluded, () => undefined);
    expect(marks.get('stats', 's')?.reason).toBe('所属单位“secret”标为内部，此页只在内部版本显示。');
  });

  it('has no marks in the public edition', () => {
    expect(NO_INTERNAL_ONLY.size).toBe(0);
    expect(NO_INTERNAL_ONLY.get('officers', 'shy')).toBeUndefined();
  });
});

describe('referencesIn', () => {
  it('finds references at any depth, with the field path and without array indices', () => {
    const data = {
      title: '荣誉',
      date: new Date('2020-01-01'),
      certificate: { src: '/a.png', width: 10, height: 10, format: 'png' },
      recipients: { officers: [{ collection: 'officers', id: 'a' }, { collection: 'officers', id: 'b' }], units: [], others: ['某某'] },
      entries: [{ officer: { collection: 'officers', id: 'c' }, points: { 学习: 1 } }],
    };
    expect(referencesIn(data)).toEqual([
      { field: 'recipients.officers', ref: { collection: 'officers', id: 'a' } },
      { field: 'recipients.officers', ref: { collection: 'officers', id: 'b' } },
      { field: 'entries.officer', ref: { collection: 'officers', id: 'c' } },
    ]);
  });

  it('takes only known collections for references', () => {
    expect(referencesIn({ x: { collection: 'posts', id: 'a' } })).toEqual([]);
  });
});
