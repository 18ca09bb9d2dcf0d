/**
 * A few worker threads that take jobs in turn: CPU-bound build work (drawing share cards) on every
 * core while the main thread renders pages. Small on purpose — one message in, one out, jobs in
 * order — rather than piscina, whose optional native dependency (@napi-rs/nice) the offline
 * bundle would have to fetch for each platform.
 *
 * The worker script answers each message `{ id, ...job }` with `{ id }` (plus `error`, a text,
 * when the job failed) and may answer with more fields, which become the result.
 */
import { Worker } from 'node:worker_threads';

export interface WorkerPool<Job, Result = void> {
  run(job: Job): Promise<Result>;
  /** Stops the workers; jobs not yet answered are refused. */
  close(): Promise<void>;
}

interface Pending<Result> {
  resolve: (result: Result) => void;
  reject: (error: Error) => void;
}

/**
 * `size` workers of `script`, started on the first job. Idle workers do not keep the process
 * alive (they are unref'd), so a build ends when its work does even if nobody calls close().
 */
export function createWorkerPool<Job extends object, Result = void>(script: string, workerData: unknown, size: number): WorkerPool<Job, Result> {
  const workers: Worker[] = [];
  const busy = new Map<Worker, number>();
  const pending = new Map<number, Pending<Result>>();
  const queue: { id: number; job: Job }[] = [];
  let nextId = 0;
  let closed = false;

  const dispatch = (worker: Worker) => {
    const next = queue.shift();
    if (!next) {
      busy.delete(worker);
      worker.unref();
      return;
    }
    busy.set(worker, next.id);
    worker.ref();
    worker.postMessage({ id: next.id, ...next.job });
  };

  const fail = (worker: Worker, error: Error) => {
    // A worker that died takes its job with it; the others carry on with the queue.
    const id = busy.get(worker);
    busy.delete(worker);
    workers.splice(workers.indexOf(worker), 1);
    if (id !== undefined) {
      pending.get(id)?.reject(error);
      pending.delete(id);
    }
    if (queue.length > 0 && !closed) start();
  };

  const start = () => {
    const worker = new Worker(script, { workerData });
    workers.push(worker);
    worker.on('message', (message: { id: number; error?: string }) => {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.error !== undefined) waiting?.reject(new Error(message.error));
      else waiting?.resolve(message as Result);
      dispatch(worker);
    });
    worker.on('error', (error) => fail(worker, error));
    worker.on('exit', (code) => {
      if (workers.includes(worker)) fail(worker, new Error(`worker ${script} stopped (exit code ${code})`));
    });
    dispatch(worker);
  };

  return {
    run(job) {
      if (closed) return Promise.reject(new Error('worker pool closed'));
      const id = nextId++;
      const result = new Promise<Result>((resolve, reject) => pending.set(id, { resolve, reject }));
      queue.push({ id, job });
      const idle = workers.find((w) => !busy.has(w));
      if (idle) dispatch(idle);
      else if (workers.length < size) start();
      return result;
    },
    async close() {
      closed = true;
      for (const { id } of queue.splice(0)) pending.get(id)?.reject(new Error('worker pool closed'));
      const stopping = workers.splice(0);
      await Promise.all(stopping.map((w) => w.terminate()));
      for (const [, waiting] of pending) waiting.reject(new Error('worker pool closed'));
      pending.clear();
    },
  };
}
