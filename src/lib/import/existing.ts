/**
 * What is already in the content folder, as the importer needs it: each entry's id, file, text and
 * raw fields (read even when the entry has errors of its own), and the people and units that
 * names in a spreadsheet can refer to.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readDataSource, readMarkdownSource, type SourceFile } from '../check/source-file';
import { memo } from '../memo';
import { entryIdFromPath } from '../entry-id';
import { COLLECTIONS, EXTENSIONS, type CollectionName } from '../../schemas/index';

/** An entry file as it is on disk. */
export interface ExistingEntry {
  id: string;
  /** Path relative to the content folder, with `/`: `officers/wang-xiang.md`. */
  path: string;
  text: string;
  /** The fields as written (not validated); empty when the file cannot be read. */
  data: Record<string, unknown>;
}

/** A person or unit that a cell may name. */
export interface Named {
  id: string;
  /** Names that find it: the name, and for units the short name. */
  names: string[];
  /** What to show in a did-you-mean: 王祥（wang-xiang，东进警务站）. */
  label: string;
}

/** The existing entries of every collection, and who can be named. */
export interface Existing {
  entries: Record<CollectionName, ExistingEntry[]>;
  officers: Named[];
  units: Named[];
  /** The site's own unit (the one without a parent), if there is exactly one. */
  rootUnit: string | undefined;
}

function entryFiles(folder: string, extensions: readonly string[]): string[] {
  if (!existsSync(folder)) return [];
  return (readdirSync(folder, { recursive: true }) as string[])
    .filter((name) => !name.split(path.sep).some((part) => part.startsWith('.')))
    .filter((name) => extensions.includes(path.extname(name).toLowerCase()))
    .filter((name) => statSync(path.join(folder, name)).isFile())
    .sort();
}

const str = (value: unknown) => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');

/** The editor reads the entries again at every save: a file's text is parsed once. */
const sources = memo<SourceFile>(20_000);

/** Reads the entries of one collection. */
export function readEntries(contentDir: string, collection: CollectionName): ExistingEntry[] {
  const { format } = COLLECTIONS[collection];
  const folder = path.join(contentDir, collection);
  return entryFiles(folder, EXTENSIONS[format]).map((name) => {
    const text = readFileSync(path.join(folder, name), 'utf8');
    const source = sources.get(`${format}\0${text}`, () => (format === 'data' ? readDataSource(text) : readMarkdownSource(text)));
    const data = source.data && typeof source.data === 'object' && !Array.isArray(source.data) ? (source.data as Record<string, unknown>) : {};
    return { id: entryIdFromPath(name), path: `${collection}/${name.split(path.sep).join('/')}`, text, data };
  });
}

/** Reads the whole content folder. */
export function readExisting(contentDir: string): Existing {
  const entries = Object.fromEntries((Object.keys(COLLECTIONS) as CollectionName[]).map((c) => [c, readEntries(contentDir, c)])) as Record<
    CollectionName,
    ExistingEntry[]
  >;
  const unitName = new Map(entries.units.map((u) => [u.id, str(u.data.shortName) || str(u.data.name) || u.id]));
  const units = entries.units.map((u) => ({
    id: u.id,
    names: [str(u.data.name), str(u.data.shortName)].filter(Boolean),
    label: `${str(u.data.shortName) || str(u.data.name) || u.id}（${u.id}）`,
  }));
  const officers = entries.officers.map((o) => {
    const unit = unitName.get(str(o.data.unit));
    return { id: o.id, names: [str(o.data.name)].filter(Boolean), label: `${str(o.data.name) || o.id}（${o.id}${unit ? `，${unit}` : ''}）` };
  });
  const roots = entries.units.filter((u) => u.data.parent === undefined || u.data.parent === null);
  return { entries, officers, units, rootUnit: roots.length === 1 ? roots[0]!.id : undefined };
}
