import { defineConfig } from 'vitest/config';

// `npm run test:e2e`: builds the sample site once, serves it with `astro preview`, and drives it
// in Debian's headless Chromium (see tests/e2e/global-setup.ts).
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
