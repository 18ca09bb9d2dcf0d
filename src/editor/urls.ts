/**
 * The editor's own addresses. The view is kept in the address (`?view=edit&collection=officers&id=
 * wang-xiang`), so a reload, a bookmark and the browser's back button show the same page.
 */

export type View =
  | { view: 'list'; collection: string }
  | { view: 'new'; collection: string }
  | { view: 'edit'; collection: string; id: string }
  | { view: 'publish' }
  | { view: 'import' };

const EDITOR = '/__editor/';

/** The view an address names; anything unknown is the list. */
export function readView(search: string): View {
  const params = new URLSearchParams(search);
  const collection = params.get('collection') ?? '';
  const id = params.get('id') ?? '';
  const view = params.get('view');
  if (view === 'edit' && collection && id) return { view, collection, id };
  if (view === 'new' && collection) return { view, collection };
  if (view === 'publish' || view === 'import') return { view };
  return { view: 'list', collection };
}

/** The address of a view. */
export function viewUrl(view: View): string {
  if (view.view === 'publish' || view.view === 'import') return `${EDITOR}?view=${view.view}`;
  if (view.view === 'list') return `${EDITOR}?${new URLSearchParams({ collection: view.collection })}`;
  const params = new URLSearchParams({ view: view.view, collection: view.collection, ...(view.view === 'edit' ? { id: view.id } : {}) });
  return `${EDITOR}?${params}`;
}

/** A sentence for the next page to show once (after an undo took the clerk back to the list). */
const NOTICE_KEY = 'honor-roll-editor-notice';

export function leaveNotice(text: string): void {
  try {
    sessionStorage.setItem(NOTICE_KEY, text);
  } catch {
    // Storage can be switched off; the notice is only a courtesy.
  }
}

export function takeNotice(): string | undefined {
  try {
    const text = sessionStorage.getItem(NOTICE_KEY) ?? undefined;
    sessionStorage.removeItem(NOTICE_KEY);
    return text;
  } catch {
    return undefined;
  }
}
