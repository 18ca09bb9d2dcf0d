/**
 * The publishing rules, applied once per build to every collection. Pages only ever see what
 * `publish` returns, so a rule cannot hold on one page and not on another.
 */
import type { CollectionName, Ref } from '../schemas/context';
import type { PartialDate } from './partial-date';
import { pointsAudience, type PointsPublish } from './points-audience';

/** Who the build is for: the public site, or the intranet edition that also shows internal entries. */
export type Audience = 'public' | 'internal';

export interface PublishOptions {
  /** The build time. Entries with a later `publishDate` are not published yet. */
  now: Date;
  audience: Audience;
  /** Site config `points.publish`: whether the public edition shows points. Default false. */
  points?: PointsPublish | undefined;
}

/** The fields every collection has that decide whether an entry is shown. */
export interface PublishingData {
  draft: boolean;
  publishDate?: Date | undefined;
  visibility: 'public' | 'internal';
}

interface Entry<D> {
  id: string;
  data: D;
}

export type UnitLike = Entry<PublishingData & { parent?: Ref<'units'> | undefined }>;
export type OfficerLike = Entry<PublishingData & { unit: Ref<'units'>; consent: boolean }>;
export type HonorLike = Entry<
  PublishingData & {
    date?: PartialDate | undefined;
    recipients: { officers: Ref<'officers'>[]; units: Ref<'units'>[]; others: string[]; count?: number | undefined };
  }
>;
export type LetterLike = Entry<PublishingData & { date: PartialDate; to: { officers: Ref<'officers'>[]; units: Ref<'units'>[] } }>;
export type StatLike = Entry<PublishingData & { unit: Ref<'units'>; period: { start: PartialDate; end: PartialDate } }>;
export type ActivityLike = Entry<PublishingData & { date: PartialDate; unit: Ref<'units'>; host?: Ref<'officers'> | undefined }>;
export type PointsLike = Entry<PublishingData & { unit: Ref<'units'>; month: string; entries: { officer: Ref<'officers'> }[] }>;

/** All collections, as loaded or as published. */
export interface Collections {
  units: UnitLike[];
  officers: OfficerLike[];
  honors: HonorLike[];
  letters: LetterLike[];
  stats: StatLike[];
  activities: ActivityLike[];
  points: PointsLike[];
}

/** Why an entry is not on the site. */
export type ExclusionReason =
  | 'draft'
  | 'embargoed'
  | 'internal'
  | 'no-consent'
  /** It depends on an excluded entry: a unit under an excluded unit, an honour whose every recipient is excluded… */
  | 'depends-on-excluded';

export interface ExcludedEntry {
  collection: CollectionName;
  id: string;
  reason: ExclusionReason;
}

/**
 * The entry's own rules, independent of other entries: draft, embargo, audience and consent.
 * Returns null when the entry may be shown to this audience.
 */
export function ownExclusionReason(
  collection: CollectionName,
  data: PublishingData & { consent?: boolean },
  { now, audience }: PublishOptions,
): ExclusionReason | null {
  if (data.draft) return 'draft';
  if (data.publishDate && data.publishDate.getTime() > now.getTime()) return 'embargoed';
  if (data.visibility === 'internal' && audience !== 'internal') return 'internal';
  // Consent is about publication to the public; the intranet edition lists the unit's own people.
  if (collection === 'officers' && data.consent !== true && audience === 'public') return 'no-consent';
  return null;
}

/**
 * Applies the publishing rules to every collection and removes every trace of an excluded entry
 * from the entries that remain: references to it are dropped, and an entry that cannot stand
 * without it (an officer of an excluded unit, a letter thanking only excluded people) is excluded
 * too. The returned entries keep their original type.
 */
