/**
 * The one place that loads collections. Every page gets its entries from `getCatalog()`, which has
 * applied the publishing rules (with this build's time and audience) and built the relations
 * index — once per build, whatever the number of pages.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { audience, buildTime } from 'virtual:honor-roll/context';
import { compareNewestFirst } from '../lib/partial-date';
import { publish, type ExcludedEntry } from '../lib/publishing';
import { comparePeriodsNewestFirst } from '../lib/stats-series';
import { buildRelations, type RelationsIndex } from '../lib/relations';

export type Unit = CollectionEntry<'units'>;
export type Officer = CollectionEntry<'officers'>;
export type Honor = CollectionEntry<'honors'>;
export type Letter = CollectionEntry<'letters'>;
export type Stat = CollectionEntry<'stats'>;
export type Activity = CollectionEntry<'activities'>;

export interface PublishedCollections {
  units: Unit[];
  officers: Officer[];
  honors: Honor[];
  letters: Letter[];
  stats: Stat[];
  activities: Activity[];
}

export interface Catalog extends PublishedCollections {
  relations: RelationsIndex<PublishedCollections>;
  /** What the rules left out of this build, for the privacy guard and the build report. */
  excluded: ExcludedEntry[];
}

const byName = (a: Officer, b: Officer) => a.data.name.localeCompare(b.data.name, 'zh-Hans-CN');

async function load(): Promise<Catalog> {
  const loaded: PublishedCollections = {
    units: await getCollection('units'),
    officers: await getCollection('officers'),
    honors: await getCollection('honors'),
    letters: await getCollection('letters'),
    stats: await getCollection('stats'),
    activities: await getCollection('activities'),
  };
  const { collections, excluded } = publish(loaded, { now: buildTime, audience });
  const relations = buildRelations(collections);
  return {
    // The site's own unit first, then its tree depth-first, as an organisation chart reads.
    units: unitTreeOrder(relations.root, relations),
    officers: [...collections.officers].sort((a, b) => Number(b.data.featured) - Number(a.data.featured) || byName(a, b)),
    honors: [...collections.honors].sort((a, b) => compareNewestFirst(a.data.date, b.data.date)),
    letters: [...collections.letters].sort((a, b) => compareNewestFirst(a.data.date, b.data.date)),
    stats: [...collections.stats].sort((a, b) => comparePeriodsNewestFirst(a.data.period, b.data.period)),
    activities: [...collections.activities].sort((a, b) => compareNewestFirst(a.data.date, b.data.date)),
    relations,
    excluded,
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
