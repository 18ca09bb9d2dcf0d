import { z } from 'astro/zod';
import { activitySchema } from './activities';
import { describeFields, type ColumnDoc, type DescribedField } from './field';
import type { CollectionName, SchemaContext } from './context';
import { honorSchema } from './honors';
import { letterSchema } from './letters';
import { officerSchema } from './officers';
import { pointsSchema } from './points';
import { statSchema } from './stats';
import { unitSchema } from './units';

import { COLLECTION_NAMES } from './context';

export { COLLECTION_NAMES, type CollectionName, type Ref, type ReferenceFactory, type SchemaContext } from './context';

/** How a collection's entries are stored: Markdown with frontmatter, or YAML data files. */
export type EntryFormat = 'markdown' | 'data';

/** The Markdown body of an entry, described as a field is. */
export interface BodyDoc {
  label: string;
  help: string;
  /** The spreadsheet column that fills it, each line of the cell a paragraph. */
  column?: ColumnDoc;
}

export interface CollectionDefinition {
  /** Builds the zod schema for a context (Astro's, or the content checker's). */
  schema: <Img extends z.ZodTypeAny>(ctx: SchemaContext<Img>) => z.ZodTypeAny;
  format: EntryFormat;
  /** What one entry is called in Chinese messages. */
  label: string;
  /** The body, for collections whose entries have one. */
  body?: BodyDoc;
}

/** Every collection of the content model, in the order they are checked. */
export const COLLECTIONS: Record<CollectionName, CollectionDefinition> = {
  units: {
    schema: unitSchema,
    format: 'markdown',
    label: '单位',
    body: { label: '单位介绍', help: '这个单位的职责、历史和特色' },
  },
  officers: {
    schema: officerSchema,
    format: 'markdown',
    label: '人物',
    body: { label: '事迹', help: '人物事迹，按报道或材料整理', column: { header: '事迹', aliases: ['正文', '事迹材料'] } },
  },
  honors: {
    schema: honorSchema,
    format: 'markdown',
    label: '荣誉',
    body: { label: '事迹或表彰原文', help: '表彰原文或事迹', column: { header: '事迹', aliases: ['正文', '表彰原文', '事迹材料'] } },
  },
  letters: {
    schema: letterSchema,
    format: 'markdown',
    label: '感谢信',
    body: { label: '原文', help: '原文转录或节选，隐去全名、电话和住址', column: { header: '原文', aliases: ['正文', '内容'] } },
  },
  stats: { schema: statSchema, format: 'data', label: '数据' },
  activities: {
    schema: activitySchema,
    format: 'markdown',
    label: '活动',
    body: { label: '活动记录', help: '活动的经过和内容' },
  },
  points: { schema: pointsSchema, format: 'data', label: '积分' },
};

/**
 * The parsed data of each collection when images stay file paths (as the content check reads
 * them): typed from the schemas, so code reading checked entries needs no casts.
 */
export interface CollectionData {
  units: z.output<ReturnType<typeof unitSchema<z.ZodString>>>;
  officers: z.output<ReturnType<typeof officerSchema<z.ZodString>>>;
  honors: z.output<ReturnType<typeof honorSchema<z.ZodString>>>;
  letters: z.output<ReturnType<typeof letterSchema<z.ZodString>>>;
  stats: z.output<ReturnType<typeof statSchema<z.ZodString>>>;
  activities: z.output<ReturnType<typeof activitySchema<z.ZodString>>>;
  points: z.output<ReturnType<typeof pointsSchema<z.ZodString>>>;
}

/** The schema context used to read descriptions: no entry is parsed with it. */
const DESCRIBING: SchemaContext = {
  image: () => z.string(),
  reference: (collection) => z.string().transform((id) => ({ collection, id })),
};

const described = new Map<CollectionName, DescribedField[]>();

/** The described fields of a collection, sub-fields included, in schema order. */
export function describeCollection(collection: CollectionName): DescribedField[] {
  let fields = described.get(collection);
  if (!fields) {
    fields = describeFields(COLLECTIONS[collection].schema(DESCRIBING));
    described.set(collection, fields);
  }
  return fields;
}

/** Collections with a page per entry (`/officers/wang-xiang/`); points are shown as boards per period instead. */
export const PAGE_COLLECTIONS = ['units', 'officers', 'honors', 'letters', 'stats', 'activities'] as const satisfies readonly CollectionName[];

/** File extensions read for each format. `.md` is the default for new entries. */
export const EXTENSIONS: Record<EntryFormat, readonly string[]> = {
  markdown: ['.md', '.mdx'],
  data: ['.yaml', '.yml'],
};

/** The glob pattern Astro's loader uses for a format; the checker reads the same files. */
export const GLOB_PATTERNS: Record<EntryFormat, string> = {
  markdown: '**/*.{md,mdx}',
  data: '**/*.{yaml,yml}',
};

/** The field holding each collection's picture (`photo`, `certificate`, `scan`), where it has one. */
export const IMAGE_FIELDS = Object.fromEntries(
  COLLECTION_NAMES.flatMap((c) => describeCollection(c).filter((f) => f.doc.input === 'image').map((f) => [c, f.key])),
) as Partial<Record<CollectionName, string>>;
