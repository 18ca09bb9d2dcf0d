/**
 * `npm run edit` as a clerk starts it (here with --no-open), on a temporary copy of a fixture site
 * — never on src/content/ — for the tests that drive the editor over HTTP or in a browser.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { watchEditorOutput } from '../../scripts/editor-address';
import { BUILD_ROOT, BUILD_TIME, PROJECT_ROOT, prepareFixture, withoutHonorRollVariables } from './harness';

export interface EditorProcess {
  /** The address printed by `npm run edit`, with its token. */
  address: URL;
  port: number;
  token: string;
  origin: string;
  siteDir: string;
  /** What the editor printed so far. */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts `npm run edit -- --no-open` on a copy of `fixture` with `files` added (its output and
 * cache beside it, the build time fixed as for fixture builds); resolves once it prints its address.
 */
export async function startEditor(fixture: string, files: Record<string, string | Buffer> = {}, env: Record<string, string> = {}): Promise<EditorProcess> {
  const { siteDir } = prepareFixture(fixture, files);
  const tsx = path.join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const child: ChildProcess = spawn(process.execPath, [tsx, path.join(BUILD_ROOT, 'scripts', 'edit.ts'), '--no-open'], {
    cwd: BUILD_ROOT,
    env: {
      ...withoutHonorRollVariables(process.env),
      NO_COLOR: '1',
      HONOR_ROLL_SITE: siteDir,
      HONOR_ROLL_CACHE_DIR: path.join(path.dirname(siteDir), 'cache'),
      HONOR_ROLL_OUT_DIR: path.join(path.dirname(siteDir), 'dist'),
      HONOR_ROLL_NOW: BUILD_TIME,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const watched = watchEditorOutput(child, 120_000);
  const address = await watched.address;
  return {
    address,
    port: Number(address.port),
    token: address.searchParams.get('token') ?? '',
    origin: address.origin,
    siteDir,
    output: watched.output,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
