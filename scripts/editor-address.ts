/**
 * The address `npm run edit` prints once it listens (`http://127.0.0.1:4322/__editor/?token=…`),
 * read from a started editor's output: for the benchmark and the tests that start the editor as
 * a clerk does, rather than each reading the output its own way.
 */
import type { ChildProcess } from 'node:child_process';

const ADDRESS = /http:\/\/127\.0\.0\.1:\d+\/__editor\/\?token=[A-Za-z0-9_-]+/;

/**
 * Collects what `editor` prints; `address` resolves with the printed address, or rejects with the
 * output when the editor exits first or says nothing within `timeoutMs`.
 */
export function watchEditorOutput(editor: ChildProcess, timeoutMs: number): { address: Promise<URL>; output: () => string } {
  let output = '';
  const address = new Promise<URL>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the editor did not start:\n${output}`)), timeoutMs);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ADDRESS.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(new URL(match[0]));
      }
    };
    editor.stdout?.on('data', read);
    editor.stderr?.on('data', read);
    editor.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the editor exited (${code}):\n${output}`));
    });
  });
  return { address, output: () => output };
}
