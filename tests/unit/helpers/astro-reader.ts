/**
 * How the build reads a content file, with Astro's own code: `parseFrontmatter` from
 * @astrojs/markdown-remark for .md/.mdx (as Astro's content layer calls it), and the copy of
 * js-yaml Astro loads .yaml data files with. Tests compare the check's reading with this one.
 */
import { createRequire } from 'node:module';
import { parseFrontmatter } from '@astrojs/markdown-remark';

// Resolved from Astro's package, so it is the js-yaml Astro itself imports.
const requireFromAstro = createRequire(createRequire(import.meta.url).resolve('astro/package.json'));
const jsYaml = requireFromAstro('js-yaml') as { load(text: string, options?: { filename?: string }): unknown };

/** What the build's reader made of a file: its data, or the message it threw. */
export type BuildReading = { ok: true; data: unknown } | { ok: false; error: string };

/** Reads `text` as Astro's build does: a Markdown file's frontmatter, or a whole YAML data file. */
export function readAsBuild(text: string, format: 'markdown' | 'data'): BuildReading {
  try {
    const data = format === 'markdown' ? parseFrontmatter(text, { frontmatter: 'empty-with-spaces' }).frontmatter : jsYaml.load(text, { filename: 'entry.yaml' });
    return { ok: true, data };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
  }
}
