import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkerPool } from '../../src/lib/worker-pool';

const dir = mkdtempSync(path.join(os.tmpdir(), 'worker-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A worker that answers `{ id, n }` with `n * 2` and the thread it ran on after `wait` ms,
 * fails on a negative `n`, and exits the thread on `n === 13`.
 */
const script = path.join(dir, 'double.mjs');
writeFileSync(
  script,
  `import { parentPort, threadId, workerData } from 'node:worker_threads';
parentPort.on('message', async ({ id, n, wait }) => {
  await new Promise((r) => setTimeout(r, wait ?? 0));
  if (n === 13) process.exit(3);
  if (n < 0) parentPort.postMessage({ id, error: 'negative: ' + n });
  else parentPort.postMessage({ id, doubled: n * workerData.factor, thread: threadId });
});
`,
);

type Job = { n: number; wait?: number };
type Result = { doubled: number; thread: number };

describe('createWorkerPool', () => {
  it('answers each job with its own result, in worker threads, at most `size` of them', async () => {
    const pool = createWorkerPool<Job, Result>(script, { factor: 2 }, 2);
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => pool.run({ n, wait: 20 })));
    expect(results.map((r) => r.doubled)).toEqual([2, 4, 6, 8, 10, 12]);
    const threads = new Set(results.map((r) => r.thread));
    expect(threads.has(threadId)).toBe(false);
    // Six 20 ms jobs on two workers: both took some, no third was started.
    expect(threads.size).toBe(2);
    await pool.close();
  });

  it('rejects a failed job with its message and carries on with the others', async () => {
    const pool = createWorkerPool<Job, Result>(script, { factor: 3 }, 1);
    const [bad, good] = await Promise.allSettled([pool.run({ n: -1 }), pool.run({ n: 5 })]);
    expect(bad).toMatchObject({ status: 'rejected', reason: { message: 'negative: -1' } });
    expect(good).toMatchObject({ status: 'fulfilled', value: { doubled: 15 } });
    await pool.close();
  });

  it('rejects the job of a worker that died and starts another for the queue', async () => {
    const pool = createWorkerPool<Job, Result>(script, { factor: 2 }, 1);
    const [dead, after] = await Promise.allSettled([pool.run({ n: 13 }), pool.run({ n: 4 })]);
    expect(dead).toMatchObject({ status: 'rejected', reason: { message: expect.stringContaining('exit code 3') } });
    expect(after).toMatchObject({ status: 'fulfilled', value: { doubled: 8 } });
    await pool.close();
  });

  it('refuses jobs once closed, also those still queued', async () => {
    const pool = createWorkerPool<Job, Result>(script, { factor: 2 }, 1);
    const settled = Promise.allSettled([pool.run({ n: 1, wait: 200 }), pool.run({ n: 2 })]);
    await pool.close();
    const closed = { status: 'rejected', reason: { message: 'worker pool closed' } };
    expect(await settled).toMatchObject([closed, closed]);
    await expect(pool.run({ n: 3 })).rejects.toThrow('worker pool closed');
  });
});
