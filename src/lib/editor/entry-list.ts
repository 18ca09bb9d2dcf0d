/**
 * The rows of the editor's list: every entry of a collection with its name, its state (草稿,
 * 未同意公开, 内部, 定时发布, 有问题) and, for every entry the public site will not show, one
 * sentence saying why — also when it is left out because of another entry, and, on that other
 * entry, how many are left out with it. The reasons come from the publishing gate itself
 * (`publish`, through `publishedAndExcluded`), so the list cannot disagree with the site.
 */
import { z } from 'astro/zod';
import type { CheckResult, CheckedEntry } from '../check/check-content';
import { publishedAndExcluded } from '../check/hidden-traces';
import type { Problem } from '../check/problem';
import { describeField } from '../check/zod-issues';
import { entryIdFromPath } from '../entry-id';
import { formatInstant } from '../instant';
import { referencesIn, relationLabel } from '../internal-only';
import { formatPartialDate, parsePartialDate } from '../partial-date';
import { normalizeQuery, syllablesOf, withoutMarks } from '../suggest';
import type { ExclusionReason, PublishOptions } from '../publishing';
import { COLLECTION_NAMES, COLLECTIONS, EXTENSIONS, type CollectionName, type Ref, type SchemaContext } from '../../schemas/index';

/** The list's filters, in the order of their buttons. */
export const ENTRY_FILTERS = ['draft', 'no-consent', 'internal', 'embargoed', 'problems'] as const;
export type EntryFilter = (typeof ENTRY_FILTERS)[number];

/** The button and badge of each filter. */
export const ENTRY_FILTER_LABELS: Record<EntryFilter, string> = {
  draft: '草稿',
  'no-consent': '未同意公开',
  internal: '内部',
  embargoed: '定时发布',
  problems: '有问题',
};

/** One entry as the list shows it. */
export interface EntryRow {
  collection: CollectionName;
  id: string;
  /** The file, relative to the project folder, with `/` (as the check names it). */
  file: string;
  /** What the list calls it: see `displayName`. */
  name: string;
  /** `draft: true`. */
  draft: boolean;
  /** A person without `consent: true`. */
  noConsent: boolean;
  /** `visibility: internal`, or points the site config keeps internal. */
  internal: boolean;
  /** `publishDate` in the future, in Beijing time (2026年7月1日 08:00); null when none. */
  embargoedUntil: string | null;
  /** Errors and warnings of the check in this file (consent-missing is the 未同意公开 badge). */
  errors: number;
  warnings: number;
  /** What the first of them say, errors first (`summary：…`); the form will show each at its field. */
  problemNotes: string[];
  /** The file could not be read as an entry (its errors say why): nothing else is known of it. */
  unreadable: boolean;
  /** Whether the public site will show it. */
  public: boolean;
  /** Why the public site will not show it, in one sentence; null when it will. */
  why: string | null;
}

export interface EntryList {
  rows: EntryRow[];
  /** Errors that belong to no entry: the site config's and those of public/ (reminders are not counted). */
  otherProblems: number;
}

export interface EntryListOptions extends PublishOptions {
  /** The content folder as the check names files (relative to the project folder, with `/`). */
  contentFolder: string;
}

/**
 * What the list calls an entry: a person's or unit's name, an honour's or activity's title, a
 * letter's sender and the start of its summary, a stats file's title, a points file's unit and
 * month. Kept in this one function until each collection has a descriptor (issue 14, part 1),
 * where it belongs.
 *
 * @param nameOf the name of a referenced entry (a points file names its unit by id)
 */
export function displayName(collection: CollectionName, data: Record<string, unknown>, nameOf: (ref: Ref) => string | undefined = () => undefined): string {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  switch (collection) {
    case 'letters': {
      const summary = text(data.summary);
      return `${text(data.from)}：${summary.length > 24 ? `${summary.slice(0, 24)}…` : summary}`;
    }
    case 'points': {
      // Parsed data holds a reference; a file as written (the form) holds the id.
      const unit: Ref | undefined = typeof data.unit === 'string' ? { collection: 'units', id: data.unit } : (data.unit as Ref | undefined);
      const month = parsePartialDate(data.month);
      return `${unit ? (nameOf(unit) ?? unit.id) : ''} ${month.ok ? formatPartialDate(month.value) : text(data.month)}`.trim();
    }
    default:
      return text(data.name) || text(data.title);
  }
}

/** A list row names this many of its problems; the count says how many there are. */
const MAX_PROBLEM_NOTES = 3;

/** How entries of each collection are counted: 2 项荣誉, 1 封感谢信. */
const COUNTED: Record<CollectionName, string> = {
  units: '个单位',
  officers: '位人物',
  honors: '项荣誉',
  letters: '封感谢信',
  stats: '份数据',
  activities: '项活动',
  points: '份积分表',
};

