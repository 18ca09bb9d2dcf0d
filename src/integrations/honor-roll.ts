/**
 * The Honor Roll integration: reads `site.config.yaml`, runs the content check before Astro loads
 * any content, and hands the validated config, the build time and the audience to the pages
 * through a virtual module. A build with content errors stops here, with every problem listed.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import type { AstroIntegration } from 'astro';
import { elapsedMs } from './elapsed';
import { AstroError } from 'astro/errors';
import { dirUrl } from './atomic-output';
import { setBuildContext } from './build-context';
import { checkSite } from '../lib/check/check-site';
import { contentAssetsOf, withoutMissingPictures } from '../lib/content-asset-imports';
import { coalesced, onContentChanged, writeStoreNow } from '../lib/content-changes';
import { dataStoreModule, RESOLVED_DATA_STORE_ID } from '../lib/data-store-module';
import { formatReport } from '../lib/check/report';
import { heapGrowthFlags } from '../lib/heap-growth';
import { PSB_ICON_FILE } from '../lib/gov-footer';
import type { Problem } from '../lib/check/problem';
import { loadSiteConfig } from '../lib/site-config';
import { activePublicDir, readAudience, readBuildTime, resolveSitePaths } from '../lib/site-paths';

const VIRTUAL_ID = 'virtual:honor-roll/context';

/** Problems that mean a file cannot be handed to Astro's own reader at all. */
const UNREADABLE = new Set<Problem['code']>(['yaml', 'too-long', 'encoding', 'frontmatter-missing']);

/** Tells content.config.ts where the content is: it runs in the same process, after this hook. */
export const CONTENT_DIR_ENV = 'HONOR_ROLL_CONTENT_DIR';

/**
 * Stops the build with the report as the whole message. Astro prints an `AstroError` as its
 * message and hint; without a stack trace, which would only bury the report. Astro puts its own
 * English line before it (`An unhandled error occurred while running the "astro:config:setup"
 * hook`), whatever a hook throws: `npm run build` and the editor's 发布 show the Chinese lines
 * alone (problemLines in src/lib/publish-log.ts).
 */
function stop(problems: Problem[], summary: string): never {
  const error = new AstroError(`${summary}\n\n${formatReport(problems, { color: process.stdout.isTTY, context: 'build' })}`);
  error.stack = '';
  throw error;
}

/**
 * The dev server keeps its content store in the project's `.astro/`, whichever unit's folder it
 * shows (HONOR_ROLL_SITE). An entry whose text did not change is taken from that store as it was
 * — with the file path of the folder it came from — so after switching to another folder with
 * the same files (a copy of a site), its pictures were looked for in the old folder. The store of
 * another folder is therefore forgotten before the dev server starts.
 */
function forgetOtherSitesStore(dotAstro: string, contentDir: string): void {
  const marker = path.join(dotAstro, 'honor-roll-content-dir');
  const last = existsSync(marker) ? readFileSync(marker, 'utf8') : undefined;
  if (last === contentDir) return;
  rmSync(path.join(dotAstro, 'data-store.json'), { force: true });
  mkdirSync(dotAstro, { recursive: true });
  writeFileSync(marker, contentDir);
}

/**
 * Astro resolves `astro:asset-imports` (the image imports of the content's pictures) and
 * `astro:content-module-imports` (the MDX entries) to `.astro/content-assets.mjs` and
 * `.astro/content-modules.mjs` when those files exist, and otherwise to a stub module with the
 * files' text at the time it was first loaded. The dev server resolves them before its first
 * content sync writes the files, and keeps what it resolved: on a fresh clone (no `.astro/` yet)
 * it used the stub, which no file change ever reloads, so the editor's second entry saved with a
 * new picture was rendered with the picture's path as text (LocalImageUsedWrongly) until the
 * editor was restarted. Both files are created empty before the dev server starts; the sync fills
 * them, and Vite reloads them like any other changed file.
 */
