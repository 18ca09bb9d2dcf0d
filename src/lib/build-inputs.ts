/**
 * What a build reads, as one digest: recorded with every published version (releases.ts
 * `inputs`), so that a build whose inputs are those of the live site can say so and stop instead
 * of producing the same site again. A clerk who presses 发布 twice, or a scheduled build that
 * runs every night to lift embargoes, then waits for the content check, not for the whole build.
 *
 * The digest covers everything the output is a function of:
 * - the files: the project's code (`src/`, which holds the sample content too), its config and
 *   lockfiles (npm's record in node_modules says which packages are installed), the `.env` files
 *   Vite reads, and the site's content, config and public folders, by name and bytes;
 * - the settings: Node's version and platform, the HONOR_ROLL_ and PUBLIC_ variables and NODE_ENV,
 *   the command's arguments, the folders (picture names depend on where the project lies);
 * - what the time decides: which entries the publishing gate leaves out and why (an embargo that
 *   ended), and which study sessions are still planned. The time itself is not part of it: a
 *   build an hour later publishes the same site unless one of these changed.
 * A change that is not in the digest is a bug here; `npm run build -- --force` rebuilds anyway.
 */
import path from 'node:path';
import { entriesOf, type CheckedEntry } from './check/check-content';
import { publishedAndExcluded } from './check/hidden-traces';
import { codeVersion, rulesKey } from './guard-cache';
import type { PublishOptions } from './publishing';
import type { SitePaths } from './site-paths';
import { isPlannedStudy } from './study-schedule';

/** Raised when what the digest covers changes shape: every earlier record then differs. */
const FORMAT = 1;

/** Asks for a build even when nothing changed; Astro also drops its content cache for it. */
export const FORCE_FLAG = '--force';

/**
 * Variables that change what is built. Not HONOR_ROLL_NOW (what the time decides is covered
 * below) nor HONOR_ROLL_PUBLISHED_BY (it only names the publisher in the version record).
 */
export function outputEnv(env: Record<string, string | undefined>): Record<string, string> {
  const kept = Object.entries(env).filter(
    ([name, value]) => value !== undefined && (/^(HONOR_ROLL_|PUBLIC_)/.test(name) || name === 'NODE_ENV') && name !== 'HONOR_ROLL_NOW' && name !== 'HONOR_ROLL_PUBLISHED_BY',
  ) as [string, string][];
  return Object.fromEntries(kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The arguments after `build`, without those that change only how the build runs or talks. */
export function outputArgs(argv: readonly string[]): string[] {
  const at = argv.indexOf('build');
  return (at === -1 ? [] : argv.slice(at + 1)).filter((arg) => arg !== FORCE_FLAG && arg !== '--verbose' && arg !== '--silent');
}

/** What the build time decides about these entries, as sorted lines. */
export function timeDecisions(entries: readonly CheckedEntry[], options: PublishOptions): string[] {
  const { excluded } = publishedAndExcluded(entries, options);
  const planned = entriesOf(entries, 'activities').filter((activity) => isPlannedStudy(activity, options.now));
  return [...excluded.map((e) => `${e.collection}/${e.id} ${e.reason}`), ...planned.map((a) => `activities/${a.id} planned`)].sort();
}

/** The files and folders a build reads, the site's and the project's. */
export function inputPlaces(paths: SitePaths, publicDir: string): string[] {
  const { root } = paths;
  const project = ['src', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', path.join('node_modules', '.package-lock.json')];
  const dotenv = ['.env', '.env.local', '.env.production', '.env.production.local'];
  // Both public folders, whichever is in use: one appearing switches which is.
  const site = [paths.contentDir, paths.configFile, publicDir, ...(paths.publicDir ? [paths.publicDir] : []), path.join(root, 'public')];
  return [...new Set([...[...project, ...dotenv].map((p) => path.join(root, p)), ...site])];
}

export interface BuildInputsOptions {
  paths: SitePaths;
  /** The public folder in use (site-paths.ts activePublicDir). */
  publicDir: string;
  env: Record<string, string | undefined>;
  argv: readonly string[];
  entries: readonly CheckedEntry[];
  publish: PublishOptions;
}

/** The digest of everything this build would read. */
export function buildInputs({ paths, publicDir, env, argv, entries, publish }: BuildInputsOptions): string {
  const places = inputPlaces(paths, publicDir);
  const settings = {
    format: FORMAT,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    places,
    outDir: paths.outDir,
    env: outputEnv(env),
    args: outputArgs(argv),
    audience: publish.audience,
    points: publish.points ?? null,
    decided: timeDecisions(entries, publish),
  };
  return rulesKey(settings, codeVersion(...places));
}
