/** Adds each page's Content-Security-Policy (see src/lib/csp.ts) to the finished HTML. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { elapsedMs } from './elapsed';
import { withPolicy } from '../lib/csp';

export function contentSecurityPolicy(): AstroIntegration {
  return {
    name: 'honor-roll:content-security-policy',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const pages = (readdirSync(outDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
        for (const page of pages) {
          const file = path.join(outDir, page);
          writeFileSync(file, withPolicy(readFileSync(file, 'utf8')));
        }
        logger.info(`已为 ${pages.length} 个页面加上内容安全策略（Content-Security-Policy on ${pages.length} pages, ${elapsedMs(started)} ms）`);
      },
    },
  };
}
