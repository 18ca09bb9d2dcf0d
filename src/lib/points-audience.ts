/**
 * Who sees points, and how. Points are the unit's own records: the intranet edition always shows
 * them with full names; the public site shows them only when `site.config.yaml` says
 * `points.publish: full` (names in full) or `masked` (names as 王*, without remarks, links or
 * profile histories, since any of those would name the person again).
 */
import type { PointsPublish } from '../schemas/site-config';

export type { PointsPublish };

export type PointsAudience =
  | { shown: false }
  | {
      shown: true;
      /** How members are named on the boards. */
      names: 'full' | 'masked';
      /** Whether remarks (`note`) are shown. */
      notes: boolean;
      /** Whether a member's profile shows their points history, and boards link to profiles. */
      profiles: boolean;
    };

/** The points rule of one edition. */
export function pointsAudience(audience: 'public' | 'internal', publish: PointsPublish): PointsAudience {
  if (audience === 'internal' || publish === 'full') return { shown: true, names: 'full', notes: true, profiles: true };
  if (publish === 'masked') return { shown: true, names: 'masked', notes: false, profiles: false };
  return { shown: false };
}
