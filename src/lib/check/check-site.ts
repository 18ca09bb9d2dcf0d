/**
 * The whole check of a unit's site, as `npm run check` and the build both run it: the config,
 * every content file, and the files of `public/` that are copied into the site. One function for
 * both, so that what the check passes, the build accepts.
 */
import { govFooterReminder } from '../gov-footer';
import type { Audience } from '../publishing';
import { loadSiteConfig, type SiteConfigResult } from '../site-config';
import { checkContent, sortProblems, type CheckResult } from './check-content';
import { imageFileProblems } from './check-images';
import { diskFs, type ContentFs } from './content-fs';
import { checkPublicFolder } from './check-public';
import { fieldTraceProblems } from './hidden-traces';
import { displayPath, type Problem } from './problem';

export interface SiteCheckOptions {
  /** Project folder: file paths in messages are relative to it. */
  root: string;
  contentDir: string;
  configFile: string;
  /** The folder copied into the site as it is. */
  publicDir: string;
  /** The build time, for publishing rules. */
  now: Date;
  /** Who the build is for. Default public (what `npm run check` checks). */
  audience?: Audience;
  /** How the content folder is read (the editor lays unsaved changes over the disk). */
  fs?: ContentFs;
}

export interface SiteCheck {
  config: SiteConfigResult;
  content: CheckResult;
  /** Every problem: the config's, the content's, then public/'s. */
  problems: Problem[];
}

/** Checks the config, the content and public/; never throws on bad input. */
export async function checkSite({ root, contentDir, configFile, publicDir, now, audience = 'public', fs }: SiteCheckOptions): Promise<SiteCheck> {
  const config = loadSiteConfig(configFile, { root, publicDir });
  const allow = config.ok ? config.config.privacy.allow : [];
  const content = checkContent({
    root,
    contentDir,
    now,
    privacyAllow: allow,
    audience,
    site: config.ok ? { config: config.config, file: displayPath(root, configFile) } : undefined,
    ...(fs ? { fs } : {}),
  });
  // The guard reads the whole site: the config's text on every page and public/'s files as they
  // are, not only the entries. What it would find there of an unpublished entry is found here.
  const configTraces = config.ok && content.traces ? fieldTraceProblems(config.source.data, config.source.lineOf, displayPath(root, configFile), content.traces) : [];
  const publicProblems = await checkPublicFolder({ root, publicDir, allow, traces: content.traces, contentDir });
  // The pictures' contents, read as the build reads them (asynchronously, as Astro does).
  const pictures = await imageFileProblems(content.images ?? [], fs ?? diskFs);
  // What a public government site must show at its foot and this one does not yet: a reminder.
  const configShown = displayPath(root, configFile);
  const footer = config.ok ? govFooterReminder(config.config, audience, configShown) : null;
  const footerProblems: Problem[] = footer ? [{ severity: 'warning', code: 'gov-footer', file: configShown, ...footer }] : [];
  return { config, content, problems: [...config.problems, ...footerProblems, ...configTraces, ...sortProblems([...content.problems, ...pictures]), ...publicProblems] };
}
