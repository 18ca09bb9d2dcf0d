/**
 * Writing entry files the way a person would: YAML frontmatter with the fields in the order of the
 * authoring guide, then the body. Used by `npm run new` and `npm run import`.
 */
import { stringify } from 'yaml';
import { ENTRY_YAML_OPTIONS, quotedForBuild } from './yaml-values';

/** A Markdown entry: frontmatter, a blank line, the body. `comments` go at the end of the frontmatter. */
export function markdownEntry(data: Record<string, unknown>, body: string, comments: string[] = []): string {
  const yaml = yamlText(data);
  const commentLines = comments.map((c) => (c === '' ? '' : `# ${c}`)).join('\n');
  return `---\n${yaml}${commentLines ? `${commentLines}\n` : ''}---\n\n${body.trim()}\n`;
}

/** A YAML data entry (stats). */
export function dataEntry(data: Record<string, unknown>): string {
  return yamlText(data);
}

function yamlText(data: Record<string, unknown>): string {
  const defined = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
  // Plain scalars where possible (王祥, not "王祥"); lists of ids on one line, as authors write them.
  return stringify(quotedForBuild(defined), { ...ENTRY_YAML_OPTIONS, flowCollectionPadding: false, defaultKeyType: 'PLAIN', collectionStyle: 'any' });
}