/** How a referenced entry's own state is said after its name: 获奖人“王祥”未同意公开. */
const DEPENDENCY_STATES: Record<ExclusionReason, string> = {
  draft: '是草稿',
  embargoed: '尚未到发布时间',
  internal: '标为内部',
  'no-consent': '未同意公开',
  'depends-on-excluded': '不会公开',
};

/**
 * References whose exclusion does not take the entry with it: an activity whose host is hidden
 * is shown without the host (see `publish`).
 */
const DETACHABLE = new Set(['activities.host']);

const key = (collection: string, id: string) => `${collection}/${id}`;

/** 此人 for a person, 此荣誉, 此单位 … for the rest. */
const thisEntry = (collection: CollectionName) => (collection === 'officers' ? '此人' : `此${COLLECTIONS[collection].label}`);

/** `2 项荣誉和 1 封感谢信`, in the order of the collections. */
function countText(counts: ReadonlyMap<CollectionName, number>): string {
  const parts = COLLECTION_NAMES.flatMap((c) => (counts.get(c) ? [`${counts.get(c)} ${COUNTED[c]}`] : []));
  return parts.length > 1 ? `${parts.slice(0, -1).join('、')}和 ${parts.at(-1)}` : (parts[0] ?? '');
}

/** Builds every row of the list from the content check's result. */
export function buildEntryList(check: CheckResult, options: EntryListOptions): EntryList {
  const { entries, problems } = check;
  const byKey = new Map(entries.map((e) => [key(e.collection, e.id), e]));
  const nameOf = (ref: Ref): string | undefined => {
    const entry = byKey.get(key(ref.collection, ref.id));
    return entry && displayName(entry.collection, entry.data);
  };

  const { excluded } = publishedAndExcluded(entries, options);
  const reasons = new Map(excluded.map((e) => [key(e.collection, e.id), e.reason]));

  // What each excluded entry is left out because of, and the reverse: what rests on it.
  const causes = new Map<string, { field: string; ref: Ref }[]>();
  const dependents = new Map<string, string[]>();
  for (const entry of excluded) {
    if (entry.reason !== 'depends-on-excluded') continue;
    const found = referencesIn(entry.data).filter(
      ({ field, ref }) => !DETACHABLE.has(`${entry.collection}.${field}`) && reasons.has(key(ref.collection, ref.id)),
    );
    causes.set(key(entry.collection, entry.id), found);
    for (const { ref } of found) {
      const list = dependents.get(key(ref.collection, ref.id)) ?? [];
      list.push(key(entry.collection, entry.id));
      dependents.set(key(ref.collection, ref.id), list);
    }
  }
  /** Everything left out because of `start`, directly or through others, counted by collection. */
  const knockOn = (start: string): Map<CollectionName, number> => {
    const seen = new Set([start]);
    const queue = [start];
    while (queue.length > 0) {
      for (const next of dependents.get(queue.shift()!) ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    seen.delete(start);
    const counts = new Map<CollectionName, number>();
    for (const k of seen) counts.set(byKey.get(k)!.collection, (counts.get(byKey.get(k)!.collection) ?? 0) + 1);
    return counts;
  };

  const why = (entry: CheckedEntry, reason: ExclusionReason): string => {
    const k = key(entry.collection, entry.id);
    if (reason === 'depends-on-excluded') return dependencySentence(entry.collection, causes.get(k) ?? [], reasons, nameOf);
    const others = countText(knockOn(k));
    const { publishDate } = entry.data;
    switch (reason) {
      case 'draft':
        return others ? `这是草稿，与其相关的 ${others}也不会公开` : '这是草稿，不会公开';
      case 'no-consent':
        return others ? `此人未同意公开，与其相关的 ${others}也不会公开` : '此人未同意公开，不会出现在公开网站上';
      case 'embargoed': {
        const until = `定时发布，${publishDate ? formatInstant(publishDate) : '发布时间'} 之前不会公开`;
        return others ? `${until}，与其相关的 ${others}在此之前也不会公开` : until;
      }
      case 'internal': {
        // Points the site config keeps off the public site are internal without saying so themselves.
        const own = entry.data.visibility === 'internal' ? `${thisEntry(entry.collection)}标为内部` : '网站设置不公开积分';
        return others ? `${own}，与其相关的 ${others}也不会公开` : `${own}，只在内部版本显示`;
      }
    }
  };

  const problemsByFile = new Map<string, Problem[]>();
  for (const problem of problems) problemsByFile.set(problem.file, [...(problemsByFile.get(problem.file) ?? []), problem]);
  const counted = (file: string, collection: CollectionName | null) => {
    // consent-missing is said by the 未同意公开 badge and sentence already.
    const own = (problemsByFile.get(file) ?? []).filter((p) => p.code !== 'consent-missing');
    const errors = own.filter((p) => p.severity === 'error');
    const warnings = own.filter((p) => p.severity === 'warning');
    const notes = [...errors, ...warnings].slice(0, MAX_PROBLEM_NOTES).map((p) => {
      const label = p.field && collection ? fieldLabel(collection, p.field) : undefined;
      return label ? `${label}：${p.message}` : p.message;
    });
    return { errors: errors.length, warnings: warnings.length, problemNotes: notes };
  };

  const rows: EntryRow[] = entries.map((entry) => {
    const reason = reasons.get(key(entry.collection, entry.id));
    const { publishDate } = entry.data;
    return {
      collection: entry.collection,
      id: entry.id,
      file: entry.file,
      name: displayName(entry.collection, entry.data, nameOf) || entry.id,
      draft: entry.data.draft,
      noConsent: entry.collection === 'officers' && !entry.data.consent,
      internal: entry.data.visibility === 'internal' || (entry.collection === 'points' && reason === 'internal'),
      embargoedUntil: publishDate && publishDate.getTime() > options.now.getTime() ? formatInstant(publishDate) : null,
      ...counted(entry.file, entry.collection),
      unreadable: false,
      public: reason === undefined,
      why: reason === undefined ? null : why(entry, reason),
    };
  });

  // Files that are entries but did not pass their schema: listed, so they can be found and fixed.
  const known = new Set(entries.map((e) => e.file));
  for (const file of problemsByFile.keys()) {
    const collection = entryFileCollection(file, options.contentFolder);
    if (!collection || known.has(file)) continue;
    known.add(file);
    const id = entryIdFromPath(file);
    rows.push({
      collection,
      id,
      file,
      name: id,
      draft: false,
      noConsent: false,
      internal: false,
      embargoedUntil: null,
      ...counted(file, collection),
      unreadable: true,
      public: false,
      why: '文件有错误，暂时无法读取，改正之前不会公开',
    });
  }

  // The list says these must be fixed before publishing: errors only, not reminders (the footer's).
  const otherProblems = problems.filter((p) => !known.has(p.file) && p.severity === 'error').length;
  const keyed = rows.map((row) => ({ row, sort: sortKey(row) }));
  keyed.sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0));
  return { rows: keyed.map(({ row }) => row), otherProblems };
}

