/**
 * The state of the search page, kept in its address so a search can be shared and the back
 * button works: `/search/?q=夺刀&type=人物&year=2020年&sort=newest`.
 */

/** The filters the search page offers, in display order. */
export const FILTER_KEYS = ['type', 'year', 'unit', 'level', 'scope'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const SORTS = { relevance: '相关度', newest: '最新在前', oldest: '最早在前' } as const;
export type Sort = keyof typeof SORTS;

export interface SearchState {
  query: string;
  /** Chosen values per filter; a result must match one of the values of every chosen filter. */
  filters: Partial<Record<FilterKey, string[]>>;
  sort: Sort;
}

/** Reads the state from a query string (`?q=…&type=人物&type=荣誉&sort=newest`). */
export function parseSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const key of FILTER_KEYS) {
    const values = [...new Set(params.getAll(key).map((v) => v.trim()).filter(Boolean))];
    if (values.length > 0) filters[key] = values;
  }
  const sort = params.get('sort');
  return {
    query: (params.get('q') ?? '').trim().slice(0, 100),
    filters,
    sort: sort === 'newest' || sort === 'oldest' ? sort : 'relevance',
  };
}

/** Writes the state back as a query string, omitting defaults, in a stable order. */
export function serializeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const key of FILTER_KEYS) for (const value of state.filters[key] ?? []) params.append(key, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The options Pagefind's `search()` takes for this state. */
export function pagefindOptions(state: SearchState): {
  filters: Record<string, { any: string[] }>;
  sort?: Record<string, 'asc' | 'desc'>;
} {
  const filters: Record<string, { any: string[] }> = {};
  for (const key of FILTER_KEYS) {
    const values = state.filters[key];
    if (values && values.length > 0) filters[key] = { any: values };
  }
  if (state.sort === 'relevance') return { filters };
  return { filters, sort: { date: state.sort === 'newest' ? 'desc' : 'asc' } };
}

/** Whether there is anything to search for: words, or at least one filter to browse by. */
export function hasCriteria(state: SearchState): boolean {
  return state.query !== '' || Object.values(state.filters).some((values) => values && values.length > 0);
}
