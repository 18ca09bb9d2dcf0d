/**
 * Builds the sample unit (a copy of examples/hailing-xuntejing, never src/content/) into a
 * temporary folder and serves it with `astro preview`, the way a reader would get it. The URL
 * reaches the tests through `inject('baseUrl')`. The three sites the tests read are built side
 * by side, each in its own copy of the project (tests/build/global-setup.ts runs first and makes
 * the run folder).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic, type StaticServer } from '../../scripts/static-server';
import { freePort } from './free-port';
import { buildFixture, buildSite, FIXTURES, PROJECT_ROOT, projectCopy, SAMPLE_SITE } from '../build/harness';

let server: ChildProcess | undefined;
let stopping = false;
let fixtureServer: StaticServer | undefined;
let pointsServer: StaticServer | undefined;

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    outDir: string;
    /** The `publishing` fixture (canary entries of every excluded kind), built under /rongyu/. */
    fixtureUrl: string;
    /** The intranet edition of the `points` fixture (fictional boards and a study schedule). */
    pointsUrl: string;
  }
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`preview server did not answer at ${url}`);
}

/** The address `astro preview` says it serves on (`http://127.0.0.1:4321`), once it has said it. */
async function addressOf(child: ChildProcess, output: () => string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(output())?.[0];
    if (url) return url;
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`astro preview did not say where it serves:\n${output()}`);
}

export default async function setup(project: TestProject) {
  const work = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-e2e-'));
  const siteDir = path.join(work, 'site');
  cpSync(SAMPLE_SITE, siteDir, { recursive: true });
  const outDir = path.join(work, 'dist');
  const [build, fixture, points] = await Promise.all([
    buildSite(siteDir, { outDir, env: {}, root: projectCopy('setup-sample') }),
    // Search must respect a base path and must never find an excluded entry. The fixture's own
    // config brings every government-site footer item (accessibility.test.ts looks at them).
    buildFixture('publishing', {
      files: { 'site.config.yaml': `${readFileSync(path.join(FIXTURES, 'publishing', 'site.config.yaml'), 'utf8')}base: /rongyu/\n` },
      root: projectCopy('setup-publishing'),
    }),
    // The sample records no points: the boards are shown (and printed) on fictional data.
    buildFixture('points', { args: ['--audience', 'internal'], root: projectCopy('setup-points') }),
  ]);
  if (build.status !== 0) throw new Error(`sample site failed to build:\n${build.output}`);
  if (fixture.status !== 0) throw new Error(`publishing fixture failed to build:\n${fixture.output}`);
  if (points.status !== 0) throw new Error(`points fixture failed to build:\n${points.output}`);

  // Port 0 does not reach Vite, so the server starts from a port nobody holds now, may take the
  // next if that goes meanwhile, and says which: the address is read from what it prints. (A fixed
  // port let a second test run on the machine serve — and then take away — this run's pages.)
  server = spawn(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/astro/astro.js'), 'preview', '--port', String(await freePort()), '--host', '127.0.0.1'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', HONOR_ROLL_SITE: siteDir, HONOR_ROLL_OUT_DIR: outDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // If the server stops while tests still need it, what it said last is the only clue.
  let said = '';
  for (const stream of [server.stdout!, server.stderr!]) stream.setEncoding('utf8').on('data', (chunk: string) => (said = (said + chunk).slice(-4000)));
  server.on('exit', (code, signal) => {
    if (!stopping) console.error(`astro preview stopped during the tests (exit ${code}, signal ${signal}):\n${said}`);
  });
  const baseUrl = await addressOf(server, () => said, 30_000);
  await waitFor(`${baseUrl}/`, 30_000);
  project.provide('baseUrl', baseUrl);
  project.provide('outDir', outDir);

  fixtureServer = await serveStatic(fixture.outDir, { base: '/rongyu/' });
  project.provide('fixtureUrl', fixtureServer.url);

  pointsServer = await serveStatic(points.outDir, { base: '/' });
  // Without the trailing slash, so paths are written as in the sample's tests: `${pointsUrl}/points/`.
  project.provide('pointsUrl', pointsServer.url.replace(/\/$/, ''));

  return async () => {
    stopping = true;
    server?.kill();
    await fixtureServer?.close();
    await pointsServer?.close();
  };
}
