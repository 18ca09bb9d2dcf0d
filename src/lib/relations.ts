/**
 * The relations index: who received which honour, which letters thank whom, what happened where.
 * Built once per build from the published collections in one pass over each; pages look things up
 * here instead of scanning collections themselves.
 */
import { compareNewestFirst } from './partial-date';
import { comparePeriodsNewestFirst } from './stats-series';
import type { ActivityLike, Collections, HonorLike, LetterLike, OfficerLike, StatLike, UnitLike } from './publishing';

type Of<C extends Collections, K extends keyof Collections> = C[K][number];

/** What links to an officer. Every list is newest first. */
export interface OfficerRelations<C extends Collections> {
  honors: Of<C, 'honors'>[];
  letters: Of<C, 'letters'>[];
  /** Activities this officer hosted (轮值主持). */
  hostedActivities: Of<C, 'activities'>[];
}

/** What links to a unit. Dated lists are newest first; units and members keep file order. */
export interface UnitRelations<C extends Collections> {
  /** Honours the unit received itself (collective honours naming it). */
  honors: Of<C, 'honors'>[];
  letters: Of<C, 'letters'>[];
  stats: Of<C, 'stats'>[];
  /** Units directly under this one. */
  children: Of<C, 'units'>[];
  /** Officers whose `unit` is this one. */
  members: Of<C, 'officers'>[];
  /** Activities held at this unit. */
  activities: Of<C, 'activities'>[];
}

export interface RelationsIndex<C extends Collections> {
  /** The site's own unit: the one without a parent. */
  root: Of<C, 'units'>;
  unit(id: string): Of<C, 'units'> | undefined;
  officer(id: string): Of<C, 'officers'> | undefined;
  ofOfficer(id: string): OfficerRelations<C>;
  ofUnit(id: string): UnitRelations<C>;
}

/** Thrown when the published units have no root or several: the content check reports it first. */
export class RootUnitError extends Error {
  constructor(public readonly roots: string[]) {
    super(
      roots.length === 0
        ? '没有找到本站单位：应有且只有一个不填 parent 的单位（No root unit: exactly one unit must have no parent.)'
        : `不填 parent 的单位有 ${roots.length} 个（${roots.join('、')}），应只有一个（Several root units.)`,
    );
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Builds the index in O(n log n): one pass per collection, then one sort per list. */
export function buildRelations<C extends Collections>(collections: C): RelationsIndex<C> {
  type U = Of<C, 'units'>;
  type O = Of<C, 'officers'>;
  type H = Of<C, 'honors'>;
  type L = Of<C, 'letters'>;
  type S = Of<C, 'stats'>;
  type A = Of<C, 'activities'>;

  const units = new Map<string, U>(collections.units.map((u: UnitLike) => [u.id, u as U]));
  const officers = new Map<string, O>(collections.officers.map((o: OfficerLike) => [o.id, o as O]));

  const officerHonors = new Map<string, H[]>();
  const officerLetters = new Map<string, L[]>();
  const officerHosted = new Map<string, A[]>();
  const unitHonors = new Map<string, H[]>();
  const unitLetters = new Map<string, L[]>();
  const unitStats = new Map<string, S[]>();
  const unitChildren = new Map<string, U[]>();
  const unitMembers = new Map<string, O[]>();
  const unitActivities = new Map<string, A[]>();

  const roots: U[] = [];
  for (const unit of collections.units as U[]) {
    if (unit.data.parent) push(unitChildren, unit.data.parent.id, unit);
    else roots.push(unit);
  }
  for (const officer of collections.officers as O[]) push(unitMembers, officer.data.unit.id, officer);
  for (const honor of collections.honors as H[]) {
    // A recipient listed twice still gets the honour once.
    for (const id of new Set(honor.data.recipients.officers.map((r) => r.id))) push(officerHonors, id, honor);
    for (const id of new Set(honor.data.recipients.units.map((r) => r.id))) push(unitHonors, id, honor);
  }
  for (const letter of collections.letters as L[]) {
    for (const id of new Set(letter.data.to.officers.map((r) => r.id))) push(officerLetters, id, letter);
    for (const id of new Set(letter.data.to.units.map((r) => r.id))) push(unitLetters, id, letter);
  }
  for (const stat of collections.stats as S[]) push(unitStats, stat.data.unit.id, stat);
  for (const activity of collections.activities as A[]) {
    push(unitActivities, activity.data.unit.id, activity);
    if (activity.data.host) push(officerHosted, activity.data.host.id, activity);
  }

  const byDate = (a: HonorLike | LetterLike | ActivityLike, b: HonorLike | LetterLike | ActivityLike) =>
    compareNewestFirst(a.data.date, b.data.date);
  const byPeriod = (a: StatLike, b: StatLike) => comparePeriodsNewestFirst(a.data.period, b.data.period);
  for (const map of [officerHonors, officerLetters, officerHosted, unitHonors, unitLetters, unitActivities]) {
    for (const list of map.values()) list.sort(byDate);
  }
  for (const list of unitStats.values()) list.sort(byPeriod);

  if (roots.length !== 1) throw new RootUnitError(roots.map((r) => r.id));
  const root = roots[0]!;

  return {
    root,
    unit: (id) => units.get(id),
    officer: (id) => officers.get(id),
    ofOfficer: (id) => ({
      honors: officerHonors.get(id) ?? [],
      letters: officerLetters.get(id) ?? [],
      hostedActivities: officerHosted.get(id) ?? [],
    }),
    ofUnit: (id) => ({
      honors: unitHonors.get(id) ?? [],
      letters: unitLetters.get(id) ?? [],
      stats: unitStats.get(id) ?? [],
      children: unitChildren.get(id) ?? [],
      members: unitMembers.get(id) ?? [],
      activities: unitActivities.get(id) ?? [],
    }),
  };
}
