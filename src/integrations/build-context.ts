/**
 * What the honor-roll integration learned while setting up the build, for the integrations that
 * run at its end (the privacy guard, the summary): the checked content, the config, the time and audience.
 * One build per process, so a module-level value is enough.
 */
import type { CheckResult } from '../lib/check/check-content';
import type { Problem } from '../lib/check/problem';
import type { Audience } from '../lib/publishing';
import type { SiteConfig } from '../lib/site-config';
import type { SitePaths } from '../lib/site-paths';

export interface BuildContext {
  paths: SitePaths;
  /** The public folder in use: the site's own, or the project's. */
  publicDir: string;
  /** When the check started reading the content (ms since the epoch). */
  checkedSinceMs: number;
  siteConfig: SiteConfig;
  now: Date;
  audience: Audience;
  check: CheckResult;
  /** Every problem the check found, the config's and public/'s included (warnings only, in a build that goes on). */
  problems: Problem[];
}

let current: BuildContext | undefined;

export function setBuildContext(context: BuildContext): void {
  current = context;
}

export function getBuildContext(): BuildContext {
  if (!current) throw new Error('honor-roll: the build context is set by the honorRoll() integration, which must come first');
  return current;
}
