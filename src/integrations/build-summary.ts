/**
 * The clerk's summary of a finished build (src/lib/build-summary.ts), printed after the site is
 * in place: each line on its own under the label `honor-roll:summary`, which `npm run build`
 * (scripts/build.ts) shows alone while `npm run build -- --verbose` and `astro build` show it at
 * the end of Astro's full log.
 */
import type { AstroIntegration } from 'astro';
import { getBuildContext } from './build-context';
import { buildSummaryLines } from '../lib/build-summary';
import { displayPath } from '../lib/check/problem';
import { publishChecklist } from '../lib/publish-checklist';
import { listReleases } from '../lib/releases';
import { robotsAdvice } from '../lib/robots';

/** The label of the summary's lines in the build log. */
export const SUMMARY_LABEL = 'honor-roll:summary';

/** After atomicOutput(): only a site that is in place is summed up. */
export function buildSummary(): AstroIntegration {
  return {
    name: SUMMARY_LABEL,
    hooks: {
      'astro:build:done': ({ logger }) => {
        const { paths, siteConfig, now, audience, check, problems } = getBuildContext();
        const checklist = publishChecklist(check, { now, audience, points: siteConfig.points.publish, contentFolder: displayPath(paths.root, paths.contentDir) });
        const { live, kept } = listReleases(paths.outDir);
        const lines = buildSummaryLines({
          pages: live?.pages ?? 0,
          // The whole command, from the start of the process: what the clerk waited for.
          ms: performance.now(),
          outDir: paths.outDir,
          checklist,
          kept: kept.length,
          robots: robotsAdvice(siteConfig, audience),
          problems,
        });
        for (const line of lines) logger.info(line);
      },
    },
  };
}
