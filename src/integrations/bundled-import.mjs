// @ts-check
/**
 * Imports a TypeScript module and everything it imports from the project as one ES module bundled
 * by esbuild, which Node imports natively. Astro imports a config natively when it can; a config
 * that imports .ts files it loads instead through a Vite server of its own, transforming one module
 * at a time (≈ 0.9 s of every build of the smallest site, most of it waiting on esbuild's process
 * for each of the integrations' 130 modules), against ≈ 0.35 s for bundling them. Packages stay
 * imports of node_modules.
 *
 * Plain JavaScript: it runs before anything can compile TypeScript.
 */
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/**
 * @param {string} entry the module, an absolute path
 * @param {string} outDir where the bundle is written (never published)
 * @returns {Promise<any>} the module's exports (the caller names their type)
 */
export async function importBundled(entry, outDir) {
  // The bundle's comments name files relative to the entry's folder, not to wherever the command
  // was started: the same code gives the same bundle.
  const result = await build({ entryPoints: [entry], absWorkingDir: path.dirname(entry), bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', write: false, logLevel: 'silent' });
  const code = result.outputFiles[0]?.contents;
  if (!code) throw new Error(`esbuild wrote nothing for ${entry}`);
  // Named by its content and written whole, then renamed: a build started beside this one never
  // reads a half-written bundle. One already there is used only if it holds exactly this code (a
  // power cut can leave a renamed file empty), and is not replaced otherwise (on Windows a file
  // another process is reading cannot be).
  const name = `${path.basename(entry, path.extname(entry))}.${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`;
  const file = path.join(outDir, name);
  if (!holds(file, code)) {
    mkdirSync(outDir, { recursive: true });
    const partial = `${file}.${process.pid}.part`;
    const fd = openSync(partial, 'w');
    try {
      writeSync(fd, code);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      renameSync(partial, file);
    } catch (error) {
      // Another build renamed the same bundle into place first (Windows refuses a second rename).
      rmSync(partial, { force: true });
      if (!holds(file, code)) throw error;
    }
  }
  const exports = await import(pathToFileURL(file).href);
  // Bundles of earlier versions of the code are not needed again; one still being read by another
  // build (Windows will not delete it then) goes next time.
  for (const other of readdirSync(outDir)) {
    if (other === name) continue;
    // Another build's bundle being written now is younger than a minute; an older one was left by a killed build.
    if (other.endsWith('.part') && Date.now() - (statSync(path.join(outDir, other), { throwIfNoEntry: false })?.mtimeMs ?? 0) < 60_000) continue;
    try {
      rmSync(path.join(outDir, other), { force: true });
    } catch {
      // kept for now
    }
  }
  return exports;
}

/**
 * Whether `file` holds exactly `code`.
 * @param {string} file
 * @param {Uint8Array} code
 */
function holds(file, code) {
  try {
    return readFileSync(file).equals(code);
  } catch {
    return false;
  }
}
