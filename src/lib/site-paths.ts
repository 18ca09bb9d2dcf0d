/**
 * Where a site's content, config and output live. By default the project's own `src/content/` and
 * `site.config.yaml`; `HONOR_ROLL_SITE=<folder>` points at another unit's folder holding `content/`
 * and `site.config.yaml` (test fixtures and the benchmark use this too).
 */
import path from 'node:path';
import type { Audience } from './publishing';

export interface SitePaths {
  root: string;
  /** Folder with one sub-folder per collection. */
  contentDir: string;
  /** The site's `site.config.yaml`. */
  configFile: string;
  /** Where the finished site goes. */
  outDir: string;
  /** Astro's cache (content data store, optimised images). */
  cacheDir: string;
}

type Env = Record<string, string | undefined>;

/** Resolves the folders of the site being built from the project root and the environment. */
export function resolveSitePaths(root: string, env: Env): SitePaths {
  const site = env.HONOR_ROLL_SITE ? path.resolve(root, env.HONOR_ROLL_SITE) : undefined;
  const audience = readAudience(env);
  return {
    root,
    contentDir: site ? path.join(site, 'content') : path.join(root, 'src', 'content'),
    configFile: site ? path.join(site, 'site.config.yaml') : path.join(root, 'site.config.yaml'),
    outDir: env.HONOR_ROLL_OUT_DIR
      ? path.resolve(root, env.HONOR_ROLL_OUT_DIR)
      : path.join(root, audience === 'internal' ? 'dist-internal' : 'dist'),
    cacheDir: env.HONOR_ROLL_CACHE_DIR
      ? path.resolve(root, env.HONOR_ROLL_CACHE_DIR)
      : path.join(root, 'node_modules', '.astro', site ? path.basename(site) : 'site'),
  };
}

/** `HONOR_ROLL_AUDIENCE=internal` builds the intranet edition; anything else the public site. */
export function readAudience(env: Env): Audience {
  return env.HONOR_ROLL_AUDIENCE === 'internal' ? 'internal' : 'public';
}

/**
 * The build time. `HONOR_ROLL_NOW` (ISO 8601) pins it, so tests of embargoed entries do not
 * depend on the day they run. Returns null when the variable is set but unreadable.
 */
export function readBuildTime(env: Env, fallback: Date): Date | null {
  if (!env.HONOR_ROLL_NOW) return fallback;
  const pinned = new Date(env.HONOR_ROLL_NOW);
  return Number.isNaN(pinned.getTime()) ? null : pinned;
}
