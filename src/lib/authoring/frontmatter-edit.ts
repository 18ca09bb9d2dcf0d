/**
 * Changing fields of an existing entry file without disturbing the rest: comments, the order of
 * fields and the body stay as the author left them.
 */
import { parseDocument } from 'yaml';

const FRONTMATTER = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?)(\r?\n?---[ \t]*(?:\r?\n|$))/;

/** Sets (or adds) top-level fields in the frontmatter of a Markdown entry, or in a YAML file. */
export function setFields(text: string, fields: Record<string, unknown>, { data = false }: { data?: boolean } = {}): string {
  if (data) return update(text, fields);
  const match = FRONTMATTER.exec(text);
  if (!match) throw new Error('no frontmatter');
  const [whole, open, yaml, close] = match as unknown as [string, string, string, string];
  const updated = update(yaml, fields).replace(/\n$/, '');
  return `${open}${updated}${close.startsWith('\n') || close.startsWith('\r') ? close : `\n${close}`}${text.slice(whole.length)}`;
}

function update(yaml: string, fields: Record<string, unknown>): string {
  const doc = parseDocument(yaml, { customTags: ['timestamp'] });
  for (const [key, value] of Object.entries(fields)) doc.set(key, value);
  return doc.toString({ lineWidth: 0 });
}
