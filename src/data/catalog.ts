/**
 * The one place that loads collections. Every page gets its entries from `getCatalog()`, which has
 * applied the publishing rules (with this build's time and audience) and built the relations
 * index — once per build, whatever the number of pages.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import path from 'node:path';
import { audience, buildTime, contentDir, siteConfig } from 'virtual:honor-roll/context';
import { COLLECTIONS } from '../schemas/index';
import { hasEntryFiles } from '../lib/content-files';
import { compareIds } from '../lib/entry-id';
import { internalOnlyMarks, NO_INTERNAL_ONLY, type InternalOnlyIndex } from '../lib/internal-only';
import { compareNewestFirst } from '../lib/partial-date';
import { publish, type ExcludedEntry, type PublishOptions } from '../lib/publishing';
import { comparePeriodsNewestFirst } from '../lib/stats-series';
import { buildRelations, type RelationsIndex } from '../lib/relations';
import { nextStudyByUnit, splitSchedule } from '../lib/study-schedule';

export type Unit = CollectionEntry<'units'>;
export type Officer = CollectionEntry<'officers'>;
export type Honor = CollectionEntry<'honors'>;
export type Letter = CollectionEntry<'letters'>;
export type Stat = CollectionEntry<'stats'>;
export type Activity = CollectionEntry<'activities'>;
export type PointsFile = CollectionEntry<'points'>;

export interface PublishedCollections {
  units: Unit[];
  officers: Officer[];
  honors: Honor[];
  letters: Letter[];
  stats: Stat[];
  activities: Activity[];
  points: PointsFile[];
}

export interface Catalog extends PublishedCollections {
  /**
   * Study sessions not yet held (学习安排), soonest first. `activities` and the relations index
   * hold the record only: what has taken place, or is not a study session.
   */
  schedule: Activity[];
  /** The next planned study session of each unit (下次学习), by unit id. */
  nextStudy: ReadonlyMap<string, Activity>;
  relations: RelationsIndex<PublishedCollections>;
  /** What the rules left out of this build, for the privacy guard and the build report. */
  excluded: ExcludedEntry[];
  /**
   * In the intranet edition, the entries the public edition leaves out, with the reason pages
   * show (未同意公开 / 内部); such entries get no share panel, card or poster. Empty in the
   * public edition.
   */
  internalOnly: InternalOnlyIndex;
}

const byName = (a: Officer, b: Officer) => a.data.name.localeCompare(b.data.name, 'zh-Hans-CN');

/**
 * A collection's entries. When its folder has no entry file (a unit without letters yet), Astro's
 * store has no such collection and Astro would warn `The collection … does not exist or is
 * empty`; the loader asked the same question (src/lib/content-loader.ts).
 */
async function entriesOf<C extends keyof PublishedCollections>(collection: C): Promise<CollectionEntry<C>[]> {
  if (!hasEntryFiles(path.join(contentDir, collection), COLLECTIONS[collection].format)) return [];
  // Astro's store keeps entries in the order their files finished loading, and a rebuild keeps the
  // previous build's order for unchanged files: two builds of the same content could list sibling
  // units, or honours of the same date, differently. Every list starts from the entries by id.
  return (await getCollection(collection)).sort((a, b) => compareIds(a.id, b.id));
}

async function load(): Promise<Catalog> {
  const loaded: PublishedCollections = {
    units: await entriesOf('units'),
    officers: await entriesOf('officers'),
    honors: await entriesOf('honors'),
    letters: await entriesOf('letters'),
    stats: await entriesOf('stats'),
    activities: await entriesOf('activities'),
    points: await entriesOf('points'),
  };
  const options: PublishOptions = { now: buildTime, audience, points: siteConfig.points.publish };
  const published = publish(loaded, options);
  const { excluded } = published;
  const { planned, record } = splitSchedule(published.collections.activities, buildTime);
  const collections = { ...published.collections, activities: record };
  const relations = buildRelations(collections);
  // The same gate, run for the public audience, says what the public edition leaves out and why.
  const internalOnly =
    audience === 'internal'
      ? internalOnlyMarks(published.collections, publish(loaded, { ...options, audience: 'public' }).excluded, (ref) =>
          ref.collection === 'officers' ? relations.officer(ref.id)?.data.name : ref.collection === 'units' ? relations.unit(ref.id)?.data.name : undefined,
        )
      : NO_INTERNAL_ONLY;
  return {
    // The site's own unit first, then its tree depth-first, as an organisation chart reads.
    units: unitTreeOrder(relations.root, relations),
    officers: [...collections.officers].sort((a, b) => Number(b.data.featured) - Number(a.data.featured) || byName(a, b)),
    honors: [...collections.honors].sort((a, b) => compareNewestFirst(a.data.date, b.data.date)),
    letters: [...collections.letters].sort((a, b) => compareNewestFirst(a.data.date, b.data.date)),
    stats: [...collections.stats].sort((a, b) => comparePeriodsNewestFirst(a.data.period, b.data.period)),
    activities: [...collections.activities].sort((a, b) => compareNewestFirst(a.data.date, b.data.date)),
    points: collections.points,
    schedule: planned,
    nextStudy: nextStudyByUnit(planned),
    relations,
    excluded,
    internalOnly,
  };
}

function unitTreeOrder(root: Unit, relations: RelationsIndex<PublishedCollections>): Unit[] {
  const ordered: Unit[] = [];
  const visit = (unit: Unit) => {
    ordered.push(unit);
    for (const child of relations.ofUnit(unit.id).children) visit(child);
  };
  visit(root);
  return ordered;
}

let catalog: Promise<Catalog> | undefined;

/** The published content of this build, loaded on first use and shared by every page. */
export function getCatalog(): Promise<Catalog> {
  catalog ??= load();
  return catalog;
}
