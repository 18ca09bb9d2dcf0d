/**
 * Removes from the finished site every file under `_astro/` that no page, stylesheet or script
 * refers to (originals of resized images and images of entries that were not published), and the
 * litter Astro copied from `public/` that is never published (Thumbs.db, .DS_Store, ~$ files:
 * the check warns about them, see src/lib/public-folder.ts).
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { elapsedMs } from './elapsed';
import { listPublicFiles } from '../lib/public-folder';
import { REFERENCING_EXTENSIONS, unreferencedAssets } from '../lib/unreferenced-assets';

function* referencingTexts(dir: string): Generator<string> {
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const file = path.join(dir, name);
    if (REFERENCING_EXTENSIONS.includes(path.extname(file).toLowerCase()) && statSync(file).isFile()) {
      yield readFileSync(file, 'utf8');
    }
  }
}

export function pruneAssets(): AstroIntegration {
  let publicDir: string | undefined;
  return {
    name: 'honor-roll:prune-assets',
    hooks: {
      'astro:config:done': ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
      },
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        if (publicDir && existsSync(publicDir)) {
          for (const { path: litter } of listPublicFiles(publicDir).filter((f) => f.rule.verdict === 'ignore')) {
            rmSync(path.join(outDir, litter), { recursive: true, force: true });
          }
        }
        const assetsDir = path.join(outDir, '_astro');
        let assets: string[];
        try {
          assets = readdirSync(assetsDir).filter((name) => !REFERENCING_EXTENSIONS.includes(path.extname(name).toLowerCase()));
        } catch {
          return; // no assets at all
        }
        const unused = unreferencedAssets(assets, referencingTexts(outDir));
        for (const name of unused) rmSync(path.join(assetsDir, name));
        if (unused.length > 0) logger.info(`已删除 ${unused.length} 个未被页面引用的原始文件（removed ${unused.length} unreferenced assets, ${elapsedMs(started)} ms）`);
      },
    },
  };
}
