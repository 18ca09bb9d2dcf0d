/**
 * astro.config.mjs loads the project's TypeScript integrations as one esbuild bundle
 * (src/integrations/bundled-import.mjs), so that Node imports the config natively and Astro does
 * not start a Vite server to transform it module by module.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MODULE = path.join(PROJECT_ROOT, 'src', 'integrations', 'bundled-import.mjs');

/** Runs an ES module script in plain Node (as Astro imports the config), in the project folder. */
function runNode(script: string): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: PROJECT_ROOT, encoding: 'utf8' });
}

/** The exports importBundled gives for `entry`, as JSON, or what it threw. */
function importBundled(entry: string, outDir: string): { exports?: Record<string, unknown>; error?: string } {
  const run = runNode(
    `import { importBundled } from ${JSON.stringify(pathToFileURL(MODULE).href)};
     try { console.log(JSON.stringify({ exports: { ...(await importBundled(${JSON.stringify(entry)}, ${JSON.stringify(outDir)})) } })); }
     catch (error) { console.log(JSON.stringify({ error: String(error.message) })); }`,
  );
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

describe('importBundled', () => {
  it('imports a TypeScript module with its relative imports, packages left to node_modules', () => {
    // In the project, as astro.config.mjs writes it: the bundle finds the packages from there.
    mkdirSync(path.join(PROJECT_ROOT, '.honor-roll'), { recursive: true });
    const dir = mkdtempSync(path.join(PROJECT_ROOT, '.honor-roll', 'test-bundled-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(path.join(dir, 'entry.ts'), "import { twice } from './lib';\nimport { parse } from 'yaml';\nexport const value: number = twice(parse('a: 21').a);\n");
    writeFileSync(path.join(dir, 'lib.ts'), 'export const twice = (n: number): number => n * 2;\n');
    const out = path.join(dir, 'out');
    expect(importBundled(path.join(dir, 'entry.ts'), out)).toEqual({ exports: { value: 42 } });
    const [first] = readdirSync(out);
    expect(first).toMatch(/^entry\.[0-9a-f]{16}\.mjs$/);

    // Changed code: a bundle of its own, and the earlier one removed.
    writeFileSync(path.join(dir, 'lib.ts'), 'export const twice = (n: number): number => n * 3;\n');
    expect(importBundled(path.join(dir, 'entry.ts'), out)).toEqual({ exports: { value: 63 } });
    const files = readdirSync(out);
    expect(files).toHaveLength(1);
    expect(files[0]).not.toBe(first);
  });

  it('fails with the file and the line of a syntax error', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-bundled-'));
    writeFileSync(path.join(dir, 'entry.ts'), 'export const a = ;\n');
    expect(importBundled(path.join(dir, 'entry.ts'), path.join(dir, 'out')).error).toMatch(/entry\.ts:1/);
  });
});

describe('astro.config.mjs', () => {
  it('imports in plain Node, with every integration', () => {
    const script = "const config = await import('./astro.config.mjs'); console.log(JSON.stringify(config.default.integrations.map((i) => i.name)));";
    const run = runNode(script);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(expect.arrayContaining(['honor-roll', 'honor-roll:privacy-guard', 'honor-roll:atomic-output', 'honor-roll:summary']));
  });
});
