/**
 * Where a site's content, config and output live. By default the project's own `src/content/` and
 * `site.config.yaml`; `HONOR_ROLL_SITE=<folder>` points at another unit's folder holding `content/`
 * and `site.config.yaml` (test fixtures and the benchmark use this too).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Audience } from './publishing';

export interface SitePaths {
  root: string;
  /** The folder of the unit's site: its own folder (HONOR_ROLL_SITE), or the project. Its `.honor-roll/` keeps the editor's history. */
  siteDir: string;
  /** Folder with one sub-folder per collection. */
  contentDir: string;
  /** The site's `site.config.yaml`. */
  configFile: string;
  /** Files copied into the site as they are (logo, favicon): `<site>/public` when it exists. */
  publicDir: string | undefined;
  /** Where the finished site goes. */
  outDir: string;
  /** Astro's cache (content data store, optimised images). */
  cacheDir: string;
}

type Env = Record<string, string | undefined>;

/** Resolves the folders of the site being built from the project root and the environment. */
export function resolveSitePaths(root: string, env: Env, argv: readonly string[] = []): SitePaths {
  const site = env.HONOR_ROLL_SITE ? path.resolve(root, env.HONOR_ROLL_SITE) : undefined;
  const audience = readAudience(env, argv);
  return {
    root,
    siteDir: site ?? root,
    contentDir: site ? path.join(site, 'content') : path.join(root, 'src', 'content'),
    configFile: site ? path.join(site, 'site.config.yaml') : path.join(root, 'site.config.yaml'),
    publicDir: site ? path.join(site, 'public') : undefined,
    outDir: env.HONOR_ROLL_OUT_DIR
      ? path.resolve(root, env.HONOR_ROLL_OUT_DIR)
      : path.join(root, audience === 'internal' ? 'dist-internal' : 'dist'),
    cacheDir: env.HONOR_ROLL_CACHE_DIR
      ? path.resolve(root, env.HONOR_ROLL_CACHE_DIR)
      : path.join(root, 'node_modules', '.astro', site ? path.basename(site) : 'site'),
  };
}

/**
 * Which edition to build: `npm run build -- --audience internal` (or HONOR_ROLL_AUDIENCE=internal)
 * builds the intranet edition; the public site otherwise.
 */
export function readAudience(env: Env, argv: readonly string[] = []): Audience {
  const index = argv.findIndex((arg) => arg === '--audience' || arg.startsWith('--audience='));
  const fromArgv = index === -1 ? undefined : argv[index]!.includes('=') ? argv[index]!.split('=')[1] : argv[index + 1];
  return (fromArgv ?? env.HONOR_ROLL_AUDIENCE) === 'internal' ? 'internal' : 'public';
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

/** The public folder in use: the site's own when it has one, else the project's. */
export function activePublicDir(paths: SitePaths, projectPublicDir: string): string {
  return paths.publicDir && existsSync(paths.publicDir) ? paths.publicDir : projectPublicDir;
}
