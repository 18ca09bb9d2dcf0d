import { describe, expect, it } from 'vitest';
import { ownExclusionReason, publish, type Audience, type PublishOptions } from '../../src/lib/publishing';
import { activity, collections, honor, letter, officer, stat, unit } from './helpers/entries';

/** 2026-06-01 12:00 Beijing time. */
const now = new Date('2026-06-01T04:00:00Z');
const publicSite: PublishOptions = { now, audience: 'public' };
const intranet: PublishOptions = { now, audience: 'internal' };

const ids = (entries: readonly { id: string }[]) => entries.map((e) => e.id);

describe('ownExclusionReason', () => {
  const base = { draft: false, visibility: 'public' as const };

  it.each<{ name: string; data: Parameters<typeof ownExclusionReason>[1]; audience: Audience; reason: string | null }>([
    { name: 'a plain public entry is shown', data: base, audience: 'public', reason: null },
    { name: 'a draft is never shown, even on the intranet', data: { ...base, draft: true }, audience: 'internal', reason: 'draft' },
    { name: 'a draft wins over every other reason', data: { draft: true, visibility: 'internal', publishDate: new Date('2030-01-01') }, audience: 'public', reason: 'draft' },
    { name: 'an embargoed entry is not shown before its publishDate', data: { ...base, publishDate: new Date('2026-06-02T00:00:00Z') }, audience: 'public', reason: 'embargoed' },
    { name: 'an embargo also holds on the intranet', data: { ...base, publishDate: new Date('2026-06-02T00:00:00Z') }, audience: 'internal', reason: 'embargoed' },
    { name: 'an entry whose publishDate has passed is shown', data: { ...base, publishDate: new Date('2026-05-31T00:00:00Z') }, audience: 'public', reason: null },
    { name: 'an entry whose publishDate is exactly now is shown', data: { ...base, publishDate: now }, audience: 'public', reason: null },
    { name: 'an internal entry is hidden from the public', data: { ...base, visibility: 'internal' }, audience: 'public', reason: 'internal' },
    { name: 'an internal entry is shown on the intranet', data: { ...base, visibility: 'internal' }, audience: 'internal', reason: null },
  ])('$name', ({ data, audience, reason }) => {
    expect(ownExclusionReason('honors', data, { now, audience })).toBe(reason);
  });

  it.each<[boolean | undefined, Audience, string | null]>([
    [true, 'public', null],
    [false, 'public', 'no-consent'],
    [undefined, 'public', 'no-consent'],
    [false, 'internal', null],
  ])('an officer with consent %s is %s for the %s audience', (consent, audience, reason) => {
    const data = consent === undefined ? base : { ...base, consent };
    expect(ownExclusionReason('officers', data, { now, audience })).toBe(reason);
  });

  it('asks for consent only of officers', () => {
    expect(ownExclusionReason('units', { ...base, consent: false }, publicSite)).toBeNull();
  });

  it('compares publishDate with the `now` it is given, not the clock', () => {
    const data = { ...base, publishDate: new Date('2099-01-01T00:00:00Z') };
    expect(ownExclusionReason('letters', data, { now: new Date('2100-01-01T00:00:00Z'), audience: 'public' })).toBeNull();
  });
});

