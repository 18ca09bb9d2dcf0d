/**
 * The unit test files share their worker's modules (vitest.config.ts, `isolate: false`). A file that
 * replaces a module with vi.mock would then get the real module whenever an earlier file in the same
 * worker had imported it: a test that passes alone and fails in the suite, or the other way round,
 * depending on the order. Such a file is named *.isolated.test.ts and runs in a process of its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const UNIT = path.resolve('tests', 'unit');
const files = (readdirSync(UNIT, { recursive: true }) as string[]).filter((f) => f.endsWith('.test.ts')).map((f) => f.split(path.sep).join('/'));
const REPLACES_A_MODULE = /\bvi\s*\.\s*(?:mock|doMock)\s*\(/;

describe('unit test files that replace a module', () => {
  it('are named *.isolated.test.ts, and only they', () => {
    const replacing = files.filter((f) => REPLACES_A_MODULE.test(readFileSync(path.join(UNIT, f), 'utf8')));
    expect(replacing.length).toBeGreaterThan(0);
    expect(replacing.filter((f) => !f.endsWith('.isolated.test.ts'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.isolated.test.ts') && !replacing.includes(f))).toEqual([]);
  });
});