/** `获奖人“王祥”未同意公开，此荣誉不会公开`: an entry left out because of the entries it refers to. */
function dependencySentence(
  collection: CollectionName,
  causes: readonly { field: string; ref: Ref }[],
  reasons: ReadonlyMap<string, ExclusionReason>,
  nameOf: (ref: Ref) => string | undefined,
): string {
  const groups = new Map<string, string[]>();
  for (const { field, ref } of causes) {
    const relation = relationLabel(collection, field, ref.collection);
    const group = `${relation}|${DEPENDENCY_STATES[reasons.get(key(ref.collection, ref.id))!]}`;
    const name = `“${nameOf(ref) || ref.id}”`;
    const names = groups.get(group) ?? [];
    if (!names.includes(name)) names.push(name);
    groups.set(group, names);
  }
  const parts = [...groups].map(([group, names]) => {
    const [relation, state] = group.split('|');
    return `${relation}${names.join('、')}${state}`;
  });
  return `${parts.length > 0 ? parts.join('，') : '它所依附的条目不会公开'}，${thisEntry(collection)}不会公开`;
}

/** The schemas as far as their labels go: references and images are plain text here. */
const labelContext: SchemaContext = {
  image: () => z.string(),
  reference: <C extends CollectionName>(collection: C) => z.string().transform((id): Ref<C> => ({ collection, id })),
};
const labelSchemas = new Map<CollectionName, z.ZodTypeAny>();

/**
 * The Chinese label of the field a problem names (`recipients.officers[0]` → the label of the
 * nearest field that has one), or undefined: the list shows no English field names. The forms
 * will show each problem at its field instead.
 */
export function fieldLabel(collection: CollectionName, field: string): string | undefined {
  if (/\p{Script=Han}/u.test(field)) return field;
  let schema = labelSchemas.get(collection);
  if (!schema) {
    schema = COLLECTIONS[collection].schema(labelContext);
    labelSchemas.set(collection, schema);
  }
  const path = field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  for (let length = path.length; length > 0; length--) {
    const label = describeField(schema, path.slice(0, length));
    if (label) return label;
  }
  return undefined;
}

