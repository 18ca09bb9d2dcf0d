/** Site-wide values for pages: the config, and links that respect the base path. */
import { audience, favicon, psbIcon, siteConfig } from 'virtual:honor-roll/context';
import type { CollectionName } from '../schemas/context';
import { pointsAudience } from '../lib/points-audience';
import { collectionPath, entryPath, POINTS_PATH, withBase } from '../lib/urls';

export { audience, favicon, psbIcon, siteConfig };

/** A site path with the base path in front: use for every internal link. */
export function href(path: string): string {
  return withBase(path, siteConfig.base);
}

/**
 * The header and footer menu: the configured one, plus 积分 in an edition that shows points (the
 * intranet edition, or a site that publishes them), so the boards are never a page without a way in.
 */
export const navItems: { label: string; href: string }[] =
  pointsAudience(audience, siteConfig.points.publish).shown && !siteConfig.nav.some((item) => item.href === POINTS_PATH)
    ? [...siteConfig.nav, { label: '积分', href: POINTS_PATH }]
    : siteConfig.nav;

/** Link to one entry's page. */
export function entryHref(collection: CollectionName, id: string): string {
  return href(entryPath(collection, id));
}

/** Link to a collection's index page. */
export function collectionHref(collection: CollectionName): string {
  return href(collectionPath(collection));
}

/**
 * Widths of a portrait (it shows at most 16rem wide): the card and the profile share
 * these two files, so a site with N portraits generates 2N of them, not one pair per page type.
 */
export const PORTRAIT_WIDTHS = [256, 512];

/**
 * Entries per page of each list: as many as a reader scrolls through comfortably on a phone,
 * and few enough that the page stays well under 30 KB (gzip) with its filters. Cards with
 * portraits are heavier than a line of the timeline.
 */
export const PAGE_SIZE = { officers: 48, honors: 100, letters: 48, activities: 100, stats: 20 } as const;

/** How many of each kind (members, honours, letters, activities) a unit's page lists. */
export const UNIT_PAGE_LIMIT = 12;
