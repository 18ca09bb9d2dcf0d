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
export const toCanaryEntry = (e: CheckedEntry): CanaryEntry => ({ collection: e.collection, id: e.id, data: e.data, ...(e.bodyImages?.length ? { bodyImages: e.bodyImages.map((i) => i.path) } : {}) });

/** The traces of the unpublished entries, as the privacy guard will look for them, and why each entry is hidden. */
export interface HiddenTraces {
  canaries: Canary[];
  /** `officers/chen-yalin` → why it is left out, and its file. */
  hidden: ReadonlyMap<string, { reason: ExclusionReason; file: string }>;
}

/** What the privacy guard will look for in the site built from `entries`: the same publishing rules, the same canaries. */
export function hiddenTraces(entries: readonly CheckedEntry[], options: PublishOptions): HiddenTraces & { published: CheckedEntry[] } {
  const { published, excluded } = publishedAndExcluded(entries, options);
  return {
    canaries: leakCanaries(excluded.map(toCanaryEntry), published.map(toCanaryEntry)),
    hidden: new Map(excluded.map((e) => [`${e.collection}/${e.id}`, { reason: e.reason, file: e.file }])),
    published,
  };
}

/** Where a trace was found: the file, and the field and line where there are some. */
interface TraceSite {
  file: string;
  field?: string | undefined;
  line?: number | undefined;
  /** Where in the file, for a file that is not an entry: `SVG 文字中`. */
  within?: string;
  /** What to do, where the file is not an entry (a file of public/). */
  hint?: string;
}

/** A trace of an unpublished entry as an error, at its site, with a fix. */
export function traceProblem({ hidden }: HiddenTraces, canary: Canary, { file, field, line, within = '', hint }: TraceSite): Problem {
  const entry = hidden.get(canary.entry);
  const why = entry ? EXCLUSION_REASON_LABELS[entry.reason] : '未公开';
  const consent = canary.entry.startsWith('officers/') && entry?.reason === 'no-consent' ? `；如果本人已书面同意公开，在 ${entry.file} 中加上 consent: true` : '';
  const fix =
    hint ??
    (canary.place === 'path'
      ? '请给文件改名，名字中不要含有未公开人物的拼音（改名后同时修改引用它的字段）'
      : canary.place === 'source'
        ? `请删除指向它的链接${consent}`
        : `请删除或改写（如“一名民警”）${consent}`);
  return {
    severity: 'error',
    code: 'unpublished-trace',
    file,
    ...(field ? { field } : {}),
    ...(line ? { line } : {}),
    value: canary.text,
    message: `${within}出现了未公开条目 ${canary.entry}（${why}）的${canary.what}“${canary.text.length > 30 ? `${canary.text.slice(0, 30)}…` : canary.text}”，公开网站不能显示`,
    hint: fix,
  };
}

/** The canaries of names and addresses in one text: as a reader reads it, and in its source (links). */
function textHits(text: string, canaries: readonly Canary[]): Canary[] {
  const hits = [...findCanaryHits(readingText(text, { markup: true }).text, canaries, 'reading'), ...findCanaryHits(normalizeText(text).text, canaries, 'source')];
  return [...new Set(hits.map((hit) => hit.canary))];
}

/**
 * Every trace in the text of parsed YAML that is printed on the site's pages (site.config.yaml:
 * the title, the description, the menu and its links), at its field and line.
 */
export function fieldTraceProblems(data: unknown, lineOf: (path: readonly (string | number)[]) => number | undefined, file: string, traces: HiddenTraces): Problem[] {
  if (traces.canaries.length === 0) return [];
  const problems: Problem[] = [];
  forEachString(data, (value, path) => {
    for (const canary of textHits(value, traces.canaries)) problems.push(traceProblem(traces, canary, { file, field: formatFieldPath(path), line: lineOf(path) }));
  });
  return problems;
}

/** Every trace of an unpublished entry in the published ones, as errors with file, field and line. */
export function hiddenTraceProblems(entries: readonly CheckedEntry[], options: PublishOptions, traces = hiddenTraces(entries, options)): Problem[] {
  const { published, canaries } = traces;
  if (canaries.length === 0) return [];
  const problems: Problem[] = [];
  const report = (entry: CheckedEntry, canary: Canary, field: string, line: number | undefined) => problems.push(traceProblem(traces, canary, { file: entry.file, field, line }));
  for (const entry of published) {
    // The fields as the clerk wrote them, so the message names a field they know (`participants`).
    forEachString(entry.written ?? entry.data, (value, path) => {
      const field = formatFieldPath(path);
      for (const canary of textHits(value, canaries)) report(entry, canary, field, entry.lineOf?.(path));
      if (IMAGE_FIELD_NAMES.includes(field)) for (const { canary } of findCanaryHits(pathWords(value), canaries, 'path')) report(entry, canary, field, entry.lineOf?.(path));
    });
    // The body as a reader reads it: one finding per canary, on the line where it first stands.
    const lineAt = (offset: number) => (entry.bodyLine ?? 1) + (entry.body.slice(0, offset).match(/\n/g)?.length ?? 0);
    const body = readingText(entry.body, { markup: true });
    for (const { canary, index } of findCanaryHits(body.text, canaries, 'reading')) report(entry, canary, '正文', lineAt(sourceOffset(body, index)));
    const source = normalizeText(entry.body);
    for (const { canary, index } of findCanaryHits(source.text, canaries, 'source')) report(entry, canary, '正文', lineAt(sourceOffset(source, index)));
    // A picture in the body whose file name spells a hidden person's id or a hidden entry's picture.
    for (const image of entry.bodyImages ?? []) for (const { canary } of findCanaryHits(pathWords(image.path), canaries, 'path')) report(entry, canary, '正文', image.line);
    // The entry's own address: /honors/wang-xiang-jianyiyongwei/ spells out a hidden person's name.
    for (const { canary } of findCanaryHits(pathWords(`${entry.collection}/${entry.id}`), canaries, 'path')) report(entry, canary, '文件名', undefined);
  }
  return problems;
}
