/**
 * `npm run check`: every content problem at once, in Chinese, without building.
 *   --json   machine-readable output for tooling
 * Exit code 0 when there are no errors (warnings allowed), 1 otherwise.
 */
import { checkContent } from '../src/lib/check/check-content';
import { displayPath } from '../src/lib/check/problem';
import { formatReport } from '../src/lib/check/report';
import { loadSiteConfig } from '../src/lib/site-config';
import { activePublicDir, readBuildTime, resolveSitePaths } from '../src/lib/site-paths';
import path from 'node:path';

const json = process.argv.includes('--json');
const root = process.cwd();
const paths = resolveSitePaths(root, process.env);
const now = readBuildTime(process.env, new Date()) ?? new Date();

const config = loadSiteConfig(paths.configFile, { root, publicDir: activePublicDir(paths, path.join(root, 'public')) });
const content = checkContent({
  root,
  contentDir: paths.contentDir,
  now,
  privacyAllow: config.ok ? config.config.privacy.allow : [],
  site: config.ok ? { config: config.config, file: displayPath(root, paths.configFile) } : undefined,
});
const problems = [...config.problems, ...content.problems];
const errors = problems.filter((p) => p.severity === 'error').length;

if (json) {
  process.stdout.write(`${JSON.stringify({ errors, warnings: problems.length - errors, problems }, null, 2)}\n`);
} else if (problems.length === 0) {
  console.log(`内容检查通过：${content.entries.length} 个条目，没有发现问题。`);
} else {
  console.log(formatReport(problems, { color: process.stdout.isTTY, context: 'check' }));
}
process.exitCode = errors > 0 ? 1 : 0;
