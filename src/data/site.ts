/** Site-wide values for pages: the config, and links that respect the base path. */
import { audience, favicon, siteConfig } from 'virtual:honor-roll/context';
import type { CollectionName } from '../schemas/context';
import { collectionPath, entryPath, withBase } from '../lib/urls';

export { audience, favicon, siteConfig };

/** A site path with the base path in front: use for every internal link. */
export function href(path: string): string {
  return withBase(path, siteConfig.base);
}

/** Link to one entry's page. */
export function entryHref(collection: CollectionName, id: string): string {
  return href(entryPath(collection, id));
}

/** Link to a collection's index page. */
export function collectionHref(collection: CollectionName): string {
  return href(collectionPath(collection));
}
