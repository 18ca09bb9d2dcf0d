/**
 * What the search index knows about each entry page besides its text: the result type, filters
 * (year, unit, honour level and scope), a sort date, and extra search words (aliases and tags)
 * that are indexed but not shown. The layout renders it for Pagefind.
 */
import type { ImageMetadata } from 'astro';
import { HONOR_LEVELS, HONOR_SCOPES } from '../lib/labels';
import { formatPartialDate, type PartialDate } from '../lib/partial-date';
import type { Activity, Catalog, Honor, Letter, Officer, Stat, Unit } from './catalog';
import { unitLabel } from './names';

/** Result types as readers see them, also the values of the `type` filter. */
export const SEARCH_TYPES = {
  officers: '人物',
  honors: '荣誉',
  letters: '感谢信',
  activities: '活动',
  units: '单位',
  stats: '数据',
} as const;

/** The search filters, by key, with their Chinese names (shown on the search page). */
export const SEARCH_FILTERS = {
  type: '类型',
  year: '年份',
  unit: '单位',
  level: '级别',
  scope: '类别',
} as const;

export type SearchFilter = keyof typeof SEARCH_FILTERS;

export interface SearchRecord {
  type: (typeof SEARCH_TYPES)[keyof typeof SEARCH_TYPES];
  /** The entry's own picture, shown as a small thumbnail next to the result. */
  image?: { src: ImageMetadata; alt: string } | undefined;
  /** Shown with the result and used to sort by date; undated entries sort last. */
  date?: PartialDate | undefined;
  filters: Partial<Record<SearchFilter, string[]>>;
  /** Indexed, never displayed: aliases, tags, other spellings. */
  keywords: string[];
}

type Relations = Catalog['relations'];

const yearOf = (date: PartialDate | undefined) => (date ? [`${date.year}年`] : []);
const unitName = (relations: Relations, id: string) => {
  const unit = relations.unit(id);
  return unit ? [unitLabel(unit)] : [];
};

export function officerSearch(officer: Officer, relations: Relations): SearchRecord {
  return {
    type: SEARCH_TYPES.officers,
    image: officer.data.photo && { src: officer.data.photo, alt: officer.data.photoAlt ?? '' },
    filters: { unit: unitName(relations, officer.data.unit.id) },
    keywords: [...officer.data.aliases, ...officer.data.tags],
  };
}

export function honorSearch(honor: Honor, relations: Relations): SearchRecord {
  const { data } = honor;
  return {
    type: SEARCH_TYPES.honors,
    date: data.date,
    image: data.certificate && { src: data.certificate, alt: data.certificateAlt ?? '' },
    filters: {
      year: yearOf(data.date),
      unit: [...new Set(data.recipients.units.flatMap((r) => unitName(relations, r.id)))],
      level: data.level ? [HONOR_LEVELS[data.level]] : [],
      scope: [`${HONOR_SCOPES[data.scope]}荣誉`],
    },
    keywords: [],
  };
}

export function letterSearch(letter: Letter, relations: Relations): SearchRecord {
  return {
    type: SEARCH_TYPES.letters,
    date: letter.data.date,
    image: letter.data.scan && { src: letter.data.scan, alt: letter.data.scanAlt ?? '' },
    filters: { year: yearOf(letter.data.date), unit: letter.data.to.units.flatMap((r) => unitName(relations, r.id)) },
    keywords: [],
  };
}

export function activitySearch(activity: Activity, relations: Relations): SearchRecord {
  return {
    type: SEARCH_TYPES.activities,
    date: activity.data.date,
    filters: { year: yearOf(activity.data.date), unit: unitName(relations, activity.data.unit.id) },
    keywords: [],
  };
}

export function unitSearch(unit: Unit): SearchRecord {
  return {
    type: SEARCH_TYPES.units,
    image: unit.data.photo && { src: unit.data.photo, alt: unit.data.photoAlt ?? '' },
    filters: { unit: [unitLabel(unit)] },
    keywords: unit.data.shortName ? [unit.data.shortName] : [],
  };
}

export function statSearch(stat: Stat, relations: Relations): SearchRecord {
  return {
    type: SEARCH_TYPES.stats,
    date: stat.data.period.end,
    filters: { year: yearOf(stat.data.period.end), unit: unitName(relations, stat.data.unit.id) },
    keywords: [],
  };
}

/** The date as shown with a result: 2020年4月. */
export function searchDateLabel(record: SearchRecord): string | undefined {
  return record.date ? formatPartialDate(record.date) : undefined;
}

/** Every value of every filter across the published entries, with how many entries have it. */
export function searchFilterValues(catalog: Catalog): Record<SearchFilter, { value: string; count: number }[]> {
  const { relations } = catalog;
  const records = [
    ...catalog.officers.map((o) => officerSearch(o, relations)),
    ...catalog.honors.map((h) => honorSearch(h, relations)),
    ...catalog.letters.map((l) => letterSearch(l, relations)),
    ...catalog.activities.map((a) => activitySearch(a, relations)),
    ...catalog.units.map((u) => unitSearch(u)),
    ...catalog.stats.map((s) => statSearch(s, relations)),
  ];
  const counts = Object.fromEntries(Object.keys(SEARCH_FILTERS).map((key) => [key, new Map<string, number>()])) as Record<
    SearchFilter,
    Map<string, number>
  >;
  for (const record of records) {
    counts.type.set(record.type, (counts.type.get(record.type) ?? 0) + 1);
    for (const [key, values] of Object.entries(record.filters) as [SearchFilter, string[]][]) {
      for (const value of new Set(values)) counts[key].set(value, (counts[key].get(value) ?? 0) + 1);
    }
  }
  const typeOrder = Object.values(SEARCH_TYPES) as string[];
  const orders: Record<SearchFilter, (a: string, b: string) => number> = {
    type: (a, b) => typeOrder.indexOf(a) - typeOrder.indexOf(b),
    year: (a, b) => b.localeCompare(a),
    unit: (a, b) => unitOrder(catalog, a) - unitOrder(catalog, b),
    level: (a, b) => levelOrder(a) - levelOrder(b),
    scope: (a, b) => a.localeCompare(b, 'zh-Hans-CN'),
  };
  return Object.fromEntries(
    (Object.keys(counts) as SearchFilter[]).map((key) => [
      key,
      [...counts[key]].map(([value, count]) => ({ value, count })).sort((a, b) => orders[key](a.value, b.value)),
    ]),
  ) as Record<SearchFilter, { value: string; count: number }[]>;
}

function unitOrder(catalog: Catalog, label: string): number {
  return catalog.units.findIndex((u) => unitLabel(u) === label);
}

function levelOrder(label: string): number {
  return (Object.values(HONOR_LEVELS) as string[]).indexOf(label);
}
