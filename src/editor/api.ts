/**
 * The editor's page talks to its server through these calls only. Every failure becomes one
 * Chinese sentence the page can show as it is.
 */
import type { EntriesBody } from '../lib/editor/api';

export type { EntriesBody, EntryListItem } from '../lib/editor/api';

/** What the list asks for; also kept in the page's address, so a reload shows the same view. */
export interface ListState {
  collection: string;
  q: string;
  filter: string;
}

export class ApiError extends Error {
  constructor(
    message: string,
    /** The HTTP status, 0 when the server could not be reached. */
    readonly status = 0,
  ) {
    super(message);
  }
}

const OFFLINE = '连接不上编辑台：它可能已经关闭。请重新运行 npm run edit，再打开它显示的地址。';

/**
 * One request to the editor's server, answered with JSON. `signal` cancels a request a newer one
 * replaces. Errors the server explains (`{ error }`) keep its words.
 */
export async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init, headers: { Accept: 'application/json', ...init.headers } });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiError(OFFLINE);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const told = body && typeof body === 'object' && 'error' in body && typeof body.error === 'string' ? body.error : undefined;
    throw new ApiError(told ?? (response.status === 413 ? '内容太大，编辑台无法接收。' : `编辑台出错（${response.status}），请重试。`), response.status);
  }
  return body as T;
}

/** A JSON request that changes something. */
export const post = <T>(path: string, value: unknown) => call<T>(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(value) });

/** The list of one collection, searched and filtered. */
export function fetchEntries(state: ListState, signal: AbortSignal): Promise<EntriesBody> {
  const params = new URLSearchParams({ collection: state.collection, q: state.q });
  if (state.filter) params.set('filter', state.filter);
  return call<EntriesBody>(`/__editor/api/entries?${params}`, { signal });
}
