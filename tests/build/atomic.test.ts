/**
 * Publishing is all or nothing: a build killed half-way leaves the previous site byte for byte,
 * and two builds started together both finish with their own, complete output.
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IN_USE_MARK } from '../../src/lib/interrupted-cache';
import { fingerprint } from '../unit/helpers/fingerprint';
import { BUILD_ROOT, buildSite, listOutput, prepareFixture, startBuild } from './harness';
import { buildMinimalSite, copyBuild } from './shared-builds';

function waitForExit(child: ReturnType<typeof startBuild>): Promise<{ code: number | null; output: string }> {
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

/** Starts a build and kills it as soon as it has started writing pages into its staging folder. */
async function killOnceWriting(siteDir: string, outDir: string, { env = {}, args = [] }: { env?: Record<string, string>; args?: string[] } = {}): Promise<{ code: number | null; output: string }> {
  const staging = path.join(BUILD_ROOT, '.honor-roll', 'staging');
  const child = startBuild(siteDir, { outDir, env, args });
  const exited = waitForExit(child);
  await new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      let written = 0;
      try {
        written = readdirSync(staging, { recursive: true }).length;
      } catch {
        // not there yet
      }
      if (written > 0) {
        clearInterval(timer);
        child.kill('SIGKILL');
        resolve();
      } else if (Date.now() - started > 60_000) {
        clearInterval(timer);
        reject(new Error('the build never started writing'));
      }
    }, 20);
  });
  return exited;
}

describe('an interrupted build', () => {
  it('leaves the previous site byte for byte, and the next build succeeds', async () => {
    // The previous site: a copy of the minimal site other test files read (built once for them all).
    const first = await buildMinimalSite();
    expect(first.status, first.output).toBe(0);
    const { siteDir, outDir } = copyBuild(first);
    const before = fingerprint(outDir);

    const killed = await killOnceWriting(siteDir, outDir, { env: { HONOR_ROLL_NOW: '2027-01-01T00:00:00+08:00' } });
    expect(killed.code).not.toBe(0);
    expect(fingerprint(outDir)).toEqual(before);

    // The lock the killed build held is recognised as stale; the next build runs normally.
    const next = await buildSite(siteDir, { outDir, env: {} });
    expect(next.status, next.output).toBe(0);
    expect(fingerprint(outDir).length).toBe(before.length);

    // Killed while writing a picture into the cache, a build leaves half of it there, newer than
    // its start; Astro would reuse it without reading it. The picture: one the last build
    // published (the names of pictures depend on where the project is, so on the test worker).
    const cache = path.join(path.dirname(outDir), 'cache');
    const pictures = new Set(listOutput(outDir).filter((file) => file.endsWith('.webp')).map((file) => path.posix.basename(file)));
    const cached = readdirSync(path.join(cache, 'assets')).find((file) => pictures.has(file))!;
    expect(cached).toBeDefined();
    const whole = readFileSync(path.join(cache, 'assets', cached));
    // Nothing changed since the last build, which would stop at once (build-inputs.ts): forced.
    expect((await killOnceWriting(siteDir, outDir, { args: ['--force'] })).code).not.toBe(0);
    writeFileSync(path.join(cache, 'assets', cached), whole.subarray(0, 100));

    // The next build draws that picture again instead of publishing half of it.
    const again = await buildSite(siteDir, { outDir, env: {}, args: ['--force'] });
    expect(again.status, again.output).toBe(0);
    expect(again.output).toMatch(/\[build\] \d+ page\(s\) built/);
    const published = listOutput(outDir).find((file) => file.endsWith(`/${cached}`));
    expect(published, cached).toBeDefined();
    expect(readFileSync(path.join(outDir, published!))).toEqual(whole);
    expect(readFileSync(path.join(cache, 'assets', cached))).toEqual(whole);
    expect(again.output).toMatch(/上次生成没有完成（被中断或出错），它写进缓存的 \d+ 个图片文件可能不完整，已删除，这次重新生成/);
    // A build that finished leaves no mark: the one after it removes nothing.
    expect(existsSync(path.join(cache, IN_USE_MARK))).toBe(false);
  });
});

describe('two builds started together', () => {
  it('both finish, one after the other, each with its own complete site', async () => {
    const a = prepareFixture('minimal', { 'site.config.yaml': 'title: 甲站\nurl: https://a.example\n' });
    const b = prepareFixture('publishing', { 'site.config.yaml': 'title: 乙站\nurl: https://b.example\n' });
    const [ra, rb] = await Promise.all([waitForExit(startBuild(a.siteDir, { outDir: a.outDir })), waitForExit(startBuild(b.siteDir, { outDir: b.outDir }))]);
    expect(ra.code, ra.output).toBe(0);
    expect(rb.code, rb.output).toBe(0);
    expect(`${ra.output}${rb.output}`).toContain('另一个生成正在进行');
    expect(readFileSync(path.join(a.outDir, 'index.html'), 'utf8')).toContain('甲站');
    expect(readFileSync(path.join(b.outDir, 'index.html'), 'utf8')).toContain('乙站');
    // Each site has its own content, not the other's.
    expect(listOutput(a.outDir)).not.toContain('honors/shared-honor/index.html');
    expect(listOutput(b.outDir)).toContain('honors/shared-honor/index.html');
    expect(statSync(path.join(a.outDir, 'pagefind', 'pagefind.js')).isFile()).toBe(true);
  });
});
