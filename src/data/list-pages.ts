/**
 * The `getStaticPaths` of the lists' later pages: `/honors/page/2/` and
 * `/honors/years/2020/page/2/`. Page 1 of each list is the list's own route.
 */
import { laterPages } from '../lib/pagination';
import type { FacetGroup } from './facets';

/** Pages 2…n of a whole list. */
export function laterPagePaths<T>(items: readonly T[], size: number) {
  return laterPages(items, size).map((page) => ({ params: { n: String(page.number) }, props: { page: page.number } }));
}

/** Pages 2…n of every filter page of a list. */
export function facetPagePaths<T>(groups: readonly FacetGroup<T>[], size: number) {
  return groups.flatMap((group) =>
    group.facets.flatMap((value) =>
      laterPages(value.items, size).map((page) => ({
        params: { group: group.name, key: value.key, n: String(page.number) },
        props: { group: group.name, groupLabel: group.label, value, page: page.number },
      })),
    ),
  );
}
