/**
 * Small DOM helpers shared by the list and the forms. Text from content files is always set as
 * text, never as HTML.
 */

/** An element with a class and text. */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

let counter = 0;

/** A page-unique id for a control, readable in the page source: `f-recipients-officers-3`. */
export function uniqueId(base: string): string {
  counter += 1;
  return `f-${base.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}-${counter}`;
}

/** A button that does not submit the form. */
export function button(text: string, className: string, onClick: (event: MouseEvent) => void): HTMLButtonElement {
  const node = element('button', className, text);
  node.type = 'button';
  node.addEventListener('click', onClick);
  return node;
}

/** Adds ids to an element's `aria-describedby`, keeping those it has. */
export function describeBy(target: Element, ...ids: string[]): void {
  const current = (target.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  const next = [...new Set([...current, ...ids])];
  target.setAttribute('aria-describedby', next.join(' '));
}

/** Removes ids from an element's `aria-describedby`. */
export function undescribeBy(target: Element, ...ids: string[]): void {
  const next = (target.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id && !ids.includes(id));
  if (next.length) target.setAttribute('aria-describedby', next.join(' '));
  else target.removeAttribute('aria-describedby');
}

/** `2026-11-30T08:12:03.000Z` → `2026-11-30 16:12`, in the PC's own time zone. */
export function formatTime(iso: string, { seconds = false } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}${seconds ? `:${pad(date.getSeconds())}` : ''}`;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${time}`;
}
