/**
 * Validates every page of a build with html-validate's recommended rules. Checkbox groups share a
 * name on purpose (the search filters), which the rules allow once told.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }] },
});

/** One line per problem: `page:line rule message`. Empty when every page is valid. */
export async function htmlProblems(outDir: string): Promise<string[]> {
  const pages = (readdirSync(outDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
  if (pages.length === 0) throw new Error(`no pages under ${outDir}`);
  const problems: string[] = [];
  for (const page of pages) {
    const report = await validator.validateFile(path.join(outDir, page));
    for (const result of report.results) {
      for (const message of result.messages) problems.push(`${page}:${message.line} ${message.ruleId} ${message.message}`);
    }
  }
  return problems;
}
