/**
 * 发布前清单: what a publish puts on the site and what it leaves out, and why — computed from the
 * content check with the publishing gate the build itself runs (`publishedAndExcluded`), so the
 * list cannot disagree with the site. Names and reasons are the editor's list's own
 * (`buildEntryList`): the clerk reads the same sentence before publishing as in the list.
 */
import { COLLECTION_NAMES, COLLECTIONS, type CollectionName } from '../schemas/index';
import type { CheckResult } from './check/check-content';
import { EXCLUSION_REASON_LABELS, publishedAndExcluded } from './check/hidden-traces';
import { buildEntryList, type EntryListOptions } from './editor/entry-list';
import type { Audience, ExclusionReason } from './publishing';

/** How many entries of a collection are published. */
export interface ChecklistCount {
  collection: CollectionName;
  /** 人物, 荣誉 … */
  label: string;
  count: number;
}

/** An entry the site leaves out. */
export interface ChecklistExclusion {
  collection: CollectionName;
  id: string;
  /** What the editor's list calls it. */
  name: string;
  file: string;
  reason: ExclusionReason;
  /** 草稿, 未同意公开 … */
  reasonLabel: string;
  /** Why, in one sentence, naming what a knock-on exclusion rests on: 获奖人“张伟”未同意公开，此荣誉不会公开. */
  why: string;
}

export interface PublishChecklist {
  audience: Audience;
  /** Collections with published entries, in the usual order. */
  published: ChecklistCount[];
  excluded: ChecklistExclusion[];
  /** The list in Chinese, one line each. */
  lines: string[];
}

const AUDIENCE_LABELS: Record<Audience, string> = { public: '公开网站', internal: '内网版' };

/** The list for a checked site, for the audience and time in `options`. */
export function publishChecklist(check: CheckResult, options: EntryListOptions): PublishChecklist {
  const { published, excluded } = publishedAndExcluded(check.entries, options);
  const rows = new Map(buildEntryList(check, options).rows.map((row) => [`${row.collection}/${row.id}`, row]));

  const counts = COLLECTION_NAMES.map((collection) => ({
    collection,
    label: COLLECTIONS[collection].label,
    count: published.filter((e) => e.collection === collection).length,
  })).filter((c) => c.count > 0);

  const exclusions = excluded.map((entry): ChecklistExclusion => {
    const row = rows.get(`${entry.collection}/${entry.id}`);
    const reasonLabel = EXCLUSION_REASON_LABELS[entry.reason];
    return { collection: entry.collection, id: entry.id, name: row?.name ?? entry.id, file: entry.file, reason: entry.reason, reasonLabel, why: row?.why ?? reasonLabel };
  });

  const lines = [
    `发布前清单（${AUDIENCE_LABELS[options.audience]}）`,
    `公开 ${published.length} 个条目：${counts.map((c) => `${c.label} ${c.count}`).join('、') || '无'}`,
    exclusions.length === 0 ? '没有不公开的条目。' : `不公开 ${exclusions.length} 个条目：`,
    ...exclusions.map((x) => `  ${COLLECTIONS[x.collection].label}“${x.name}”（${x.collection}/${x.id}）：${x.why}`),
  ];
  return { audience: options.audience, published: counts, excluded: exclusions, lines };
}
