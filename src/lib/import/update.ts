/**
 * `--update`: writing a row's non-empty cells into an entry that already exists. Only the fields
 * the row fills change; comments, the order of fields, the other fields and the body stay as the
 * author left them (the YAML is edited as a document, not rewritten).
 */
import { ENTRY_YAML_OPTIONS, quotedForBuild } from '../authoring/yaml-values';
import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml';

const FRONTMATTER = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?\r?\n)?(---[ \t]*(?:\r?\n|$))/;

/** A field to set: its path in the entry (`recipients.officers` → ['recipients', 'officers']) and value. */
export interface FieldChange {
  path: readonly string[];
  value: unknown;
}

/** Metric fields to set in the metric with `key`, or a whole metric to append when there is none. */
export interface MetricChange {
  key: string;
  fields: FieldChange[];
  metric: Record<string, unknown>;
}

/** Lists of plain values are written on one line (`officers: [wang-xiang]`), as authors write them. */
function setValue(doc: Document, path: readonly (string | number)[], value: unknown) {
  const node = doc.createNode(quotedForBuild(value), { aliasDuplicateObjects: false });
  if (isSeq(node) && node.items.every((item) => isScalar(item))) node.flow = true;
  doc.setIn(path, node);
}

/** The value at `path` as plain data, for comparing without touching the document. */
function same(doc: Document, path: readonly (string | number)[], value: unknown): boolean {
  const current = doc.getIn(path, true);
  const plain = current === undefined ? undefined : isScalar(current) ? current.value : (current as { toJSON(): unknown }).toJSON();
  return JSON.stringify(plain) === JSON.stringify(value);
}

/**
 * `padding`: whether flow collections are written `{ key: a }` (stats files) or `[a, b]`
 * (frontmatter), so untouched lines keep the look they have in the sample content.
 */
function applyChanges(yaml: string, changes: readonly FieldChange[], metrics: readonly MetricChange[], padding: boolean): string {
  const doc = parseDocument(yaml);
  let changed = false;
  for (const { path, value } of changes) {
    if (same(doc, path, value)) continue;
    setValue(doc, path, value);
    changed = true;
  }
  for (const change of metrics) {
    const list = doc.get('metrics', true);
    const items = isSeq(list) ? list.items : [];
    const index = items.findIndex((item) => isMap(item) && (item as YAMLMap).get('key') === change.key);
    if (index === -1) {
      const node = doc.createNode(quotedForBuild(change.metric), { aliasDuplicateObjects: false });
      // A new metric looks like its neighbours: `- { key: …, label: … }` when they are written that way.
      if (isMap(node) && items.some((item) => isMap(item) && item.flow)) node.flow = true;
      if (isSeq(list)) list.items.push(node);
      else doc.set('metrics', doc.createNode(quotedForBuild([change.metric]), { aliasDuplicateObjects: false }));
      changed = true;
      continue;
    }
    for (const { path, value } of change.fields) {
      const full = ['metrics', index, ...path];
      if (same(doc, full, value)) continue;
      setValue(doc, full, value);
      changed = true;
    }
  }
  return changed ? doc.toString({ ...ENTRY_YAML_OPTIONS, flowCollectionPadding: padding }) : yaml;
}

/**
 * The text of an entry file after the changes; the same text when nothing changes (the values
 * are already there), so re-importing a sheet with `--update` writes nothing.
 */
export function updateEntryText(text: string, format: 'markdown' | 'data', changes: readonly FieldChange[], metrics: readonly MetricChange[] = []): string {
  if (format === 'data') return applyChanges(text, changes, metrics, true);
  const match = FRONTMATTER.exec(text);
  if (!match) throw new Error('这个文件开头没有 frontmatter，无法更新');
  const [whole, open, yaml = '', close] = match as unknown as [string, string, string | undefined, string];
  const updated = applyChanges(yaml, changes, metrics, false);
  if (updated === yaml) return text;
  return `${open}${updated.endsWith('\n') ? updated : `${updated}\n`}${close}${text.slice(whole.length)}`;
}
