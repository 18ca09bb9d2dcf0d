/**
 * Build tests once ran `astro build` synchronously, one after another. Between two tests the runner
 * only awaits promises, so the worker's event loop never reads its messages: after a minute of
 * back-to-back builds (a busy machine, a file of many small builds) vitest's own progress report
 * times out and the remaining files are dropped. One turn of the event loop before each test
 * lets those messages through; it costs nothing, and keeps a test that blocks (a synchronous
 * script run) from starving the report again.
 */
import { beforeEach } from 'vitest';

beforeEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
