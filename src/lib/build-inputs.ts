/**
 * What a build reads, as one digest: recorded with every published version (releases.ts
 * `inputs`), so that a build whose inputs are those of the live site can say so and stop instead
 * of producing the same site again. A clerk who presses 发布 twice, or a scheduled build that
 * runs every night to lift embargoes, then waits for the content check, not for the whole build.
 *
 * The digest covers everything the output is a function of:
 * - the files: the project's code (`src/`, which holds the sample content too), its config and
 *   lockfiles (npm's record in node_modules says which packages are installed), the `.env` files
 *   Vite reads, the site's content, config and both public folders, and any picture an entry
 *   names outside them (`photo: ../照片/x.jpg`), by name and bytes (place-digest.ts);
 * - the settings: Node's version and platform, the HONOR_ROLL_ and PUBLIC_ variables and NODE_ENV,
 *   the command's arguments, the folders (picture names depend on where the project lies);
 * - what the time decides: which entries the publishing gate leaves out and why (an embargo that
 *   ended), and which study sessions are still planned. The time itself is not part of it: a
 *   build an hour later publishes the same site unless one of these changed.
 * A file written while the build ran may have been read either way, so such a build records no
 * digest, and the next one builds again (`stillAsRead`). A change that is not in the digest is a
 * bug here; `npm run build -- --force` rebuilds anyway.
 */
import path from 'node:path';
import { entriesOf, type CheckedEntry, type CheckedImage } from './check/check-content';
import { publishedAndExcluded } from './check/hidden-traces';
import { rulesKey } from './guard-cache';
import { readPlaces, type PlacesReading } from './place-digest';
import type { PublishOptions } from './publishing';
import type { SitePaths } from './site-paths';
import { isPlannedStudy } from './study-schedule';

/** Raised when what the digest covers changes shape: every earlier record then differs. */
const FORMAT = 2;

/** Asks for a build even when nothing changed; Astro also drops its content cache for it. */
export const FORCE_FLAG = '--force';

/**
 * Variables that change what is built. Not HONOR_ROLL_NOW (what the time decides is covered
 * below), HONOR_ROLL_PUBLISHED_BY (it only names the publisher in the version record) nor
 * HONOR_ROLL_CACHE_DIR (what is cached is keyed by what it is made from; the editor's 发布 uses a
 * cache of its own, and must find a site `npm run build` made up to date).
 */
const NOT_OUTPUT = new Set(['HONOR_ROLL_NOW', 'HONOR_ROLL_PUBLISHED_BY', 'HONOR_ROLL_CACHE_DIR']);

export function outputEnv(env: Record<string, string | undefined>): Record<string, string> {
  const kept = Object.entries(env).filter(([name, value]) => value !== undefined && (/^(HONOR_ROLL_|PUBLIC_)/.test(name) || name === 'NODE_ENV') && !NOT_OUTPUT.has(name)) as [
    string,
    string,
  ][];
  return Object.fromEntries(kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * What a build says when it cannot read its inputs (a broken link, a file another program holds):
 * it builds anyway; the file and the fix in Chinese, Node's own words for a technician.
 */
export function unreadableInputsMessage(error: unknown): string {
  const { path: file, code } = (error ?? {}) as NodeJS.ErrnoException;
  // The gloss without the path: a Chinese file name would keep it from being left out for the clerk (publish-log.ts).
  const detail = code ?? (error instanceof Error ? error.message : String(error));
  const what = file ? `无法读取 ${file}` : '有文件无法读取';
  return `${what}，不能判断内容有没有变化，这次完整生成。请检查这个文件能否打开，链接指向的文件是否还在（could not read the inputs: ${detail}）`;
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

/**
 * The files and folders a build reads, the site's and the project's, and the pictures entries
 * name outside them (the check found each where its entry says).
 */
export function inputPlaces(paths: SitePaths, publicDir: string, images: readonly Pick<CheckedImage, 'path'>[] = []): string[] {
  const { root } = paths;
  const project = ['src', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', path.join('node_modules', '.package-lock.json')];
  const dotenv = ['.env', '.env.local', '.env.production', '.env.production.local'];
  // Both public folders, whichever is in use: one appearing switches which is.
  const site = [paths.contentDir, paths.configFile, publicDir, ...(paths.publicDir ? [paths.publicDir] : []), path.join(root, 'public')];
  const places = [...new Set([...[...project, ...dotenv].map((p) => path.join(root, p)), ...site])];
  const inside = (file: string) => places.some((place) => file === place || file.startsWith(`${place}${path.sep}`));
  const outside = [...new Set(images.map((image) => image.path).filter((file) => !inside(file)))].sort();
  return [...places, ...outside];
}

export interface BuildInputsOptions {
  paths: SitePaths;
  /** The public folder in use (site-paths.ts activePublicDir). */
  publicDir: string;
  env: Record<string, string | undefined>;
  argv: readonly string[];
  entries: readonly CheckedEntry[];
  /** The pictures the entries name, where the check found them. */
  images?: readonly Pick<CheckedImage, 'path'>[] | undefined;
  publish: PublishOptions;
  /** When the build started reading its inputs (the check), if before now: a file written since counts as written during the build. */
  sinceMs?: number | undefined;
}

/** What a build read, as `readBuildInputs` found it at its start. */
export interface BuildInputs {
  /** What the published version records (releases.ts `inputs`). */
  digest: string;
  /** The files and folders read, to be looked at again when the build ends. */
  places: string[];
  files: PlacesReading;
  /** When the build started reading them (ms since the epoch). */
  readAtMs: number;
}

/** The digest of everything this build reads. */
export function readBuildInputs({ paths, publicDir, env, argv, entries, images = [], publish, sinceMs }: BuildInputsOptions): BuildInputs {
  const places = inputPlaces(paths, publicDir, images);
  const readAtMs = Math.min(sinceMs ?? Infinity, Date.now());
  const files = readPlaces(places);
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
  return { digest: rulesKey(settings, files.digest), places, files, readAtMs };
}

/**
 * Whether the files are still as `inputs` read them, and none was written since: only then is
 * the digest what the build read (Astro reads the pictures minutes later on a large site, and the
 * editor lets the clerk save meanwhile).
 */
export function stillAsRead(inputs: BuildInputs): boolean {
  const again = readPlaces(inputs.places);
  return again.digest === inputs.files.digest && again.newestChangeMs < inputs.readAtMs - TIMESTAMP_SLACK_MS;
}

/**
 * File systems stamp a write with a coarse clock (Linux's ticks every 4–10 ms, exFAT's 10 ms), so
 * a file written just after the build began can carry a time just before it: one written up to
 * this long before counts as written during the build (the next build then builds again).
 */
const TIMESTAMP_SLACK_MS = 100;
