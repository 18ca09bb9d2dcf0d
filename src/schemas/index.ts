import type { z } from 'astro/zod';
import { activitySchema } from './activities';
import type { CollectionName, SchemaContext } from './context';
import { honorSchema } from './honors';
import { letterSchema } from './letters';
import { officerSchema } from './officers';
import { pointsSchema } from './points';
import { statSchema } from './stats';
import { unitSchema } from './units';

export { COLLECTION_NAMES, type CollectionName, type Ref, type ReferenceFactory, type SchemaContext } from './context';

/** How a collection's entries are stored: Markdown with frontmatter, or YAML data files. */
export type EntryFormat = 'markdown' | 'data';

export interface CollectionDefinition {
  /** Builds the zod schema for a context (Astro's, or the content checker's). */
  schema: <Img extends z.ZodTypeAny>(ctx: SchemaContext<Img>) => z.ZodTypeAny;
  format: EntryFormat;
  /** What one entry is called in Chinese messages. */
  label: string;
}

/** Every collection of the content model, in the order they are checked. */
export const COLLECTIONS: Record<CollectionName, CollectionDefinition> = {
  units: { schema: unitSchema, format: 'markdown', label: '单位' },
  officers: { schema: officerSchema, format: 'markdown', label: '人物' },
  honors: { schema: honorSchema, format: 'markdown', label: '荣誉' },
  letters: { schema: letterSchema, format: 'markdown', label: '感谢信' },
  stats: { schema: statSchema, format: 'data', label: '数据' },
  activities: { schema: activitySchema, format: 'markdown', label: '活动' },
  points: { schema: pointsSchema, format: 'data', label: '积分' },
};

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
