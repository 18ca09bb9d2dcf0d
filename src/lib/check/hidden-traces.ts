/**
 * Traces of unpublished entries in the text of published ones, found before building: a public
 * activity that lists a person who did not consent among its participants, an honour whose
 * `others` names a draft profile, a certificate file named after a hidden person's id. The privacy
 * guard would stop the build on the same finding in the output; here it comes with the file, the
 * field and the line, and a fix.
 */
import { COLLECTION_NAMES } from '../../schemas/index';
import { findCanaryHits, IMAGE_FIELD_NAMES, leakCanaries, pathWords, readingText, type Canary, type CanaryEntry } from '../leak-canaries';
import { normalizeText, sourceOffset } from '../normalize-text';
import { publish, type Collections, type ExcludedEntry, type ExclusionReason, type PublishOptions } from '../publishing';
import { forEachString, formatFieldPath, type Problem } from './problem';
import { entriesOf, type CheckedEntry } from './check-content';

export const EXCLUSION_REASON_LABELS: Record<ExclusionReason, string> = {
  draft: '草稿',
  embargoed: '未到发布时间',
  internal: '内部',
  'no-consent': '未同意公开',
  'depends-on-excluded': '所依附的条目未公开',
};

/** The entries the publishing rules keep and leave out, computed from the checked content with the same rules. */
export function publishedAndExcluded(entries: readonly CheckedEntry[], options: PublishOptions): { published: CheckedEntry[]; excluded: (CheckedEntry & { reason: ExclusionReason })[] } {
  const collections: Collections = {
    units: entriesOf(entries, 'units'),
    officers: entriesOf(entries, 'officers'),
    honors: entriesOf(entries, 'honors'),
    letters: entriesOf(entries, 'letters'),
    stats: entriesOf(entries, 'stats'),
    activities: entriesOf(entries, 'activities'),
    points: entriesOf(entries, 'points'),
  };
  const { collections: kept, excluded } = publish(collections, options);
  const byKey = new Map(entries.map((e) => [`${e.collection}/${e.id}`, e]));
  return {
    excluded: excluded.flatMap((x: ExcludedEntry) => {
      const entry = byKey.get(`${x.collection}/${x.id}`);
      return entry ? [{ ...entry, reason: x.reason }] : [];
    }),
    published: COLLECTION_NAMES.flatMap((c) => (kept[c] as { id: string }[]).flatMap((e) => byKey.get(`${c}/${e.id}`) ?? [])),
  };
}

/** An entry as the canaries need it. */
export const toCanaryEntry = (e: CheckedEntry): CanaryEntry => ({ collection: e.collection, id: e.id, data: e.data });

/** Every trace of an unpublished entry in the published ones, as errors with file, field and line. */
export function hiddenTraceProblems(entries: readonly CheckedEntry[], options: PublishOptions): Problem[] {
  const { published, excluded } = publishedAndExcluded(entries, options);
  const canaries = leakCanaries(excluded.map(toCanaryEntry), published.map(toCanaryEntry));
  if (canaries.length === 0) return [];
  const reasons = new Map(excluded.map((e) => [`${e.collection}/${e.id}`, { reason: e.reason, file: e.file }]));
  const problems: Problem[] = [];
  const report = (entry: CheckedEntry, canary: Canary, field: string, line: number | undefined) => {
    const hidden = reasons.get(canary.entry);
    const why = hidden ? EXCLUSION_REASON_LABELS[hidden.reason] : '未公开';
    const person = canary.entry.startsWith('officers/');
    problems.push({
      severity: 'error',
      code: 'unpublished-trace',
      file: entry.file,
      field,
      ...(line ? { line } : {}),
      value: canary.text,
      message: `出现了未公开条目 ${canary.entry}（${why}）的${canary.what}“${canary.text.length > 30 ? `${canary.text.slice(0, 30)}…` : canary.text}”，公开网站不能显示`,
      hint:
        canary.place === 'path'
          ? `请给文件改名，名字中不要含有未公开人物的拼音（改名后同时修改引用它的字段）`
          : `请删除或改写（如“一名民警”）${person && hidden?.reason === 'no-consent' && hidden.file ? `；如果本人已书面同意公开，在 ${hidden.file} 中加上 consent: true` : ''}`,
    });
  };
  for (const entry of published) {
    const scan = (text: string, field: string, line: number | undefined) => {
      for (const { canary } of findCanaryHits(readingText(text, { markup: true }).text, canaries, 'reading')) report(entry, canary, field, line);
      for (const { canary } of findCanaryHits(normalizeText(text).text, canaries, 'source')) report(entry, canary, field, line);
    };
    // The fields as the clerk wrote them, so the message names a field they know (`participants`).
    forEachString(entry.written ?? entry.data, (value, path) => {
      const field = formatFieldPath(path);
      scan(value, field, entry.lineOf?.(path));
      if (IMAGE_FIELD_NAMES.includes(field)) for (const { canary } of findCanaryHits(pathWords(value), canaries, 'path')) report(entry, canary, field, entry.lineOf?.(path));
    });
    // The body as a reader reads it: one finding per canary, on the line where it first stands.
    const lineAt = (offset: number) => (entry.bodyLine ?? 1) + (entry.body.slice(0, offset).match(/\n/g)?.length ?? 0);
    const body = readingText(entry.body, { markup: true });
    for (const { canary, index } of findCanaryHits(body.text, canaries, 'reading')) report(entry, canary, '正文', lineAt(sourceOffset(body, index)));
    const source = normalizeText(entry.body);
    for (const { canary, index } of findCanaryHits(source.text, canaries, 'source')) report(entry, canary, '正文', lineAt(sourceOffset(source, index)));
    // The entry's own address: /honors/wang-xiang-jianyiyongwei/ spells out a hidden person's name.
    for (const { canary } of findCanaryHits(pathWords(`${entry.collection}/${entry.id}`), canaries, 'path')) report(entry, canary, '文件名', undefined);
  }
  return problems;
}
