/**
 * Who sees points: the intranet edition always, the public site only when the config publishes
 * them; a member who is not published in an edition is left off its boards.
 */
import { describe, expect, it } from 'vitest';
import { leakCanaries } from '../../src/lib/leak-canaries';
import { pointsAudience } from '../../src/lib/points-audience';
import { publish, type PublishOptions } from '../../src/lib/publishing';
import { collections, officer, points, unit } from './helpers/entries';

const now = new Date('2026-06-01T04:00:00Z');

describe('pointsAudience', () => {
  it.each([
    ['internal', false, { shown: true, names: 'full', notes: true, profiles: true }],
    ['internal', 'masked', { shown: true, names: 'full', notes: true, profiles: true }],
    ['public', false, { shown: false }],
    ['public', 'full', { shown: true, names: 'full', notes: true, profiles: true }],
    ['public', 'masked', { shown: true, names: 'masked', notes: false, profiles: false }],
  ] as const)('the %s edition with points.publish %s', (audience, publish, rule) => {
    expect(pointsAudience(audience, publish)).toEqual(rule);
  });
});

describe('publishing points', () => {
  const content = collections({
    units: [unit('root', { kind: 'brigade' }), unit('secret', { parent: 'root', visibility: 'internal' })],
    officers: [officer('a'), officer('no-consent', { consent: false })],
    points: [
      points('root-2021-03', { entries: [{ officer: 'a', points: { 志愿服务: 2 } }, { officer: 'no-consent', points: { 志愿服务: 9 } }] }),
      points('secret-2021-03', { unit: 'secret' }),
      points('draft-2021-04', { month: '2021-04', draft: true }),
    ],
  });
  const run = (options: Omit<PublishOptions, 'now'>) => publish(content, { now, ...options });

  it('keeps every points file out of the public build by default, as internal', () => {
    const { collections: out, excluded } = run({ audience: 'public' });
    expect(out.points).toEqual([]);
    expect(excluded.filter((x) => x.collection === 'points')).toEqual([
      { collection: 'points', id: 'root-2021-03', reason: 'internal' },
      { collection: 'points', id: 'secret-2021-03', reason: 'internal' },
      { collection: 'points', id: 'draft-2021-04', reason: 'internal' },
    ]);
  });

  it('shows points of internal units and members without consent on the intranet, never drafts', () => {
    const { collections: out } = run({ audience: 'internal' });
    expect(out.points.map((p) => [p.id, p.data.entries.map((e) => e.officer.id)])).toEqual([
      ['root-2021-03', ['a', 'no-consent']],
      ['secret-2021-03', ['a']],
    ]);
  });

  it.each(['full', 'masked'] as const)('publishes points with %s names, without members or units the public may not see', (mode) => {
    const { collections: out, excluded } = run({ audience: 'public', points: mode });
    expect(out.points.map((p) => [p.id, p.data.entries.map((e) => e.officer.id)])).toEqual([['root-2021-03', ['a']]]);
    expect(excluded).toContainEqual({ collection: 'points', id: 'secret-2021-03', reason: 'depends-on-excluded' });
  });

  it('makes the remarks and the month board of excluded points canaries for the privacy guard', () => {
    const excluded = [{ collection: 'points' as const, id: 'root-2021-03', data: { month: '2021-03', entries: [{ note: '夜巡时表现突出，值得表扬' }, { note: '好' }] } }];
    expect(leakCanaries(excluded, [])).toEqual([
      { text: '/points/2021-03/', entry: 'points/root-2021-03', what: '积分榜网址', place: 'source' },
      { text: '夜巡时表现突出,值得表扬', entry: 'points/root-2021-03', what: '积分备注', place: 'reading' },
    ]);
    // Another unit's published board of the same month is not a leak.
    const published = [{ collection: 'points' as const, id: 'b-2021-03', data: { month: '2021-03', entries: [] } }];
    expect(leakCanaries(excluded, published).map((c) => c.what)).toEqual(['积分备注']);
  });
});
