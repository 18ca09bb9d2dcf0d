/**
 * Small fake sites published into temporary folders, for tests of kept versions and rollback that
 * need no build: every file of a site says which one it is, and a disk that stops working after
 * a number of operations stands for a process killed in the middle of a swap.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NODE_DISK, publishStaging, type ReleaseDisk, type ReleaseOptions } from '../../../src/lib/releases';
import { fingerprint } from './fingerprint';

/** Retries of a busy folder without waiting. */
export const NO_WAIT = { attempts: 3, sleep: async () => {} };

export interface Workspace {
  work: string;
  /** The output folder. */
  outDir: string;
  /** Where the next site is made before it is published. */
  staging: string;
}

const made: string[] = [];

/** A folder for one test; `removeWorkspaces` deletes them all. */
export function workspace(): Workspace {
  const work = mkdtempSync(path.join(os.tmpdir(), 'honor-roll-releases-'));
  made.push(work);
  return { work, outDir: path.join(work, 'dist'), staging: path.join(work, 'staging') };
}

/** Deletes every workspace made so far (a file's `afterAll`). */
export function removeWorkspaces(): void {
  for (const work of made.splice(0)) rmSync(work, { recursive: true, force: true });
}

/** A small site whose every file says which one it is; returns its fingerprint. */
export function makeSite(dir: string, name: string): string[] {
  for (const [file, text] of Object.entries({
    'index.html': `<p>site ${name}</p>`,
    'index.html.gz': `gz ${name}`,
    'honors/a/index.html': `<p>honour of ${name}</p>`,
    '_astro/site.css': `/* ${name} */`,
  })) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return fingerprint(dir);
}

/** 2026-06-01 12:mm Beijing time. */
export const at = (minute: number) => new Date(Date.UTC(2026, 5, 1, 4, minute));

/** Publishes a fake site named `name` (its record's command is the name too); returns its fingerprint. */
export async function publish(ws: Workspace, name: string, minute: number, options: ReleaseOptions = {}): Promise<string[]> {
  const print = makeSite(ws.staging, name);
  await publishStaging(ws.staging, ws.outDir, { command: name, audience: 'public' }, { now: at(minute), ...options });
  return print;
}

/** Which fake site is live, read from its content. */
export const liveSite = (outDir: string) => /site (\w+)/.exec(readFileSync(path.join(outDir, 'index.html'), 'utf8'))?.[1];

/** What a killed process "throws". */
export class Crash extends Error {}

/** The real disk, which stops working after `after` operations, as if the process had been killed. */
export function dyingDisk(after: number): ReleaseDisk {
  let calls = 0;
  const step =
    <A extends unknown[]>(operation: (...args: A) => void) =>
    (...args: A) => {
      if (calls++ >= after) throw new Crash(`killed after ${after} operations`);
      operation(...args);
    };
  return { rename: step(NODE_DISK.rename), writeFile: step(NODE_DISK.writeFile), remove: step(NODE_DISK.remove), mkdir: step(NODE_DISK.mkdir) };
}
