/**
 * 发布前清单: what a publish puts on the site and what it leaves out, and why — computed from the
 * content check with the publishing gate the build itself runs (`publishedAndExcluded`), so the
 * list cannot disagree with the site. An entry left out because of another one names that one.
 */
import { COLLECTION_NAMES, COLLECTIONS, type CollectionName } from '../schemas/index';
import type { CheckedEntry } from './check/check-content';
import { EXCLUSION_REASON_LABELS, publishedAndExcluded } from './check/hidden-traces';
import { referencesIn } from './internal-only';
import type { Audience, ExclusionReason, PublishOptions } from './publishing';

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
  /** What the clerk calls it: a name or a title. */
  name: string;
  file: string;
  reason: ExclusionReason;
  /** 草稿, 未同意公开 … */
  reasonLabel: string;
  /** For an entry left out because of others: those others, named — 人物“张伟”（未同意公开）. */
  dependsOn: string[];
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

/** A name or a title, else a letter's sender, else the id. */
function nameOf(entry: Pick<CheckedEntry, 'id' | 'data'>): string {
  for (const field of ['name', 'title', 'from']) {
    const value = entry.data[field];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return entry.id;
}

/** The list for the checked entries of a site, for the audience and time in `options`. */
export function publishChecklist(entries: readonly CheckedEntry[], options: PublishOptions): PublishChecklist {
  const { published, excluded } = publishedAndExcluded(entries, options);
  const key = (collection: string, id: string) => `${collection}/${id}`;
  const byKey = new Map(entries.map((e) => [key(e.collection, e.id), e]));
  const reasons = new Map(excluded.map((e) => [key(e.collection, e.id), e.reason]));

  const counts = COLLECTION_NAMES.map((collection) => ({
    collection,
    label: COLLECTIONS[collection].label,
    count: published.filter((e) => e.collection === collection).length,
  })).filter((c) => c.count > 0);

  const exclusions = excluded.map((entry): ChecklistExclusion => {
    const dependsOn =
      entry.reason === 'depends-on-excluded'
        ? [
            ...new Set(
              referencesIn(entry.data).flatMap(({ ref }) => {
                const reason = reasons.get(key(ref.collection, ref.id));
                const target = byKey.get(key(ref.collection, ref.id));
                return reason && target ? [`${COLLECTIONS[ref.collection].label}“${nameOf(target)}”（${EXCLUSION_REASON_LABELS[reason]}）`] : [];
              }),
            ),
          ]
        : [];
    return {
      collection: entry.collection,
      id: entry.id,
      name: nameOf(entry),
      file: entry.file,
      reason: entry.reason,
      reasonLabel: EXCLUSION_REASON_LABELS[entry.reason],
      dependsOn,
    };
  });

  const lines = [
    `发布前清单（${AUDIENCE_LABELS[options.audience]}）`,
    `公开 ${published.length} 个条目：${counts.map((c) => `${c.label} ${c.count}`).join('、') || '无'}`,
    exclusions.length === 0 ? '没有不公开的条目。' : `不公开 ${exclusions.length} 个条目：`,
    ...exclusions.map((x) => {
      const because = x.dependsOn.length > 0 ? `：${x.dependsOn.join('、')}` : '';
      return `  ${COLLECTIONS[x.collection].label}“${x.name}”（${x.collection}/${x.id}）：${x.reasonLabel}${because}`;
    }),
  ];
  return { audience: options.audience, published: counts, excluded: exclusions, lines };
}