function ensureContentImportMaps(dotAstro: string): void {
  mkdirSync(dotAstro, { recursive: true });
  for (const file of ['content-assets.mjs', 'content-modules.mjs']) {
    const target = path.join(dotAstro, file);
    if (!existsSync(target)) writeFileSync(target, 'export default new Map();');
  }
}

export function honorRoll(): AstroIntegration {
  let stopListening: (() => void) | undefined;
  return {
    name: 'honor-roll',
    hooks: {
      'astro:server:setup': ({ refreshContent }) => {
        // A saved entry shows without Astro's 500 ms wait before it writes its content store.
        if (refreshContent) stopListening = onContentChanged(coalesced(() => writeStoreNow(refreshContent)));
      },
      'astro:server:done': () => {
        stopListening?.();
      },
      'astro:config:setup': async ({ command, config, updateConfig, logger }) => {
        const root = fileURLToPath(config.root);
        const paths = resolveSitePaths(root, process.env, process.argv);
        const audience = readAudience(process.env, process.argv);
        const buildTime = readBuildTime(process.env, new Date());
        if (!buildTime) {
          throw new AstroError('HONOR_ROLL_NOW 不是有效的时间（HONOR_ROLL_NOW is not a valid ISO date）', '例如 HONOR_ROLL_NOW=2026-01-01T00:00:00+08:00');
        }
        process.env[CONTENT_DIR_ENV] = paths.contentDir;
        const dotAstro = fileURLToPath(new URL('.astro/', config.root));
        if (command === 'dev') {
          forgetOtherSitesStore(dotAstro, paths.contentDir);
          ensureContentImportMaps(dotAstro);
        }

        // Another unit's folder may bring its own public/ (logo, favicon); else the project's.
        const publicDir = activePublicDir(paths, fileURLToPath(config.publicDir));
        // A build (and the dev server) checks everything first, with the same function as npm run check.
        const started = performance.now();
        // A file written from here on may have been read either way by the check or by Astro (build-inputs.ts).
        const checkedSinceMs = Date.now();
        const checked = command === 'build' || command === 'dev' ? await checkSite({ root, contentDir: paths.contentDir, configFile: paths.configFile, publicDir, now: buildTime, audience }) : undefined;
        const site = checked?.config ?? loadSiteConfig(paths.configFile, { root, publicDir });
        if (!site.ok) stop(site.problems, '网站配置有误，未生成网站（site config is invalid; nothing was built）。');

        if (checked) {
          // The config's own problems (personal data in its text) and those of the files copied
          // from public/ stop a build as the content's do.
          const { problems, content: check } = checked;
          setBuildContext({ paths, publicDir, checkedSinceMs, siteConfig: site.config, now: buildTime, audience, check, problems });
          const errors = problems.filter((p) => p.severity === 'error');
          if (errors.length > 0 && command === 'build') {
            stop(problems, `内容有 ${errors.length} 个错误，未生成网站（content has ${errors.length} errors; nothing was built）。`);
          }
          // The dev server shows pages despite content errors, but Astro must not read a file the
          // check could not: an alias bomb or a 5-million-character field would hang it.
          if (errors.some((p) => UNREADABLE.has(p.code)) && command === 'dev') {
            stop(problems, '有文件无法安全读取，未启动预览（some files cannot be read safely; the dev server did not start）。');
          }
          // A build lists its reminders in the summary at its end (build-summary.ts), after what was built.
          if (problems.length > 0 && command === 'dev') logger.warn(`\n${formatReport(problems, { color: process.stdout.isTTY, context: 'check' })}`);
          logger.info(`内容检查：${check.entries.length} 个条目（content check, ${elapsedMs(started)} ms）`);
          // Before the pages and share cards allocate; worker threads share the process's flags.
          if (command === 'build') for (const flag of heapGrowthFlags(check.entries.length)) v8.setFlagsFromString(flag);
        }

        const context = {
          siteConfig: site.config,
          buildTime: buildTime.toISOString(),
          audience,
          cacheDir: paths.cacheDir,
          favicon: existsSync(path.join(publicDir, 'favicon.svg')) ? '/favicon.svg' : null,
          psbIcon: existsSync(path.join(publicDir, PSB_ICON_FILE)) ? `/${PSB_ICON_FILE}` : null,
          // The catalog asks Astro only for collections whose folder holds an entry file.
          contentDir: paths.contentDir,
          // Started by path, outside Vite's bundle: Node runs a worker from a file of its own.
          shareImagesWorker: path.join(root, 'src', 'data', 'share-images-worker.mjs'),
        };
        updateConfig({
          site: site.config.url,
          base: site.config.base,
          cacheDir: dirUrl(paths.cacheDir),
          publicDir: dirUrl(publicDir),
          vite: {
            // Vite's dependency cache lives with the site's other caches, not in node_modules/.vite
            // (Astro's default), which every site and every project copy sharing node_modules would
            // share: builds of two sites side by side re-optimised it under each other, and each build
            // of another site than the last found it stale ("vite config has changed").
            cacheDir: path.join(paths.cacheDir, 'vite'),
            plugins: [
              {
                name: 'honor-roll:context',
                resolveId: (id: string) => (id === VIRTUAL_ID ? `\0${VIRTUAL_ID}` : undefined),
                load: (id: string) =>
                  id === `\0${VIRTUAL_ID}`
                    ? [
                        `export const siteConfig = ${JSON.stringify(context.siteConfig)};`,
                        `export const buildTime = new Date(${JSON.stringify(context.buildTime)});`,
                        `export const audience = ${JSON.stringify(context.audience)};`,
                        `export const cacheDir = ${JSON.stringify(context.cacheDir)};`,
                        `export const favicon = ${JSON.stringify(context.favicon)};`,
                        `export const psbIcon = ${JSON.stringify(context.psbIcon)};`,
                        `export const contentDir = ${JSON.stringify(context.contentDir)};`,
                        `export const shareImagesWorker = ${JSON.stringify(context.shareImagesWorker)};`,
                      ].join('\n')
                    : undefined,
              },
              {
                // The content store as one string for Rollup, not one object literal (see
                // data-store-module.ts). Only in a build: the dev server reloads Astro's module
                // when the editor writes the store.
                name: 'honor-roll:data-store-module',
                apply: 'build',
                // Before Astro's own loader of the module, itself a 'pre' plugin listed first.
                load: {
                  order: 'pre',
                  handler: (id: string) => {
                    const store = path.join(paths.cacheDir, 'data-store.json');
                    return id === RESOLVED_DATA_STORE_ID && existsSync(store) ? dataStoreModule(readFileSync(store, 'utf8')) : undefined;
                  },
                },
              },
              {
                // The dev server's map of content pictures: made from the content store the pages
                // read, made again whenever that store is written, and listing only pictures that
                // exist (see content-asset-imports.ts for why Astro's own file is not enough).
                name: 'honor-roll:content-assets',
                apply: 'serve',
                configureServer: (server) => {
                  const store = path.join(dotAstro, 'data-store.json');
                  const remake = (file: string) => {
                    if (path.resolve(file) !== store) return;
                    for (const map of server.moduleGraph.getModulesByFile(path.join(dotAstro, 'content-assets.mjs')) ?? []) server.moduleGraph.invalidateModule(map);
                  };
                  server.watcher.on('add', remake);
                  server.watcher.on('change', remake);
                },
                transform: (code: string, id: string) => {
                  if (path.resolve(id) !== path.join(dotAstro, 'content-assets.mjs')) return undefined;
                  const store = path.join(dotAstro, 'data-store.json');
                  const fromStore = existsSync(store) ? contentAssetsOf(readFileSync(store, 'utf8')) : undefined;
                  return withoutMissingPictures(fromStore ?? code, root, existsSync);
                },
              },
            ],
          },
        });
      },
    },
  };
}
