import { defineConfig } from 'vitest/config';

// `npm test`: unit tests (pure functions, in parallel) and build-output tests (real `astro build`
// runs of fixture sites, one at a time because Astro writes shared files under .astro/).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          setupFiles: ['tests/build/setup.ts'],
          // One fork, so the files run one after another.
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
