import type { z } from 'astro/zod';

/** The collections of the content model, in the order they are checked and documented. */
export const COLLECTION_NAMES = ['units', 'officers', 'honors', 'letters', 'stats', 'activities', 'points'] as const;

export type CollectionName = (typeof COLLECTION_NAMES)[number];

/** A checked pointer from one entry to another, as Astro's `reference()` produces it. */
export interface Ref<C extends CollectionName = CollectionName> {
  collection: C;
  id: string;
}

/** Builds the schema of a reference field: a plain id in the file, a `Ref` after parsing. */
export type ReferenceFactory = <C extends CollectionName>(collection: C) => z.ZodType<Ref<C>, z.ZodTypeDef, unknown>;

/**
 * What a schema factory needs from its environment. Inside Astro these are Astro's `image()` and
 * `reference()`; the content checker (`npm run check`) passes its own, which record image paths
 * and ids so it can verify them without building.
 */
export interface SchemaContext<Img extends z.ZodTypeAny = z.ZodTypeAny> {
  image: () => Img;
  reference: ReferenceFactory;
}
