/**
 * The content collections. Each schema lives in src/schemas/ as a factory over the schema context,
 * so the content check (`npm run check`) validates files with exactly the same rules.
 */
import path from 'node:path';
import { defineCollection, reference } from 'astro:content';
import { announcingChanges } from './lib/content-changes';
import { contentLoader } from './lib/content-loader';
import { entryIdFromPath } from './lib/entry-id';
import { COLLECTIONS, COLLECTION_NAMES, type CollectionName, type ReferenceFactory } from './schemas/index';
import { activitySchema } from './schemas/activities';
import { honorSchema } from './schemas/honors';
import { letterSchema } from './schemas/letters';
import { pointsSchema } from './schemas/points';
import { officerSchema } from './schemas/officers';
import { statSchema } from './schemas/stats';
import { unitSchema } from './schemas/units';

// Set by the honor-roll integration before content loads; points at another unit's content folder
// when HONOR_ROLL_SITE is used.
const contentDir = process.env.HONOR_ROLL_CONTENT_DIR ?? path.resolve('src/content');

const ref = reference as unknown as ReferenceFactory;

function loader(collection: CollectionName) {
  // Announcing its changes lets the dev server show a saved entry without Astro's 500 ms wait.
  return announcingChanges(
    contentLoader({
      base: path.join(contentDir, collection),
      format: COLLECTIONS[collection].format,
      generateId: ({ entry }) => entryIdFromPath(entry),
    }),
  );
}

export const collections = {
  units: defineCollection({ loader: loader('units'), schema: ({ image }) => unitSchema({ image, reference: ref }) }),
  officers: defineCollection({ loader: loader('officers'), schema: ({ image }) => officerSchema({ image, reference: ref }) }),
  honors: defineCollection({ loader: loader('honors'), schema: ({ image }) => honorSchema({ image, reference: ref }) }),
  letters: defineCollection({ loader: loader('letters'), schema: ({ image }) => letterSchema({ image, reference: ref }) }),
  stats: defineCollection({ loader: loader('stats'), schema: ({ image }) => statSchema({ image, reference: ref }) }),
  activities: defineCollection({ loader: loader('activities'), schema: ({ image }) => activitySchema({ image, reference: ref }) }),
  points: defineCollection({ loader: loader('points'), schema: ({ image }) => pointsSchema({ image, reference: ref }) }),
} satisfies Record<(typeof COLLECTION_NAMES)[number], unknown>;
