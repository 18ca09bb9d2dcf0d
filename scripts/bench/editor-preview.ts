/**
 * How long the 编辑台 takes from a clerk's 保存 to the entry's page showing the change: the editor
 * is started on the site as a clerk starts it, an entry is saved through its API (the whole site
 * checked first, as every save is), and its page on the dev server is asked for until it shows
 * the new text.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { watchEditorOutput } from '../editor-address';

export interface EditorPreviewRun {
  /** Seconds from starting `npm run edit` to the printed address. */
  startSeconds: number;
  /** The first request of an entry page (Vite compiles the page on demand). */
  firstPageMs: number;
  /** Each save: request to answer (the check of the whole site included). */
  saveMs: number[];
  /** Each save: from the answer to the page showing the change. */
  previewMs: number[];
  /** Each save: from pressing 保存 (the request) to the page showing the change. */
  totalMs: number[];
}

interface Session {
  port: number;
  cookie: string;
}

function ask(session: Session, target: string, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const origin = `http://127.0.0.1:${session.port}`;
    const req = http.request(
      {
        host: '127.0.0.1',
        port: session.port,
        path: target,
        method: body === undefined ? 'GET' : 'POST',
        headers: { host: `127.0.0.1:${session.port}`, cookie: session.cookie, ...(body === undefined ? {} : { origin, 'content-type': 'application/json' }) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
export const summarise = (values: number[]) => ({ median: Math.round(median(values)), max: Math.round(Math.max(...values)) });

/**
 * Starts the editor on `siteDir`, saves `collection/id` `rounds` times with a new summary each
 * time, and measures. The editor is stopped before returning.
 */
export async function measureEditorPreview(root: string, siteDir: string, cacheDir: string, { collection, id, rounds = 5 }: { collection: string; id: string; rounds?: number }): Promise<EditorPreviewRun> {
  const started = performance.now();
  const editor = spawn(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'scripts', 'edit.ts'), '--no-open'], {
    cwd: root,
    env: { ...process.env, HONOR_ROLL_SITE: siteDir, HONOR_ROLL_CACHE_DIR: cacheDir, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { address: printed, output } = watchEditorOutput(editor, 300_000);
  try {
    const address = await printed;
    const startSeconds = (performance.now() - started) / 1000;
    const session: Session = { port: Number(address.port), cookie: `honor_roll_editor_${address.port}=${address.searchParams.get('token')}` };

    const entry = JSON.parse((await ask(session, `/__editor/api/entry?collection=${collection}&id=${id}`)).text) as { data: Record<string, unknown>; previewUrl: string };
    const firstStart = performance.now();
    await ask(session, entry.previewUrl);
    const firstPageMs = performance.now() - firstStart;

    const run: EditorPreviewRun = { startSeconds, firstPageMs, saveMs: [], previewMs: [], totalMs: [] };
    for (let round = 0; round < rounds; round++) {
      const marker = `基准测试第${round + 1}次保存${Date.now()}`;
      const pressed = performance.now();
      const saved = await ask(session, '/__editor/api/save', JSON.stringify({ collection, id, data: { ...entry.data, summary: marker } }));
      const answered = performance.now();
      if (!(JSON.parse(saved.text) as { ok?: boolean }).ok) throw new Error(`the save was refused: ${saved.text}`);
      for (;;) {
        const page = await ask(session, entry.previewUrl);
        if (page.status === 200 && page.text.includes(marker)) break;
        if (performance.now() - answered > 60_000) throw new Error('the page did not show the change within 60 s');
        // Every 100 ms: each request renders a page in the editor's own process, so asking much
        // more often would slow down what is measured (the editor's preview asks every 300 ms).
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const shown = performance.now();
      run.saveMs.push(answered - pressed);
      run.previewMs.push(shown - answered);
      run.totalMs.push(shown - pressed);
    }
    return run;
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- the editor said:\n${output().slice(-4000)}`);
  } finally {
    const exited = new Promise((resolve) => editor.on('exit', resolve));
    editor.kill('SIGTERM');
    await exited;
  }
}