/** The collection of an entry file under the content folder (`src/content/officers/x.md` → officers), or null. */
function entryFileCollection(file: string, contentFolder: string): CollectionName | null {
  if (!file.startsWith(`${contentFolder}/`)) return null;
  const [collection] = file.slice(contentFolder.length + 1).split('/');
  const match = COLLECTION_NAMES.find((c) => c === collection);
  if (!match) return null;
  const ext = file.slice(file.lastIndexOf('.')).toLowerCase();
  return EXTENSIONS[COLLECTIONS[match].format].includes(ext) ? match : null;
}

// ——— Search ———

/** Query and key text compared alike: full-width folded, lower case, no spaces. */
const normalize = normalizeQuery;

const searchKeys = new WeakMap<EntryRow, string[]>();

/**
 * What a query can match in a row: the name, the id (also without hyphens), the name's pinyin
 * without tones or spaces (王祥 → wangxiang; ü as v and as u) and its initials (wx). People's
 * names are read with surname readings (单 shan, 曾 zeng), as their ids are made.
 */
function keysOf(row: EntryRow): string[] {
  const cached = searchKeys.get(row);
  if (cached) return cached;
  const keys = searchKeysOf(row.collection, row.id, row.name);
  searchKeys.set(row, keys);
  return keys;
}

/** The keys an entry is found by (see `keysOf`): for the list's search and the form's pickers alike. */
export function searchKeysOf(collection: CollectionName, id: string, name: string): string[] {
  const syllables = syllablesOf(collection, name);
  const spelled = syllables.join('');
  const keys = [name, id, id.replace(/-/g, ''), withoutMarks(spelled), spelled.replace(/ü/g, 'v'), syllables.map((s) => s[0] ?? '').join('')];
  return [...new Set(keys.map(normalize).filter((k) => k !== ''))];
}

/** Rows sort by the pinyin of their names, then by id: 陈 before 王 before 张, 单 (shan) after 李. */
function sortKey(row: EntryRow): string {
  return `${withoutMarks(syllablesOf(row.collection, row.name).join('')) || normalize(row.name)}\u0000${row.id}`;
}

/** What a badge shows: the state (for its colour) and the words. */
export interface Badge {
  kind: EntryFilter | 'hidden';
  text: string;
}

/**
 * The badges of a row: its own states, and 不公开 for an entry that is left out only because of
 * another one (its sentence says which).
 */
export function badgesOf(row: EntryRow): Badge[] {
  const badges: Badge[] = [];
  if (row.draft) badges.push({ kind: 'draft', text: ENTRY_FILTER_LABELS.draft });
  if (row.noConsent) badges.push({ kind: 'no-consent', text: ENTRY_FILTER_LABELS['no-consent'] });
  if (row.internal) badges.push({ kind: 'internal', text: ENTRY_FILTER_LABELS.internal });
  if (row.embargoedUntil) badges.push({ kind: 'embargoed', text: `${ENTRY_FILTER_LABELS.embargoed} ${row.embargoedUntil}` });
  if (row.unreadable) badges.push({ kind: 'problems', text: '无法读取' });
  else if (row.errors + row.warnings > 0) badges.push({ kind: 'problems', text: `${ENTRY_FILTER_LABELS.problems} ${row.errors + row.warnings}` });
  if (!row.public && badges.every((b) => b.kind === 'problems') && !row.unreadable) badges.unshift({ kind: 'hidden', text: '不公开' });
  return badges;
}

/** Whether a row has the state a filter asks for. */
export function hasState(row: EntryRow, filter: EntryFilter): boolean {
  switch (filter) {
    case 'draft':
      return row.draft;
    case 'no-consent':
      return row.noConsent;
    case 'internal':
      return row.internal;
    case 'embargoed':
      return row.embargoedUntil !== null;
    case 'problems':
      return row.errors + row.warnings > 0;
  }
}

export interface EntryQuery {
  /** Words typed into the search box: 王祥, wangxiang, wx, wang-xiang. */
  q?: string | undefined;
  filter?: EntryFilter | undefined;
}

export interface EntryQueryResult {
  rows: EntryRow[];
  /** Rows matching the search, in all and per filter, for the filter buttons. */
  counts: Record<EntryFilter | 'all', number>;
}

/** The rows of one collection that match the search and the filter. */
export function queryEntries(list: EntryList, collection: CollectionName, { q = '', filter }: EntryQuery): EntryQueryResult {
  const query = normalize(q);
  const found = list.rows.filter((row) => row.collection === collection && (query === '' || keysOf(row).some((k) => k.includes(query))));
  const counts = Object.fromEntries([['all', found.length], ...ENTRY_FILTERS.map((f) => [f, found.filter((row) => hasState(row, f)).length])]) as EntryQueryResult['counts'];
  return { rows: filter ? found.filter((row) => hasState(row, filter)) : found, counts };
}

/** Whether a text from a request is one of the filters. */
export function isEntryFilter(value: string): value is EntryFilter {
  return (ENTRY_FILTERS as readonly string[]).includes(value);
}
