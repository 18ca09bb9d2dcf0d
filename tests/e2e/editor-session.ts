/**
 * What the editor's browser tests share: `npm run edit` started on a temporary copy of a fixture
 * (never src/content/), a browser context that fails any request leaving this PC, and axe-core
 * run with the contrast it could only measure (its "incomplete" results) held to WCAG AA too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PROJECT_ROOT, prepareFixture, withoutHonorRollVariables } from '../build/harness';

export interface EditorProcess {
  /** The address printed by `npm run edit`, with its token. */
  address: URL;
  origin: string;
  siteDir: string;
  /** What the editor printed so far. */
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts `npm run edit -- --no-open` on a copy of `fixture` with `files` added; resolves once it prints its address. */
export async function startEditor(fixture: string, files: Record<string, string | Buffer> = {}): Promise<EditorProcess> {
  const { siteDir } = prepareFixture(fixture, files);
  const tsx = path.join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const child: ChildProcess = spawn(process.execPath, [tsx, path.join(PROJECT_ROOT, 'scripts', 'edit.ts'), '--no-open'], {
    cwd: PROJECT_ROOT,
    env: { ...withoutHonorRollVariables(process.env), NO_COLOR: '1', HONOR_ROLL_SITE: siteDir, HONOR_ROLL_CACHE_DIR: path.join(path.dirname(siteDir), 'cache') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const address = await new Promise<URL>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the editor did not start:\n${output}`)), 120_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/__editor\/\?token=[A-Za-z0-9_-]+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(new URL(match[0]));
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`the editor exited (${code}):\n${output}`)));
  });
  return {
    address,
    origin: address.origin,
    siteDir,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|\[::1\]|localhost)$/;

/**
 * A browser context in which every request to anything but this PC is refused and recorded: the
 * editor must work with the network cable pulled.
 */
export async function loopbackContext(browser: Browser, width: number): Promise<{ context: BrowserContext; foreign: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
  const foreign: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (LOOPBACK.test(url.hostname)) return route.continue();
    foreign.push(url.href);
    return route.abort('blockedbyclient');
  });
  return { context, foreign };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core's WCAG 2.1 A/AA violations on the open page, one line each, plus every text whose
 * contrast axe measured below 4.5:1 but only listed as "incomplete" (a gradient, an overlap).
 */
export async function editorAxeFindings(page: Page): Promise<string[]> {
  // Through the DevTools protocol, which the editor's Content-Security-Policy does not govern.
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    interface AxeNode {
      target: unknown[];
      any: { data?: { contrastRatio?: number } | null }[];
    }
    interface AxeResult {
      violations: { id: string; impact: string | null; nodes: AxeNode[] }[];
      incomplete: { id: string; nodes: AxeNode[] }[];
    }
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations', 'incomplete'], runOnly: { type: 'tag', values: tags } });
    const violations = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
    const lowContrast = result.incomplete
      .filter((r) => r.id === 'color-contrast')
      .flatMap((r) => r.nodes)
      .flatMap((n) => n.any.map((check) => [n.target, check.data?.contrastRatio] as const))
      .filter(([, ratio]) => typeof ratio === 'number' && ratio > 0 && ratio < 4.5)
      .map(([target, ratio]) => `color-contrast (incomplete, measured ${ratio}): ${JSON.stringify(target)}`);
    return [...violations, ...lowContrast];
  }, WCAG_AA_TAGS);
}
