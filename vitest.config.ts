import os from 'node:os';
import { defineConfig } from 'vitest/config';

// `npm test`: unit tests (pure functions, in parallel) and build-output tests (real `astro build`
// runs of fixture sites). Build-test files run two or more at once, each worker in its own copy of
// the project (tests/build/harness.ts), because Astro writes site-dependent files under .astro/.
// One astro build keeps about 1.2 cores busy, so two workers still gain on two cores.
const buildWorkers = Math.min(4, Math.max(2, os.availableParallelism()));
export default defineConfig({
  test: {
    poolOptions: {
      forks: { maxForks: buildWorkers },
      threads: { isolate: false },
    },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          exclude: ['tests/unit/**/*.isolated.test.ts'],
          // The unit files share their worker's modules instead of each importing the project
          // afresh, which was most of their time (alone on two cores: 54 s and 92 CPU-s → 24 s and
          // 27 CPU-s). Vitest sets isolation per pool, not per project, so they run in the threads
          // pool (isolate: false above), which nothing else uses. They test pure functions of their
          // input; a file that changes what every later file would see (a module replaced with
          // vi.mock) is named *.isolated.test.ts and runs in a process of its own (below). A file
          // that fakes the clock gives the real one back when it is done.
          pool: 'threads',
          // A guard against a hang, not a speed limit: the heaviest cases (hostile YAML, a gzip
          // bomb, a .docx with photos) take a few seconds alone and several times that while the
          // build tests share the cores.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'unit-isolated',
          include: ['tests/unit/**/*.isolated.test.ts'],
          pool: 'forks',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          setupFiles: ['tests/build/setup.ts'],
          globalSetup: ['tests/build/global-setup.ts'],
          pool: 'forks',
          testTimeout: 180_000,
          // A large fixture build on a machine busy with the other worker's builds can take minutes.
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