export function publish<C extends Collections>(input: C, options: PublishOptions): { collections: C; excluded: ExcludedEntry[] } {
  const excluded: ExcludedEntry[] = [];
  const keep = <E extends Entry<PublishingData & { consent?: boolean }>>(collection: CollectionName, entries: E[]) =>
    entries.filter((entry) => {
      const reason = ownExclusionReason(collection, entry.data, options);
      if (reason) excluded.push({ collection, id: entry.id, reason });
      return reason === null;
    });
  // Drops an entry that cannot stand without an excluded one; returns the empty list for flatMap.
  const drop = (collection: CollectionName, id: string): [] => {
    excluded.push({ collection, id, reason: 'depends-on-excluded' });
    return [];
  };

  const units = keepUnitTree(keep('units', input.units), drop);
  const unitIds = new Set(units.map((u) => u.id));
  const officers = keep('officers', input.officers).flatMap((o) => (unitIds.has(o.data.unit.id) ? [o] : drop('officers', o.id)));
  const officerIds = new Set(officers.map((o) => o.id));
  const visibleOfficers = (refs: Ref<'officers'>[]) => refs.filter((r) => officerIds.has(r.id));
  const visibleUnits = (refs: Ref<'units'>[]) => refs.filter((r) => unitIds.has(r.id));

  const honors = keep('honors', input.honors).flatMap((honor) => {
    const r = honor.data.recipients;
    const officers = visibleOfficers(r.officers);
    // 王祥等2人 with the other one hidden would still say that someone is hidden: the count
    // shrinks by the people left out, and goes when it no longer adds anyone to the names.
    const count = r.count === undefined ? undefined : r.count - (r.officers.length - officers.length);
    const named = officers.length + r.others.length;
    const recipients = { ...r, officers, units: visibleUnits(r.units), count: count !== undefined && count > named ? count : undefined };
    const lostEveryone =
      recipients.officers.length + recipients.units.length + recipients.others.length === 0 && recipients.count === undefined;
    if (lostEveryone) return drop('honors', honor.id);
    return [{ ...honor, data: { ...honor.data, recipients } }];
  });

  const letters = keep('letters', input.letters).flatMap((letter) => {
    const to = { officers: visibleOfficers(letter.data.to.officers), units: visibleUnits(letter.data.to.units) };
    if (to.officers.length + to.units.length === 0) return drop('letters', letter.id);
    return [{ ...letter, data: { ...letter.data, to } }];
  });

  const stats = keep('stats', input.stats).flatMap((s) => (unitIds.has(s.data.unit.id) ? [s] : drop('stats', s.id)));

  const activities = keep('activities', input.activities).flatMap((activity) => {
    if (!unitIds.has(activity.data.unit.id)) return drop('activities', activity.id);
    const { host } = activity.data;
    if (host && !officerIds.has(host.id)) {
      const { host: _dropped, ...data } = activity.data;
      return [{ ...activity, data }];
    }
    return [activity];
  });

  // Points are the unit's own records: unless the config publishes them, only the intranet
  // edition has them. A member who is not published here is left off the board entirely.
  const pointsShown = pointsAudience(options.audience, options.points ?? false).shown;
  if (!pointsShown) for (const file of input.points) excluded.push({ collection: 'points', id: file.id, reason: 'internal' });
  const points = (pointsShown ? keep('points', input.points) : []).flatMap((file) => {
    if (!unitIds.has(file.data.unit.id)) return drop('points', file.id);
    const entries = file.data.entries.filter((e) => officerIds.has(e.officer.id));
    if (entries.length === 0) return drop('points', file.id);
    return [{ ...file, data: { ...file.data, entries } }];
  });

  return {
    collections: { ...input, units, officers, honors, letters, stats, activities, points } as C,
    excluded,
  };
}

/**
 * Keeps the units whose whole chain of parents is kept. Walks the tree from the kept set, so each
 * unit is visited once (no quadratic re-walking of ancestor chains).
 */
function keepUnitTree<U extends UnitLike>(units: U[], drop: (c: CollectionName, id: string) => []): U[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const verdict = new Map<string, boolean>();
  const resolve = (unit: U, trail: Set<string>): boolean => {
    const known = verdict.get(unit.id);
    if (known !== undefined) return known;
    const parentId = unit.data.parent?.id;
    let ok: boolean;
    if (parentId === undefined) ok = true;
    else if (trail.has(parentId)) ok = false; // a cycle; the content check reports it
    else {
      const parent = byId.get(parentId);
      ok = parent !== undefined && resolve(parent, trail.add(unit.id));
    }
    verdict.set(unit.id, ok);
    return ok;
  };
  return units.flatMap((u) => (resolve(u, new Set()) ? [u] : drop('units', u.id)));
}
