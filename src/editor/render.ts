/**
 * Drawing the list. Names and sentences come from content files, so they are set as text, never
 * as HTML.
 */
import type { EntriesBody, EntryListItem } from './api';
import { element } from './dom';
import { viewUrl } from './urls';

/** One entry: its name (the link to its form) and id, its badges, and why it will not be public. */
function entryItem(collection: string, row: EntryListItem): HTMLLIElement {
  const item = element('li', row.public ? 'entry' : 'entry entry-hidden');
  const head = element('p', 'entry-head');
  const name = element('a', 'entry-name', row.name);
  name.href = viewUrl({ view: 'edit', collection, id: row.id });
  head.append(name, ' ', element('span', 'entry-id', row.id));
  item.append(head);
  if (row.badges.length > 0) {
    const badges = element('p', 'badges');
    for (const badge of row.badges) badges.append(element('span', `badge badge-${badge.kind}`, badge.text), ' ');
    item.append(badges);
  }
  if (row.why) item.append(element('p', 'why', row.why));
  if (row.problemNotes.length > 0) {
    const notes = element('ul', 'problems');
    notes.append(...row.problemNotes.map((note) => element('li', '', note)));
    item.append(notes);
  }
  return item;
}

/** The sentence above the list: how many, of what, found by what. */
export function summary(body: EntriesBody, filterLabel: string | undefined): string {
  const shown = body.rows.length;
  if (body.totals[body.collection] === 0) return `还没有任何${body.label}。`;
  const searched = body.q.trim() ? `搜索“${body.q.trim()}”` : '';
  const filtered = filterLabel ? `${searched ? '，' : ''}筛选“${filterLabel}”` : '';
  if (shown === 0) return `${searched}${filtered}：没有符合条件的${body.label}。`;
  return searched || filtered ? `${searched}${filtered}：找到 ${shown} 个${body.label}。` : `共 ${shown} 个${body.label}。`;
}

/** Replaces the list with the rows of `body`. */
export function renderRows(list: HTMLElement, body: EntriesBody): void {
  list.replaceChildren(...body.rows.map((row) => entryItem(body.collection, row)));
}

/** Writes `count` into the `.count` of a button. */
export function setCount(button: HTMLElement, count: number): void {
  const target = button.querySelector('.count');
  if (target) target.textContent = String(count);
}
