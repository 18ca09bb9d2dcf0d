/**
 * The answer of the editor's list API, apart from the HTTP server: what `GET /__editor/api/entries`
 * returns for its query, or why not, in Chinese. The client
 * imports the types only.
 */
import { COLLECTION_NAMES, COLLECTIONS, type CollectionName } from '../../schemas/index';
import { isCollectionName } from './content-path';
import { badgesOf, isEntryFilter, queryEntries, type Badge, type EntryFilter, type EntryList } from './entry-list';

/** An answer: the body with status 200, or an error the client shows as it is. */
export type ApiResult<T> = { status: 200; body: T } | { status: 400 | 403 | 404 | 413; body: { error: string } };

/** One row of the list, as the client shows it. */
export interface EntryListItem {
  id: string;
  file: string;
  name: string;
  public: boolean;
  why: string | null;
  badges: Badge[];
  /** What the first problems of the file say. */
  problemNotes: string[];
}

export interface EntriesBody {
  collection: CollectionName;
  /** 人物, 荣誉 …: what one entry of the collection is called. */
  label: string;
  q: string;
  filter: EntryFilter | null;
  /** Matches of the search, in all and per filter. */
  counts: Record<EntryFilter | 'all', number>;
  /** Entries per collection, for the tabs. */
  totals: Record<CollectionName, number>;
  /** Problems of the site config and public/, which belong to no entry. */
  otherProblems: number;
  rows: EntryListItem[];
}


const error = (status: 400 | 403 | 404 | 413, message: string) => ({ status, body: { error: message } }) as const;

/** `?collection=officers&q=wx&filter=no-consent` → the rows of the list. */
export function entriesResponse(params: URLSearchParams, list: EntryList): ApiResult<EntriesBody> {
  const collection = params.get('collection') ?? '';
  if (!isCollectionName(collection)) return error(400, collection ? `没有“${collection}”这类内容。` : '缺少内容类别（collection）。');
  const filter = params.get('filter') || null;
  if (filter !== null && !isEntryFilter(filter)) return error(400, `没有“${filter}”这个筛选条件。`);
  const q = params.get('q') ?? '';
  const { rows, counts } = queryEntries(list, collection, { q, filter: filter ?? undefined });
  const totals = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, 0])) as Record<CollectionName, number>;
  for (const row of list.rows) totals[row.collection] += 1;
  return {
    status: 200,
    body: {
      collection,
      label: COLLECTIONS[collection].label,
      q,
      filter,
      counts,
      totals,
      otherProblems: list.otherProblems,
      rows: rows.map((row) => ({ id: row.id, file: row.file, name: row.name, public: row.public, why: row.why, badges: badgesOf(row), problemNotes: row.problemNotes })),
    },
  };
}
