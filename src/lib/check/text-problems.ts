/**
 * Problems in the words of a file, wherever they are: personal data that must not be published,
 * and placeholders that must be filled in. Used for every entry and for site.config.yaml.
 */
import { placeholder, placeholderIn } from '../authoring/placeholder';
import { findPii, maskPii, PII_LABELS } from '../pii';
import { formatFieldPath, type Problem } from './problem';
import type { SourceFile } from './source-file';

/**
 * Problems in the text of any field or of the body. Personal data: an ID number, a mobile number,
 * a bank card or an e-mail address must be removed before anything is published (the value is
 * masked in the message so the report does not spread it further). Placeholders left by
 * `npm run new` must be filled in.
 */
export function textProblems(source: SourceFile, allow: readonly string[]): Omit<Problem, 'file'>[] {
  const problems: Omit<Problem, 'file'>[] = [];
  const report = (text: string, field: string | undefined, line: number | undefined) => {
    const wanted = placeholderIn(text);
    if (wanted !== null) {
      problems.push({
        severity: 'error',
        code: 'placeholder',
        ...(field ? { field } : {}),
        ...(line ? { line } : {}),
        message: `还没有填写：${wanted}`,
        hint: `把“${placeholder(wanted)}”换成实际内容`,
      });
    }
    for (const match of findPii(text, allow)) {
      problems.push({
        severity: 'error',
        code: 'personal-data',
        ...(field ? { field } : {}),
        ...(line ? { line } : {}),
        value: maskPii(match.value),
        message: `含有${PII_LABELS[match.kind]}（${maskPii(match.value)}），不能公开发布`,
        hint: `请删除或改写这段内容（如“市民李女士”“联系电话已隐去”）。如果这是可以公开的号码（如服务热线），请把它加入 site.config.yaml 的 privacy.allow`,
      });
    }
  };
  const walk = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string') report(value, formatFieldPath(path), source.lineOf(path));
    else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    else if (value && typeof value === 'object' && !(value instanceof Date)) {
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
    }
  };
  walk(source.data, []);
  source.body.split('\n').forEach((text, index) => report(text, '正文', source.bodyLine + index));
  return problems;
}
