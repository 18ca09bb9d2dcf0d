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

export class ApiError extends Error {}

/** The list of one collection, searched and filtered. `signal` cancels a request a newer one replaces. */
export async function fetchEntries(state: ListState, signal: AbortSignal): Promise<EntriesBody> {
  const params = new URLSearchParams({ collection: state.collection, q: state.q });
  if (state.filter) params.set('filter', state.filter);
  let response: Response;
  try {
    response = await fetch(`/__editor/api/entries?${params}`, { signal, credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ApiError('连接不上编辑台：它可能已经关闭。请重新运行 npm run edit，再打开它显示的地址。');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && typeof body === 'object' && 'error' in body && typeof body.error === 'string' ? body.error : `编辑台出错（${response.status}），请重试。`;
    throw new ApiError(message);
  }
  return body as EntriesBody;
}
