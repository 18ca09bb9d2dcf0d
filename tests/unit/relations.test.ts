import { describe, expect, it } from 'vitest';
import { buildRelations, RootUnitError } from '../../src/lib/relations';
import { activity, collections, honor, letter, officer, stat, unit } from './helpers/entries';

const ids = (entries: readonly { id: string }[]) => entries.map((e) => e.id);

const root = unit('brigade', { kind: 'brigade' });
const dongjin = unit('dongjin', { parent: 'brigade' });
const lianhua = unit('lianhua', { parent: 'brigade' });
const branch = unit('branch', { kind: 'party-branch', parent: 'brigade' });
const wang = officer('wang', { unit: 'dongjin' });
const zhang = officer('zhang', { unit: 'dongjin' });
const chen = officer('chen', { unit: 'brigade' });

const sample = collections({
  units: [root, dongjin, lianhua, branch],
  officers: [wang, zhang, chen],
  honors: [
    honor('old', { date: '2019', recipients: { officers: ['wang'] } }),
    honor('undated', { recipients: { officers: ['wang', 'zhang'] } }),
    honor('new', { date: '2021-03-01', recipients: { officers: ['wang'] } }),
    honor('mid', { date: '2020-06', recipients: { officers: ['wang'] } }),
    honor('collective', { scope: 'collective', date: '2020', recipients: { units: ['dongjin'], officers: ['wang'] } }),
    honor('twice', { date: '2018', recipients: { officers: ['zhang', 'zhang'] } }),
    honor('unit-twice', { scope: 'collective', date: '2018', recipients: { units: ['lianhua', 'lianhua'] } }),
  ],
  letters: [
    letter('l-2019', { date: '2019-05', to: { officers: ['wang'] } }),
    letter('l-2020', { date: '2020-01-02', to: { officers: ['wang'], units: ['dongjin'] } }),
    letter('l-brigade', { date: '2020', to: { units: ['brigade'] } }),
  ],
  stats: [
    stat('h1', { unit: 'brigade', period: { start: '2020-01', end: '2020-06' } }),
    stat('h2', { unit: 'brigade', period: { start: '2020-07', end: '2020-12' } }),
    stat('s-2019', { unit: 'brigade', period: { start: '2019', end: '2019' } }),
  ],
  activities: [
    activity('a-old', { date: '2020-04', unit: 'branch', host: 'chen' }),
    activity('a-new', { date: '2020-06-29', unit: 'branch', host: 'chen' }),
    activity('a-long', { start: '2020-05-01', end: '2020-05-31', unit: 'dongjin' }),
  ],
});

describe('buildRelations', () => {
  const index = buildRelations(sample);

  it('finds the site’s own unit: the one without a parent', () => {
    expect(index.root.id).toBe('brigade');
  });

  it('looks entries up by id', () => {
    expect(index.unit('dongjin')).toBe(dongjin);
    expect(index.officer('wang')).toBe(wang);
    expect(index.unit('nowhere')).toBeUndefined();
    expect(index.officer('nobody')).toBeUndefined();
  });

  describe('of an officer', () => {
    it('lists the honours newest first, partial dates by year, undated last', () => {
      expect(ids(index.ofOfficer('wang').honors)).toEqual(['new', 'mid', 'collective', 'old', 'undated']);
    });

    it('counts a recipient listed twice once', () => {
      expect(ids(index.ofOfficer('zhang').honors)).toEqual(['twice', 'undated']);
    });

    it('lists the letters thanking them, newest first', () => {
      expect(ids(index.ofOfficer('wang').letters)).toEqual(['l-2020', 'l-2019']);
    });

    it('lists the activities they hosted, newest first', () => {
      expect(ids(index.ofOfficer('chen').hostedActivities)).toEqual(['a-new', 'a-old']);
      expect(index.ofOfficer('wang').hostedActivities).toEqual([]);
    });

    it('gives empty lists for an officer nothing links to, or an unknown id', () => {
      expect(index.ofOfficer('chen')).toMatchObject({ honors: [], letters: [] });
      expect(index.ofOfficer('nobody')).toEqual({ honors: [], letters: [], hostedActivities: [] });
    });
  });

  describe('of a unit', () => {
    it('lists the collective honours naming the unit, not the honours of its members', () => {
      expect(ids(index.ofUnit('dongjin').honors)).toEqual(['collective']);
    });

    it('counts a unit listed twice once', () => {
      expect(ids(index.ofUnit('lianhua').honors)).toEqual(['unit-twice']);
    });

    it('lists the letters thanking the unit', () => {
      expect(ids(index.ofUnit('dongjin').letters)).toEqual(['l-2020']);
      expect(ids(index.ofUnit('brigade').letters)).toEqual(['l-brigade']);
    });

    it('lists the stats newest period first', () => {
      expect(ids(index.ofUnit('brigade').stats)).toEqual(['h2', 'h1', 's-2019']);
    });

    it('lists the units directly under it, in file order', () => {
      expect(ids(index.ofUnit('brigade').children)).toEqual(['dongjin', 'lianhua', 'branch']);
      expect(index.ofUnit('dongjin').children).toEqual([]);
    });

    it('lists its members in file order', () => {
      expect(ids(index.ofUnit('dongjin').members)).toEqual(['wang', 'zhang']);
      expect(ids(index.ofUnit('brigade').members)).toEqual(['chen']);
    });

    it('lists the activities held there, newest first, a longer activity by its first day', () => {
      expect(ids(index.ofUnit('branch').activities)).toEqual(['a-new', 'a-old']);
      expect(ids(index.ofUnit('dongjin').activities)).toEqual(['a-long']);
    });

    it('gives empty lists for an unknown unit', () => {
      expect(index.ofUnit('nowhere')).toEqual({ honors: [], letters: [], stats: [], children: [], members: [], activities: [] });
    });
  });

  it('keeps entries of the same date in file order', () => {
    const same = collections({
      units: [root],
      officers: [chen],
      honors: ['b', 'a', 'c'].map((id) => honor(id, { date: '2020', recipients: { officers: ['chen'] } })),
    });
    expect(ids(buildRelations(same).ofOfficer('chen').honors)).toEqual(['b', 'a', 'c']);
  });

  it('does not reorder the collections it was given', () => {
    expect(ids(sample.honors)).toEqual(['old', 'undated', 'new', 'mid', 'collective', 'twice', 'unit-twice']);
  });
});

describe('root detection', () => {
  it('throws RootUnitError when every unit has a parent', () => {
    const units = [unit('a', { parent: 'b' }), unit('b', { parent: 'a' })];
    const build = () => buildRelations(collections({ units }));
    expect(build).toThrow(RootUnitError);
    expect(build).toThrow('没有找到本站单位：应有且只有一个不填 parent 的单位');
  });

  it('throws RootUnitError when there are no units at all', () => {
    expect(() => buildRelations(collections({}))).toThrow(RootUnitError);
  });

  it('throws RootUnitError naming every root when several units have no parent', () => {
    let error: unknown;
    try {
      buildRelations(collections({ units: [unit('one'), unit('child', { parent: 'one' }), unit('two')] }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RootUnitError);
    expect((error as RootUnitError).roots).toEqual(['one', 'two']);
    expect((error as RootUnitError).message).toBe('不填 parent 的单位有 2 个（one、two），应只有一个（Several root units.)');
  });
});
