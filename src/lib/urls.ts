/** Site paths. One route per collection, named like the collection: `/officers/wang-xiang/`. */
import type { CollectionName } from '../schemas/context';

/** `/officers/` — the index page of a collection. */
export function collectionPath(collection: CollectionName): string {
  return `/${collection}/`;
}

/** `/officers/wang-xiang/` — the page of one entry. */
export function entryPath(collection: CollectionName, id: string): string {
  return `/${collection}/${id}/`;
}

/** The study schedule (学习安排): a view of the activities, so it lives under their section. */
export const SCHEDULE_PATH = '/activities/schedule/';

/** The points section: boards per period, `/points/2021-03/`, `/points/2021-q1/`, `/points/2021/`. */
export const POINTS_PATH = '/points/';

/**
 * Ids that would take the address of a page of the section itself (an activity named
 * `schedule` would collide with the schedule page).
 */
export const RESERVED_IDS: Partial<Record<CollectionName, readonly string[]>> = { activities: ['schedule'] };

/**
 * Prefixes a site path with the base path the site is deployed under (`/rongyu/` + `/officers/`
 * → `/rongyu/officers/`). Full URLs, `mailto:` links and `#anchors` are returned unchanged.
 */
export function withBase(path: string, base: string): string {
  // Full URLs, protocol-relative URLs, mailto:/tel: links and in-page anchors are not site paths.
  if (/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(path)) return path;
  const prefix = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${prefix}${path.startsWith('/') ? path : `/${path}`}`;
}
