/**
 * `npm run build`: builds and publishes the site, and says so in a few Chinese lines.
 *   --verbose             Astro's whole log as it comes (what `astro build` prints)
 *   --audience internal   the intranet edition, into dist-internal/
 * The build is the real `astro build`, run as the editor's 发布 runs it (src/lib/publish.ts), so
 * both do the same thing and the version record names this command. A clerk sees the summary the
 * build ends with (src/lib/build-summary.ts) — or, when it fails, only the Chinese report and
 * whether the live site was touched. While it runs, a terminal shows which step it is at.
 * Exit code 0 when the site was published, 1 otherwise.
 */
import { noticeLine, problemLines, progressAt, progressReader, summaryLines, type PublishProgress } from '../src/lib/publish-log';
import { runSiteBuild } from '../src/lib/publish';

const given = process.argv.slice(2);
const verbose = given.includes('--verbose');
const args = given.filter((arg) => arg !== '--verbose');
const command = args.length > 0 ? `npm run build -- ${args.join(' ')}` : 'npm run build';
// The version record names the command as typed, unless the caller names itself (HONOR_ROLL_PUBLISHED_BY).
const by = process.env.HONOR_ROLL_PUBLISHED_BY ?? command;

/** One status line, rewritten in place; only in a terminal, where it does not stay in the output. */
const status = process.stdout.isTTY
  ? {
      show: (p: PublishProgress) => process.stdout.write(`\r\x1b[K正在生成（${p.index}/${p.total}）${p.label}${p.detail ? `：${p.detail}` : ''}`),
      clear: () => process.stdout.write('\r\x1b[K'),
    }
  : { show: () => {}, clear: () => {} };

const read = progressReader();
if (!verbose) status.show(progressAt(0));
const build = await runSiteBuild({
  root: process.cwd(),
  env: process.env,
  args,
  by,
  onLine: (line) => {
    if (verbose) {
      console.log(line);
      return;
    }
    const notice = noticeLine(line);
    if (notice) {
      status.clear();
      console.log(notice);
    }
    const progress = read(line);
    if (progress) status.show(progress);
  },
});
status.clear();

if (build.ok) {
  // With --verbose the summary was printed as part of the log, at its end.
  if (!verbose) {
    const summary = summaryLines(build.log);
    // Should the build not have summed itself up, what was published still says where it is.
    console.log((summary.length > 0 ? summary : [`网站已生成：${build.after.live?.pages ?? 0} 个页面。`, `网站文件夹：${build.outDir}`]).join('\n'));
  }
} else {
  if (verbose) console.log('');
  console.error([...problemLines(build.log), '', `${build.statement}改好以上问题后重新运行 ${command}。`].join('\n'));
}
process.exitCode = build.ok ? 0 : 1;
