// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { atomicOutput } from './src/integrations/atomic-output.ts';
import { honorRoll } from './src/integrations/honor-roll.ts';
import { pruneAssets } from './src/integrations/prune-assets.ts';

// `site` and `base` come from site.config.yaml (set by the honor-roll integration).
export default defineConfig({
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [
    honorRoll(),
    mdx(),
    pruneAssets(),
    // Last: moves the finished site into place only after every other step has succeeded.
    atomicOutput(),
  ],
});