describe('publish: the entry’s own rules', () => {
  const root = unit('root', { kind: 'brigade' });

  it.each([
    { name: 'a draft', fields: { draft: true }, reason: 'draft' },
    { name: 'an entry embargoed until tomorrow (Beijing time)', fields: { publishDate: '2026-06-02' }, reason: 'embargoed' },
    { name: 'an entry embargoed until later today', fields: { publishDate: '2026-06-01 12:00:01' }, reason: 'embargoed' },
    { name: 'an internal entry', fields: { visibility: 'internal' }, reason: 'internal' },
  ])('leaves out $name and records why', ({ fields, reason }) => {
    const result = publish(collections({ units: [root], honors: [honor('h1'), honor('h2', fields)] }), publicSite);
    expect(ids(result.collections.honors)).toEqual(['h1']);
    expect(result.excluded).toEqual([{ collection: 'honors', id: 'h2', reason }]);
  });

  it('publishes an entry whose publishDate (Beijing time) has been reached', () => {
    const result = publish(collections({ units: [root], honors: [honor('h', { publishDate: '2026-06-01 12:00' })] }), publicSite);
    expect(ids(result.collections.honors)).toEqual(['h']);
    expect(result.excluded).toEqual([]);
  });

  it('reads publishDate relative to the given now', () => {
    const input = collections({ units: [root], letters: [letter('l', { publishDate: '2026-12-01' })] });
    expect(ids(publish(input, { now: new Date('2026-11-30T15:59:59Z'), audience: 'public' }).collections.letters)).toEqual([]);
    expect(ids(publish(input, { now: new Date('2026-11-30T16:00:00Z'), audience: 'public' }).collections.letters)).toEqual(['l']);
  });

  it('shows internal entries on the intranet edition only', () => {
    const input = collections({ units: [root], activities: [activity('a', { visibility: 'internal' })] });
    expect(ids(publish(input, publicSite).collections.activities)).toEqual([]);
    expect(ids(publish(input, intranet).collections.activities)).toEqual(['a']);
  });

  it('leaves out an officer without consent from the public site but lists them on the intranet', () => {
    const input = collections({ units: [root], officers: [officer('yes'), officer('no', { consent: false })] });
    const open = publish(input, publicSite);
    expect(ids(open.collections.officers)).toEqual(['yes']);
    expect(open.excluded).toEqual([{ collection: 'officers', id: 'no', reason: 'no-consent' }]);
    expect(ids(publish(input, intranet).collections.officers)).toEqual(['yes', 'no']);
  });

  it('applies the rules to every collection', () => {
    const draft = { draft: true };
    const input = collections({
      units: [root, unit('u', draft)],
      officers: [officer('o', draft)],
      honors: [honor('h', draft)],
      letters: [letter('l', draft)],
      stats: [stat('s', draft)],
      activities: [activity('a', draft)],
    });
    const { collections: out, excluded } = publish(input, publicSite);
    expect([out.units, out.officers, out.honors, out.letters, out.stats, out.activities].map(ids)).toEqual([['root'], [], [], [], [], []]);
    expect(excluded).toEqual([
      { collection: 'units', id: 'u', reason: 'draft' },
      { collection: 'officers', id: 'o', reason: 'draft' },
      { collection: 'honors', id: 'h', reason: 'draft' },
      { collection: 'letters', id: 'l', reason: 'draft' },
      { collection: 'stats', id: 's', reason: 'draft' },
      { collection: 'activities', id: 'a', reason: 'draft' },
    ]);
  });

  it('returns the published entries unchanged when nothing is excluded', () => {
    const input = collections({
      units: [root, unit('station', { parent: 'root' })],
      officers: [officer('o', { unit: 'station' })],
      honors: [honor('h', { recipients: { officers: ['o'] } })],
      letters: [letter('l', { to: { officers: ['o'], units: ['station'] } })],
      stats: [stat('s')],
      activities: [activity('a', { host: 'o' })],
    });
    const result = publish(input, publicSite);
    expect(result.excluded).toEqual([]);
    expect(result.collections).toEqual(input);
  });
});

