/** Breadcrumbs: where a page sits, 首页 › 荣誉 › 2020年. */

/** A breadcrumb: label, and site path unless it is the current page. */
export interface Crumb {
  label: string;
  path?: string;
}

/**
 * The breadcrumbs of page `n` of a list whose own trail is `trail` (each with its path): on page 1
 * the list is the current page; on later pages the list is a link and 第 n 页 is current.
 */
export function pageCrumbs(trail: readonly Required<Crumb>[], n: number): Crumb[] {
  if (n > 1) return [...trail, { label: `第 ${n} 页` }];
  return trail.map((crumb, i) => (i === trail.length - 1 ? { label: crumb.label } : crumb));
}
