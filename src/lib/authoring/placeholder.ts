/**
 * Placeholders that `npm run new` writes where a required value is not known yet. The content
 * check refuses them, so a half-filled entry can never be published by mistake.
 */

const OPEN = '（请填写：';

/** `（请填写：一句话简介）` */
export function placeholder(what: string): string {
  return `${OPEN}${what}）`;
}

/**
 * What the placeholder in `text` asks for, or null when there is none. Brackets inside it are
 * balanced — `（请填写：原文（隐去全名））` asks for `原文（隐去全名）` — so the message and the hint
 * quote the placeholder exactly as the file has it.
 */
export function placeholderIn(text: string): string | null {
  const start = text.indexOf(OPEN);
  if (start === -1) return null;
  const from = start + OPEN.length;
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '（') depth++;
    else if (text[i] === '）' && --depth === 0) return text.slice(from, i);
  }
  return text.slice(from);
}