describe('publish: cascades', () => {
  const root = unit('root', { kind: 'brigade' });
  const hidden = unit('hidden', { parent: 'root', visibility: 'internal' });

  it('leaves out the officers of an excluded unit', () => {
    const input = collections({ units: [root, hidden], officers: [officer('inside', { unit: 'hidden' }), officer('outside')] });
    const result = publish(input, publicSite);
    expect(ids(result.collections.officers)).toEqual(['outside']);
    expect(result.excluded).toContainEqual({ collection: 'officers', id: 'inside', reason: 'depends-on-excluded' });
  });

  it('leaves out every unit under an excluded unit, however deep', () => {
    const input = collections({
      units: [unit('grandchild', { parent: 'child' }), root, unit('child', { parent: 'hidden' }), hidden, unit('sibling', { parent: 'root' })],
    });
    const result = publish(input, publicSite);
    expect(ids(result.collections.units)).toEqual(['root', 'sibling']);
    expect(result.excluded).toEqual([
      { collection: 'units', id: 'hidden', reason: 'internal' },
      { collection: 'units', id: 'grandchild', reason: 'depends-on-excluded' },
      { collection: 'units', id: 'child', reason: 'depends-on-excluded' },
    ]);
  });

  it('leaves out units whose parents form a cycle, and units whose parent does not exist', () => {
    const input = collections({
      units: [root, unit('a', { parent: 'b' }), unit('b', { parent: 'a' }), unit('self', { parent: 'self' }), unit('orphan', { parent: 'nowhere' })],
    });
    const result = publish(input, publicSite);
    expect(ids(result.collections.units)).toEqual(['root']);
    expect(result.excluded.map((e) => [e.id, e.reason])).toEqual([
      ['a', 'depends-on-excluded'],
      ['b', 'depends-on-excluded'],
      ['self', 'depends-on-excluded'],
      ['orphan', 'depends-on-excluded'],
    ]);
  });

  it('drops an honour whose every recipient is excluded', () => {
    const input = collections({
      units: [root, hidden],
      officers: [officer('no', { consent: false })],
      honors: [
        honor('only-no-consent', { recipients: { officers: ['no'] } }),
        honor('only-hidden-unit', { scope: 'collective', recipients: { units: ['hidden'] } }),
      ],
    });
    const result = publish(input, publicSite);
    expect(result.collections.honors).toEqual([]);
    expect(result.excluded).toEqual(
      expect.arrayContaining([
        { collection: 'honors', id: 'only-no-consent', reason: 'depends-on-excluded' },
        { collection: 'honors', id: 'only-hidden-unit', reason: 'depends-on-excluded' },
      ]),
    );
  });

  it.each([
    ['another officer', { officers: ['no', 'yes'] }, { officers: ['yes'], units: [], others: [] }],
    ['a named recipient without a profile', { officers: ['no'], others: ['李某'] }, { officers: [], units: [], others: ['李某'] }],
    // The count shrinks by the hidden people, so 等N人 never tells how many are hidden.
    ['a count', { officers: ['no'], count: 8 }, { officers: [], units: [], others: [], count: 7 }],
    ['a count that named everyone', { officers: ['no', 'yes'], count: 2 }, { officers: ['yes'], units: [], others: [] }],
    ['a count beyond the names', { officers: ['no', 'yes'], others: ['李某'], count: 10 }, { officers: ['yes'], units: [], others: ['李某'], count: 9 }],
  ])('keeps an honour shared with %s but removes the excluded officer from its recipients', (_name, recipients, expected) => {
    const input = collections({
      units: [root],
      officers: [officer('yes'), officer('no', { consent: false })],
      honors: [honor('shared', { recipients })],
    });
    const result = publish(input, publicSite);
    const [shared] = result.collections.honors;
    expect(shared?.data.recipients).toEqual({
      ...expected,
      officers: expected.officers.map((id) => ({ collection: 'officers', id })),
    });
    expect(result.excluded).toEqual([{ collection: 'officers', id: 'no', reason: 'no-consent' }]);
  });

  it('removes an excluded unit from the recipients of a collective honour that keeps others', () => {
    const input = collections({
      units: [root, hidden],
      honors: [honor('c', { scope: 'collective', recipients: { units: ['hidden', 'root'] } })],
    });
    expect(publish(input, publicSite).collections.honors[0]?.data.recipients.units).toEqual([{ collection: 'units', id: 'root' }]);
  });

  it('does not change the input entries when it removes recipients', () => {
    const shared = honor('shared', { recipients: { officers: ['no', 'yes'] } });
    publish(collections({ units: [root], officers: [officer('yes'), officer('no', { consent: false })], honors: [shared] }), publicSite);
    expect(shared.data.recipients.officers.map((r) => r.id)).toEqual(['no', 'yes']);
  });

  it('drops a letter thanking only excluded officers and units', () => {
    const input = collections({
      units: [root, hidden],
      officers: [officer('no', { consent: false })],
      letters: [letter('l', { to: { officers: ['no'], units: ['hidden'] } })],
    });
    const result = publish(input, publicSite);
    expect(result.collections.letters).toEqual([]);
    expect(result.excluded).toContainEqual({ collection: 'letters', id: 'l', reason: 'depends-on-excluded' });
  });

  it('keeps a letter that still thanks someone, without the excluded addressees', () => {
    const input = collections({
      units: [root, hidden],
      officers: [officer('no', { consent: false }), officer('yes')],
      letters: [letter('l', { to: { officers: ['no', 'yes'], units: ['hidden'] } })],
    });
    expect(publish(input, publicSite).collections.letters[0]?.data.to).toEqual({ officers: [{ collection: 'officers', id: 'yes' }], units: [] });
  });

  it('keeps an activity whose host is excluded, without the host', () => {
    const input = collections({ units: [root], officers: [officer('no', { consent: false })], activities: [activity('a', { host: 'no' })] });
    const result = publish(input, publicSite);
    const [kept] = result.collections.activities;
    expect(kept?.id).toBe('a');
    expect(kept?.data).not.toHaveProperty('host');
    expect(result.excluded).toEqual([{ collection: 'officers', id: 'no', reason: 'no-consent' }]);
  });

  it('keeps the host of an activity on the intranet, where consent is not required', () => {
    const input = collections({ units: [root], officers: [officer('no', { consent: false })], activities: [activity('a', { host: 'no' })] });
    expect(publish(input, intranet).collections.activities[0]?.data.host).toEqual({ collection: 'officers', id: 'no' });
  });

  it('drops the activities and stats of an excluded unit', () => {
    const input = collections({
      units: [root, hidden],
      stats: [stat('kept'), stat('hidden-stats', { unit: 'hidden' })],
      activities: [activity('kept'), activity('hidden-activity', { unit: 'hidden' })],
    });
    const result = publish(input, publicSite);
    expect(ids(result.collections.stats)).toEqual(['kept']);
    expect(ids(result.collections.activities)).toEqual(['kept']);
    expect(result.excluded).toEqual([
      { collection: 'units', id: 'hidden', reason: 'internal' },
      { collection: 'stats', id: 'hidden-stats', reason: 'depends-on-excluded' },
      { collection: 'activities', id: 'hidden-activity', reason: 'depends-on-excluded' },
    ]);
  });

  it('publishes everything that depends on an internal unit on the intranet', () => {
    const input = collections({
      units: [root, hidden],
      officers: [officer('inside', { unit: 'hidden' })],
      stats: [stat('s', { unit: 'hidden' })],
      honors: [honor('h', { scope: 'collective', recipients: { units: ['hidden'] } })],
    });
    const result = publish(input, intranet);
    expect(result.excluded).toEqual([]);
    expect(result.collections).toEqual(input);
  });

  it('records each excluded entry once, with collection, id and reason', () => {
    const input = collections({
      units: [root, hidden],
      officers: [officer('inside', { unit: 'hidden' }), officer('draft', { draft: true })],
      honors: [honor('h', { recipients: { officers: ['inside', 'draft'] } })],
    });
    expect(publish(input, publicSite).excluded).toEqual([
      { collection: 'units', id: 'hidden', reason: 'internal' },
      { collection: 'officers', id: 'draft', reason: 'draft' },
      { collection: 'officers', id: 'inside', reason: 'depends-on-excluded' },
      { collection: 'honors', id: 'h', reason: 'depends-on-excluded' },
    ]);
  });
});
