/**
 * One folder per build-test run: each worker's copy of the project (see BUILD_ROOT in harness.ts)
 * and the builds the test files share are made there, and removed when the run ends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEST_RUN_ENV } from './harness';

export default function setup() {
  const run = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-test-run-'));
  // The workers start after this and inherit the variable.
  process.env[TEST_RUN_ENV] = run;
  return () => {
    rmSync(run, { recursive: true, force: true });
    delete process.env[TEST_RUN_ENV];
  };
}
