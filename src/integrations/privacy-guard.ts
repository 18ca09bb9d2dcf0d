/**
 * The last check before the site is published, on the finished output — every file, whatever its
 * extension, compressed copies and the search index opened, images down to their metadata (see
 * src/lib/guard-site.ts):
 * - no personal data (ID, mobile and bank card numbers, e-mail addresses) outside the allow-list,
 *   in a page's source or in its text as a reader sees it, in any file's name;
 * - no trace of an entry the publishing rules left out (its address, a person's name or id, its
 *   summary, its images);
 * - no image carrying metadata, no SVG carrying scripts, no file whose content belies its name,
 *   and no uploaded original copied as it is.
 * Any finding stops the build before the site is moved into place, naming the file and the entry.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { publishedAndExcluded, toCanaryEntry } from '../lib/check/hidden-traces';
import { publishedContactAllow } from '../lib/gov-footer';
import { codeVersion, openGuardCache, rulesKey } from '../lib/guard-cache';
import { cachedRules, guardSite, hashesOf, publicFilesOf } from '../lib/guard-site';
import { leakCanaries } from '../lib/leak-canaries';
import { getBuildContext } from './build-context';
import { elapsedMs } from './elapsed';

export function privacyGuard(): AstroIntegration {
  let publicDir = '';
  let root = '';
  return {
    name: 'honor-roll:privacy-guard',
    hooks: {
      'astro:config:done': ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { check, siteConfig, now, audience, paths } = getBuildContext();
        const { excluded, published } = publishedAndExcluded(check.entries, { now, audience, points: siteConfig.points.publish });
        const canaries = leakCanaries(excluded.map(toCanaryEntry), published.map(toCanaryEntry));
        const rules = {
          canaries,
          // The footer's contact is the unit's own, published on purpose (src/lib/gov-footer.ts).
          allow: [...siteConfig.privacy.allow, ...publishedContactAllow(siteConfig)],
          originals: hashesOf(paths.contentDir),
          publicFiles: publicFilesOf(publicDir),
        };
        // The guard's code is what src/lib holds and what the lockfile installed (sharp reads image metadata).
        const code = codeVersion(path.join(root, 'src', 'lib'), path.join(root, 'package-lock.json'));
        const cache = openGuardCache(path.join(paths.cacheDir, 'privacy-guard'), rulesKey(cachedRules(rules), code));
        const findings = await guardSite(fileURLToPath(dir), rules, cache);

        cache.save();
        if (findings.length > 0) {
          const lines = findings.slice(0, 50).map((f) => `  ✖ ${f.file}：${f.message}${f.hint ? `\n    怎么改：${f.hint}` : ''}`);
          if (findings.length > 50) lines.push(`  ……共 ${findings.length} 处`);
          const error = new AstroError(
            `隐私检查未通过，网站没有更新（privacy guard: ${findings.length} findings; nothing was published）：\n${lines.join('\n')}`,
            '请从内容中删除上述个人信息；如果是可以公开的号码（如服务热线），请加入 site.config.yaml 的 privacy.allow。未公开条目出现在网站中时，请检查引用它的条目，以及在正文、参与人员等文字中写出了其姓名的条目（上面列出的页面对应的条目）。',
          );
          error.stack = '';
          throw error;
        }
        const reused = cache.reused > 0 ? `；其中 ${cache.reused} 个文件与上次检查时相同，沿用上次的结果` : '';
        logger.info(`隐私检查通过：${canaries.length} 个未公开条目特征、个人信息和图片元数据均未出现在网站中${reused}（privacy guard passed, ${cache.reused} unchanged files not read again, ${elapsedMs(started)} ms）`);
      },
    },
  };
}
