/**
 * The static filter pages of the lists: honours by year, level and scope; letters by kind and
 * year; officers by unit and tag. Each facet becomes a page at /<collection>/<group>/<key>/, so
 * filtering works without JavaScript. Computed once per build from the published catalog.
 */
import { assignSlugs } from '../lib/slug';
import { buildFacets, type Facet } from '../lib/facets';
import { HONOR_LEVELS, HONOR_SCOPES, LETTER_KINDS } from '../lib/labels';
import { UNDATED_LABEL, type PartialDate } from '../lib/partial-date';
import { getCatalog, type Honor, type Letter, type Officer } from './catalog';

/** One way of filtering a list: its URL segment, its Chinese name and its values. */
export interface FacetGroup<T> {
  /** URL segment: /honors/<name>/<key>/. */
  name: string;
  /** Chinese heading of the filter, e.g. 年份. */
  label: string;
  facets: Facet<T>[];
}

/** The URL key of the group of undated entries, and of honours without a level. */
export const UNDATED_KEY = 'undated';
export const UNSPECIFIED_KEY = 'unspecified';

const yearKey = (date: PartialDate | undefined) => (date ? String(date.year) : UNDATED_KEY);
const yearLabel = (key: string) => (key === UNDATED_KEY ? UNDATED_LABEL : `${key}年`);
/** Newest year first, undated last. */
const byYearDesc = (a: string, b: string) => (a === UNDATED_KEY ? 1 : b === UNDATED_KEY ? -1 : Number(b) - Number(a));
/** The order of a label table (national before provincial…), unknown keys last. */
const inTableOrder = (table: Record<string, string>) => {
  const order = Object.keys(table);
  return (a: string, b: string) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99);
};

export interface SiteFacets {
  honors: FacetGroup<Honor>[];
  letters: FacetGroup<Letter>[];
  officers: FacetGroup<Officer>[];
  /** The URL slug of each officer tag (见义勇为 → jian-yi-yong-wei). */
  tagSlugs: Map<string, string>;
}

async function load(): Promise<SiteFacets> {
  const { honors, letters, officers, units, relations } = await getCatalog();
  const tags = [...new Set(officers.flatMap((o) => o.data.tags))];
  const tagSlugs = assignSlugs(tags);
  const tagBySlug = new Map([...tagSlugs].map(([tag, slug]) => [slug, tag]));
  const unitOrder = units.map((u) => u.id);
  return {
    honors: [
      { name: 'years', label: '年份', facets: buildFacets(honors, (h) => [yearKey(h.data.date)], yearLabel, byYearDesc) },
      {
        name: 'levels',
        label: '级别',
        facets: buildFacets(
          honors,
          (h) => [h.data.level ?? UNSPECIFIED_KEY],
          (key) => (key === UNSPECIFIED_KEY ? '级别未注明' : HONOR_LEVELS[key as keyof typeof HONOR_LEVELS]),
          inTableOrder(HONOR_LEVELS),
        ),
      },
      {
        name: 'scopes',
        label: '类别',
        facets: buildFacets(honors, (h) => [h.data.scope], (key) => `${HONOR_SCOPES[key as keyof typeof HONOR_SCOPES]}荣誉`, inTableOrder(HONOR_SCOPES)),
      },
    ],
    letters: [
      { name: 'kinds', label: '类型', facets: buildFacets(letters, (l) => [l.data.kind], (key) => LETTER_KINDS[key as keyof typeof LETTER_KINDS], inTableOrder(LETTER_KINDS)) },
      { name: 'years', label: '年份', facets: buildFacets(letters, (l) => [yearKey(l.data.date)], yearLabel, byYearDesc) },
    ],
    officers: [
      {
        name: 'units',
        label: '单位',
        facets: buildFacets(
          officers,
          (o) => [o.data.unit.id],
          (id) => {
            const unit = relations.unit(id);
            return unit?.data.shortName ?? unit?.data.name ?? id;
          },
          (a, b) => unitOrder.indexOf(a) - unitOrder.indexOf(b),
        ),
      },
      {
        name: 'tags',
        label: '标签',
        facets: buildFacets(officers, (o) => o.data.tags.map((t) => tagSlugs.get(t)!), (slug) => tagBySlug.get(slug) ?? slug),
      },
    ],
    tagSlugs,
  };
}

let facets: Promise<SiteFacets> | undefined;

/** The filter pages of this build, computed once. */
export function getFacets(): Promise<SiteFacets> {
  facets ??= load();
  return facets;
}
