import os from 'node:os';
import { defineConfig } from 'vitest/config';

// `npm run test:e2e`: builds the sample site once, serves it with `astro preview`, and drives it
// in Debian's headless Chromium (see tests/e2e/global-setup.ts). Two files run at once, each with
// its own browser; the editor's tests each run their dev server in their worker's copy of the
// project (tests/build/harness.ts), made in the run folder of tests/build/global-setup.ts.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/build/global-setup.ts', 'tests/e2e/global-setup.ts'],
    pool: 'forks',
    poolOptions: { forks: { maxForks: Math.min(4, Math.max(2, os.availableParallelism())) } },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll gives up after 1 s by default; a first search loads Pagefind's index and
    // WebAssembly, which on a loaded CI machine took longer than that (stop 26: a red run).
    // The same 30 s Playwright's own waits allow.
    expect: { poll: { timeout: 30_000 } },
  },
});
