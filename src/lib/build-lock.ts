/**
 * One build at a time per project. Astro keeps state of its own in the project (`.astro/`, the
 * content cache, the staging folder), so two builds started together would overwrite each other's
 * files; the second one waits for the first instead. A lock left by a build that was killed is
 * recognised (its process is gone) and taken over.
 */
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Tries once to take the lock; returns the pid of the holder when it is taken by a live process. */
function tryLock(file: string): number | null {
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    const fd = openSync(file, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const holder = Number(readFileSync(file, 'utf8').trim());
  if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) return holder;
  // Left behind by a build that was killed: take it over.
  rmSync(file, { force: true });
  return tryLock(file);
}

/** The one lock of a project: builds, rollbacks and the editor's 发布 and 回退 all take it. */
export function buildLockFile(root: string): string {
  return path.join(root, '.honor-roll', 'build.lock');
}

export interface BuildLock {
  release(): void;
}

/**
 * Waits until no other build of this project runs, then holds the lock until `release()` or the
 * end of the process. `onWait` is called once if there is something to wait for.
 */
export async function acquireBuildLock(
  file: string,
  { timeoutMs = 30 * 60_000, pollMs = 250, onWait }: { timeoutMs?: number; pollMs?: number; onWait?: (pid: number) => void } = {},
): Promise<BuildLock> {
  const deadline = Date.now() + timeoutMs;
  let warned = false;
  for (;;) {
    const holder = tryLock(file);
    if (holder === null) break;
    if (!warned) onWait?.(holder);
    warned = true;
    if (Date.now() > deadline) throw new Error(`另一个生成（进程 ${holder}）已运行超过 ${Math.round(timeoutMs / 60_000)} 分钟`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    // A long-running process (the editor) takes the lock many times: one exit listener per hold.
    process.off('exit', release);
    try {
      if (Number(readFileSync(file, 'utf8').trim()) === process.pid) rmSync(file, { force: true });
    } catch {
      // already gone
    }
  };
  process.once('exit', release);
  return { release };
}
