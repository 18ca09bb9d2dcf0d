/**
 * What the intranet edition says about the entries it shows and the public edition leaves out:
 * a badge (未同意公开 or 内部) and one sentence saying why. The reasons are those the publishing
 * gate recorded when it ran for the public audience, so the mark cannot disagree with what the
 * public site really shows; this module only puts them into words and, for an entry left out
 * because of another one, names that other one.
 */
import { COLLECTIONS, describeCollection, type CollectionName, type Ref } from '../schemas/index';
import { findField } from '../schemas/field';
import type { ExcludedEntry, ExclusionReason } from './publishing';

/** 未同意公开: a person's consent is missing; 内部: the unit keeps it internal. */
export type InternalOnlyKind = 'no-consent' | 'internal';

/** The badge of each kind. */
export const INTERNAL_ONLY_LABELS: Record<InternalOnlyKind, string> = {
  'no-consent': '未同意公开',
  internal: '内部',
};

export interface InternalOnlyMark {
  kind: InternalOnlyKind;
  /** The badge: 未同意公开 or 内部. */
  label: string;
  /** Why, in one sentence: 本人尚未同意公开，此页只在内部版本显示。 */
  reason: string;
}

/** The marks of one edition, by entry. Empty in the public edition. */
export interface InternalOnlyIndex {
  /** The mark of an entry, or undefined when the public edition shows it too. */
  get(collection: CollectionName, id: string): InternalOnlyMark | undefined;
  readonly size: number;
}

/** An index without marks: the public edition's. */
export const NO_INTERNAL_ONLY: InternalOnlyIndex = { get: () => undefined, size: 0 };

/** An entry as the intranet edition shows it: the references in its data are followed. */
export interface ShownEntry {
  id: string;
  data: unknown;
}

/** What a reference is to the entry that holds it: the label of its field (获奖人物, 上级单位). */
export function relationLabel(collection: CollectionName, field: string, target: CollectionName): string {
  return findField(describeCollection(collection), field.split('.'))?.doc.label ?? `关联的${COLLECTIONS[target].label}`;
}

/** How the reason of an entry another one depends on is said after its name. */
const DEPENDENCY_STATES: Record<ExclusionReason, string> = {
  'no-consent': '尚未同意公开',
  internal: '标为内部',
  'depends-on-excluded': '不在公开版本中',
  // Neither edition shows drafts or embargoed entries, so an entry shown here never depends on one.
  draft: '是草稿',
  embargoed: '尚未到发布时间',
};

const SHOWN_HERE_ONLY = '此页只在内部版本显示。';

const key = (collection: string, id: string) => `${collection}/${id}`;

function isRef(value: unknown): value is Ref {
  if (typeof value !== 'object' || value === null) return false;
  const { collection, id } = value as Partial<Ref>;
  return typeof id === 'string' && typeof collection === 'string' && collection in COLLECTIONS;
}

/** Every reference in an entry's data, with the field path it sits at (`recipients.officers`). */
export function referencesIn(data: unknown, path: string[] = []): { field: string; ref: Ref }[] {
  if (isRef(data)) return [{ field: path.join('.'), ref: data }];
  if (Array.isArray(data)) return data.flatMap((item) => referencesIn(item, path));
  // Plain objects only: dates and image metadata hold no references.
  if (typeof data !== 'object' || data === null || Object.getPrototypeOf(data) !== Object.prototype) return [];
  return Object.entries(data).flatMap(([field, value]) => referencesIn(value, [...path, field]));
}

/**
 * The marks of the intranet edition.
 *
 * @param shown the collections as the intranet edition publishes them
 * @param publicExclusions what `publish` left out, and why, when run for the public audience
 * @param nameOf the display name of a referenced entry (a person's or a unit's name)
 */
