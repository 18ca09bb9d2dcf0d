/**
 * Placeholders that `npm run new` writes where a required value is not known yet. The content
 * check refuses them, so a half-filled entry can never be published by mistake.
 */

const OPEN = '（请填写：';

/** `（请填写：一句话简介）` */
export function placeholder(what: string): string {
  return `${OPEN}${what}）`;
}

/** What the placeholder in `text` asks for, or null when there is none. */
export function placeholderIn(text: string): string | null {
  const start = text.indexOf(OPEN);
  if (start === -1) return null;
  const end = text.indexOf('）', start);
  return text.slice(start + OPEN.length, end === -1 ? undefined : end);
}
