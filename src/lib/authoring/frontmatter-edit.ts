/**
 * Changing fields of an existing entry file without disturbing the rest: comments, the order of
 * fields and the body stay as the author left them.
 */
import { parseDocument } from 'yaml';
import { ENTRY_YAML_OPTIONS, quotedForBuild } from './yaml-values';

const FRONTMATTER = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?)(\r?\n?---[ \t]*(?:\r?\n|$))/;

/**
 * Sets (or adds) top-level fields in the frontmatter of a Markdown entry, or in a YAML file; a
 * field set to `undefined` is removed. The commented template line of a field that is set
 * (`# photo: 文件名.jpg`) goes: uncommented later, it would give the field twice.
 */
export function setFields(text: string, fields: Record<string, unknown>, { data = false }: { data?: boolean } = {}): string {
  if (data) return update(text, fields);
  const match = FRONTMATTER.exec(text);
  if (!match) throw new Error('no frontmatter');
  const [whole, open, yaml, close] = match as unknown as [string, string, string, string];
  const updated = update(yaml, fields).replace(/\n$/, '');
  return `${open}${updated}${close.startsWith('\n') || close.startsWith('\r') ? close : `\n${close}`}${text.slice(whole.length)}`;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function update(yaml: string, fields: Record<string, unknown>): string {
  const set = Object.keys(fields).filter((key) => fields[key] !== undefined);
  const commented = new RegExp(`^#[ \\t]*(?:${set.map(escapeRegExp).join('|')})[ \\t]*:.*(?:\\r?\\n|$)`, 'gm');
  const doc = parseDocument(set.length ? yaml.replace(commented, '') : yaml, { customTags: ['timestamp'] });
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) doc.delete(key);
    else doc.set(key, quotedForBuild(value));
  }
  // yaml prints a comment at the end of the document after a blank line; the templates keep it
  // right below the fields, and a blank line there would read as the end of the frontmatter.
  const trailing = doc.comment;
  doc.comment = null;
  const printed = doc.toString({ ...ENTRY_YAML_OPTIONS, flowCollectionPadding: false });
  return trailing ? `${printed}${trailing.split('\n').map((line) => `#${line}`).join('\n')}\n` : printed;
}

/** Replaces the body of a Markdown entry, keeping its frontmatter exactly as it was. */
export function setBody(text: string, body: string): string {
  const match = FRONTMATTER.exec(text);
  if (!match) throw new Error('no frontmatter');
  const head = match[0].endsWith('\n') ? match[0] : `${match[0]}\n`;
  return `${head}\n${body.trim()}\n`;
}