export function internalOnlyMarks(
  shown: Partial<Record<CollectionName, readonly ShownEntry[]>>,
  publicExclusions: readonly ExcludedEntry[],
  nameOf: (ref: Ref) => string | undefined,
): InternalOnlyIndex {
  const reasons = new Map(publicExclusions.map((e) => [key(e.collection, e.id), e.reason]));
  const data = new Map<string, unknown>();
  for (const [collection, entries] of Object.entries(shown)) for (const entry of entries ?? []) data.set(key(collection, entry.id), entry.data);

  /** The references of an entry to entries the public edition leaves out. */
  const excludedDependencies = (collection: string, id: string) =>
    referencesIn(data.get(key(collection, id))).filter(({ ref }) => reasons.has(key(ref.collection, ref.id)));

  // An entry left out because of others takes the kinds of what it finally rests on: a letter to a
  // person without consent is 未同意公开 too; a person in an internal unit is 内部.
  const kinds = new Map<string, Set<InternalOnlyKind>>();
  const kindsOf = (collection: string, id: string, trail: Set<string>): Set<InternalOnlyKind> => {
    const k = key(collection, id);
    const known = kinds.get(k);
    if (known) return known;
    const reason = reasons.get(k);
    let result: Set<InternalOnlyKind>;
    if (reason === 'no-consent') result = new Set(['no-consent']);
    else if (reason === 'depends-on-excluded' && !trail.has(k)) {
      trail.add(k);
      result = new Set(excludedDependencies(collection, id).flatMap(({ ref }) => [...kindsOf(ref.collection, ref.id, trail)]));
      if (result.size === 0) result.add('internal');
    } else result = new Set(['internal']);
    kinds.set(k, result);
    return result;
  };

  const marks = new Map<string, InternalOnlyMark>();
  for (const [collection, entries] of Object.entries(shown) as [CollectionName, readonly ShownEntry[]][]) {
    for (const { id } of entries) {
      const reason = reasons.get(key(collection, id));
      if (!reason) continue;
      // 未同意公开 first: where a person's consent is missing, that is what must not be overlooked.
      const kind: InternalOnlyKind = kindsOf(collection, id, new Set()).has('no-consent') ? 'no-consent' : 'internal';
      const why = sentence(collection, reason, excludedDependencies(collection, id), reasons, nameOf);
      marks.set(key(collection, id), { kind, label: INTERNAL_ONLY_LABELS[kind], reason: why });
    }
  }
  return { get: (collection, id) => marks.get(key(collection, id)), size: marks.size };
}

function sentence(
  collection: CollectionName,
  reason: ExclusionReason,
  dependencies: { field: string; ref: Ref }[],
  reasons: ReadonlyMap<string, ExclusionReason>,
  nameOf: (ref: Ref) => string | undefined,
): string {
  if (reason === 'no-consent') return `本人尚未同意公开，${SHOWN_HERE_ONLY}`;
  if (reason !== 'depends-on-excluded' || dependencies.length === 0) return `此${COLLECTIONS[collection].label}标为内部，只在内部版本显示。`;
  // 获奖人“甲”、“乙”尚未同意公开，获奖单位“丙”标为内部，此页只在内部版本显示。
  const groups = new Map<string, { relation: string; state: string; names: string[] }>();
  for (const { field, ref } of dependencies) {
    const relation = relationLabel(collection, field, ref.collection);
    const state = DEPENDENCY_STATES[reasons.get(key(ref.collection, ref.id))!];
    const group = groups.get(`${relation}|${state}`) ?? { relation, state, names: [] };
    const name = `“${nameOf(ref) ?? ref.id}”`;
    if (!group.names.includes(name)) group.names.push(name);
    groups.set(`${relation}|${state}`, group);
  }
  const parts = [...groups.values()].map(({ relation, state, names }) => `${relation}${names.join('、')}${state}`);
  return `${parts.join('，')}，${SHOWN_HERE_ONLY}`;
}

/** The mark of the points boards in an edition whose public counterpart shows no points. */
export const POINTS_INTERNAL_ONLY: InternalOnlyMark = {
  kind: 'internal',
  label: INTERNAL_ONLY_LABELS.internal,
  reason: `积分不在公开版本中公布，${SHOWN_HERE_ONLY}`,
};
